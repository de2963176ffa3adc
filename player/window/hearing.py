"""Commands said aloud, in the window: each acts as its key does, shown as a caption and
put in the events file; "stop now" asks first, as Q does, and ends only when said again."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import pygame

from player.listening.acting import answer
from player.listening.listener import Listener

if TYPE_CHECKING:
    from player.window.app import WindowApp

HEARD = pygame.event.custom_type()
"""Posted by the listener's thread to wake the window's loop at once."""


def wake_from_another_thread() -> None:
    """Wake the window's loop (from the listener's thread) to take what was heard."""
    with contextlib.suppress(pygame.error):  # the window has closed meanwhile
        pygame.event.post(pygame.event.Event(HEARD))


def hear(app: WindowApp, ears: Listener, now: int) -> None:
    """Act on what ``ears`` heard since the loop last looked, and show what it noticed."""
    session = app.session
    for notice in ears.take_notices():
        session.tell(notice, {"event": "listening", "notice": notice}, now)
    for heard in ears.take():
        said = answer(heard, session.engine.state, asking_to_stop=app.overlay == "quit")
        session.tell(said.caption, said.record, now)
        if said.action == "stop":
            app.outcome = "quit"
        elif said.action == "close":
            app.outcome = "finished"
        elif said.action == "go_on":
            app.go_on(now)
        elif said.action == "ask_to_stop":
            app.act("quit", now)
        elif said.action is not None:
            app.overlay = None if app.overlay == "help" else app.overlay
            app.command(said.action, now)
        if app.outcome is not None:
            return
