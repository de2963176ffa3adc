"""Writing a small file so that it holds the old text or the new, never half of either;
and keeping a file private to the person whose file it is."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from player.system.regular_files import FileRefused, kind_of


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a file beside ``path``, flush it to the disk, then put it in place
    (its folder made first if need be)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, text.encode("utf-8"))


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a file beside ``path``, flush it to the disk, then put it in place:
    ``path`` holds what it held before or all of ``data``, never part of it.

    Raises FileNotFoundError when the folder is missing (it is not made), FileRefused
    when ``path`` is a folder, a named pipe or anything else but a file, and any other
    OSError as it comes; nothing is left beside ``path`` when it fails.
    """
    problem = _not_a_file(path)
    if problem is not None:
        raise problem
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _not_a_file(path: Path) -> OSError | None:
    """The error to raise when something other than a regular file is at ``path``."""
    try:
        kind = kind_of(os.stat(path).st_mode)
    except OSError:
        return None  # nothing there (yet), or an error the writing will meet and tell
    if kind is None:
        return None
    if kind == "a folder":
        return FileRefused(path, "this is a folder: give the name of a file to write in it", kind)
    return FileRefused(path, f"this is {kind}, not a file", kind)


PRIVATE = 0o600
"""Read and written by its owner alone: the mode of the settings and of the history."""


def create_private(path: Path) -> None:
    """Create ``path`` empty with the mode ``PRIVATE``, unless it is there already."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))


def keep_private(path: Path) -> None:
    """Take from the group and others what they may do with ``path``, when it is there
    and ours to change; its owner keeps what they had (a read-only file stays so)."""
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
