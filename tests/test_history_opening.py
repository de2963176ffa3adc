"""A damaged or unusable history file never stops a session: it is moved aside, or skipped."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from player.history.database import SCHEMA_VERSION
from player.history.opening import NullHistory, open_history
from player.history.store import History, HistoryStore

NOW = datetime(2025, 3, 10, 8, 5, 9, tzinfo=timezone(timedelta(hours=1)))
GARBAGE = b"this is not a database at all\x00\xff\xfe" * 200


def ignore(warning: str) -> None:
    """For the opening of a history whose warnings another test looks at."""


def write_a_session(history: History) -> int:
    sid = history.begin_session(
        routine="back-care", digest="d", path="p", reps=None, planned_ms=1000, started=NOW
    )
    history.record_step(sid, 0, "Get ready", planned_ms=5, done_ms=5, skipped=False, ended=NOW)
    history.end_session(sid, "finished", NOW)
    return sid


def test_a_file_of_garbage_is_moved_aside_and_a_new_history_started(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(GARBAGE)
    warnings: list[str] = []

    history = open_history(path, warnings.append, NOW)

    moved = tmp_path / "history.sqlite3.damaged-20250310-080509"
    assert warnings == [
        f"Your session history was damaged: it was moved to {moved} and a new one started."
    ]
    assert moved.read_bytes() == GARBAGE
    assert isinstance(history, HistoryStore)
    write_a_session(history)
    assert [r.routine for r in history.sessions()] == ["back-care"]


def test_a_file_with_damaged_pages_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = open_history(path, ignore, NOW)
    for _ in range(50):
        write_a_session(history)
    history.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page : 3 * page] = b"\xa5" * (2 * page)  # the pages after the first, overwritten
    path.write_bytes(bytes(data))
    warnings: list[str] = []

    again = open_history(path, warnings.append, NOW)

    assert len(warnings) == 1 and "was damaged: it was moved to" in warnings[0]
    assert isinstance(again, HistoryStore)
    assert again.sessions() == []
    assert (tmp_path / "history.sqlite3.damaged-20250310-080509").read_bytes() == bytes(data)


def test_the_files_beside_it_go_with_it(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(GARBAGE)
    Path(f"{path}-wal").write_bytes(b"wal")
    Path(f"{path}-shm").write_bytes(b"shm")

    open_history(path, ignore, NOW)

    moved = tmp_path / "history.sqlite3.damaged-20250310-080509"
    assert Path(f"{moved}-wal").read_bytes() == b"wal"
    assert Path(f"{moved}-shm").read_bytes() == b"shm"


def test_a_second_damaged_file_in_the_same_second_does_not_overwrite_the_first(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"first" * 300)
    open_history(path, ignore, NOW).close()
    path.write_bytes(b"second" * 300)

    open_history(path, ignore, NOW).close()

    assert (tmp_path / "history.sqlite3.damaged-20250310-080509").read_bytes() == b"first" * 300
    assert (tmp_path / "history.sqlite3.damaged-20250310-080509-2").read_bytes() == (
        b"second" * 300
    )


def test_a_history_from_a_newer_player_is_moved_aside_not_read(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, whatever TEXT)")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    warnings: list[str] = []

    history = open_history(path, warnings.append, NOW)

    assert len(warnings) == 1 and "newer version" in warnings[0]
    assert (tmp_path / "history.sqlite3.damaged-20250310-080509").exists()
    assert isinstance(history, HistoryStore)


def test_some_other_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    db.close()
    warnings: list[str] = []

    open_history(path, warnings.append, NOW)

    assert len(warnings) == 1 and "damaged" in warnings[0]


def test_a_good_history_is_opened_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    first = open_history(path, ignore, NOW)
    write_a_session(first)
    first.close()
    warnings: list[str] = []

    again = open_history(path, warnings.append, NOW)

    assert warnings == []
    assert len(again.sessions()) == 1
    assert not list(tmp_path.glob("*damaged*"))


def test_a_folder_that_cannot_be_used_gives_a_history_that_records_nothing(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    warnings: list[str] = []

    history = open_history(blocker / "history.sqlite3", warnings.append, NOW)

    assert isinstance(history, NullHistory)
    assert len(warnings) == 1
    assert warnings[0].startswith("Your session history at ")
    assert warnings[0].endswith("nothing will be recorded this time.")
    assert write_a_session(history) == 0
    assert history.sessions() == []
    assert history.resumable("back-care", date(2025, 3, 10)) is None
