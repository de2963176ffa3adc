"""A routine in time.

``timeline`` holds the values: every segment and cue at an absolute millisecond; the
compiler (``compiler``, with ``cues`` and ``announcements``) turns a routine and the
person's choices into one. ``engine`` answers "where are we at elapsed time t?" and
returns the events that became due: play, pause, skip, back, restart, +/- 10 s, done,
speed; it never reads a clock. ``clock`` is the one place that does. ``session`` routes
the engine's events to a ``speaker`` (the interface a voice implements), the caption and
the event log. ``motion`` says where a step's figure is between its key poses at a frame.
``outline`` lists the steps a timeline plays, each once, for a printed page.

Pure and tested with literal data and a fake clock. May import: ``player.routine``,
``player.language``, ``player.system``. Knows nothing of a screen, a terminal, a sound
library or storage.
"""
