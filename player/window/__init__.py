"""The pygame window: questions with buttons, and the session's large countdown, captions,
picture and buttons.

``shell`` keeps one window open for the questions before a session, the session and the
questions after it; ``app`` runs a session's loop and ``asking`` a question's; ``layout``
and ``question`` place everything, ``present`` turns the session's view into what is
shown, ``draw`` paints it; ``figures`` draws the bundled figures (a small skeleton, the
scenes round it) at any moment of their motion, for the window and the still pictures;
``probe`` finds out, before a window opens, whether anyone could see it.

May import: ``player.care`` (the questions it asks), ``player.playback``,
``player.routine``, ``player.system``. Knows nothing of the terminal, the voice or the
history.
"""

from player.window.app import WindowApp, run_window
from player.window.shell import WindowShell, open_window

__all__ = ["WindowApp", "WindowShell", "open_window", "run_window"]
