"""The day the warning signs were last checked, kept in one small file.

A missing or unreadable file means "not checked today": the person is asked again,
which is the safe way to be wrong.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path


def last_checked(path: Path) -> date | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
        return date.fromisoformat(text)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def record_checked(path: Path, day: date) -> None:
    """Remember that none of the warning signs applied on ``day`` (written atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".safety-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(day.isoformat() + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
