"""Writing a small file so that it holds the old text or the new, never half of either;
and keeping a file private to the person whose file it is."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a file beside ``path``, flush it to the disk, then put it in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


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
