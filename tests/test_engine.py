"""Playback on a clock that only moves when the test says so.

Every engine call takes ``now`` in milliseconds. Sessions start at ``T0`` (not zero) so that
clock times and routine positions are never confused.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.playback.clock import FakeClock
from player.playback.compiler import compile_timeline
from player.playback.engine import ADJUST_STEP_MS, RESTART_THRESHOLD_MS, Engine
from player.playback.events import (
    Adjusted,
    CueDue,
    DoneSaid,
    Event,
    Finished,
    Paused,
    Resumed,
    Skipped,
    SpeedChanged,
    StepStarted,
    Waiting,
)
from player.playback.segments import MIN_ADJUSTED_MS
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices, Timeline
from player.routine.model import Routine
from player.terminal.lines import play_text

S = 1000
T0 = 1_000_000
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def timed(name: str, seconds: float, **more: Any) -> dict[str, Any]:
    return {"exercise": name, "time": seconds, **more}


MIXED: dict[str, Any] = {
    "title": "Mixed",
    "lead_in": 5,
    "prepare": 4,
    "steps": [
        timed("Plank", 30, do="Hold still."),
        {
            "exercise": "Squeeze",
            "reps": 3,
            "phases": [{"name": "In", "time": 4}, {"name": "Out", "time": 2}],
        },
        timed("Reach", 10, sides="both", switch=5),
        {"rest": 15},
        {"instruction": "Lie down on your back.", "time": 8},
        {"exercise": "Stretch", "do": "Stretch as you like.", "prepare": 2},
        {"block": "Circuit", "sets": 2, "rest": 10, "steps": [timed("Hop", 20)]},
        timed("Last", 20),
    ],
}
"""Every kind of step: lead-in, prepare, timed, reps with phases, sides, rest, instruction,
a step that waits for done, a block with a rest between its sets."""


def mixed() -> Routine:
    return Routine.model_validate(MIXED)


def simple(*steps: dict[str, Any], **top: Any) -> Routine:
    data: dict[str, Any] = {"title": "Simple", "lead_in": 5, "prepare": 0}
    data.update(top)
    data["steps"] = list(steps)
    return Routine.model_validate(data)


def cue_events(events: list[Event]) -> list[CueDue]:
    return [e for e in events if isinstance(e, CueDue)]


def routine_cues(events: list[Event]) -> list[CueDue]:
    """The cues of the timeline, leaving out the get-ready words after a resume."""
    return [e for e in cue_events(events) if not e.key.startswith("resume")]


def started(events: list[Event]) -> list[int]:
    return [e.step for e in events if isinstance(e, StepStarted)]


def step_named(timeline: Timeline, name: str, number: int = 0) -> int:
    return [s.index for s in timeline.steps if s.name == name][number]


def step_of_kind(timeline: Timeline, kind: str) -> int:
    return next(s.index for s in timeline.steps if s.kind == kind)


def go_to(engine: Engine, now: int, position: int) -> tuple[int, list[Event]]:
    """Play in frames of at most a second until ``position``, saying done at once to waits."""
    events: list[Event] = []
    while True:
        if engine.state == "waiting":
            if engine.position_ms >= position:
                return now, events
            events += engine.done(now)
            continue
        if engine.position_ms >= position:
            return now, events
        assert engine.state == "playing"
        now += min(S, position - engine.position_ms)
        events += engine.advance(now)


def play_to_end(engine: Engine, now: int, gap: int = S) -> tuple[int, list[Event]]:
    """Play to the finish in frames of ``gap``, resuming and saying done as needed."""
    events: list[Event] = []
    for _ in range(100_000):
        if engine.state == "finished":
            return now, events
        if engine.state == "waiting":
            events += engine.done(now)
        elif engine.state == "paused":
            events += engine.resume(now)
        else:
            now += gap
            events += engine.advance(now)
    raise AssertionError("the session never finished")


def started_engine(routine: Routine | None = None, **options: Any) -> tuple[Engine, list[Event]]:
    engine = Engine(routine or mixed(), **options)
    return engine, engine.start(T0)


# -- start and plain playing ----------------------------------------------------------------------


def test_start_emits_the_lead_in_and_the_get_ready_cue() -> None:
    engine = Engine(mixed())
    assert engine.state == "ready"
    assert engine.advance(T0) == []
    events = engine.start(T0)
    timeline = engine.timeline
    assert events == [
        StepStarted(0, 0, "Get ready", 0),
        CueDue(0, 0, "Mixed. Get ready. First: Plank", "get_ready", 3, 0, "0@0:get_ready"),
    ]
    assert timeline.cues[0].key == "0@0:get_ready"
    assert engine.state == "playing"
    assert engine.start(T0 + S) == []  # only once


def test_playing_emits_steps_and_cues_in_order_with_planned_and_actual_times() -> None:
    engine, events = started_engine()
    timeline = engine.timeline
    now = T0
    while engine.state != "finished":
        if engine.state == "waiting":
            events += engine.done(now)
        else:
            now += 700  # frames that never land on whole seconds
            events += engine.advance(now)
    cues = cue_events(events)
    assert [c.key for c in cues] == [c.key for c in timeline.cues]
    for event, cue in zip(cues, timeline.cues, strict=True):
        assert event.planned_ms == cue.at_ms
        assert event.text == cue.text
        assert 0 <= event.actual_ms - event.planned_ms < 700
    steps = [e for e in events if isinstance(e, StepStarted)]
    assert [e.step for e in steps] == [s.index for s in timeline.steps]
    assert [e.planned_ms for e in steps] == [s.start_ms for s in timeline.steps]
    # Each cue comes after the start of its step and before the start of the next.
    step_under_way = -1
    for event in events:
        if isinstance(event, StepStarted):
            step_under_way = event.step
        elif isinstance(event, CueDue):
            assert event.step == step_under_way
    positions = [e.actual_ms for e in events if isinstance(e, (StepStarted, CueDue))]
    assert positions == sorted(positions)
    assert isinstance(events[-1], Finished)
    assert events[-1].actual_ms == timeline.total_ms
    assert sum(isinstance(e, Waiting) for e in events) == timeline.waits == 1


def test_a_cue_is_due_exactly_at_its_time_and_not_a_millisecond_before() -> None:
    engine, _ = started_engine(simple(timed("Plank", 30)))
    halfway = next(c for c in engine.timeline.cues if c.kind == "halfway")
    # Lead-in 5 s, then 30 s: halfway at 5 + 15 s.
    assert halfway.at_ms == 20 * S
    before = engine.advance(T0 + halfway.at_ms - 1)
    assert all(c.kind != "halfway" for c in cue_events(before))
    due = engine.advance(T0 + halfway.at_ms)
    assert [(c.cue, c.planned_ms, c.actual_ms) for c in cue_events(due)] == [
        ("halfway", 20 * S, 20 * S)
    ]


# -- pause and resume ---------------------------------------------------------------------------


def test_pause_freezes_the_position_and_no_cue_fires_while_paused() -> None:
    engine, _ = started_engine()
    now, _ = go_to(engine, T0, 12 * S)
    events = engine.pause(now)
    assert events == [Paused(12 * S)]
    assert engine.state == "paused"
    for later in (now + 1, now + 60 * S, now + 10 * 60 * S):
        assert engine.frame(later).position_ms == 12 * S
        assert engine.frame(later).state == "paused"
        assert engine.advance(later) == []
        assert engine.next_change_at(later) is None
    assert engine.position_ms == 12 * S
    assert engine.pause(now + 1) == []  # pausing twice changes nothing


def test_resume_with_a_get_ready_then_play_goes_on_from_where_it_paused() -> None:
    engine, _ = started_engine()
    plank = engine.timeline.steps[step_named(engine.timeline, "Plank")]
    paused_at = plank.start_ms + 4 * S + 10 * S  # 10 s into the work, after the prepare
    now, _ = go_to(engine, T0, paused_at)
    engine.pause(now)
    resumed_at = now + 5 * 60 * S
    events = engine.resume(resumed_at)
    assert events[0] == Resumed(paused_at, 5 * S)
    assert [(c.text, c.cue, c.actual_ms) for c in cue_events(events)] == [
        ("Get ready", "get_ready", paused_at)
    ]
    assert engine.frame(resumed_at).get_ready_ms == 5 * S
    words: list[tuple[int, str]] = []
    for offset in range(0, 5 * S, 100):
        frame = engine.frame(resumed_at + offset)
        assert frame.position_ms == paused_at
        assert frame.get_ready_ms == 5 * S - offset
        words += [(offset, c.text) for c in cue_events(engine.advance(resumed_at + offset))]
        assert engine.position_ms == paused_at
    # The 3-2-1 falls on the last three seconds of the 5 s get-ready, by the wall clock.
    assert words == [(2 * S, "3"), (3 * S, "2"), (4 * S, "1")]
    assert engine.frame(resumed_at + 5 * S).get_ready_ms == 0
    engine.advance(resumed_at + 5 * S)
    assert engine.position_ms == paused_at
    engine.advance(resumed_at + 5 * S + 2500)
    assert engine.position_ms == paused_at + 2500
    # The rest of the step plays as planned: halfway of the 30 s comes 5 s after the pause.
    events = engine.advance(resumed_at + 5 * S + 5 * S)
    assert [(c.cue, c.planned_ms, c.actual_ms) for c in cue_events(events)] == [
        ("halfway", plank.start_ms + 4 * S + 15 * S, paused_at + 5 * S)
    ]


def test_resume_without_a_get_ready() -> None:
    engine, _ = started_engine(resume_lead_in_ms=0)
    now, _ = go_to(engine, T0, 12 * S)
    engine.pause(now)
    events = engine.resume(now + 60 * S)
    assert events == [Resumed(12 * S, 0)]
    assert engine.frame(now + 60 * S).get_ready_ms == 0
    engine.advance(now + 60 * S + 1500)
    assert engine.position_ms == 12 * S + 1500
    assert engine.resume(now + 61 * S) == []  # not paused any more


def test_next_change_at_is_never_in_the_past_when_a_word_is_overdue() -> None:
    engine, _ = started_engine()
    engine.pause(T0 + 8 * S)
    engine.resume(T0 + 10 * S)
    # A second resume is ignored and moves nothing: the "3" due 2 s into the get-ready waits.
    assert engine.resume(T0 + 13 * S) == []
    assert engine.next_change_at(T0 + 13 * S) == T0 + 13 * S
    events = engine.advance(T0 + 13 * S)
    assert [c.text for c in cue_events(events)] == ["3", "2"]
    assert engine.next_change_at(T0 + 13 * S) == T0 + 14 * S


def test_toggle_pause() -> None:
    engine, _ = started_engine()
    assert isinstance(engine.toggle_pause(T0 + S)[-1], Paused)
    assert isinstance(engine.toggle_pause(T0 + 2 * S)[0], Resumed)
    assert engine.state == "playing"


# -- next, previous and restart in every kind of step ----------------------------------------------


@dataclass(frozen=True)
class Place:
    label: str
    find: Callable[[Timeline], int]
    offset_ms: int
    """How far into the step; for a step that waits, the engine stops at its wait."""


PLACES = [
    Place("lead-in", lambda t: 0, 4 * S),
    Place("lead-in, early", lambda t: 0, 1 * S),
    Place("prepare", lambda t: step_named(t, "Plank"), 3500),
    Place("prepare, early", lambda t: step_named(t, "Plank"), 2 * S),
    Place("timed", lambda t: step_named(t, "Plank"), 4 * S + 10 * S),
    Place("reps and phases", lambda t: step_named(t, "Squeeze"), 4 * S + 6 * S + 1 * S),
    Place("during the switch", lambda t: step_named(t, "Reach"), 4 * S + 10 * S + 2 * S),
    Place("rest", lambda t: step_of_kind(t, "rest"), 5 * S),
    Place("rest, early", lambda t: step_of_kind(t, "rest"), 2 * S),
    Place("instruction", lambda t: step_of_kind(t, "instruction"), 5 * S),
    Place("waiting for done", lambda t: step_named(t, "Stretch"), 2 * S),
    Place("set rest", lambda t: step_of_kind(t, "set_rest"), 5 * S),
    Place("second set", lambda t: step_named(t, "Hop", 1), 10 * S),
]


def engine_at(place: Place) -> tuple[Engine, int, int, list[Event]]:
    engine, events = started_engine()
    index = place.find(engine.timeline)
    now, more = go_to(engine, T0, engine.timeline.steps[index].start_ms + place.offset_ms)
    assert engine.current_step().index == index
    return engine, now, index, events + more


def expected_target(engine: Engine, command: str, index: int) -> int:
    if command == "next_step":
        return index + 1
    if command == "restart_step":
        return index
    elapsed = engine.position_ms - engine.timeline.steps[index].start_ms
    return index if elapsed > RESTART_THRESHOLD_MS else max(0, index - 1)


def test_the_places_are_what_they_say() -> None:
    kinds = {}
    for place in PLACES:
        engine, now, _, _ = engine_at(place)
        kinds[place.label] = engine.frame(now).segment.kind
    assert kinds["lead-in"] == "lead_in"
    assert kinds["prepare"] == kinds["prepare, early"] == "prepare"
    assert kinds["timed"] == kinds["second set"] == "work"
    assert kinds["during the switch"] == "switch"
    assert kinds["rest"] == kinds["set rest"] == "rest"
    assert kinds["instruction"] == "instruction"
    assert kinds["waiting for done"] == "wait"
    engine, now, _, _ = engine_at(PLACES[5])
    assert engine.frame(now).segment.rep == 2


@pytest.mark.parametrize("command", ["next_step", "previous_step", "restart_step"])
@pytest.mark.parametrize("place", PLACES, ids=[p.label for p in PLACES])
def test_moving_between_steps_from_every_kind_of_step(place: Place, command: str) -> None:
    engine, now, index, before = engine_at(place)
    timeline = engine.timeline
    moved_from = engine.position_ms
    target = expected_target(engine, command, index)
    step = timeline.steps[target]

    now += 1  # a command a moment later
    moved_from += 0 if engine.state == "waiting" else 1
    events = getattr(engine, command)(now)

    assert events[0] == Skipped(moved_from, index, target, step.start_ms)
    assert engine.state == "playing"
    assert engine.position_ms == step.start_ms
    assert engine.current_step().index == target
    assert engine.frame(now).step.index == target
    assert started(events) == [target]
    assert events[1] == StepStarted(step.start_ms, target, step.name, step.start_ms)
    at_start = [c.key for c in timeline.cues if c.step == target and c.at_ms == step.start_ms]
    assert [c.key for c in cue_events(events)] == at_start
    if target <= index:
        # Going back: what was said at the step's start is said again.
        assert set(at_start) <= {c.key for c in cue_events(before)}

    _, rest = play_to_end(engine, now)
    # From here on, every cue from the step gone to fires exactly once, in order; nothing of
    # the part skipped over ever fires.
    fired = [c.key for c in cue_events(events + rest)]
    assert fired == [c.key for c in timeline.cues if c.step >= target]
    assert started(events + rest) == list(range(target, len(timeline.steps)))
    assert isinstance(rest[-1], Finished)


@pytest.mark.parametrize("gone_in_ms", [0, RESTART_THRESHOLD_MS, RESTART_THRESHOLD_MS + 1])
def test_previous_step_restarts_only_after_the_threshold(gone_in_ms: int) -> None:
    engine, _ = started_engine()
    squeeze = engine.timeline.steps[step_named(engine.timeline, "Squeeze")]
    now, _ = go_to(engine, T0, squeeze.start_ms + gone_in_ms)
    events = engine.previous_step(now)
    target = squeeze.index if gone_in_ms > RESTART_THRESHOLD_MS else squeeze.index - 1
    assert events[0] == Skipped(
        squeeze.start_ms + gone_in_ms, squeeze.index, target, engine.timeline.steps[target].start_ms
    )


def test_previous_step_on_the_first_step_stays_there() -> None:
    engine, _ = started_engine()
    events = engine.previous_step(T0 + 500)
    assert events[0] == Skipped(500, 0, 0, 0)
    assert [c.cue for c in cue_events(events)] == ["get_ready"]


def test_next_step_on_the_last_step_finishes() -> None:
    engine, _ = started_engine()
    last = engine.timeline.steps[-1]
    now, _ = go_to(engine, T0, last.start_ms + 3 * S)
    events = engine.next_step(now)
    total = engine.timeline.total_ms
    assert events == [
        Skipped(last.start_ms + 3 * S, last.index, last.index, total),
        Finished(total, total),
    ]
    assert engine.state == "finished"
    assert engine.position_ms == total
    assert engine.advance(now + 60 * S) == []
    assert engine.next_step(now + 61 * S) == []
    assert engine.restart_step(now + 62 * S) == []


def test_previous_step_after_the_finish_plays_the_last_step_again() -> None:
    engine, _ = started_engine()
    now, _ = play_to_end(engine, T0)
    last = engine.timeline.steps[-1]
    events = engine.previous_step(now)
    assert events[0] == Skipped(engine.timeline.total_ms, last.index, last.index, last.start_ms)
    assert engine.state == "playing"
    _, rest = play_to_end(engine, now)
    assert [c.key for c in cue_events(events + rest)] == [
        c.key for c in engine.timeline.cues if c.step == last.index
    ]


def test_moving_while_paused_takes_effect_after_the_resume() -> None:
    engine, _ = started_engine()
    timeline = engine.timeline
    plank = step_named(timeline, "Plank")
    now, _ = go_to(engine, T0, timeline.steps[plank].start_ms + 10 * S)
    engine.pause(now)
    first = engine.next_step(now + S)
    second = engine.next_step(now + 2 * S)
    assert first == [
        Skipped(
            engine.timeline.steps[plank].start_ms + 10 * S,
            plank,
            plank + 1,
            timeline.steps[plank + 1].start_ms,
        )
    ]
    # Pressed twice, it goes two steps on; nothing is said until play goes on.
    assert second == [
        Skipped(
            timeline.steps[plank + 1].start_ms,
            plank + 1,
            plank + 2,
            timeline.steps[plank + 2].start_ms,
        )
    ]
    assert engine.current_step().index == plank + 2
    assert engine.frame(now + 3 * S).step.index == plank + 2
    engine.previous_step(now + 3 * S)
    assert engine.current_step().index == plank + 1
    assert engine.state == "paused"
    events = engine.resume(now + 4 * S)
    events += engine.advance(now + 4 * S + engine.resume_lead_in_ms)
    assert started(events) == [plank + 1]
    target = timeline.steps[plank + 1]
    assert [c.key for c in routine_cues(events)] == [
        c.key for c in timeline.cues if c.step == plank + 1 and c.at_ms == target.start_ms
    ]


# -- adjusting the time -------------------------------------------------------------------------


def plank_engine() -> tuple[Engine, int, int]:
    """Plank: lead-in 5 s, then 30 s of work; the session is 10 s into the work."""
    engine, _ = started_engine(simple(timed("Plank", 30), timed("Next", 30)))
    now, _ = go_to(engine, T0, 15 * S)
    return engine, now, engine.timeline.total_ms


def test_adjust_lengthens_the_segment_and_moves_the_cues_still_ahead() -> None:
    engine, now, total = plank_engine()
    # Before: 30 s of work from 5 s, halfway at 20 s and the countdown at 32-34 s.
    planned = [(c.text, c.at_ms) for c in engine.timeline.cues if c.step == 1 and c.at_ms > 15 * S]
    assert planned == [
        ("Halfway", 20 * S),
        ("Next up: Next", 25 * S),
        ("3", 32 * S),
        ("2", 33 * S),
        ("1", 34 * S),
    ]
    events = engine.adjust(now, ADJUST_STEP_MS)
    assert events == [Adjusted(15 * S, 1, 1, 10 * S)]
    timeline = engine.timeline
    assert timeline.total_ms == total + 10 * S
    assert timeline.segments[1].duration_ms == 40 * S
    assert timeline.steps[2].start_ms == 45 * S
    assert engine.frame(now).segment_remaining_ms == 30 * S
    _, rest = play_to_end(engine, now)
    said = [(c.text, c.planned_ms) for c in cue_events(rest) if c.step == 1]
    # 40 s of work from 5 s: halfway (whole seconds) at 25 s, next up 10 s before the end.
    assert said == [
        ("Halfway", 25 * S),
        ("Next up: Next", 35 * S),
        ("3", 42 * S),
        ("2", 43 * S),
        ("1", 44 * S),
    ]
    following = [c for c in cue_events(rest) if c.step == 2]
    assert following[0].planned_ms == 45 * S
    assert rest[-1] == Finished(total + 10 * S, total + 10 * S)


def test_adjust_shortens_the_segment() -> None:
    engine, now, total = plank_engine()
    events = engine.adjust(now, -ADJUST_STEP_MS)
    assert events == [Adjusted(15 * S, 1, 1, -10 * S)]
    assert engine.timeline.total_ms == total - 10 * S
    _, rest = play_to_end(engine, now)
    countdown = [c.planned_ms for c in cue_events(rest) if c.cue == "countdown" and c.step == 1]
    assert countdown == [22 * S, 23 * S, 24 * S]  # the work now ends at 25 s


def test_adjust_never_cuts_below_a_second_past_the_position() -> None:
    engine, _ = started_engine(simple(timed("Plank", 30), timed("Next", 30)))
    now, _ = go_to(engine, T0, 30 * S)  # 25 s into the 30 s
    total = engine.timeline.total_ms
    events = engine.adjust(now, -ADJUST_STEP_MS)
    assert events == [Adjusted(30 * S, 1, 1, -4 * S)]
    assert engine.timeline.segments[1].end_ms == 30 * S + MIN_ADJUSTED_MS
    assert engine.timeline.total_ms == total - 4 * S
    assert engine.adjust(now, -ADJUST_STEP_MS) == []  # already as short as it can be


def test_adjust_while_paused() -> None:
    engine, now, total = plank_engine()
    engine.pause(now)
    assert engine.adjust(now + S, ADJUST_STEP_MS) == [Adjusted(15 * S, 1, 1, 10 * S)]
    assert engine.timeline.total_ms == total + 10 * S
    assert engine.position_ms == 15 * S


def test_adjust_is_ignored_while_waiting_for_done() -> None:
    engine, _ = started_engine()
    stretch = engine.timeline.steps[step_named(engine.timeline, "Stretch")]
    now, _ = go_to(engine, T0, stretch.start_ms + 2 * S)
    assert engine.state == "waiting"
    total = engine.timeline.total_ms
    assert engine.adjust(now + S, ADJUST_STEP_MS) == []
    engine.pause(now + 2 * S)
    assert engine.adjust(now + 3 * S, ADJUST_STEP_MS) == []
    assert engine.timeline.total_ms == total


def test_adjust_after_moving_while_paused_changes_the_step_moved_to() -> None:
    engine, now, _ = plank_engine()
    engine.pause(now)
    engine.next_step(now + S)
    # Lead-in 0-5 s, Plank 5-35 s, Next 35-65 s: the session waits at the start of Next.
    events = engine.adjust(now + 2 * S, ADJUST_STEP_MS)
    assert events == [Adjusted(35 * S, 2, 2, 10 * S)]
    steps = [(s.start_ms, s.end_ms) for s in engine.timeline.steps]
    assert steps == [(0, 5 * S), (5 * S, 35 * S), (35 * S, 75 * S)]
    assert engine.position_ms == 35 * S
    events = engine.resume(now + 3 * S)
    _, rest = play_to_end(engine, now + 3 * S)
    said = routine_cues(events + rest)
    assert [c.key for c in said] == [c.key for c in engine.timeline.cues if c.step == 2]
    assert [c.planned_ms for c in said if c.cue == "countdown"] == [72 * S, 73 * S, 74 * S]
    assert started(rest) == [2]


# -- waiting for done --------------------------------------------------------------------------


def test_done_on_a_waiting_step_moves_on() -> None:
    engine, _ = started_engine()
    timeline = engine.timeline
    stretch = timeline.steps[step_named(timeline, "Stretch")]
    now, events = go_to(engine, T0, stretch.end_ms)
    wait_segment = timeline.segments[stretch.last_segment]
    assert wait_segment.kind == "wait"
    assert events[-1] == Waiting(wait_segment.start_ms, stretch.index)
    assert engine.state == "waiting"
    assert engine.frame(now).segment == wait_segment
    assert engine.next_change_at(now) is None
    # Ten minutes of waiting add nothing to the position.
    later = now + 10 * 60 * S
    assert engine.advance(later) == []
    assert engine.frame(later).position_ms == wait_segment.start_ms
    events = engine.done(later)
    after = timeline.steps[stretch.index + 1]
    assert events[0] == DoneSaid(wait_segment.start_ms, stretch.index)
    assert started(events) == [after.index]
    assert engine.state == "playing"
    engine.advance(later + 1500)
    assert engine.position_ms == wait_segment.start_ms + 1500
    assert engine.done(later + 2 * S) == []  # not waiting any more


def test_done_is_ignored_on_a_timed_step() -> None:
    engine, now, total = plank_engine()
    events = engine.done(now + 500)
    assert not any(isinstance(e, DoneSaid) for e in events)
    assert engine.state == "playing"
    assert engine.position_ms == 15 * S + 500
    assert engine.timeline.total_ms == total


def test_a_routine_that_ends_with_a_wait_finishes_on_done() -> None:
    engine, _ = started_engine(simple(timed("A", 10), {"exercise": "Until done"}))
    total = engine.timeline.total_ms
    assert total == 15 * S
    events = engine.advance(T0 + 60 * S)
    assert events[-1] == Waiting(total, 2)
    events = engine.done(T0 + 120 * S)
    assert events[0] == DoneSaid(total, 2)
    assert events[-1] == Finished(total, total)


def test_sided_wait_waits_on_each_side() -> None:
    engine, _ = started_engine(simple({"exercise": "Both", "sides": "both", "switch": 3}))
    events = engine.advance(T0 + 60 * S)
    assert events[-1] == Waiting(5 * S, 1)
    events = engine.done(T0 + 60 * S)
    assert [c.text for c in cue_events(events)] == ["Switch to your right side"]
    events = engine.advance(T0 + 70 * S)
    assert [c.text for c in cue_events(events)] == ["Right side"]
    assert events[-1] == Waiting(8 * S, 1)
    assert engine.done(T0 + 70 * S)[-1] == Finished(8 * S, 8 * S)


# -- speed, frames and the next change ----------------------------------------------------------


def test_speed_four_plays_four_seconds_of_routine_in_one_second() -> None:
    engine, _ = started_engine(simple(timed("Plank", 60)))
    engine.advance(T0 + 10 * S)
    events = engine.set_speed(T0 + 10 * S, 4)
    assert events == [SpeedChanged(10 * S, 4)]
    engine.advance(T0 + 11 * S)
    assert engine.position_ms == 14 * S
    assert engine.frame(T0 + 12 * S).position_ms == 18 * S
    engine.set_speed(T0 + 12 * S, 1)
    engine.advance(T0 + 13 * S)
    assert engine.position_ms == 19 * S
    with pytest.raises(ValueError, match="more than zero"):
        engine.set_speed(T0 + 13 * S, 0)


def test_frame_shows_step_segment_remaining_and_next() -> None:
    engine, _ = started_engine()
    timeline = engine.timeline
    plank = timeline.steps[step_named(timeline, "Plank")]
    now, _ = go_to(engine, T0, plank.start_ms + 4 * S + 10 * S)
    frame = engine.frame(now)
    assert frame.state == "playing"
    assert frame.position_ms == plank.start_ms + 14 * S
    assert frame.total_ms == timeline.total_ms
    assert frame.step == plank
    assert frame.segment.kind == "work"
    assert frame.segment_remaining_ms == 20 * S
    assert frame.step_remaining_ms == 20 * S
    assert frame.step_elapsed_ms == 14 * S
    assert frame.next_step is not None
    assert frame.next_step.name == "Squeeze"
    assert frame.get_ready_ms == 0
    assert frame.speed == 1
    assert frame.progress == frame.position_ms / timeline.total_ms
    # A frame is only a look: it moves nothing.
    assert engine.frame(now + 5 * S).segment_remaining_ms == 15 * S
    assert engine.position_ms == plank.start_ms + 14 * S
    engine.pause(now)
    engine.resume(now)
    assert engine.frame(now + 1500).get_ready_ms == 3500
    end = engine.frame(now + 10_000_000)
    assert end.position_ms <= timeline.total_ms


def test_frame_of_the_last_step_has_no_next() -> None:
    engine, _ = started_engine(simple(timed("Only", 10)))
    assert engine.frame(T0 + 6 * S).next_step is None
    assert engine.frame(T0 + 1000 * S).position_ms == 15 * S


def play_woken_exactly(engine: Engine, now: int, pause_at: int | None = None) -> list[Event]:
    """Play to the end, waking exactly when next_change_at says, saying done at once."""
    events: list[Event] = []
    paused = False
    while engine.state != "finished":
        if engine.state == "waiting":
            events += engine.done(now)
            continue
        if pause_at is not None and not paused and engine.position_ms >= pause_at:
            paused = True
            events += engine.pause(now)
            now += 30 * S
            events += engine.resume(now)
            continue
        due = engine.next_change_at(now)
        assert due is not None
        assert due > now
        now = due
        events += engine.advance(now)
    return events


@pytest.mark.parametrize("pause_at", [None, 47_500])
def test_waking_at_next_change_plays_every_cue_on_time(pause_at: int | None) -> None:
    engine, events = started_engine()
    events += play_woken_exactly(engine, T0, pause_at)
    cues = cue_events(events)
    assert [c.key for c in routine_cues(events)] == [c.key for c in engine.timeline.cues]
    assert all(c.actual_ms == c.planned_ms for c in cues)
    assert all(e.actual_ms == e.planned_ms for e in events if isinstance(e, StepStarted))
    if pause_at is not None:
        assert [c.text for c in cues if c.key.startswith("resume")] == ["Get ready", "3", "2", "1"]


def test_a_cue_that_came_due_while_a_frame_was_drawn_is_due_now() -> None:
    """The window wakes for an animation frame 1 ms before a cue, and drawing takes 1 ms:
    asked at the cue's own moment, the engine says the cue is due now, not at the next
    frame or second (which made cues up to 83 ms late)."""
    routine = simple(timed("A", 30, do="Hold."), {"rest": 10}, timed("B", 7))
    engine, _ = started_engine(routine)
    due_at: list[tuple[int, str]] = []  # each cue's clock time, waking exactly on time
    now = T0
    while engine.state != "finished":
        now = engine.next_change_at(now) or now + S
        due_at += [(now, c.key) for c in cue_events(engine.advance(now))]
    assert len(due_at) >= 10
    for clock, key in due_at:
        woken, _ = started_engine(routine)
        woken.advance(clock - 1)  # the frame before: this cue is not due yet
        assert woken.next_change_at(clock) == clock, key
        assert key in [c.key for c in cue_events(woken.advance(clock))]


def test_waking_at_next_change_at_speed_four() -> None:
    engine, events = started_engine(simple(timed("A", 30), {"rest": 10}, timed("B", 7)), speed=4)
    total = engine.timeline.total_ms
    now = T0
    while engine.state != "finished":
        due = engine.next_change_at(now)
        assert due is not None and due > now
        now = due
        events += engine.advance(now)
    assert all(c.actual_ms == c.planned_ms for c in cue_events(events))
    assert [c.key for c in cue_events(events)] == [c.key for c in engine.timeline.cues]
    assert now - T0 == total // 4


def test_next_change_at_is_none_when_nothing_moves() -> None:
    engine = Engine(simple(timed("A", 10)))
    assert engine.next_change_at(T0) is None
    engine.start(T0)
    assert engine.next_change_at(T0) is not None
    engine.advance(T0 + 60 * S)
    assert engine.state == "finished"
    assert engine.next_change_at(T0 + 60 * S) is None


# -- properties ---------------------------------------------------------------------------------

GAPS = st.lists(
    st.one_of(st.integers(1, 5 * S), st.integers(20 * S, 120 * S)), min_size=1, max_size=40
)


def frame_gaps(gaps: list[int], seed: int) -> Iterator[int]:
    """The given gaps, then gaps of 1 ms to 5 s (now and then a jump over steps) from a seed."""
    yield from gaps
    rng = random.Random(seed)
    while True:
        yield rng.randint(20 * S, 120 * S) if rng.random() < 0.05 else rng.randint(1, 5 * S)


def check_played_once(engine: Engine, events: list[Event]) -> None:
    timeline = engine.timeline
    cues = routine_cues(events)
    assert [c.key for c in cues] == [c.key for c in timeline.cues]
    assert all(c.actual_ms >= c.planned_ms for c in cues)
    steps = [e for e in events if isinstance(e, StepStarted)]
    assert [e.step for e in steps] == [s.index for s in timeline.steps]
    assert all(e.actual_ms >= e.planned_ms for e in steps)
    assert isinstance(events[-1], Finished)
    assert events[-1].actual_ms == timeline.total_ms


@PROPERTY
@given(gaps=GAPS, seed=st.integers(0, 2**32))
def test_every_cue_fires_exactly_once_whatever_the_frames(gaps: list[int], seed: int) -> None:
    engine, events = started_engine()
    now = T0
    frames = frame_gaps(gaps, seed)
    while engine.state != "finished":
        if engine.state == "waiting":
            events += engine.done(now)
            continue
        now += next(frames)
        events += engine.advance(now)
    check_played_once(engine, events)


@PROPERTY
@given(
    gaps=GAPS,
    seed=st.integers(0, 2**32),
    pauses=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 120 * S)), max_size=8),
)
def test_every_cue_fires_exactly_once_with_pauses(
    gaps: list[int], seed: int, pauses: list[tuple[int, int]]
) -> None:
    """``pauses``: (after how many frames, for how long)."""
    engine, events = started_engine()
    now = T0
    frames = frame_gaps(gaps, seed)
    to_come = sorted(pauses, reverse=True)
    turn = 0
    while engine.state != "finished":
        if engine.state == "waiting":
            events += engine.done(now)
            continue
        now += next(frames)
        turn += 1
        if to_come and to_come[-1][0] <= turn:
            _, pause_for = to_come.pop()
            events += engine.pause(now)
            if engine.state != "paused":
                continue
            held = engine.position_ms
            now += pause_for
            assert engine.advance(now) == []
            assert engine.frame(now).position_ms == held
            resumed = engine.resume(now)
            assert resumed[0] == Resumed(held, engine.resume_lead_in_ms)
            events += resumed
        else:
            events += engine.advance(now)
    check_played_once(engine, events)
    assert sum(isinstance(e, Paused) for e in events) == sum(isinstance(e, Resumed) for e in events)
    # Each resume says "Get ready" and counts down, unless paused again before the count ends.
    words = " ".join(c.text for c in cue_events(events) if c.key.startswith("resume"))
    said = [part.split() for part in words.split("Get ready")[1:]]
    assert len(said) == sum(isinstance(e, Resumed) for e in events)
    assert all(count == ["3", "2", "1"][: len(count)] for count in said)


COMMANDS = [
    "advance",
    "next",
    "previous",
    "restart",
    "longer",
    "shorter",
    "pause",
    "resume",
    "done",
    "speed",
]


def is_seek_back(event: Skipped) -> bool:
    if event.to_step != event.from_step:
        return event.to_step < event.from_step
    return event.to_ms <= event.actual_ms


@PROPERTY
@given(
    commands=st.lists(
        st.tuples(st.sampled_from(COMMANDS), st.integers(0, 40 * S)), min_size=1, max_size=50
    )
)
def test_random_commands_keep_the_session_sound(commands: list[tuple[str, int]]) -> None:
    engine, events = started_engine()
    fired = {c.key for c in cue_events(events)}
    now = T0
    for command, gap in commands:
        now += gap
        was_paused = engine.state == "paused"
        was_finished = engine.state == "finished"
        was_at = engine.current_step().index
        if command == "advance":
            got = engine.advance(now)
        elif command == "next":
            got = engine.next_step(now)
        elif command == "previous":
            got = engine.previous_step(now)
        elif command == "restart":
            got = engine.restart_step(now)
        elif command == "longer":
            got = engine.adjust(now, ADJUST_STEP_MS)
        elif command == "shorter":
            got = engine.adjust(now, -ADJUST_STEP_MS)
        elif command == "pause":
            got = engine.pause(now)
        elif command == "resume":
            got = engine.resume(now)
        elif command == "done":
            got = engine.done(now)
        else:
            got = engine.set_speed(now, 1 + gap % 4)
        if was_paused and command != "resume":
            assert cue_events(got) == []
        for event in got:
            if isinstance(event, Skipped) and is_seek_back(event):
                fired.clear()
            elif isinstance(event, CueDue):
                assert event.key not in fired, event
                fired.add(event.key)
        total = engine.timeline.total_ms
        steps = engine.timeline.steps
        skipped = [e for e in got if isinstance(e, Skipped)]
        if command in ("next", "previous", "restart") and not was_finished and not skipped:
            # Time ran out first: the catching up before the move reached the finish.
            assert isinstance(got[-1], Finished)
        elif command in ("next", "previous", "restart") and not was_finished:
            # The move lands at the start of the step it names (or at the finish), paused or not.
            assert len(skipped) == 1
            moved_from = skipped[0].from_step
            assert moved_from >= was_at
            if engine.state == "finished":
                assert command == "next"
                assert moved_from == len(steps) - 1
            else:
                target = engine.current_step().index
                assert engine.position_ms == steps[target].start_ms or engine.state == "waiting"
                expected = {
                    "next": {moved_from + 1},
                    "restart": {moved_from},
                    "previous": {moved_from, max(0, moved_from - 1)},
                }[command]
                assert skipped[0].to_step in expected
                assert target == skipped[0].to_step
        assert 0 <= engine.position_ms <= total
        assert 0 <= engine.frame(now).position_ms <= total
        due = engine.next_change_at(now)
        assert due is None or due >= now
        assert (due is None) == (engine.state != "playing")
        if engine.state == "finished":
            assert engine.position_ms == total
    for _ in range(100):
        if engine.state == "finished":
            break
        if engine.state == "waiting":
            engine.done(now)
        elif engine.state == "paused":
            engine.resume(now)
        else:
            now += 10 * 60 * 60 * S
            engine.advance(now)
    assert engine.state == "finished"
    assert engine.position_ms == engine.timeline.total_ms


# -- no drift ------------------------------------------------------------------------------------


def half_hour() -> Routine:
    return Routine.model_validate(
        {
            "title": "Half an hour",
            "steps": [timed(f"Step {n}", 30, do="Keep going.") for n in range(1, 61)],
        }
    )


def test_a_half_hour_routine_with_irregular_frames_ends_on_time() -> None:
    engine, events = started_engine(half_hour())
    total = engine.timeline.total_ms
    assert total >= 60 * 30 * S
    rng = random.Random(7)
    now = T0
    while engine.state != "finished":
        ahead = now + rng.randint(1, 2 * S)
        if engine.frame(ahead).position_ms >= total:
            # Close to the end: wake exactly when the engine says something changes.
            due = engine.next_change_at(now)
            assert due is not None
            ahead = due
        now = ahead
        events += engine.advance(now)
    assert now - T0 == total
    assert events[-1] == Finished(total, total)
    check_played_once(engine, events)
    late = [c.actual_ms - c.planned_ms for c in cue_events(events)]
    assert max(late) < 2 * S


def test_a_half_hour_routine_finishes_at_its_total_even_when_frames_overshoot() -> None:
    engine, events = started_engine(half_hour())
    total = engine.timeline.total_ms
    rng = random.Random(7)
    now = T0
    while engine.state != "finished":
        now += rng.choice([16, 17, 33, 250, 999, 1001, 4000])
        events += engine.advance(now)
    assert events[-1] == Finished(total, total)
    assert now - T0 >= total
    check_played_once(engine, events)


# -- the plain text session ---------------------------------------------------------------------


def test_play_text_prints_each_step_and_cue_and_waits_for_enter() -> None:
    routine = simple(timed("Plank", 6), {"exercise": "Stretch"}, timed("Hop", 4), lead_in=5)
    engine = Engine(routine)
    clock = FakeClock(T0)
    out = io.StringIO()
    asked: list[int] = []

    def ask_done() -> bool:
        asked.append(clock.now())
        return True

    speaker = RecordingSpeaker()
    seen: list[Event] = play_text(Session(engine, speaker), clock, out, ask_done)
    lines = out.getvalue().splitlines()
    # Lead-in 0-5 s; Plank 5-11 s with its countdown at 8, 9 and 10 s; Stretch waits at 11 s;
    # Hop 11-15 s.
    assert lines == [
        "[0:00] Get ready: 0:05",
        "[0:00]   \u00bb Simple. Get ready. First: Plank",
        "[0:05] Plank: 0:06",
        "[0:05]   \u00bb Plank",
        "[0:08]   \u00bb 3",
        "[0:09]   \u00bb 2",
        "[0:10]   \u00bb 1",
        "[0:11] Stretch: until you say done",
        "[0:11]   \u00bb Stretch. Press done when you have finished",
        "[0:11]   Press Enter when you are done.",
        "[0:11] Hop: 0:04",
        "[0:11]   \u00bb Hop",
        "[0:15] Finished.",  # nothing counted it: no "Well done"
    ]
    assert asked == [T0 + 11 * S]
    assert clock.now() == T0 + 15 * S
    assert isinstance(seen[-1], Finished)
    assert any(isinstance(e, DoneSaid) for e in seen)
    # Every cue printed was also handed to the voice, at the moment it was printed.
    assert [text for _now, text, _priority in speaker.said] == [
        line.split("\u00bb ", 1)[1] for line in lines if "\u00bb" in line
    ]
    assert speaker.said[2] == (T0 + 8 * S, "3", 3)


def test_play_text_with_an_engine_given_choices() -> None:
    routine = simple(timed("Squat", 3, reps="2-4"), lead_in=0)
    engine = Engine(routine, Choices(reps=2))
    clock = FakeClock()
    out = io.StringIO()
    play_text(Session(engine, RecordingSpeaker()), clock, out, lambda: True)
    lines = out.getvalue().splitlines()
    assert lines[0] == "[0:00] Squat: 0:06"
    assert "[0:03]   \u00bb 2 of 2" in lines
    assert lines[-1] == "[0:06] Finished."
    assert clock.now() == compile_timeline(routine, Choices(reps=2)).total_ms


def test_a_session_that_ends_by_itself_shows_its_end_not_its_start() -> None:
    routine = simple(timed("Plank", 6), timed("Hop", 4), lead_in=0)
    engine = Engine(routine)
    engine.start(T0)
    engine.advance(T0 + 60 * S)
    assert engine.state == "finished"
    frame = engine.frame(T0 + 61 * S)
    assert frame.position_ms == engine.timeline.total_ms
    assert frame.step.name == "Hop"
