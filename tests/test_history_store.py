"""The history file: what goes in comes back out, with its times and days as recorded."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.history.database import SCHEMA_VERSION
from player.history.opening import open_history
from player.history.store import HistoryStore

PARIS = timezone(timedelta(hours=1))
TOKYO = timezone(timedelta(hours=9))
NEW_YORK = timezone(timedelta(hours=-5))
MORNING = datetime(2025, 3, 10, 8, 0, tzinfo=PARIS)


def store(tmp_path: Path, warnings: list[str] | None = None) -> HistoryStore:
    found = open_history(
        tmp_path / "history.sqlite3", (warnings if warnings is not None else []).append, MORNING
    )
    assert isinstance(found, HistoryStore)
    return found


def begin(history: HistoryStore, started: datetime = MORNING, **more: object) -> int:
    values: dict[str, object] = {
        "routine": "back-care",
        "digest": "abc123",
        "path": "/routines/back-care.yaml",
        "reps": None,
        "planned_ms": 600_000,
        "started": started,
    }
    values.update(more)
    return history.begin_session(**values)  # type: ignore[arg-type]


def test_a_session_comes_back_with_its_steps_pain_and_times(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = begin(history, reps=8)
    history.record_pain(sid, "before", 6)
    history.record_step(
        sid,
        0,
        "Get ready",
        planned_ms=5000,
        done_ms=5000,
        skipped=False,
        ended=MORNING + timedelta(seconds=5),
    )
    history.record_step(
        sid,
        1,
        "Cat cow",
        planned_ms=30_000,
        done_ms=12_000,
        skipped=True,
        ended=MORNING + timedelta(seconds=17),
    )
    history.record_pain(sid, "after", 3)
    history.end_session(sid, "finished", MORNING + timedelta(minutes=9))

    [record] = history.sessions()

    assert record.id == sid
    assert (record.routine, record.digest, record.reps) == ("back-care", "abc123", 8)
    assert record.started == MORNING and record.started.utcoffset() == timedelta(hours=1)
    assert record.local_day == date(2025, 3, 10)
    assert record.ended == MORNING + timedelta(minutes=9)
    assert record.outcome == "finished" and record.finished
    assert (record.pain_before, record.pain_after) == (6, 3)
    assert [(s.step_index, s.name, s.planned_ms, s.done_ms, s.skipped) for s in record.steps] == [
        (0, "Get ready", 5000, 5000, False),
        (1, "Cat cow", 30_000, 12_000, True),
    ]
    assert record.steps[1].ended == MORNING + timedelta(seconds=17)
    assert record.done_ms == 17_000
    assert record.at_step == 2


def test_the_stored_times_are_utc_and_the_day_is_where_the_person_was(tmp_path: Path) -> None:
    history = store(tmp_path)
    late = datetime(2025, 3, 10, 23, 30, tzinfo=PARIS)
    begin(history, late)
    history.close()

    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        row = db.execute(
            "SELECT started_utc, utc_offset_minutes, local_day FROM sessions"
        ).fetchone()

    assert row == ("2025-03-10T22:30:00.000+00:00", 60, "2025-03-10")


def test_the_file_is_in_wal_mode_with_a_schema_version(tmp_path: Path) -> None:
    store(tmp_path).close()

    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_step_played_again_replaces_its_row(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = begin(history)
    history.record_step(
        sid,
        1,
        "Cat cow",
        planned_ms=30_000,
        done_ms=10_000,
        skipped=True,
        ended=MORNING,
        went_to=1,
    )
    assert history.sessions()[0].at_step == 1
    history.record_step(
        sid, 1, "Cat cow", planned_ms=30_000, done_ms=40_000, skipped=False, ended=MORNING
    )

    [record] = history.sessions()
    assert [(s.done_ms, s.skipped) for s in record.steps] == [(40_000, False)]
    assert record.at_step == 2


def test_a_session_once_closed_keeps_how_it_ended(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = begin(history)
    history.end_session(sid, "finished", MORNING + timedelta(minutes=10))
    history.end_session(sid, "stopped", MORNING + timedelta(minutes=11))

    record = history.session(sid)
    assert record is not None
    assert record.outcome == "finished"
    assert record.ended == MORNING + timedelta(minutes=10)


def test_a_session_never_closed_has_no_outcome(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = begin(history)

    record = history.session(sid)
    assert record is not None
    assert record.outcome is None and record.ended is None and not record.finished


def test_sessions_since_a_day_go_by_the_local_day(tmp_path: Path) -> None:
    history = store(tmp_path)
    # 00:30 in Tokyo on the 11th is still the 10th in UTC: it belongs to the 11th.
    begin(history, datetime(2025, 3, 9, 20, 0, tzinfo=PARIS))
    tokyo = begin(history, datetime(2025, 3, 11, 0, 30, tzinfo=TOKYO))

    assert [r.id for r in history.sessions(since=date(2025, 3, 11))] == [tokyo]
    assert len(history.sessions()) == 2
    assert history.sessions(since=date(2025, 3, 11))[0].started.utcoffset() == timedelta(hours=9)


def test_sessions_come_oldest_first_across_time_zones(tmp_path: Path) -> None:
    history = store(tmp_path)
    later = begin(history, datetime(2025, 3, 10, 9, 0, tzinfo=PARIS))  # 08:00 UTC
    earlier = begin(history, datetime(2025, 3, 10, 2, 0, tzinfo=NEW_YORK))  # 07:00 UTC

    assert [r.id for r in history.sessions()] == [earlier, later]


@pytest.mark.parametrize("score", [-1, 11])
def test_a_pain_score_outside_0_to_10_is_refused(tmp_path: Path, score: int) -> None:
    history = store(tmp_path)
    sid = begin(history)

    with pytest.raises(ValueError, match="0 to 10"):
        history.record_pain(sid, "before", score)
    assert history.sessions()[0].pain_before is None


def test_a_pain_score_given_again_replaces_the_first(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = begin(history)
    history.record_pain(sid, "before", 4)
    history.record_pain(sid, "before", 5)

    assert history.sessions()[0].pain_before == 5


def test_times_without_an_offset_are_refused(tmp_path: Path) -> None:
    history = store(tmp_path)

    with pytest.raises(ValueError, match="offset"):
        begin(history, datetime(2025, 3, 10, 8, 0))


def test_a_write_that_fails_warns_once_and_never_raises(tmp_path: Path) -> None:
    warnings: list[str] = []
    history = store(tmp_path, warnings)
    sid = begin(history)
    with sqlite3.connect(tmp_path / "history.sqlite3") as other:
        other.execute("DROP TABLE steps")

    for index in range(3):
        history.record_step(
            sid, index, "Cat cow", planned_ms=1, done_ms=1, skipped=False, ended=MORNING
        )
    history.end_session(sid, "finished", MORNING)

    assert len(warnings) == 1
    assert warnings[0].startswith("Your session history could not be written")
    assert history.sessions() == []  # it has given up: nothing more is read or written


def test_two_stores_on_one_file_both_write(tmp_path: Path) -> None:
    first, second = store(tmp_path), store(tmp_path)
    a = begin(first)
    b = begin(second, routine="pelvic-tilts")
    first.end_session(a, "finished", MORNING)
    second.end_session(b, "stopped", MORNING)

    assert [(r.routine, r.outcome) for r in first.sessions()] == [
        ("back-care", "finished"),
        ("pelvic-tilts", "stopped"),
    ]


# -- what can be carried on --------------------------------------------------------------------


def stopped_at(
    history: HistoryStore, step: int, started: datetime = MORNING, **more: object
) -> int:
    sid = begin(history, started, **more)
    for index in range(step):
        history.record_step(
            sid,
            index,
            f"Step {index}",
            planned_ms=1000,
            done_ms=1000,
            skipped=False,
            ended=started,
        )
    return sid


def test_the_last_session_stopped_today_can_be_carried_on(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = stopped_at(history, 3)
    history.end_session(sid, "stopped", MORNING + timedelta(minutes=3))

    found = history.resumable("back-care", date(2025, 3, 10))

    assert found is not None
    assert (found.id, found.at_step) == (sid, 3)


def test_a_session_never_closed_can_be_carried_on(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = stopped_at(history, 2)

    found = history.resumable("back-care", date(2025, 3, 10))
    assert found is not None and found.id == sid and found.at_step == 2


def test_nothing_to_carry_on_after_a_finish_or_on_another_day_or_routine(
    tmp_path: Path,
) -> None:
    history = store(tmp_path)
    stopped_at(history, 3)

    assert history.resumable("back-care", date(2025, 3, 11)) is None
    assert history.resumable("pelvic-tilts", date(2025, 3, 10)) is None
    done = stopped_at(history, 5, MORNING + timedelta(hours=2))
    history.end_session(done, "finished", MORNING + timedelta(hours=3))
    assert history.resumable("back-care", date(2025, 3, 10)) is None


def test_a_session_stopped_before_any_step_is_not_offered(tmp_path: Path) -> None:
    history = store(tmp_path)
    sid = stopped_at(history, 0)
    history.end_session(sid, "stopped", MORNING)

    assert history.resumable("back-care", date(2025, 3, 10)) is None


def test_a_session_carried_on_already_is_not_offered_again(tmp_path: Path) -> None:
    history = store(tmp_path)
    first = stopped_at(history, 3)
    history.end_session(first, "stopped", MORNING)
    second = begin(history, MORNING + timedelta(hours=1), start_step=3, resumed_from=first)

    found = history.resumable("back-care", date(2025, 3, 10))
    assert found is not None and found.id == second and found.at_step == 3
    history.record_step(
        second, 3, "Step 3", planned_ms=1000, done_ms=1000, skipped=False, ended=MORNING
    )
    history.end_session(second, "stopped", MORNING + timedelta(hours=1))
    again = history.resumable("back-care", date(2025, 3, 10))
    assert again is not None and (again.id, again.at_step, again.resumed_from) == (second, 4, first)


def test_a_preview_is_not_offered_and_does_not_hide_a_session_stopped_before_it(
    tmp_path: Path,
) -> None:
    history = store(tmp_path)
    stopped = stopped_at(history, 3)
    history.end_session(stopped, "stopped", MORNING + timedelta(minutes=3))
    preview = begin(history, MORNING + timedelta(hours=1), speed=10)
    history.end_session(preview, "stopped", MORNING + timedelta(hours=1, minutes=1))

    found = history.resumable("back-care", date(2025, 3, 10))
    assert found is not None and found.id == stopped

    later = MORNING + timedelta(hours=2)
    history.end_session(stopped_at(history, 2, later, speed=25), "stopped", later)
    found = history.resumable("back-care", date(2025, 3, 10))
    assert found is not None and found.id == stopped


def test_the_speed_a_session_was_played_at_comes_back(tmp_path: Path) -> None:
    history = store(tmp_path)
    usual = begin(history)
    preview = begin(history, MORNING + timedelta(hours=1), speed=25)
    slow = begin(history, MORNING + timedelta(hours=2), speed=0.5)

    found = [history.session(sid) for sid in (usual, preview, slow)]
    assert [record.speed if record else None for record in found] == [1.0, 25.0, 0.5]


def test_a_closed_store_quietly_does_nothing(tmp_path: Path) -> None:
    warnings: list[str] = []
    history = store(tmp_path, warnings)
    sid = begin(history)
    history.close()

    history.end_session(sid, "stopped", MORNING)
    history.close()

    assert warnings == []
    assert history.sessions() == []
    again = store(tmp_path)
    record = again.session(sid)
    assert record is not None and record.outcome is None


def test_why_nothing_is_carried_on_is_told_for_each_reason(tmp_path: Path) -> None:
    history = store(tmp_path)
    day = date(2025, 3, 10)
    assert history.why_not_resumable("back-care", day) == "none today"
    preview = begin(history, MORNING, speed=10)
    history.end_session(preview, "stopped", MORNING)
    assert history.why_not_resumable("back-care", day) == "previews only"
    in_first = stopped_at(history, 0, MORNING + timedelta(hours=1))
    history.end_session(in_first, "stopped", MORNING + timedelta(hours=1))  # Ctrl-C at 1%
    assert history.why_not_resumable("back-care", day) == "before a step"
    wrong = stopped_at(history, 2, MORNING + timedelta(hours=2))
    history.end_session(wrong, "stopped", MORNING + timedelta(hours=2), "something is wrong")
    assert history.why_not_resumable("back-care", day) == "something wrong"
    assert history.resumable("back-care", day) is None
    done = stopped_at(history, 5, MORNING + timedelta(hours=3))
    history.end_session(done, "finished", MORNING + timedelta(hours=3))
    assert history.why_not_resumable("back-care", day) == "finished"
    later = stopped_at(history, 3, MORNING + timedelta(hours=4))
    history.end_session(later, "stopped", MORNING + timedelta(hours=4))  # Ctrl-C in step 3
    assert history.why_not_resumable("back-care", day) is None
    found = history.resumable("back-care", day)
    assert found is not None and found.id == later
