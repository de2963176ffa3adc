"""The session history in one SQLite file, written so that a crash loses almost nothing.

The file is in WAL mode with ``synchronous=FULL`` and every write is one committed
transaction: however the player ends (window closed, Ctrl-C, kill -9, power cut), every
step finished before that moment is kept. The store never reads a clock: every time is
handed in, as an aware datetime.

Once open, a store never raises for a problem with its file: a write that fails says so
once and the rest of the session goes unrecorded, so nothing stops a session being played.
A history that this player may read but not write (a read-only folder or file) is opened
for reading: it is shown, and the first write says it could not be made, and which of the
file and its folder may not be written.

The file and the -wal and -shm files beside it are the person's alone (mode 0600), as the
settings are: SQLite gives the files it makes the mode of the database file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol, TypeVar

from player.history.database import (
    READ_ONLY,
    SIDE_FILES,
    check_header,
    has_column,
    has_speed,
    may_write,
    opened,
    opened_for_reading,
    transaction,
)
from player.history.records import (
    PAIN_SCORES,
    Moment,
    Outcome,
    SessionRecord,
    StepRecord,
)
from player.history.resume import NotCarriedOn, last_played, why_not_carried_on
from player.language import N_, _
from player.system.files import create_private, keep_private

Warn = Callable[[str], None]
T = TypeVar("T")

SESSION_COLUMNS = (
    "id, routine, digest, path, reps, started_utc, utc_offset_minutes, local_day, "
    "ended_utc, outcome, planned_ms, at_step, resumed_from"
)
"""Read from every version of the file; then the speed and why it was stopped, where the
file has them."""


class History(Protocol):
    """What the player records and asks: the SQLite store, or one that records nothing."""

    def begin_session(
        self,
        *,
        routine: str,
        digest: str,
        path: str,
        reps: int | None,
        planned_ms: int,
        started: datetime,
        start_step: int = 0,
        resumed_from: int | None = None,
        speed: float = 1.0,
    ) -> int: ...

    def record_step(
        self,
        session_id: int,
        step_index: int,
        name: str,
        *,
        planned_ms: int,
        done_ms: int,
        skipped: bool,
        ended: datetime,
        went_to: int | None = None,
    ) -> None: ...

    def record_pain(self, session_id: int, moment: Moment, score: int) -> None: ...

    def end_session(
        self, session_id: int, outcome: Outcome, ended: datetime, reason: str | None = None
    ) -> None: ...

    def sessions(self, since: date | None = None) -> list[SessionRecord]: ...

    def session(self, session_id: int) -> SessionRecord | None: ...

    def resumable(self, routine: str, day: date) -> SessionRecord | None: ...

    def why_not_resumable(self, routine: str, day: date) -> NotCarriedOn | None: ...

    def close(self) -> None: ...


class HistoryStore:
    """The history in a SQLite file. Make one with :meth:`connect` (or ``open_history``,
    which also deals with a damaged file)."""

    def __init__(
        self, connection: sqlite3.Connection, warn: Warn, path: Path, *, recording: bool = True
    ) -> None:
        self._db = connection
        self._warn = warn
        self._path = path
        self._recording = recording
        """Whether a session is being recorded, rather than the history only shown: what a
        failure says it means."""
        self._broken = False
        self._written = False

    @classmethod
    def connect(cls, path: Path, warn: Warn, *, recording: bool = True) -> HistoryStore:
        """Open (or create) the file at ``path``; for reading alone when it may not be
        written. Raises DamagedHistory for a file that is not a readable history, and
        sqlite3.Error or OSError when it cannot be opened. ``recording``: a session is to
        be recorded (not only the history shown)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        check_header(path)
        create_private(path)
        for file in (path, *(Path(f"{path}{side}") for side in SIDE_FILES)):
            keep_private(file)
        if not may_write(path):
            return cls(opened_for_reading(path), warn, path, recording=recording)
        try:
            db = opened(str(path), prepare=True)
        except sqlite3.OperationalError as error:  # say, a folder where no -wal can be made
            try:
                db = opened_for_reading(path)
            except sqlite3.Error:
                raise error from None
        return cls(db, warn, path, recording=recording)

    # -- writing ------------------------------------------------------------------------

    def begin_session(
        self,
        *,
        routine: str,
        digest: str,
        path: str,
        reps: int | None,
        planned_ms: int,
        started: datetime,
        start_step: int = 0,
        resumed_from: int | None = None,
        speed: float = 1.0,
    ) -> int:
        """Record that a session has begun, played at ``speed`` times real time; returns
        its id (0 when it could not be written)."""
        offset = _offset_minutes(started)

        def write(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "INSERT INTO sessions (routine, digest, path, reps, started_utc, "
                "utc_offset_minutes, local_day, planned_ms, at_step, resumed_from, speed) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    routine,
                    digest,
                    path,
                    reps,
                    _utc_text(started),
                    offset,
                    started.date().isoformat(),
                    planned_ms,
                    start_step,
                    resumed_from,
                    speed,
                ),
            )
            return int(cursor.lastrowid or 0)

        return self._write(write) or 0

    def record_step(
        self,
        session_id: int,
        step_index: int,
        name: str,
        *,
        planned_ms: int,
        done_ms: int,
        skipped: bool,
        ended: datetime,
        went_to: int | None = None,
    ) -> None:
        """Record a step as it is left (again, if it was played before: the row is replaced).
        ``went_to`` is the step play moved to: the next one unless said otherwise."""
        ended_text = _utc_text(ended)
        at_step = step_index + 1 if went_to is None else went_to

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO steps (session_id, step_index, name, planned_ms, done_ms, "
                "skipped, ended_utc) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, step_index) DO UPDATE SET name = excluded.name, "
                "planned_ms = excluded.planned_ms, done_ms = excluded.done_ms, "
                "skipped = excluded.skipped, ended_utc = excluded.ended_utc",
                (session_id, step_index, name, planned_ms, done_ms, int(skipped), ended_text),
            )
            db.execute("UPDATE sessions SET at_step = ? WHERE id = ?", (at_step, session_id))

        self._write(write)

    def record_pain(self, session_id: int, moment: Moment, score: int) -> None:
        """A pain score from 0 (none) to 10 (worst) before or after the session."""
        if moment not in ("before", "after"):
            raise ValueError(f"pain is scored 'before' or 'after', not '{moment}'")
        if score not in PAIN_SCORES:
            raise ValueError(f"a pain score runs from 0 to 10, not {score}")

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO pain (session_id, moment, score) VALUES (?, ?, ?) "
                "ON CONFLICT (session_id, moment) DO UPDATE SET score = excluded.score",
                (session_id, moment, score),
            )

        self._write(write)

    def end_session(
        self, session_id: int, outcome: Outcome, ended: datetime, reason: str | None = None
    ) -> None:
        """Close a session; one already closed keeps how it ended. ``reason`` says why it
        was stopped at once, when it was (``something is wrong``)."""
        ended_text = _utc_text(ended)

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "UPDATE sessions SET outcome = ?, ended_utc = ?, stop_reason = ? "
                "WHERE id = ? AND outcome IS NULL",
                (outcome, ended_text, reason, session_id),
            )

        self._write(write)

    # -- reading ------------------------------------------------------------------------

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        """Every session begun on ``since`` or later (local days), oldest first."""
        day = (since or date.min).isoformat()
        return (
            self._read(
                lambda db: _load(db, "WHERE local_day >= ? ORDER BY started_utc, id", (day,))
            )
            or []
        )

    def session(self, session_id: int) -> SessionRecord | None:
        found = self._read(lambda db: _load(db, "WHERE id = ?", (session_id,)))
        return found[0] if found else None

    def resumable(self, routine: str, day: date) -> SessionRecord | None:
        """The session of ``routine`` to carry on, if the last one begun on ``day`` that
        was not a preview stopped part way (or was never closed) and no later session
        carried it on already; not one stopped because something was wrong. Ask before
        beginning the new session."""

        def find(db: sqlite3.Connection) -> SessionRecord | None:
            that_day = _that_day(db, routine, day)
            if why_not_carried_on(that_day, lambda id: _carried_on(db, id)) is not None:
                return None
            return last_played(that_day)

        return self._read(find)

    def why_not_resumable(self, routine: str, day: date) -> NotCarriedOn | None:
        """Why ``resumable`` finds no session of ``routine`` begun on ``day`` to carry on
        (None when it finds one, or when the file cannot be read)."""

        def why(db: sqlite3.Connection) -> NotCarriedOn | None:
            return why_not_carried_on(_that_day(db, routine, day), lambda id: _carried_on(db, id))

        return self._read(why)

    def close(self) -> None:
        """Close the file; anything asked of the store afterwards quietly does nothing."""
        self._broken = True
        self._db.close()

    # -- inside -------------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T | None:
        if self._broken:
            return None
        try:
            with transaction(self._db):
                done = work(self._db)
        except sqlite3.Error as error:
            self._give_up(_WRITE_FAILED, self._why_not_written(error))
            return None
        self._written = True
        return done

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T | None:
        if self._broken:
            return None
        try:
            return work(self._db)
        except sqlite3.Error as error:
            self._give_up(_READ_FAILED, str(error))
            return None

    def _why_not_written(self, error: sqlite3.Error) -> str:
        """Which of the file and its folder may not be written, when that is why; else
        SQLite's own words."""
        if _read_only(error):
            if may_write(self._path):
                return _("the folder {folder} may not be written").format(folder=self._path.parent)
            return _("the file {file} may not be written").format(file=self._path)
        return str(error)

    def _give_up(self, said: tuple[str, str, str], why: str) -> None:
        """Stop using the history, after one of ``said`` (only shown; nothing more will be
        recorded; this session will not be) with ``why``."""
        self._broken = True
        shown, nothing_more, not_this = said
        if self._recording:
            shown = nothing_more if self._written else not_this
        self._warn(_(shown).format(reason=why))


