"""What every command shares: its shape, what it is handed, and the exit codes."""

from __future__ import annotations

import argparse
import functools
import io
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from player.commands.program import INSTALLED
from player.home.user_dirs import UserDirs
from player.language import _
from player.system.printable import printable

if TYPE_CHECKING:
    from player.home.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2


def local_now() -> datetime:
    """The time here, with its offset from UTC."""
    return datetime.now().astimezone()


def _stderr() -> TextIO:
    """Standard error; where it was closed, nowhere."""
    return sys.stderr if sys.stderr is not None else nowhere()


def _stdin() -> TextIO:
    """Standard input; where it was closed, an input that is already at its end."""
    return sys.stdin if sys.stdin is not None else io.StringIO()


@functools.cache
def nowhere() -> TextIO:
    return open(os.devnull, "w", encoding="utf-8")


class OutputFailed(OSError):
    """Standard output could not be written (a full disk, /dev/full)."""


@dataclass
class Context:
    """What a command may touch: its output, the person's folders and the time."""

    out: TextIO
    dirs: UserDirs = field(default_factory=UserDirs.from_environment)
    now: Callable[[], datetime] = local_now
    err_stream: Callable[[], TextIO] = _stderr
    in_stream: Callable[[], TextIO] = _stdin
    out_closed: bool = False
    """Standard output was closed when the program started: ``out`` goes nowhere."""
    program: str = INSTALLED
    """How the person started the player (``routine-player``, ``python3 run.py``), for
    messages that name a command to type."""

    def command(self, rest: str) -> str:
        """A command line to type: ``command("play X")`` is ``python3 run.py play X``
        when that is how the player was started."""
        return f"{self.program} {rest}"

    @property
    def err(self) -> TextIO:
        return self.err_stream()

    @property
    def stdin(self) -> TextIO:
        return self.in_stream()

    def settings(self) -> Settings:
        """The person's settings; the defaults, after one line, when the file is damaged."""
        from player.home.settings import load_settings_or_defaults  # only for who asks

        return load_settings_or_defaults(
            self.dirs.settings_file, self.warn, self.command("settings")
        )

    def say(self, line: str) -> None:
        try:
            print(printable(line), file=self.out, flush=True)
        except BrokenPipeError:  # the reader went away (``| head``): nothing to tell
            raise
        except OSError as error:
            raise OutputFailed(
                _("cannot write to standard output ({reason})").format(
                    reason=error.strerror or error
                )
            ) from None

    def warn(self, line: str) -> None:
        print(printable(line), file=self.err, flush=True)


@dataclass(frozen=True)
class Command:
    """What a command takes and does; its name and help are in ``menu``."""

    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Context], int]
    shows_results: Callable[[argparse.Namespace], bool] = lambda args: True
    """Whether, given its arguments, what it writes on standard output is the point of it
    (``list``, ``plan``); not for a command whose work is done elsewhere (``play`` in a
    window or a voice, ``export`` in a file, ``settings set`` in the settings file)."""


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For commands that take none."""
