"""Which language a command speaks: the first of the command line's ``--language``, the
``language`` setting and the system's locale that names one the player has, else English."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from player.language.codes import DEFAULT_LANGUAGE, from_environment

OPTION = "--language"


def given_on_command_line(args: Sequence[str]) -> str | None:
    """The value after ``--language`` (or in ``--language=vi``), as typed; None if absent.
    The last one given wins, as argparse has it."""
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == OPTION and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith(OPTION + "="):
            found = arg.split("=", 1)[1]
    return found


def choose(given: str | None, setting: str | None, environ: Mapping[str, str]) -> str:
    """The language to speak, from what was typed (already a player's tag), the setting
    (already checked) and the environment."""
    return given or setting or from_environment(environ) or DEFAULT_LANGUAGE
