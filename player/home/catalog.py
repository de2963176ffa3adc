"""Finding routines by name or path: the person's own folder first, then the bundled one.

A routine of the person's with the name of a bundled one hides the bundled one. Whatever
is there under a routine's name is found, even a named pipe or a folder, so that loading
it can say what it is rather than that there is nothing of that name. A folder that cannot
be read (no permission, a file in its place) is told, never taken for an empty one.
"""

from __future__ import annotations

import difflib
import itertools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from player.home.user_dirs import UserDirs
from player.language import N_, _
from player.system.failures import InvalidInput
from player.system.paths import ROUTINES_DIR
from player.system.regular_files import folder_problem, reason

DEFAULT_ROUTINE = "daily-back-care"
ROUTINE_SUFFIXES = (".yaml", ".yml")
YOURS = "yours"
BUNDLED = "bundled"


class RoutineNotFound(InvalidInput):
    """A name that is neither a file nor a routine in any folder searched."""


@dataclass(frozen=True)
class Folder:
    """A folder of routines, and whose it is: ``yours`` or ``bundled``."""

    path: Path
    origin: str


@dataclass(frozen=True)
class Listed:
    """A routine found by name, where it comes from, and the routine it hides, if any."""

    path: Path
    origin: str
    hides: Path | None = None

    @property
    def name(self) -> str:
        return self.path.stem


def search_folders(dirs: UserDirs | None = None) -> tuple[Folder, ...]:
    """The person's routines folder, then the bundled one: the order names are looked up in."""
    own = (dirs or UserDirs.from_environment()).routines
    return (Folder(own, YOURS), Folder(ROUTINES_DIR, BUNDLED))


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _is_there(path: Path) -> bool:
    """Whether anything but a folder is at ``path``: a file, a named pipe, a broken link."""
    try:
        return os.path.lexists(path) and not path.is_dir()
    except (OSError, ValueError):
        return False


def routine_files(folder: Path) -> list[Path]:
    """The routine files directly in a folder (shared exercise files live below it), and
    anything else there with a routine's ending but a folder, for loading to refuse."""
    try:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in ROUTINE_SUFFIXES and _is_there(p))
    except OSError:
        return []


def unreadable(folder: Path) -> str | None:
    """Why the routines in ``folder`` cannot be listed, in a few words; None when they can,
    or when there is no folder there (no routines of one's own yet)."""
    try:
        with os.scandir(folder):
            return None
    except FileNotFoundError:
        return None
    except PermissionError:
        return _("permission denied")
    except OSError as error:
        return folder_problem(folder) or reason(error, folder)


_UNREAD_LINE = {
    YOURS: N_("Your routines folder {folder} cannot be read: {reason}."),
    BUNDLED: N_("The bundled folder {folder} cannot be read: {reason}."),
}
_UNREAD_NOTE = {
    YOURS: N_("; your routines folder {folder} cannot be read: {reason}"),
    BUNDLED: N_("; the bundled folder {folder} cannot be read: {reason}"),
}


def _unread(folders: Sequence[Folder], said: Mapping[str, str]) -> list[str]:
    """``said`` (by origin) of each folder that cannot be read, with its path and why."""
    told = []
    for folder in folders:
        why = unreadable(folder.path)
        if why is not None:
            message = said[YOURS if folder.origin == YOURS else BUNDLED]
            told.append(_(message).format(folder=folder.path, reason=why))
    return told


def unreadable_lines(folders: Sequence[Folder]) -> list[str]:
    """One line for each folder whose routines cannot be listed, saying why."""
    return _unread(folders, _UNREAD_LINE)


def unread_note(folders: Sequence[Folder]) -> str:
    """``; your routines folder DIR cannot be read: why``: for a name not found, what may
    have hidden it; empty when every folder could be read."""
    return "".join(_unread(folders, _UNREAD_NOTE))


def bundled_routines(folder: Path = ROUTINES_DIR) -> list[Path]:
    """The routine files that come with the player."""
    return routine_files(folder)


def all_routines(folders: Sequence[Folder] | None = None) -> list[Listed]:
    """Every routine a name can reach, folder by folder in search order, each name once."""
    found: dict[str, Listed] = {}
    for folder in search_folders() if folders is None else folders:
        for path in routine_files(folder.path):
            earlier = found.get(path.stem)
            if earlier is None:
                found[path.stem] = Listed(path, folder.origin)
            elif earlier.hides is None and earlier.origin != folder.origin:
                found[path.stem] = Listed(earlier.path, earlier.origin, hides=path)
    return list(found.values())


def named_routine(name: str, folders: Sequence[Folder] | None = None) -> Path | None:
    """The routine of that name in the first folder that has one, or None."""
    for folder in search_folders() if folders is None else folders:
        for suffix in ("", *ROUTINE_SUFFIXES):
            candidate = folder.path / f"{name}{suffix}"
            found = candidate.parent == folder.path and _is_there(candidate)
            if found and candidate.suffix in ROUTINE_SUFFIXES:
                return candidate
    return None


def find_routine(
    name_or_path: str,
    folders: Sequence[Folder] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """A routine file: the path given, or the routine of that name in the folders searched.

    Without ``folders``, the person's folder (from the environment) then the bundled one.
    A name found past a folder that cannot be read is told to ``warn``, in one line for
    that folder; a name not found says why such a folder cannot be read.
    """
    as_path = Path(name_or_path).expanduser()
    if _is_there(as_path):
        return as_path
    folders = search_folders() if folders is None else folders
    found = named_routine(name_or_path, folders)
    if found is not None:
        if warn is not None:
            _tell_passed(found.parent, folders, warn)
        return found
    if _is_folder(as_path):
        return as_path  # loading says it is a folder
    close = _closest(name_or_path, folders)
    known = known_names(folders)
    if close:
        message = _(
            "no routine file or routine named '{name}'; did you mean '{close}'? ({known})"
        ).format(name=name_or_path, close=close, known=known)
    else:
        message = _("no routine file or routine named '{name}' ({known})").format(
            name=name_or_path, known=known
        )
    raise RoutineNotFound(message + unread_note(folders))


def _tell_passed(where: Path, folders: Sequence[Folder], warn: Callable[[str], None]) -> None:
    """Tell each folder searched before ``where`` that could not be read."""
    passed = list(itertools.takewhile(lambda folder: folder.path != where, folders))
    for line in unreadable_lines(passed):
        warn(line)


def known_names(folders: Sequence[Folder]) -> str:
    """``yours: a, b; bundled: c, d``: the names a person can use, by where they are."""
    listed = all_routines(folders)
    parts = []
    for folder in folders:
        names = [entry.name for entry in listed if entry.origin == folder.origin]
        if names or folder.origin == BUNDLED:
            # TRANSLATORS: no routines in that folder
            shown = ", ".join(names) or _("none")
            if folder.origin == BUNDLED:
                # TRANSLATORS: the bundled routines a person can name, after "no routine
                # named ..."
                parts.append(_("bundled: {names}").format(names=shown))
            else:
                # TRANSLATORS: the person's own routines, after "no routine named ..."
                parts.append(_("yours: {names}").format(names=shown))
    return "; ".join(parts)


def _closest(name: str, folders: Sequence[Folder]) -> str:
    """The routine name closest to ``name``, or nothing."""
    names = [entry.name for entry in all_routines(folders)]
    close = difflib.get_close_matches(name, names, n=1)
    return close[0] if close else ""
