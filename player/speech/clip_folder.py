"""Where voice clips are kept: the person's cache folder, or for this session only a
private temporary folder when that one cannot be made or written.

A folder that cannot hold clips is the disk's problem, not the speech engine's: it is
said in one line of its own, and the voice goes on.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from player.language import _

TEMPORARY_PREFIX = "routine-player-voice-"


class NoClipFolder(Exception):
    """Clips can be kept nowhere, not even in a temporary folder; the message says why."""


@dataclass(frozen=True)
class ClipFolder:
    path: Path
    temporary: bool
    """Made for this session only, and removed when it ends."""

    def close(self) -> None:
        if self.temporary:
            shutil.rmtree(self.path, ignore_errors=True)


def reason(error: OSError) -> str:
    """Why a folder could not be made or written, in a few words for people."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return _("a file is in the way")
    if isinstance(error, PermissionError):
        return _("no permission to write there")
    if error.errno == errno.EROFS:
        return _("the disk is read-only")
    if error.errno == errno.ENOSPC:
        return _("the disk is full")
    return error.strerror or str(error)


def folder_problem(folder: Path) -> str | None:
    """Why clips cannot be kept in ``folder`` (made if need be, then a file written and
    removed there), or None when they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".can-write-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return reason(error)
    return None


def open_clip_folder(wanted: Path, notices: Callable[[str], None]) -> ClipFolder:
    """``wanted`` if clips can be kept there; else a private temporary folder, said in one
    line to ``notices``. NoClipFolder when there is not even that."""
    problem = folder_problem(wanted)
    if problem is None:
        return ClipFolder(wanted, temporary=False)
    try:
        temporary = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX))
    except OSError as error:
        raise NoClipFolder(
            _(
                "Voice clips cannot be kept in {folder} ({problem}) nor in a temporary folder "
                "({reason}): chimes and captions instead."
            ).format(folder=wanted, problem=problem, reason=reason(error))
        ) from None
    notices(
        _(
            "Voice clips cannot be kept in {folder} ({problem}): they are kept for this "
            "session only."
        ).format(folder=wanted, problem=problem)
    )
    return ClipFolder(temporary, temporary=True)
