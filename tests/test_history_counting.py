"""The rule of what counts, from literal sessions: previews, the share played, carrying on."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from player.history.counting import (
    DONE_PERCENT,
    is_preview,
    played_speed,
    sitting,
    sitting_of,
    sittings,
    speed_from_times,
)
from player.history.records import Outcome, SessionRecord, StepRecord

PARIS = timezone(timedelta(hours=1))
BEGAN = datetime(2025, 3, 12, 18, 0, tzinfo=PARIS)
S = 1000
MINUTE = 60 * S

Step = tuple[int, int, int] | tuple[int, int, int, bool]
"""step index, planned ms, done ms (and whether it was skipped)."""


def record(
    *steps: Step,
    planned: int | None = None,
    outcome: Outcome | None = "finished",
    speed: float | None = 1.0,
    number: int = 1,
    resumed_from: int | None = None,
    clock_ms: int | None = None,
    started: datetime = BEGAN,
) -> SessionRecord:
    """A session of ``steps``; it took ``clock_ms`` (else as long as its steps)."""
    took = sum(s[2] for s in steps) if clock_ms is None else clock_ms
    ended = started + timedelta(milliseconds=took)
    return SessionRecord(
        id=number,
        routine="back-care",
        digest="d",
        path="p",
        reps=None,
        started=started,
        local_day=started.date(),
        ended=ended if outcome else None,
        outcome=outcome,
        planned_ms=sum(s[1] for s in steps) if planned is None else planned,
        at_step=max((s[0] for s in steps), default=0) + 1,
        resumed_from=resumed_from,
        steps=tuple(
            StepRecord(s[0], f"Step {s[0]}", s[1], s[2], s[3:] == (True,), ended) for s in steps
        ),
        speed=speed,
    )


BACK = (5 * S, 5 * MINUTE, 5 * MINUTE - 5 * S)
"""The steps of a ten-minute routine: a get-ready, Cat cow, Stretch."""


def played(*done: int) -> tuple[Step, ...]:
    """The back routine's steps with ``done`` ms played in each."""
    return tuple((i, planned, d) for i, (planned, d) in enumerate(zip(BACK, done, strict=False)))


# -- the share played ---------------------------------------------------------------------


def test_a_session_played_whole_counts() -> None:
    whole = sitting([record(*played(*BACK))])

    assert (whole.played_ms, whole.planned_ms, whole.percent) == (10 * MINUTE, 10 * MINUTE, 100)
    assert whole.counts and not whole.preview


def test_a_session_stopped_at_ninety_percent_counts() -> None:
    stopped = sitting([record(*played(5 * S, 5 * MINUTE, 235 * S), outcome="stopped")])

    assert stopped.percent == 90 and stopped.counts


def test_a_session_stopped_at_half_does_not_count() -> None:
    half = sitting([record(*played(5 * S, 295 * S), planned=10 * MINUTE, outcome="stopped")])

    assert half.percent == 50 and not half.counts


def test_eighty_percent_counts_and_a_millisecond_less_does_not() -> None:
    need = 10 * MINUTE * DONE_PERCENT // 100
    assert DONE_PERCENT == 80

    assert sitting([record((0, 10 * MINUTE, need))]).counts
    short = sitting([record((0, 10 * MINUTE, need - 1))])
    assert not short.counts and short.percent == 79  # never shown as 80
    assert short.needed_ms == need


def test_a_session_skipped_through_does_not_count_though_it_reached_its_end() -> None:
    skipped = record((0, 10 * S, 2 * S, True), (1, 390 * S, 5 * S, True), (2, 380 * S, 4 * S, True))

    counted = sitting([skipped])

    assert skipped.finished and not counted.counts
    assert (counted.played_ms, counted.percent) == (11 * S, 1)


def test_a_step_played_twice_does_not_make_up_for_one_skipped() -> None:
    twice = sitting([record((0, 5 * MINUTE, 10 * MINUTE), (1, 5 * MINUTE, 0, True))])

    assert (twice.played_ms, twice.percent, twice.counts) == (5 * MINUTE, 50, False)
    assert twice.practised_ms == 10 * MINUTE  # the minutes are what was really played


