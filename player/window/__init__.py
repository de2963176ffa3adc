"""The pygame window: large countdown, captions, picture and buttons for one session.

``layout`` places the regions, ``present`` turns the session's view into what is shown,
``draw`` paints it, ``app`` runs the loop and maps keys and clicks to session commands.
"""

from player.window.app import WindowApp, run_window

__all__ = ["WindowApp", "run_window"]
