"""The command line: ``python run.py COMMAND ...``; each command lives in ``player.commands``.

Exit codes: 0 done, 2 invalid input or usage, 1 anything else (with a short message).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from player.commands import menu
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Context, nowhere
from player.commands.program import INSTALLED, called_as
from player.home.catalog import DEFAULT_ROUTINE
from player.home.language_setting import language_setting
from player.language import LANGUAGES, _, normalise, use
from player.language.argparse_words import speak_argparse
from player.language.choice import OPTION, choose, given_on_command_line
from player.system.failures import Failure, InvalidInput
from player.system.stopping import StopSignal, stop_on_signals

__all__ = [
    "EXIT_FAILED",
    "EXIT_INVALID",
    "EXIT_OK",
    "build_parser",
    "entry",
    "main",
]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so that main() keeps the exit codes."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: {message}\n{self.format_usage().strip()}")


class _UsageError(Exception):
    pass


def build_parser(program: str = INSTALLED, chosen: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command in the menu, and the arguments of the
    ``chosen`` one (of every one when None), whose module alone is loaded."""
    parser = _Parser(
        prog=program,
        description=_(
            "A guided exercise and massage routine player. With no command, it plays "
            "the default routine ({routine})."
        ).format(routine=DEFAULT_ROUTINE),
    )
    _add_language_option(parser)
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for item in menu.MENU:
        command_parser = subparsers.add_parser(item.name, help=_(item.help))
        _add_language_option(command_parser)
        if item.name == chosen:
            item.load().add_arguments(command_parser)
    return parser


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        OPTION,
        metavar="LANG",
        default=argparse.SUPPRESS,  # given before the command or after it, it is not lost
        help=_("the language to speak this time: {languages}").format(
            languages=", ".join(LANGUAGES)
        ),
    )


def _choose_language(args: Sequence[str], ctx: Context) -> None:
    """Speak the language asked for on the command line, else the setting's, else the
    system's; a language the player does not have is a usage error (InvalidInput)."""
    typed = given_on_command_line(args)
    given = normalise(typed) if typed is not None else None
    if typed is not None and given is None:
        raise InvalidInput(
            _("{program}: unknown language '{typed}'; choose one of {languages}").format(
                program=ctx.program, typed=typed, languages=", ".join(LANGUAGES)
            )
        )
    use(choose(given, language_setting(ctx.dirs.settings_file), os.environ))
    speak_argparse()


def _chosen(args: Sequence[str]) -> str | None:
    """The command named in ``args``: the first word that is no option, if it names one.
    None for a bare ``--help``, which needs no command's arguments."""
    first = next(iter(_words(args)), None)
    return first if first in {item.name for item in menu.MENU} else None


def _words(args: Sequence[str]) -> list[str]:
    """The arguments that are neither options nor the language after ``--language``."""
    return [
        arg
        for index, arg in enumerate(args)
        if not arg.startswith("-") and (index == 0 or args[index - 1] != OPTION)
    ]


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, context: Context | None = None
) -> int:
    ctx = context or Context(out=out or sys.stdout)
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        _choose_language(args_list, ctx)
    except InvalidInput as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    if not _words(args_list) and not {"-h", "--help"} & set(args_list):
        args_list = [menu.DEFAULT, *args_list]  # ``run.py --language vi`` plays too
    chosen = _chosen(args_list)
    try:
        args = build_parser(ctx.program, chosen).parse_args(args_list)
    except _UsageError as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
    name = args.command or menu.DEFAULT
    command = menu.entry(name).load()
    if ctx.out_closed and command.shows_results(args):
        ctx.warn(
            _(
                "Standard output is closed, so '{command}' has nowhere to show what it "
                "finds; give it a terminal, a file or a pipe."
            ).format(command=name)
        )
        return EXIT_FAILED
    try:
        with stop_on_signals():
            return command.run(args, ctx)
    except InvalidInput as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    except StopSignal as stop:
        with contextlib.suppress(OSError, ValueError):  # after HUP the terminal may be gone
            # TRANSLATORS: {signal} is the signal's name, such as SIGTERM
            ctx.warn("\n" + _("Stopped ({signal}).").format(signal=_stopped_by(stop)))
        return stop.exit_code
    except BrokenPipeError:
        return EXIT_FAILED
    except (Failure, OSError) as error:
        # TRANSLATORS: {error} is what went wrong, such as "cannot write FILE: disk full"
        ctx.warn(_("error: {error}").format(error=error))
        return EXIT_FAILED


def _stopped_by(stop: StopSignal) -> str:
    """What stopped the player, in a few words of the language in use."""
    if stop.signum == getattr(signal, "SIGTERM", None):
        # TRANSLATORS: what stopped the player, as in "Stopped (a TERM signal)."
        return _("a TERM signal")
    if stop.signum == getattr(signal, "SIGHUP", None):
        # TRANSLATORS: what stopped the player, as in "Stopped (the terminal closed)."
        return _("the terminal closed")
    return stop.name  # Ctrl-C, and the name of any other signal


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
