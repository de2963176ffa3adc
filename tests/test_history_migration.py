"""A history written before the speed was kept: brought up to date, or read as it is.

``tests/data/history-v1.sqlite3`` was written by the store at schema version 1 (the
player before the speed was recorded), through its own ``begin_session``,
``record_step``, ``record_pain`` and ``end_session``, with these sessions (Paris time):

1. Sun 9 Mar 18:00, partner-back-massage: a preview, 13 minutes of steps in 31.2 s.
2. Mon 10 Mar 08:00, back-care: played whole (10 minutes), pain 5 to 3.
3. Tue 11 Mar 09:00, partner-back-massage: every step skipped, 11 s of 13 minutes.
4. Tue 11 Mar 19:00, back-care: stopped at 90% (9 of 10 minutes), pain 6 before.
5. Wed 12 Mar 08:00, back-care: stopped at 50%.
6. Wed 12 Mar 18:00, back-care: stopped after Cat cow (51%), pain 4 before;
7. Wed 12 Mar 18:20: session 6 carried on from Stretch to the end, pain 2 after.
8. Thu 13 Mar 11:00, back-care: never closed (the power went), two minutes in.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.commands import history as history_command
from player.commands.base import Context
from player.history.counting import is_preview, played_speed
from player.history.database import SCHEMA_VERSION
from player.history.opening import open_history
from player.history.store import HistoryStore
from player.history.summary import summarize
from player.home.user_dirs import UserDirs
from tests.conftest import REPO
from tests.read_only import read_only

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2025, 3, 13, 20, 0, tzinfo=PARIS)
VERSION_1 = REPO / "tests" / "data" / "history-v1.sqlite3"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """A copy of the version-1 history, as the person's file."""
    path = tmp_path / "history.sqlite3"
    shutil.copyfile(VERSION_1, path)
    path.chmod(0o600)
    return path


def version_and_columns(path: Path) -> tuple[int, list[str]]:
    # immutable: read the file alone, making no -wal or -shm beside it
    db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        columns = [str(row[1]) for row in db.execute("PRAGMA table_info(sessions)")]
    finally:
        db.close()
    return version, columns


def test_the_history_is_at_version_3_with_the_speed_and_stop_reason_of_each_session() -> None:
    assert SCHEMA_VERSION == 3


def test_the_file_written_by_version_1_has_no_speed(old_file: Path) -> None:
    version, columns = version_and_columns(old_file)

    assert version == 1
    assert "speed" not in columns and "resumed_from" in columns


def test_a_version_1_file_is_brought_up_to_version_3_and_keeps_every_session(
    old_file: Path,
) -> None:
    warnings: list[str] = []
    history = open_history(old_file, warnings.append, NOW)
    assert isinstance(history, HistoryStore)
    records = history.sessions()
    history.close()

    assert warnings == []
    version, columns = version_and_columns(old_file)
    assert version == 3 and columns[-2:] == ["speed", "stop_reason"]
    assert [r.id for r in records] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert [r.outcome for r in records] == [
        "finished",
        "finished",
        "finished",
        "stopped",
        "stopped",
        "stopped",
        "finished",
        None,
    ]
    assert all(r.speed is None for r in records)  # not recorded then: nothing made up
    assert all(r.stop_reason is None for r in records)
    second = records[1]
    assert (second.routine, second.local_day, second.pain_before, second.pain_after) == (
        "back-care",
        date(2025, 3, 10),
        5,
        3,
    )
    assert [(s.name, s.planned_ms, s.done_ms) for s in records[3].steps] == [
        ("Get ready", 5_000, 5_000),
        ("Cat cow", 300_000, 300_000),
        ("Stretch", 295_000, 235_000),
    ]
    assert records[6].resumed_from == 6


def test_the_preview_recorded_before_the_speed_was_kept_is_told_from_its_times(
    old_file: Path,
) -> None:
    history = open_history(old_file, pytest.fail, NOW)
    records = history.sessions()
    history.close()

    assert played_speed(records[0]) == 25.0  # 780 s of steps in 31.2 s
    assert [is_preview(r) for r in records] == [True, *[False] * 7]


