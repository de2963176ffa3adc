"""The command line: ``python run.py COMMAND ...``; each command lives in ``player.commands``.

Exit codes: 0 done, 2 invalid input or usage, 1 anything else (with a short message).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from player.commands import (
    check,
    export,
    history,
    listing,
    new,
    plan,
    play,
    remind,
    safety,
    schema,
    settings,
    voices,
)
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context, nowhere
from player.commands.program import INSTALLED, called_as
from player.home import catalog
from player.playback.timeline import ChoiceError
from player.routine.loader import RoutineError
from player.speech.export import ExportError
from player.speech.synth import SpeechUnavailable
from player.speech.voices import UnknownVoice
from player.system.stopping import StopSignal, stop_on_signals

__all__ = [
    "COMMANDS",
    "EXIT_FAILED",
    "EXIT_INVALID",
    "EXIT_OK",
    "build_parser",
    "entry",
    "main",
]

COMMANDS: tuple[Command, ...] = (
    listing.COMMAND,
    check.COMMAND,
    schema.COMMAND,
    plan.COMMAND,
    play.COMMAND,
    export.COMMAND,
    safety.COMMAND,
    history.COMMAND,
    settings.COMMAND,
    voices.COMMAND,
    new.COMMAND,
    remind.COMMAND,
)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so that main() keeps the exit codes."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: {message}\n{self.format_usage().strip()}")


class _UsageError(Exception):
    pass


def build_parser(program: str = INSTALLED) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=program,
        description="A guided exercise and massage routine player. With no command, it plays "
        f"the default routine ({catalog.DEFAULT_ROUTINE}).",
    )
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for command in COMMANDS:
        command.add_arguments(subparsers.add_parser(command.name, help=command.help))
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, context: Context | None = None
) -> int:
    ctx = context or Context(out=out or sys.stdout)
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser(ctx.program).parse_args(args_list or ["play"])
    except _UsageError as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
    command = {command.name: command for command in COMMANDS}[args.command or "play"]
    if ctx.out_closed and command.shows_results(args):
        ctx.warn(
            f"Standard output is closed, so '{command.name}' has nowhere to show what it "
            "finds; give it a terminal, a file or a pipe."
        )
        return EXIT_FAILED
    try:
        with stop_on_signals():
            return command.run(args, ctx)
    except (RoutineError, ChoiceError, catalog.RoutineNotFound, UnknownVoice) as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    except StopSignal as stop:
        with contextlib.suppress(OSError, ValueError):  # after HUP the terminal may be gone
            ctx.warn(f"\nStopped ({stop.name}).")
        return stop.exit_code
    except BrokenPipeError:
        return EXIT_FAILED
    except (ExportError, SpeechUnavailable, OSError) as error:
        ctx.warn(f"error: {error}")
        return EXIT_FAILED


def entry() -> int:
    """The program as started from a shell, as ``routine-player`` or ``run.py``.

    A standard stream that was closed (``<&-``, ``>&-``) is taken as empty or as nowhere,
    and its descriptor is held open on the null device, so that no file opened later
    (the history, a pipe to the speech process) is mistaken for it."""
    out_closed = sys.stdout is None
    _hold_closed_descriptors()
    ctx = Context(
        out=sys.stdout if sys.stdout is not None else nowhere(),
        program=called_as(sys.argv, sys.orig_argv, os.environ),
        out_closed=out_closed,
    )
    try:
        return main(sys.argv[1:], context=ctx)
    finally:
        _flush_or_let_go(sys.stdout)


def _hold_closed_descriptors() -> None:
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            held = os.open(os.devnull, os.O_RDWR)
            if held != descriptor:
                os.dup2(held, descriptor)
                os.close(held)


def _flush_or_let_go(stream: TextIO | None) -> None:
    """Flush what is left for a reader that may have gone (``| head``): then write the
    rest to nowhere, instead of a complaint from Python as it exits."""
    if stream is None:
        return
    try:
        stream.flush()
    except (BrokenPipeError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
