"""The history's SQLite file: its schema, and opening it to write or only to read.

A file that is not a history this player can read (not SQLite, damaged, written by a
newer player) is told as ``DamagedHistory`` before anything is written to it; one this
process may not write is opened for reading alone.

A file of an older version is brought up to this one when it is opened to write, in the
same transaction that checks its version (``MIGRATIONS``); one that may only be read is
read as it is (``has_speed`` tells whether its sessions have their speed).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from player.language import _
from player.system.regular_files import read_regular

SCHEMA_VERSION = 3
"""1: sessions, steps and pain scores. 2: the speed each session was played at. 3: why a
session was stopped at once, when it was (``something is wrong``)."""
BUSY_TIMEOUT_S = 5.0
"""How long to wait for another player writing to the same file before giving up."""
SQLITE_HEADER = b"SQLite format 3\x00"
TABLES = frozenset({"sessions", "steps", "pain"})
READ_ONLY = 8
"""SQLITE_READONLY: the primary result code of a write to a database that may not be written."""
SIDE_FILES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside the database, which belong with it."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    routine TEXT NOT NULL,
    digest TEXT NOT NULL,
    path TEXT NOT NULL,
    reps INTEGER,
    started_utc TEXT NOT NULL,
    utc_offset_minutes INTEGER NOT NULL,
    local_day TEXT NOT NULL,
    ended_utc TEXT,
    outcome TEXT CHECK (outcome IN ('finished', 'stopped')),
    planned_ms INTEGER NOT NULL,
    at_step INTEGER NOT NULL DEFAULT 0,
    resumed_from INTEGER REFERENCES sessions(id),
    speed REAL CHECK (speed IS NULL OR speed > 0),
    stop_reason TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_day ON sessions(local_day);
CREATE INDEX IF NOT EXISTS sessions_by_routine ON sessions(routine, local_day);
CREATE TABLE IF NOT EXISTS steps (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    step_index INTEGER NOT NULL,
    name TEXT NOT NULL,
    planned_ms INTEGER NOT NULL,
    done_ms INTEGER NOT NULL,
    skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
    ended_utc TEXT NOT NULL,
    PRIMARY KEY (session_id, step_index)
);
CREATE TABLE IF NOT EXISTS pain (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (session_id, moment)
);
"""

SPEED_COLUMN = "speed REAL CHECK (speed IS NULL OR speed > 0)"
STOP_REASON_COLUMN = "stop_reason TEXT"
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (f"ALTER TABLE sessions ADD COLUMN {SPEED_COLUMN}",),
    2: (f"ALTER TABLE sessions ADD COLUMN {STOP_REASON_COLUMN}",),
}
"""What brings a file of each version to the next. A session recorded before version 2
has no speed (NULL): how fast it was played is then worked out from its times. One
recorded before version 3 has no reason it was stopped (NULL), as no session then had."""


class DamagedHistory(Exception):
    """The file is there but is not a history this player can read."""

    def __init__(self, reason: str, *, newer: bool = False) -> None:
        super().__init__(reason)
        self.newer = newer


def opened(target: str, *, prepare: bool) -> sqlite3.Connection:
    """A connection to ``target`` (a path, or a ``file:`` URI) that holds a history."""
    db = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=target.startswith("file:")
    )
    try:
        check_history(db)
        if prepare:
            prepare_tables(db)
    except sqlite3.OperationalError:
        db.close()
        raise
    except sqlite3.DatabaseError as error:
        db.close()
        raise DamagedHistory(str(error)) from error
    except BaseException:
        db.close()
        raise
    return db


def may_write(path: Path) -> bool:
    """Whether this process may open the file at ``path`` to write it."""
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def opened_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to the history at ``path``, which may not be written.

    SQLite reads a file in WAL mode through a -shm file beside it, which it cannot make in
    a read-only folder, and would make read-only beside a read-only file (where it would
    stay, and stop the writes once the file may be written again). So when there is no
    WAL content to read, the file alone is the whole history and is read as a file that
    does not change (``immutable``), with no -shm; only otherwise through the -shm."""
    if path.stat().st_size == 0:
        raise sqlite3.OperationalError(_("the history is empty and may not be written"))
    uri = path.absolute().as_uri()
    wal = Path(f"{path}-wal")
    whole = not wal.exists() or wal.stat().st_size == 0
    ways = [f"{uri}?mode=ro&immutable=1"] if whole else []
    ways.append(f"{uri}?mode=ro")
    for way in ways[:-1]:
        with contextlib.suppress(sqlite3.OperationalError):
            return opened(way, prepare=False)
    return opened(ways[-1], prepare=False)


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite opens it: on closing, it would delete
    the -wal and -shm files beside it, which belong with the damaged file."""
    try:
        start = read_regular(path, len(SQLITE_HEADER))  # a named pipe or a folder: FileRefused
    except FileNotFoundError:
        return
    if start and start != SQLITE_HEADER:
        raise DamagedHistory(_("it is not a SQLite database"))


def check_history(db: sqlite3.Connection) -> None:
    """Raise DamagedHistory (or sqlite3.DatabaseError) unless the file is a history."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise DamagedHistory(
            _("it was written by a newer player (version {version})").format(version=version),
            newer=True,
        )
    verdict = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    if verdict != ["ok"]:
        raise DamagedHistory("; ".join(str(v) for v in verdict[:3]))
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version > 0 and not tables >= TABLES:
        raise DamagedHistory(
            _("tables are missing: {tables}").format(tables=", ".join(sorted(TABLES - tables)))
        )
    if version == 0 and tables:
        raise DamagedHistory(_("it is some other database"))


def prepare_tables(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    with transaction(db):
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version >= SCHEMA_VERSION:
            return
        statements = (
            [s for s in SCHEMA.split(";") if s.strip()]
            if version == 0
            else [s for v in range(version, SCHEMA_VERSION) for s in MIGRATIONS[v]]
        )
        for statement in statements:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def has_speed(db: sqlite3.Connection) -> bool:
    """Whether the sessions in this file have a speed column: a file of version 1 opened
    for reading alone has none."""
    return has_column(db, "speed")


def has_column(db: sqlite3.Connection, name: str) -> bool:
    """Whether the sessions in this file have the column ``name``: one added by a later
    version is missing from an older file opened for reading alone."""
    return any(row[1] == name for row in db.execute("PRAGMA table_info(sessions)"))