def test_after_the_update_a_new_session_is_recorded_with_its_speed(old_file: Path) -> None:
    history = open_history(old_file, pytest.fail, NOW)
    sid = history.begin_session(
        routine="back-care",
        digest="d1",
        path="/routines/back-care.yaml",
        reps=None,
        planned_ms=600_000,
        started=NOW,
        speed=10,
    )
    history.end_session(sid, "finished", NOW + timedelta(minutes=1))
    history.close()

    again = open_history(old_file, pytest.fail, NOW)
    found = again.session(sid)
    again.close()
    assert sid == 9 and found is not None and found.speed == 10.0 and is_preview(found)


def test_opening_it_again_changes_nothing_more(old_file: Path) -> None:
    open_history(old_file, pytest.fail, NOW).close()
    first = old_file.read_bytes()

    open_history(old_file, pytest.fail, NOW).close()

    assert old_file.read_bytes() == first
    assert version_and_columns(old_file)[0] == 3


def test_what_the_version_1_file_adds_up_to(old_file: Path) -> None:
    """The preview of the 9th and the massage skipped through on the 11th no longer make
    days done: the 10th (whole), the 11th (stopped at 90%) and the 12th (stopped and
    carried on) do. The player of version 1 counted four days in a row here."""
    history = open_history(old_file, pytest.fail, NOW)
    summary = summarize(history.sessions(), date(2025, 3, 13))
    history.close()

    assert summary.streak == 3 and not summary.streak_includes_today
    assert sorted(d for d, day in summary.days.items() if day.done) == [
        date(2025, 3, 10),
        date(2025, 3, 11),
        date(2025, 3, 12),
    ]


def test_a_version_1_file_that_may_not_be_written_is_read_as_it_is(old_file: Path) -> None:
    before = old_file.read_bytes()
    warnings: list[str] = []

    with read_only(old_file):
        history = open_history(old_file, warnings.append, NOW)
        records = history.sessions()
        history.close()

    assert warnings == []
    assert len(records) == 8 and all(r.speed is None for r in records)
    assert is_preview(records[0]) and not is_preview(records[1])
    assert old_file.read_bytes() == before
    assert version_and_columns(old_file)[0] == 1


def test_the_history_command_shows_the_version_1_file_by_the_rule(tmp_path: Path) -> None:
    home = tmp_path / "home"
    target = UserDirs.under(home).history_file
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(VERSION_1, target)
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(out=out, dirs=UserDirs.under(home), now=lambda: NOW, err_stream=lambda: err)
    parser = argparse.ArgumentParser(prog="history")
    history_command.COMMAND.add_arguments(parser)

    code = history_command.COMMAND.run(parser.parse_args(["--days", "7"]), ctx)

    assert (code, err.getvalue()) == (0, "")
    lines = out.getvalue().splitlines()
    assert [" ".join(line.split()) for line in lines[1:9]] == [
        "Sun 9 Mar 18:00 partner-back-massage 1 min preview x25",
        "Mon 10 Mar 08:00 back-care 10 min done pain 5 to 3",
        "Tue 11 Mar 09:00 partner-back-massage <1 min skipped through (1%)",
        "Tue 11 Mar 19:00 back-care 9 min done (90%) pain 6 before",
        "Wed 12 Mar 08:00 back-care 5 min stopped (50%)",
        "Wed 12 Mar 18:00 back-care 5 min stopped, then carried on pain 4 before",
        "Wed 12 Mar 18:20 back-care 5 min done, carried on pain 2 after",
        "Thu 13 Mar 11:00 back-care 2 min interrupted (20%)",
    ]
    assert "Streak: 3 days in a row up to yesterday; finish a session today to keep it going." in (
        lines
    )
    assert "This week: 3 of 7 days done. This month: 3 days done." in lines
