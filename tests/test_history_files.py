"""The history's files on disk: private to their owner, and read where they may not be
written (a read-only folder or file), with one warning when a write then fails."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.history import database
from player.history.opening import open_history
from player.history.store import HistoryStore
from tests.read_only import read_only

NOW = datetime(2025, 3, 10, 8, 5, 9, tzinfo=timezone(timedelta(hours=1)))


def ignore(warning: str) -> None:
    """For the opening of a history whose warnings another test looks at."""


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most people have, under which a new file is readable by everyone."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def side(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def three_sessions(path: Path) -> None:
    """A history of three finished sessions, closed: no -wal or -shm left beside it."""
    history = open_history(path, ignore, NOW)
    for days in (2, 1, 0):
        started = NOW - timedelta(days=days)
        sid = history.begin_session(
            routine="back-care", digest="d", path="p", reps=None, planned_ms=1, started=started
        )
        history.end_session(sid, "finished", started + timedelta(minutes=10))
    history.close()


# -- private ------------------------------------------------------------------------------


def test_a_new_history_and_the_files_beside_it_are_private(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    history = open_history(path, ignore, NOW)
    history.begin_session(
        routine="back-care", digest="d", path="p", reps=None, planned_ms=1, started=NOW
    )
    try:
        assert side(path, "-wal").exists() and side(path, "-shm").exists()
        for file in (path, side(path, "-wal"), side(path, "-shm")):
            assert mode(file) == 0o600, file
    finally:
        history.close()


def test_a_history_others_could_read_is_made_private_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    three_sessions(path)
    path.chmod(0o644)
    side(path, "-wal").write_bytes(b"")
    side(path, "-wal").chmod(0o666)

    history = open_history(path, ignore, NOW)
    try:
        assert mode(path) == 0o600
        assert mode(side(path, "-wal")) == 0o600
        assert len(history.sessions()) == 3
    finally:
        history.close()


def test_a_damaged_history_moved_aside_and_the_new_one_are_private(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database" * 100)
    side(path, "-wal").write_bytes(b"wal")
    path.chmod(0o644)
    side(path, "-wal").chmod(0o644)

    open_history(path, ignore, NOW).close()

    moved = tmp_path / "history.sqlite3.damaged-20250310-080509"
    assert mode(moved) == 0o600
    assert mode(side(moved, "-wal")) == 0o600
    assert mode(path) == 0o600


# -- read-only ----------------------------------------------------------------------------


def test_a_history_in_a_read_only_folder_is_read_and_a_write_warns_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "history.sqlite3"
    three_sessions(path)
    assert not side(path, "-wal").exists()
    before = path.read_bytes()
    warnings: list[str] = []

    with read_only(folder):
        history = open_history(path, warnings.append, NOW)
        assert isinstance(history, HistoryStore)
        assert [r.local_day for r in history.sessions()] == [
            date(2025, 3, 8),
            date(2025, 3, 9),
            date(2025, 3, 10),
        ]
        assert warnings == []
        sid = history.begin_session(
            routine="back-care", digest="d", path="p", reps=None, planned_ms=1, started=NOW
        )
        history.record_pain(sid, "after", 3)
        history.end_session(sid, "finished", NOW)
        history.close()

    assert sid == 0
    assert warnings == [
        f"Your session history could not be written (the folder {folder} may not be "
        "written): this session will not be recorded."
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["history.sqlite3"]
    assert path.read_bytes() == before


def test_a_read_only_history_file_is_read_and_never_made_writable(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "history.sqlite3"
    three_sessions(path)
    warnings: list[str] = []

    with read_only(path):
        history = open_history(path, warnings.append, NOW)
        assert len(history.sessions()) == 3
        assert (
            history.begin_session(
                routine="back-care", digest="d", path="p", reps=None, planned_ms=1, started=NOW
            )
            == 0
        )
        assert mode(path) & 0o222 == 0
        history.close()

    assert warnings == [
        f"Your session history could not be written (the file {path} may not be written): "
        "this session will not be recorded."
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["history.sqlite3"]  # no -shm left


def test_a_read_only_folder_with_no_history_records_nothing_and_says_so(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    warnings: list[str] = []

    with read_only(folder):
        history = open_history(folder / "history.sqlite3", warnings.append, NOW)
        assert history.sessions() == []

    assert len(warnings) == 1 and "nothing will be recorded this time" in warnings[0]
    assert list(folder.iterdir()) == []


def test_a_write_that_fails_after_one_was_made_says_nothing_more_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
    path = tmp_path / "history.sqlite3"
    warnings: list[str] = []
    history = open_history(path, warnings.append, NOW)
    sid = history.begin_session(
        routine="back-care", digest="d", path="p", reps=None, planned_ms=1, started=NOW
    )
    other = sqlite3.connect(path, isolation_level=None)  # another player, writing
    other.execute("BEGIN EXCLUSIVE")

    history.record_pain(sid, "before", 4)
    other.execute("ROLLBACK")
    other.close()
    history.record_pain(sid, "after", 2)  # given up: not even tried
    history.close()

    assert warnings == [
        "Your session history could not be written (database is locked): "
        "nothing more will be recorded this time."
    ]
    [session] = open_history(path, ignore, NOW).sessions()
    assert (session.id, session.pain_before, session.pain_after) == (sid, None, None)
