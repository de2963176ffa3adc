"""The command line: ``python run.py COMMAND ...``; each command lives in ``player.commands``.

Exit codes: 0 done, 2 invalid input or usage, 1 anything else (with a short message).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from player import catalog
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
)
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context
from player.export import ExportError
from player.loader import RoutineError
from player.speech.synth import SpeechUnavailable
from player.timeline import ChoiceError

__all__ = ["COMMANDS", "EXIT_FAILED", "EXIT_INVALID", "EXIT_OK", "build_parser", "main"]

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
    new.COMMAND,
    remind.COMMAND,
)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so that main() keeps the exit codes."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: {message}\n{self.format_usage().strip()}")


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="run.py",
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
        args = build_parser().parse_args(args_list or ["play"])
    except _UsageError as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
    by_name = {command.name: command for command in COMMANDS}
    try:
        return by_name[args.command or "play"].run(args, ctx)
    except (RoutineError, ChoiceError, catalog.RoutineNotFound) as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        ctx.warn("\nStopped.")
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_FAILED
    except (ExportError, SpeechUnavailable, OSError) as error:
        ctx.warn(f"error: {error}")
        return EXIT_FAILED
