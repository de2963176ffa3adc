"""Opening only regular files, and never waiting to do it.

Opening a named pipe (FIFO) waits until some other program opens its other end, and a
device such as /dev/zero never runs out of bytes. Every file the player reads or writes
because a person named it (or put it in their folders) is opened here: without blocking,
then checked with fstat on the very file that was opened, so that nothing can be swapped
in between a check and the open. Anything but a regular file is refused with a
:class:`FileRefused`, an OSError whose message says what the path is instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

_NEVER_WAIT = getattr(os, "O_NONBLOCK", 0)
"""Kept set after the open: reading or writing a regular file never waits anyway, and a
file that only claims to be regular (some under /proc) then fails instead of waiting."""
_FLAGS = _NEVER_WAIT | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)

LOOP = "a symbolic link that leads round in a loop"


class FileRefused(OSError):
    """A path that names something other than a file the player can use.

    ``kind`` says what it is instead ("a folder", "a named pipe (FIFO)", ...), or is None
    when it is a file that cannot be read or written; ``reason`` says it in a few words,
    without the path, so that each caller can put the path where its messages put it.
    """

    def __init__(self, path: Path, reason: str, kind: str | None = None) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason
        self.kind = kind

    def __str__(self) -> str:
        return self.reason


def kind_of(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _refused_kind(path: Path, kind: str) -> FileRefused:
    return FileRefused(path, f"this is {kind}, not a file", kind)


def _kind_at(path: Path) -> str | None:
    """What is at ``path`` now, looked at without opening it; None when it cannot be told."""
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError as error:
        return LOOP if error.errno == errno.ELOOP else None


def _translated(error: OSError, path: Path, *, writing: bool = False) -> OSError:
    """The error of an open, as a FileRefused when it is about what the path names."""
    if error.errno == errno.ELOOP:
        return _refused_kind(path, LOOP)
    if error.errno in (errno.ENXIO, errno.EISDIR, errno.ENODEV, errno.EOPNOTSUPP):
        # A socket, a named pipe nobody reads from, a device with nothing behind it, a folder.
        kind = _kind_at(path)
        if kind is not None:
            return _refused_kind(path, kind)
    if error.errno in (errno.EACCES, errno.EPERM):
        kind = _kind_at(path)
        if kind is not None:  # Windows refuses to open a folder this way
            return _refused_kind(path, kind)
        if writing:
            return FileRefused(path, "permission denied: choose a place where you may write")
        return FileRefused(path, "permission denied: change its permissions, or use a copy")
    return error


def _open(path: Path, flags: int) -> int:
    try:
        return os.open(path, flags | _FLAGS | _BINARY, 0o666)
    except OSError as error:
        raise _translated(error, path, writing=(flags & os.O_WRONLY) != 0) from None


def _only_regular(descriptor: int, path: Path) -> None:
    """Close ``descriptor`` and raise FileRefused unless it is open on a regular file."""
    try:
        kind = kind_of(os.fstat(descriptor).st_mode)
    except BaseException:
        os.close(descriptor)
        raise
    if kind is not None:
        os.close(descriptor)
        raise _refused_kind(path, kind)


def open_regular(path: Path) -> BinaryIO:
    """The regular file at ``path``, open for reading in binary.

    Raises FileRefused for a folder, a named pipe, a device, a socket, a symbolic link
    that loops, or a file that may not be read; FileNotFoundError when nothing is there;
    any other OSError as it comes; ValueError for a name holding a NUL character.
    """
    descriptor = _open(path, os.O_RDONLY)
    _only_regular(descriptor, path)
    return os.fdopen(descriptor, "rb")


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of the regular file at ``path`` (raises as open_regular)."""
    with open_regular(path) as handle:
        return handle.read(limit)


def open_for_writing(path: Path) -> BinaryIO:
    """The file at ``path``, created or emptied, open for writing in binary.

    Raises FileRefused when ``path`` is anything but a regular file (or nothing yet), or
    may not be written; FileNotFoundError when its folder is missing; other OSErrors as
    they come.
    """
    descriptor = _open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    _only_regular(descriptor, path)
    return os.fdopen(descriptor, "wb")


