"""The pygame window: questions with buttons, and the session's large countdown, captions,
picture and buttons.

``shell`` keeps one window open for the questions before a session, the session and the
questions after it; ``app`` runs a session's loop and ``asking`` a question's; ``layout``
and ``question`` place everything, ``present`` turns the session's view into what is
shown, ``draw`` paints it.
"""

from player.window.app import WindowApp, run_window
from player.window.shell import WindowShell, open_window

__all__ = ["WindowApp", "WindowShell", "open_window", "run_window"]
