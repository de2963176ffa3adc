"""Starting part way: ``Engine.start(now, from_step=k)`` carries on a session stopped in step k.

Play begins at the start of that step after the same short get-ready as a resume, and no
cue of an earlier step is ever said.
"""

from __future__ import annotations

from typing import Any

import pytest

from player.playback.engine import Engine
from player.playback.events import CueDue, DoneSaid, Event, Finished, Resumed, StepStarted, Waiting
from player.playback.timeline import Timeline
from player.routine.model import Routine

S = 1000
T0 = 2_000_000

ROUTINE: dict[str, Any] = {
    "title": "Back care",
    "lead_in": 5,
    "prepare": 0,
    "steps": [
        {"exercise": "Cat cow", "time": 30, "do": "Round and hollow the back."},
        {"exercise": "Pelvic tilt", "time": 20},
        {"exercise": "Stretch", "do": "Stretch as you like, then press done."},
        {"exercise": "Side lying", "time": 25, "sides": "both", "switch": 5},
    ],
}


def engine(**options: Any) -> Engine:
    return Engine(Routine.model_validate(ROUTINE), **options)


def index_of(timeline: Timeline, name: str) -> int:
    return next(s.index for s in timeline.steps if s.name == name)


def play_to_end(eng: Engine, now: int) -> list[Event]:
    """Advance in one-second frames, saying done at once to a step that waits, to the end."""
    events: list[Event] = []
    for _ in range(10_000):
        if eng.state == "finished":
            return events
        if eng.state == "waiting":
            events += eng.done(now)
            continue
        now += S
        events += eng.advance(now)
    raise AssertionError("the session never finished")


def cue_steps(events: list[Event]) -> set[int]:
    return {e.step for e in events if isinstance(e, CueDue) and not e.key.startswith("resume")}


def test_starting_at_a_step_gives_a_get_ready_then_plays_that_step() -> None:
    eng = engine()
    tilt = eng.timeline.steps[index_of(eng.timeline, "Pelvic tilt")]

    events = eng.start(T0, from_step=tilt.index)

    assert events[0] == Resumed(tilt.start_ms, eng.resume_lead_in_ms)
    assert [e.text for e in events if isinstance(e, CueDue)] == ["Get ready"]
    assert not any(isinstance(e, StepStarted) for e in events)
    frame = eng.frame(T0 + 1500)
    assert frame.state == "playing"
    assert frame.position_ms == tilt.start_ms
    assert frame.step.index == tilt.index
    assert frame.get_ready_ms == 3500
    assert eng.current_step().index == tilt.index

    words = [e.text for e in eng.advance(T0 + 4 * S) if isinstance(e, CueDue)]
    assert words == ["3", "2", "1"]
    assert eng.frame(T0 + 4 * S).position_ms == tilt.start_ms

    begun = eng.advance(T0 + 5 * S)
    assert begun[0] == StepStarted(tilt.start_ms, tilt.index, "Pelvic tilt", tilt.start_ms)
    assert next(e.text for e in begun if isinstance(e, CueDue)).startswith("Pelvic tilt")
    assert eng.frame(T0 + 5 * S + 7 * S).position_ms == tilt.start_ms + 7 * S


def test_no_cue_or_step_before_the_chosen_step_is_ever_played() -> None:
    eng = engine()
    tilt = index_of(eng.timeline, "Pelvic tilt")

    events = eng.start(T0, from_step=tilt) + play_to_end(eng, T0)

    assert min(cue_steps(events)) == tilt
    started = [e.step for e in events if isinstance(e, StepStarted)]
    assert started == list(range(tilt, len(eng.timeline.steps)))
    assert isinstance(events[-1], Finished)
    earlier = {c.key for c in eng.timeline.cues if c.step < tilt}
    said = {e.key for e in events if isinstance(e, CueDue)}
    assert earlier and not earlier & said


def test_a_step_that_waits_before_the_chosen_one_does_not_stop_play() -> None:
    eng = engine()
    side = index_of(eng.timeline, "Side lying")

    eng.start(T0, from_step=side)
    events = eng.advance(T0 + 5 * S) + play_to_end(eng, T0 + 5 * S)

    assert not any(isinstance(e, (Waiting, DoneSaid)) for e in events)
    assert isinstance(events[-1], Finished)


def test_starting_at_a_step_that_waits_stops_at_it_after_the_get_ready() -> None:
    eng = engine()
    stretch = index_of(eng.timeline, "Stretch")

    eng.start(T0, from_step=stretch)
    assert eng.frame(T0).state == "playing"
    events = eng.advance(T0 + 5 * S)

    assert [type(e) for e in events if not isinstance(e, CueDue)] == [StepStarted, Waiting]
    assert eng.state == "waiting"
    assert eng.done(T0 + 9 * S)[0] == DoneSaid(eng.timeline.steps[stretch].start_ms, stretch)


def test_from_step_zero_is_the_ordinary_start() -> None:
    plain, chosen = engine(), engine()

    assert chosen.start(T0, from_step=0) == plain.start(T0)
    assert chosen.frame(T0 + 3 * S) == plain.frame(T0 + 3 * S)


def test_without_a_get_ready_the_step_begins_at_once() -> None:
    eng = engine(resume_lead_in_ms=0)
    tilt = index_of(eng.timeline, "Pelvic tilt")

    events = eng.start(T0, from_step=tilt)

    assert isinstance(events[0], Resumed)
    assert isinstance(events[1], StepStarted) and events[1].step == tilt
    assert eng.frame(T0 + 2 * S).position_ms == eng.timeline.steps[tilt].start_ms + 2 * S


def test_the_get_ready_is_shorter_on_the_clock_at_a_higher_speed() -> None:
    eng = engine(speed=2.0)
    tilt = index_of(eng.timeline, "Pelvic tilt")

    eng.start(T0, from_step=tilt)

    assert not any(isinstance(e, StepStarted) for e in eng.advance(T0 + 2499))
    assert any(isinstance(e, StepStarted) for e in eng.advance(T0 + 2500))


def test_a_pause_in_the_get_ready_holds_the_start_of_the_step() -> None:
    eng = engine()
    tilt = eng.timeline.steps[index_of(eng.timeline, "Pelvic tilt")]

    eng.start(T0, from_step=tilt.index)
    eng.pause(T0 + 2 * S)
    assert eng.frame(T0 + 60 * S).position_ms == tilt.start_ms
    eng.resume(T0 + 60 * S)
    events = eng.advance(T0 + 65 * S)

    assert any(isinstance(e, StepStarted) and e.step == tilt.index for e in events)
    assert eng.frame(T0 + 66 * S).position_ms == tilt.start_ms + S


@pytest.mark.parametrize("step", [-1, 99])
def test_a_step_that_is_not_there_is_refused(step: int) -> None:
    eng = engine()

    with pytest.raises(ValueError, match="no step"):
        eng.start(T0, from_step=step)
    assert eng.state == "ready"


def test_a_second_start_does_nothing() -> None:
    eng = engine()
    eng.start(T0, from_step=2)

    assert eng.start(T0 + S, from_step=1) == []
    assert eng.frame(T0 + S).step.index == 2
