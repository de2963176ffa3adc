"""Opening a routine named on the command line."""

from __future__ import annotations

from player.home import catalog
from player.home.user_dirs import UserDirs
from player.routine.loader import RoutineFile, load_routine


def open_routine(name: str, dirs: UserDirs | None = None) -> RoutineFile:
    """The routine file given, or the routine of that name (the person's own first, then
    the bundled ones); RoutineError if it has problems."""
    return load_routine(catalog.find_routine(name, catalog.search_folders(dirs)))
