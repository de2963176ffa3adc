"""Finding routines by name or path among the bundled ones."""

from __future__ import annotations

import difflib
from pathlib import Path

from player.paths import ROUTINES_DIR

DEFAULT_ROUTINE = "daily-back-care"
ROUTINE_SUFFIXES = (".yaml", ".yml")


class RoutineNotFound(Exception):
    """A name that is neither a file nor a bundled routine."""


def bundled_routines(folder: Path = ROUTINES_DIR) -> list[Path]:
    """The routine files directly in the bundled folder (shared exercise files live below it)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in ROUTINE_SUFFIXES and p.is_file())


def find_routine(name_or_path: str, folder: Path = ROUTINES_DIR) -> Path:
    """A routine file: the path given, or the bundled routine of that name."""
    as_path = Path(name_or_path).expanduser()
    if as_path.is_file():
        return as_path
    for suffix in ("", *ROUTINE_SUFFIXES):
        candidate = folder / f"{name_or_path}{suffix}"
        if candidate.is_file() and candidate.parent == folder:
            return candidate
    names = [p.stem for p in bundled_routines(folder)]
    close = difflib.get_close_matches(name_or_path, names, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise RoutineNotFound(
        f"no routine file or bundled routine named '{name_or_path}'{hint} "
        f"(bundled: {', '.join(names) or 'none'})"
    )
