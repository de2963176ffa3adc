"""What the end of a session says, from literal sessions: "Well done" only when it counts."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from player.history.ending import session_ending
from player.history.records import Outcome, SessionRecord, StepRecord
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.events import Event, Finished
from player.playback.session import Ending, Session
from player.playback.speaker import RecordingSpeaker
from player.routine.model import Routine
from player.terminal.lines import play_text
from tests.test_engine import simple, timed

PARIS = timezone(timedelta(hours=1))
TODAY = datetime(2025, 3, 12, 18, 0, tzinfo=PARIS)
S = 1000
MINUTE = 60 * S


def record(
    number: int,
    started: datetime,
    *done: tuple[int, int],
    outcome: Outcome | None = "finished",
    speed: float = 1.0,
    resumed_from: int | None = None,
    planned: int = 13 * MINUTE,
) -> SessionRecord:
    """A session with ``(step index, done ms)`` for the steps it played: 13 one-minute
    steps, unless ``planned`` says otherwise."""
    each = planned // 13
    return SessionRecord(
        id=number,
        routine="partner-back-massage",
        digest="d",
        path="p",
        reps=5,
        started=started,
        local_day=started.date(),
        ended=started + timedelta(milliseconds=sum(d for _i, d in done)) if outcome else None,
        outcome=outcome,
        planned_ms=planned,
        at_step=13,
        resumed_from=resumed_from,
        steps=tuple(StepRecord(i, f"Step {i}", each, d, d < each, started) for i, d in done),
        speed=speed,
    )


def whole(number: int, started: datetime, **more: object) -> SessionRecord:
    return record(number, started, *((i, MINUTE) for i in range(13)), **more)  # type: ignore[arg-type]


YESTERDAY = whole(1, TODAY - timedelta(days=1))


def test_a_session_played_whole_says_well_done_with_the_streak() -> None:
    this = whole(2, TODAY)

    assert session_ending([YESTERDAY], this, TODAY.date()) == Ending(
        "Well done", "", ("2 days in a row", "Today: 1 session done, 13 minutes played")
    )


def test_a_session_skipped_through_says_how_much_was_done_and_what_counts() -> None:
    this = record(2, TODAY, *((i, 850) for i in range(13)))  # 11 s in all

    ending = session_ending([YESTERDAY], this, TODAY.date())

    assert ending == Ending(
        "You did 0 of 13 minutes",
        "A session counts from 11 minutes",  # 80% of 13 is 10.4
        ("1 day in a row up to yesterday", "Today: no session done yet, under a minute played"),
    )


def test_a_session_with_steps_skipped_late_says_the_minutes_played() -> None:
    this = record(2, TODAY, *((i, MINUTE) for i in range(10)), (10, 20 * S))  # 10:20 of 13

    ending = session_ending([], this, TODAY.date())

    assert (ending.headline, ending.reason) == (
        "You did 10 of 13 minutes",
        "A session counts from 11 minutes",  # 10:24: never said as 10
    )
    just_enough = record(2, TODAY, *((i, MINUTE) for i in range(10)), (10, 24 * S))
    assert session_ending([], just_enough, TODAY.date()).headline == "Well done"


def test_a_short_session_is_told_in_seconds() -> None:
    this = record(2, TODAY, (0, 2 * S), (1, 3 * S), planned=13 * 3 * S)  # 5 s of 39 s

    ending = session_ending([], this, TODAY.date())

    assert (ending.headline, ending.reason) == (
        "You did 5 of 39 seconds",
        "A session counts from 32 seconds",
    )


def test_a_preview_says_so_and_is_not_counted() -> None:
    this = replace(whole(2, TODAY), speed=25.0)

    ending = session_ending([YESTERDAY], this, TODAY.date())

    assert ending == Ending(
        "End of the preview",
        "At 25 times the speed, it is not counted",
        ("1 day in a row up to yesterday",),
    )


def test_today_counts_only_the_sessions_done() -> None:
    stopped = [
        record(n, TODAY - timedelta(hours=n), *((i, MINUTE) for i in range(6)), outcome="stopped")
        for n in (2, 3, 4)
    ]
    this = whole(5, TODAY)

    ending = session_ending([YESTERDAY, *stopped], this, TODAY.date())

    assert ending.lines == ("2 days in a row", "Today: 1 session done, 31 minutes played")


def test_the_session_as_the_recorder_kept_it_is_counted_not_as_far_as_it_was_written() -> None:
    written = record(2, TODAY, (0, MINUTE), outcome=None)  # then the disk filled up
    kept = whole(2, TODAY)

    assert session_ending([YESTERDAY, written], kept, TODAY.date()).headline == "Well done"
    unrecorded = replace(kept, id=0)  # a history that records nothing
    assert session_ending([], unrecorded, TODAY.date()).lines == (
        "A new streak starts today",
        "Today: 1 session done, 13 minutes played",
    )


def test_a_session_carried_on_to_its_end_counts_with_the_part_before_it() -> None:
    first = record(2, TODAY, *((i, MINUTE) for i in range(7)), outcome="stopped")
    rest = record(
        3, TODAY + timedelta(hours=1), *((i, MINUTE) for i in range(7, 13)), resumed_from=2
    )

    ending = session_ending([YESTERDAY, first], rest, TODAY.date())

    assert ending.headline == "Well done"
    assert ending.lines == ("2 days in a row", "Today: 1 session done, 13 minutes played")


# -- in plain lines -------------------------------------------------------------------


def played_in_lines(ending: Ending) -> str:
    routine: Routine = simple(timed("Squat", 3), lead_in=0)
    session = Session(Engine(routine), RecordingSpeaker())

    def decide(event: Event, now: int) -> None:
        if isinstance(event, Finished):
            session.ending = ending

    session.listeners.append(decide)
    out = io.StringIO()
    play_text(session, FakeClock(), out, lambda: True)
    return out.getvalue().splitlines()[-1]


def test_plain_lines_say_well_done_only_when_the_session_counts() -> None:
    assert played_in_lines(Ending("Well done")) == "[0:03] Finished. Well done."
    assert played_in_lines(
        Ending("You did 2 of 13 minutes", "A session counts from 11 minutes")
    ) == ("[0:03] Finished. You did 2 of 13 minutes. A session counts from 11 minutes.")
    assert played_in_lines(Ending()) == "[0:03] Finished."
