"""What is asked and checked around a session, for a pregnant woman's safety.

``safety`` holds the warning signs, the disclaimer and what a pregnancy week changes;
``first_use`` the reasons not to exercise at all, asked once before the first exercise
routine; ``questions`` are questions as plain values any shell can ask; ``preflight`` decides,
from the answers, whether a session starts; ``daily_check`` remembers the day the
warning signs were last checked.

Pure but for that one small file. May import: ``player.playback``, ``player.routine``,
``player.language``, ``player.system``. Knows nothing of how a question is shown.
"""
