"""Opening the history so that it never stands in the way of a session.

A damaged file is moved aside (with its -wal and -shm) and a new one started, with one line
to say so. When not even a new one can be opened, say a read-only folder, the player gets a
history that records nothing, after one line saying why: that nothing will be recorded,
when a session is to be, or that the history cannot be read, when it is only to be shown.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from player.history.database import SIDE_FILES, DamagedHistory
from player.history.records import Moment, Outcome, SessionRecord
from player.history.resume import NotCarriedOn
from player.history.store import History, HistoryStore, Warn
from player.language import _
from player.system.files import keep_private
from player.system.regular_files import reason


def open_history(path: Path, warn: Warn, now: datetime, *, recording: bool = True) -> History:
    """The history at ``path``; ``now`` names the copy of a damaged file moved aside.
    ``recording``: a session is to be recorded in it, rather than the history only shown;
    the warnings say what a problem means for that."""
    try:
        return HistoryStore.connect(path, warn, recording=recording)
    except DamagedHistory as damage:
        try:
            moved = move_aside(path, now)
        except OSError as error:
            said = (
                _(
                    "Your session history at {file} is damaged and could not be moved aside "
                    "({reason}): nothing will be recorded this time."
                )
                if recording
                else _(
                    "Your session history at {file} is damaged and could not be moved aside "
                    "({reason})."
                )
            )
            warn(said.format(file=path, reason=reason(error, path)))
            return NullHistory()
        if damage.newer:
            said = _(
                "Your session history was written by a newer version of the player: it was "
                "moved to {file} and a new one started."
            )
        else:
            said = _(
                "Your session history was damaged: it was moved to {file} and a new one started."
            )
        warn(said.format(file=moved))
    except (sqlite3.Error, OSError) as error:
        why = reason(error, path) if isinstance(error, OSError) else str(error)
        if recording:
            said = _(
                "Your session history at {file} could not be opened ({reason}): nothing will "
                "be recorded this time."
            )
        else:
            said = _("Your session history at {file} cannot be read: {reason}.")
        warn(said.format(file=path, reason=why))
        return NullHistory()
    try:
        return HistoryStore.connect(path, warn, recording=recording)
    except (DamagedHistory, sqlite3.Error, OSError) as error:
        why = reason(error, path) if isinstance(error, OSError) else str(error)
        said = (
            _(
                "A new session history could not be started ({reason}): nothing will be "
                "recorded this time."
            )
            if recording
            else _("A new session history could not be started ({reason}).")
        )
        warn(said.format(reason=why))
        return NullHistory()


def move_aside(path: Path, now: datetime) -> Path:
    """Rename ``path`` (and the files SQLite keeps beside it) to ``NAME.damaged-STAMP``,
    kept private as the history is."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(Path(f"{target}{side}").exists() for side in ("", *SIDE_FILES)):
        number += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    path.rename(target)
    keep_private(target)
    for side in SIDE_FILES:
        companion = Path(f"{path}{side}")
        if companion.exists():
            companion.rename(f"{target}{side}")
            keep_private(Path(f"{target}{side}"))
    return target


class NullHistory:
    """A history that records nothing and remembers nothing."""

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
        return 0

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
        return None

    def record_pain(self, session_id: int, moment: Moment, score: int) -> None:
        return None

    def end_session(
        self, session_id: int, outcome: Outcome, ended: datetime, reason: str | None = None
    ) -> None:
        return None

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        return []

    def session(self, session_id: int) -> SessionRecord | None:
        return None

    def resumable(self, routine: str, day: date) -> SessionRecord | None:
        return None

    def why_not_resumable(self, routine: str, day: date) -> NotCarriedOn | None:
        return "none today"

    def close(self) -> None:
        return None