_WRITE_FAILED = (
    N_("Your session history could not be written ({reason})."),
    N_(
        "Your session history could not be written ({reason}): nothing more will be "
        "recorded this time."
    ),
    N_("Your session history could not be written ({reason}): this session will not be recorded."),
)
_READ_FAILED = (
    N_("Your session history could not be read ({reason})."),
    N_(
        "Your session history could not be read ({reason}): nothing more will be "
        "recorded this time."
    ),
    N_("Your session history could not be read ({reason}): this session will not be recorded."),
)


def _read_only(error: sqlite3.Error) -> bool:
    """Whether SQLite refused a write to a database that may not be written."""
    code: int | None = getattr(error, "sqlite_errorcode", None)  # from Python 3.11
    if code is None:
        return "readonly" in str(error)
    return code & 0xFF == READ_ONLY


def _offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("times in the history must carry their offset from UTC")
    return round(offset.total_seconds() / 60)


def _utc_text(moment: datetime) -> str:
    _offset_minutes(moment)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _from_utc_text(text: str, offset_minutes: int) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone(timedelta(minutes=offset_minutes)))


def _that_day(db: sqlite3.Connection, routine: str, day: date) -> list[SessionRecord]:
    """The sessions of ``routine`` begun on ``day``, in the order they began."""
    return _load(
        db,
        "WHERE routine = ? AND local_day = ? ORDER BY started_utc, id",
        (routine, day.isoformat()),
    )


