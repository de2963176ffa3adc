"""What every command shares: its shape, what it is handed, and the exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from player.user_dirs import UserDirs

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2


def local_now() -> datetime:
    """The time here, with its offset from UTC."""
    return datetime.now().astimezone()


def _stderr() -> TextIO:
    return sys.stderr


def _stdin() -> TextIO:
    return sys.stdin


@dataclass
class Context:
    """What a command may touch: its output, the person's folders and the time."""

    out: TextIO
    dirs: UserDirs = field(default_factory=UserDirs.from_environment)
    now: Callable[[], datetime] = local_now
    err_stream: Callable[[], TextIO] = _stderr
    in_stream: Callable[[], TextIO] = _stdin

    @property
    def err(self) -> TextIO:
        return self.err_stream()

    @property
    def stdin(self) -> TextIO:
        return self.in_stream()

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def warn(self, line: str) -> None:
        print(line, file=self.err, flush=True)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Context], int]


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For commands that take none."""