def write_regular(path: Path, data: bytes) -> None:
    """Write ``data`` to the regular file at ``path`` (raises as open_for_writing)."""
    with open_for_writing(path) as out:
        out.write(data)


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed, as far as they lead.

    Path.resolve raises RuntimeError for a symbolic link that loops (before Python 3.13)
    and OSError when the working folder is gone; this gives the path made absolute then.
    Inside ``resolving_once``, each path's links are followed only the first time.
    """
    remembered = _RESOLVED.get()
    if remembered is None:
        return _resolved(path)
    found = remembered.get(path)
    if found is None:
        found = remembered[path] = _resolved(path)
    return found


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


_RESOLVED: ContextVar[dict[Path, Path] | None] = ContextVar("resolved", default=None)


@contextlib.contextmanager
def resolving_once() -> Iterator[None]:
    """Within it, ``resolved`` remembers where each path leads: for reading many files at
    once (``check``), which resolves the same folders (their own, the working folder, the
    bundled ones) for every file, a lookup of a link at each part of each path."""
    token = _RESOLVED.set({})
    try:
        yield
    finally:
        _RESOLVED.reset(token)


# -- in words -----------------------------------------------------------------------------


def _file_in_the_way(path: Path) -> str | None:
    """``/home/me/notes is a file, not a folder``: the first folder named in ``path`` that
    is something else instead, if any."""
    for folder in reversed(path.parents):
        try:
            kind = kind_of(os.stat(folder).st_mode)
        except OSError:
            return None
        if kind != "a folder":
            return f"{folder} is {kind or 'a file'}, not a folder"
    return None


def reason(error: OSError, path: Path) -> str:
    """Why ``error`` happened to ``path``, in words, without the path itself."""
    if isinstance(error, FileRefused):
        return error.reason
    if error.errno == errno.ENOTDIR:
        in_the_way = _file_in_the_way(path)
        if in_the_way is not None:
            return in_the_way
    missing = _missing_folder(path) if error.errno == errno.ENOENT else None
    if missing is not None:
        return _no_folder(missing)
    denied = _folder_denied(error, path) if error.errno in (errno.EACCES, errno.EPERM) else None
    if denied is not None:
        return f"the folder {denied} may not be written"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    return error.strerror.lower() if error.strerror else str(error)


def _folder_denied(error: OSError, path: Path) -> Path | None:
    """The folder that refused a file being made in it: when what was refused is not
    ``path`` as it is (a temporary file beside it, a folder on the way to it, or ``path``
    not there yet), the nearest folder above what was refused."""
    named = error.filename
    refused = Path(os.fsdecode(named)) if isinstance(named, (str, bytes, os.PathLike)) else path
    if refused == path and os.path.lexists(path):
        return None
    above = Path(os.path.abspath(refused)).parents
    return next((folder for folder in above if os.path.isdir(folder)), None)


def _missing_folder(path: Path) -> Path | None:
    """The folder ``path`` would be in, when there is none."""
    return None if os.path.isdir(path.parent) else path.parent


def _no_folder(folder: Path) -> str:
    return f"there is no folder {folder}; make it first, or choose another"


def _stat_failed(error: OSError, path: Path, wanted: str) -> str:
    return f"this is {LOOP}, not {wanted}" if error.errno == errno.ELOOP else reason(error, path)


def output_problem(path: Path) -> str | None:
    """What stops a file being written at ``path``, looked at without writing anything;
    None when nothing does (a regular file to replace, or nothing yet in a folder)."""
    in_the_way = _file_in_the_way(path)
    if in_the_way is not None:
        return in_the_way
    try:
        kind = kind_of(os.stat(path).st_mode)
    except FileNotFoundError:
        missing = _missing_folder(path)
        return None if missing is None else _no_folder(missing)
    except OSError as error:
        return _stat_failed(error, path, "a file")
    if kind is None:
        return None
    if kind == "a folder":
        return "this is a folder: give the name of a file to write in it"
    return f"this is {kind}, not a file"


def folder_problem(path: Path) -> str | None:
    """What stops ``path`` being used as a folder to write files in (made if need be);
    None when nothing does."""
    in_the_way = _file_in_the_way(path)
    if in_the_way is not None:
        return in_the_way
    try:
        kind = kind_of(os.stat(path).st_mode)
    except FileNotFoundError:
        return None
    except OSError as error:
        return _stat_failed(error, path, "a folder")
    if kind == "a folder":
        return None
    return f"this is {kind or 'a file'}, not a folder"


def writable_folder_problem(path: Path) -> str | None:
    """What stops files being written in the folder ``path``, found out by making it if
    need be, then creating and removing a file in it; None when nothing does."""
    problem = folder_problem(path)
    if problem is not None:
        return problem
    try:
        path.mkdir(parents=True, exist_ok=True)
        descriptor, probe = tempfile.mkstemp(prefix=".write-check-", dir=path)
        os.close(descriptor)
        os.unlink(probe)
    except OSError as error:
        return folder_problem(path) or reason(error, path)
    return None
