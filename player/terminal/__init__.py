"""The terminal in every form.

``render`` turns a session's view into lines (pure); ``screen`` is the full-screen view,
a thin curses loop around it; ``lines`` plays a session as plain lines for a pipe, or
with no output at all for the voice alone; ``questions`` asks a question in plain lines;
``plan`` turns a timeline into the table ``plan`` prints.

May import: ``player.care``, ``player.language``, ``player.playback``, ``player.routine``,
``player.system``.
Knows nothing of the window, the voice or the history.
"""
