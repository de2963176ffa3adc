"""``run.py words ROUTINE LANGUAGE``: the words file of a routine (or of a file of
exercises) in a language, to fill in: every text of the file, the translations already
written kept and the missing ones empty. ``--write`` puts it in place of the old one."""

from __future__ import annotations

import argparse
from pathlib import Path

from player.commands.base import EXIT_INVALID, EXIT_OK, Command, Context
from player.home import catalog
from player.language import _
from player.routine.problems import Problem, RoutineError
from player.routine.words import draft, is_tag, words_path
from player.system.regular_files import reason, write_regular


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("routine", help=_("a routine's name or file, or a file of exercises"))
    parser.add_argument("tag", metavar="LANGUAGE", help=_("a language tag, such as vi or zh-Hans"))
    parser.add_argument(
        "--write",
        action="store_true",
        help=_("write it to translations/LANGUAGE/ beside the file instead of printing it"),
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not is_tag(args.tag):
        ctx.warn(
            _("'{tag}' is not a language tag; write one such as es, vi or zh-Hans").format(
                tag=args.tag
            )
        )
        return EXIT_INVALID
    file = catalog.find_routine(args.routine, catalog.search_folders(ctx.dirs), ctx.warn)
    problems: list[Problem] = []
    text = draft(file, args.tag, problems)
    if text is None:
        raise RoutineError(problems)
    if not args.write:
        ctx.say(text.rstrip("\n"))
        return EXIT_OK
    path = words_path(file, args.tag)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_regular(path, text.encode("utf-8"))
    except OSError as error:
        raise OSError(
            _("cannot write {path}: {reason}").format(path=path, reason=reason(error, path))
        ) from None
    ctx.say(_("wrote {path}").format(path=_shown(path)))
    return EXIT_OK


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


COMMAND = Command(add_arguments, run)
