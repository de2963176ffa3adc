"""Commands said aloud, in the terminal: each acts as its key does, shown as a caption and
put in the events file; "stop now" asks first, as Q does, and ends only when said again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.listening.acting import answer
from player.listening.listener import Listener

if TYPE_CHECKING:
    from player.terminal.screen import Outcome, TerminalLoop


def hear(loop: TerminalLoop, ears: Listener, now: int) -> Outcome | None:
    """Act on what ``ears`` heard since the loop last looked, and show what it noticed;
    how the session ended, when what was heard ended it."""
    session = loop.session
    for notice in ears.take_notices():
        session.tell(notice, {"event": "listening", "notice": notice}, now)
    for heard in ears.take():
        said = answer(heard, session.engine.state, asking_to_stop=loop.asking_to_quit)
        session.tell(said.caption, said.record, now)
        if said.action == "stop":
            return loop.outcome()
        if said.action == "close":
            return "finished"
        if said.action == "go_on":
            loop.go_on(now)
        elif said.action == "ask_to_stop":
            loop.ask_to_stop(now)
        elif said.action is not None:
            session.command(said.action, now)
    return None