def _carried_on(db: sqlite3.Connection, session_id: int) -> bool:
    """Whether another session carried on the one of ``session_id`` already."""
    found = db.execute(
        "SELECT 1 FROM sessions WHERE resumed_from = ? LIMIT 1", (session_id,)
    ).fetchone()
    return found is not None


def _load(
    db: sqlite3.Connection, where: str, parameters: tuple[object, ...]
) -> list[SessionRecord]:
    """The sessions ``where`` picks (``WHERE ... ORDER BY ...``), with their steps and pain."""
    speed = "speed" if has_speed(db) else "NULL"
    stop_reason = "stop_reason" if has_column(db, "stop_reason") else "NULL"
    rows = db.execute(
        f"SELECT {SESSION_COLUMNS}, {speed}, {stop_reason} FROM sessions {where}", parameters
    ).fetchall()
    if not rows:
        return []
    ids = [int(row[0]) for row in rows]
    marks = ", ".join("?" for _ in ids)
    steps: dict[int, list[Any]] = {}
    for step in db.execute(
        "SELECT session_id, step_index, name, planned_ms, done_ms, skipped, ended_utc "
        f"FROM steps WHERE session_id IN ({marks}) ORDER BY session_id, step_index",
        ids,
    ):
        steps.setdefault(int(step[0]), []).append(step)
    pain: dict[tuple[int, str], int] = {
        (int(p[0]), str(p[1])): int(p[2])
        for p in db.execute(
            f"SELECT session_id, moment, score FROM pain WHERE session_id IN ({marks})", ids
        )
    }
    return [_session(row, steps.get(int(row[0]), []), pain) for row in rows]


def _session(row: Any, steps: list[Any], pain: dict[tuple[int, str], int]) -> SessionRecord:
    (
        session_id,
        routine,
        digest,
        path,
        reps,
        started,
        offset,
        day,
        ended,
        outcome,
        planned,
        at_step,
        resumed_from,
        speed,
        stop_reason,
    ) = row
    minutes = int(offset)
    number = int(session_id)
    return SessionRecord(
        id=number,
        routine=str(routine),
        digest=str(digest),
        path=str(path),
        reps=None if reps is None else int(reps),
        started=_from_utc_text(str(started), minutes),
        local_day=date.fromisoformat(str(day)),
        ended=None if ended is None else _from_utc_text(str(ended), minutes),
        outcome="finished" if outcome == "finished" else "stopped" if outcome else None,
        planned_ms=int(planned),
        at_step=int(at_step),
        resumed_from=None if resumed_from is None else int(resumed_from),
        steps=tuple(
            StepRecord(
                step_index=int(s[1]),
                name=str(s[2]),
                planned_ms=int(s[3]),
                done_ms=int(s[4]),
                skipped=bool(s[5]),
                ended=_from_utc_text(str(s[6]), minutes),
            )
            for s in steps
        ),
        pain_before=pain.get((number, "before")),
        pain_after=pain.get((number, "after")),
        speed=None if speed is None else float(speed),
        stop_reason=None if stop_reason is None else str(stop_reason),
    )
