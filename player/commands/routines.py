"""Opening a routine named on the command line."""

from __future__ import annotations

from player import catalog
from player.loader import RoutineFile, load_routine


def open_routine(name: str) -> RoutineFile:
    """The routine file given, or the routine of that name; RoutineError if it has problems."""
    return load_routine(catalog.find_routine(name))
