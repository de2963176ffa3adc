"""The files and folders a command is told to write, looked at before any work is done.

So that a session is not played, nor a track rendered, only to fail at the end: a path
in a folder that does not exist, a folder where a file is wanted, a named pipe or a
device is told in one line first. The files are still opened carefully when written
(``player.system.regular_files``), in case something changes in between. A session's
outputs are then made ready before anything of it is recorded or shown: the events file
opened, and the screenshots folder written in once.
"""

from __future__ import annotations

from pathlib import Path

from player.playback.session import EventLog
from player.system.regular_files import (
    folder_problem,
    open_for_writing,
    output_problem,
    reason,
    writable_folder_problem,
)


class OutputRefused(OSError):
    """A file or folder given to be written cannot be; the message says which, and why.

    An OSError, so that the command line tells it as any other failure to write."""


def check_output_file(option: str, path: Path | None) -> None:
    """Raise OutputRefused (``--events FILE: why``) when the file given to ``option``
    cannot be written; nothing to do for an option not given."""
    why = None if path is None else output_problem(path)
    if why is not None:
        raise OutputRefused(f"{option} {path}: {why}")


def check_output_folder(option: str, path: Path | None) -> None:
    """Raise OutputRefused (``--screenshots DIR: why``) when files cannot be written in the
    folder given to ``option`` (it is made if need be)."""
    why = None if path is None else folder_problem(path)
    if why is not None:
        raise OutputRefused(f"{option} {path}: {why}")


def open_outputs(events: Path | None, screenshots: Path | None) -> EventLog | None:
    """The events file open (when one is given), after the screenshots folder (when one is
    given) is made and a file created and removed in it; OutputRefused, saying which and
    why, when either cannot be written."""
    why = None if screenshots is None else writable_folder_problem(screenshots)
    if why is not None:
        raise OutputRefused(f"--screenshots {screenshots}: {why}")
    if events is None:
        return None
    try:
        handle = open_for_writing(events)
    except OSError as error:
        raise OutputRefused(f"--events {events}: {reason(error, events)}") from None
    return EventLog(events, opened=handle)
