"""The day the warning signs were last checked, kept in one small file.

A missing or unreadable file means "not checked today": the person is asked again,
which is the safe way to be wrong.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from player.system.files import write_atomically
from player.system.regular_files import read_regular

_LONGEST = 64
"""More than a date and a line break take: a longer file is not one this player wrote."""


def last_checked(path: Path) -> date | None:
    try:
        text = read_regular(path, _LONGEST).decode("utf-8").strip()
        return date.fromisoformat(text)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def record_checked(path: Path, day: date) -> None:
    """Remember that none of the warning signs applied on ``day`` (written atomically)."""
    write_atomically(path, day.isoformat() + "\n")


def forget_checked(path: Path) -> None:
    """Ask again before the next session: after a session stopped because something was
    wrong, today's answer no longer holds. OSError when the file cannot be removed."""
    path.unlink(missing_ok=True)
