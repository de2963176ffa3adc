"""A session followed in plain text: one line per step and per cue, for any terminal or pipe."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from player.clock import Clock
from player.engine import CueDue, Engine, Event, Finished, Skipped, StepStarted, Waiting
from player.values import format_duration, format_elapsed

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
        return f"{stamp} Finished. Well done."
    return None


def play_text(
    engine: Engine,
    clock: Clock,
    out: TextIO,
    ask_done: Callable[[], bool],
    on_event: Callable[[Event], None] = lambda event: None,
) -> None:
    """Play to the end, printing as it goes. ``ask_done`` blocks until the person is done."""

    def show(events: list[Event]) -> None:
        for event in events:
            on_event(event)
            line = describe_event(engine, event)
            if line:
                print(line, file=out, flush=True)

    show(engine.start(clock.now()))
    while engine.state != "finished":
        if engine.state == "waiting":
            ask_done()
            show(engine.done(clock.now()))
            continue
        now = clock.now()
        due = engine.next_change_at(now)
        clock.sleep_until(min(due if due is not None else now + MAX_SLEEP_MS, now + MAX_SLEEP_MS))
        show(engine.advance(clock.now()))
