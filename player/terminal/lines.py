"""A session followed in plain lines: one per step and per cue, for a pipe or a log.

With no output it is the ``--ui none`` mode: the engine and the voice with no picture.
Lines are written composed (NFC), so a Vietnamese letter reaches the terminal as one
character however the routine file spelled it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from player.playback.clock import Clock
from player.playback.engine import Engine
from player.playback.events import CueDue, Event, Finished, Skipped, StepStarted, Waiting
from player.playback.session import Ending, Session
from player.routine.values import format_duration, format_elapsed
from player.system.printable import printable
from player.terminal.text_fit import composed

MAX_SLEEP_MS = 250


def describe_event(engine: Engine, event: Event) -> str | None:
    """The line a person reads for an event, or None for events that show nothing."""
    stamp = f"[{format_elapsed(event.actual_ms)}]"
    if isinstance(event, StepStarted):
        step = engine.timeline.steps[event.step]
        length = "until you say done" if step.waits_for_done else format_duration(step.duration_ms)
        where = f" (set {step.set} of {step.sets})" if step.sets > 1 else ""
        return f"{stamp} {step.name}{where}: {length}"
    if isinstance(event, CueDue):
        return f"{stamp}   \u00bb {event.text}"
    if isinstance(event, Waiting):
        return f"{stamp}   Press Enter when you are done."
    if isinstance(event, Skipped):
        return None
    if isinstance(event, Finished):
        return f"{stamp} Finished."
    return None


def ending_text(ending: Ending) -> str:
    """The end said in the same line as "Finished.": ``Well done.``, or how much was done
    and what would count."""
    return "".join(f" {words}." for words in (ending.headline, ending.reason) if words)


def play_text(
    session: Session,
    clock: Clock,
    out: TextIO | None,
    ask_done: Callable[[], object],
) -> list[Event]:
    """Play to the end, printing a line per step and cue to ``out`` (nothing when None).

    ``ask_done`` blocks until the person is done with a step that waits. Returns every
    event, in order.
    """
    engine = session.engine
    seen: list[Event] = []

    def show(events: list[Event]) -> None:
        seen.extend(events)
        for event in events:
            line = describe_event(engine, event)
            if isinstance(event, Finished) and line:
                line += ending_text(session.ending)
            if line and out is not None:
                print(composed(printable(line)), file=out, flush=True)

    show(session.start(clock.now()))
    while engine.state != "finished":
        if engine.state == "waiting":
            ask_done()
            show(session.command("done", clock.now()))
            continue
        now = clock.now()
        due = session.next_wake(now)
        clock.sleep_until(min(due if due is not None else now + MAX_SLEEP_MS, now + MAX_SLEEP_MS))
        show(session.tick(clock.now()))
    return seen
