"""Putting a shared routine's files into the person's routines folder, all or nothing.

A file already there with the same bytes is left as it is (the file of exercises two
shared routines both use); one with other bytes is never replaced unless asked, and then
the refusal names every such file. Each file is first written beside its place, then all
are put in place, the routine last; when anything fails (or Ctrl-C comes) on the way,
every file put in place is taken out again, every replaced file gets its old bytes back,
and every folder made is removed: the folder is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from player.language import _
from player.system.failures import InvalidInput
from player.system.regular_files import FileRefused, folder_problem, open_regular, reason


class InstallRefused(InvalidInput):
    """Files of the person's would be changed, or something is in the way; the message
    says which."""


@dataclass
class Installed:
    """What became of each file: written anew, put in place of another, already there."""

    written: list[Path] = field(default_factory=list)
    replaced: list[Path] = field(default_factory=list)
    same: list[Path] = field(default_factory=list)


@dataclass
class _Change:
    target: Path
    data: bytes
    old: bytes | None
    staged: Path | None = None
    done: bool = False


def install(
    source: Path, members: Sequence[str], into: Path, *, replace: bool = False
) -> Installed:
    """Copy each of ``members`` (paths inside ``source``, the routine first) to the same
    path inside ``into``. InstallRefused, before anything is written, when a file there
    differs and ``replace`` is not given, or something other than a file is in the way;
    OSError saying which file when one cannot be written, with everything undone."""
    installed = Installed()
    changes: list[_Change] = []
    differ: list[Path] = []
    for member in members:
        target = into / member
        data = (source / member).read_bytes()
        old = _present(target)
        if old == data:
            installed.same.append(target)
            continue
        if old is not None:
            differ.append(target)
        changes.append(_Change(target, data, old))
    if differ and not replace:
        raise InstallRefused(
            _(
                "these files of yours differ from those it brings, and were left as they "
                "are: {files}; add --replace to replace them"
            ).format(files=", ".join(str(path) for path in differ))
        )
    _apply(list(reversed(changes)))  # the routine, first of the members, goes last
    for change in changes:
        (installed.written if change.old is None else installed.replaced).append(change.target)
    return installed


def _present(target: Path) -> bytes | None:
    """The bytes of the file at ``target``, None when there is none; InstallRefused when
    something else is there, or on the way to it."""
    problem = folder_problem(target.parent)
    if problem is not None:
        raise InstallRefused(f"{target.parent}: {problem}")
    try:
        with open_regular(target) as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except FileRefused as error:
        raise InstallRefused(
            _("{file}: {reason}; move it away, then add the routine again").format(
                file=target, reason=error.reason
            )
        ) from None


def _apply(changes: list[_Change]) -> None:
    made: list[Path] = []
    try:
        for change in changes:
            _make_folders(change.target.parent, made)
            change.staged = _staged(change.target, change.data)
        for change in changes:
            assert change.staged is not None
            try:
                os.replace(change.staged, change.target)
            except OSError as error:
                raise OSError(_cannot_write(change.target, error)) from None
            change.staged, change.done = None, True
    except BaseException:
        _undo(changes, made)
        raise


def _make_folders(folder: Path, made: list[Path]) -> None:
    missing = [folder, *folder.parents]
    for each in reversed(missing):
        if each.exists():
            continue
        try:
            each.mkdir()
        except OSError as error:
            raise OSError(
                _("cannot make the folder {folder}: {reason}").format(
                    folder=each, reason=reason(error, each)
                )
            ) from None
        made.append(each)


def _staged(target: Path, data: bytes) -> Path:
    """``data`` written, and on the disk, in a new file beside ``target``."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OSError(_cannot_write(target, error)) from None
    staged = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(staged, 0o644 & ~_umask())
    except OSError as error:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise OSError(_cannot_write(target, error)) from None
    return staged


def _cannot_write(target: Path, error: OSError) -> str:
    return _("cannot write {file}: {reason}").format(file=target, reason=reason(error, target))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _undo(changes: list[_Change], made: list[Path]) -> None:
    """Take back every change made, as far as the disk allows."""
    for change in changes:
        with contextlib.suppress(OSError):
            if change.staged is not None:
                change.staged.unlink()
            if change.done and change.old is None:
                change.target.unlink()
            elif change.done and change.old is not None:
                os.replace(_staged(change.target, change.old), change.target)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()