def test_a_step_that_waits_is_played_whole_once_done_is_pressed() -> None:
    """Its planned time is what comes before the wait; the wait itself counts in it."""
    waited = sitting([record((0, 5 * S, 5 * S), (1, 3 * S, 3 * S + 40 * S), (2, 20 * S, 20 * S))])

    assert (waited.played_ms, waited.planned_ms, waited.counts) == (28 * S, 28 * S, True)


def test_a_routine_of_waits_alone_counts_when_played_to_its_end_with_none_skipped() -> None:
    assert sitting([record((0, 0, 30 * S), (1, 0, 20 * S))]).counts
    assert not sitting([record((0, 0, 30 * S), (1, 0, 0, True))]).counts
    assert not sitting([record((0, 0, 30 * S), outcome="stopped")]).counts


# -- previews -----------------------------------------------------------------------------


def test_a_session_played_faster_than_real_time_is_a_preview_and_never_counts() -> None:
    preview = record(*played(*BACK), speed=10, clock_ms=60 * S)

    counted = sitting([preview])

    assert is_preview(preview) and counted.preview and counted.speed == 10
    assert counted.percent == 100 and not counted.counts
    assert counted.practised_ms == 0


def test_a_session_played_slower_than_real_time_is_not_a_preview() -> None:
    slow = record(*played(*BACK), speed=0.5, clock_ms=20 * MINUTE)

    assert not is_preview(slow) and sitting([slow]).counts


@pytest.mark.parametrize(
    ("done", "clock", "speed"),
    [
        (780 * S, 31_200, 25.0),  # 13 minutes of steps in 31.2 s
        (780 * S, 32 * S, 24.3),  # a lower bound, to a tenth
        (10 * MINUTE, 10 * MINUTE, 1.0),
        (10 * MINUTE, 45 * MINUTE, 1.0),  # paused for half an hour
        (10 * MINUTE, 9 * MINUTE, 1.0),  # the clock set back a minute on the way
        (10 * MINUTE, 0, 1000.0),
        (0, 0, 1.0),
    ],
)
def test_the_speed_of_a_session_recorded_before_it_was_kept(
    done: int, clock: int, speed: float
) -> None:
    assert speed_from_times(done, clock) == speed
    old = record((0, done, done), speed=None, clock_ms=clock)
    assert played_speed(old) == speed


def test_a_recorded_speed_is_taken_as_it_is() -> None:
    assert played_speed(record((0, MINUTE, MINUTE), speed=2.5, clock_ms=MINUTE)) == 2.5


# -- carrying on --------------------------------------------------------------------------


def test_a_session_carried_on_counts_with_the_one_it_carried_on_as_one() -> None:
    first = record(*played(5 * S, 5 * MINUTE), planned=10 * MINUTE, outcome="stopped")
    rest = record((2, BACK[2], BACK[2]), planned=10 * MINUTE, number=2, resumed_from=1)
    other = record(*played(*BACK), number=3, started=BEGAN + timedelta(hours=2))

    found = sittings([first, rest, other])

    assert [[p.id for p in s.parts] for s in found] == [[1, 2], [3]]
    assert found[0].counts and found[0].percent == 100 and found[0].day == date(2025, 3, 12)
    assert not sitting([first]).counts and not sitting([rest]).counts
    assert found[0].practised_ms == 10 * MINUTE
    assert sitting_of([first, rest, other], 2) == found[0]
    assert sitting_of([first, rest, other], 9) is None


def test_a_preview_never_joins_a_session_it_carried_on() -> None:
    first = record(*played(5 * S, 5 * MINUTE), planned=10 * MINUTE, outcome="stopped")
    preview = record((2, BACK[2], BACK[2]), planned=10 * MINUTE, number=2, resumed_from=1, speed=10)

    found = sittings([first, preview])

    assert [len(s.parts) for s in found] == [1, 1]
    assert not any(s.counts for s in found)


def test_a_sitting_has_a_session() -> None:
    with pytest.raises(ValueError, match="at least one"):
        sitting([])
