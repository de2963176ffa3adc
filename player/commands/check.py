"""``run.py check``: every problem of every routine file, with where it is."""

from __future__ import annotations

import argparse
from pathlib import Path

from player.commands import routines
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context
from player.home import catalog
from player.language import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        help=_("files to check (default: your routines and the bundled ones)"),
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def run(args: argparse.Namespace, ctx: Context) -> int:
    unread = [] if args.paths else _unreadable_folders(ctx)
    every = [p for f in catalog.search_folders(ctx.dirs) for p in catalog.routine_files(f.path)]
    paths = [Path(name) for name in args.paths] or every
    if not paths:
        ctx.warn("no routine files to check")
        return EXIT_INVALID
    found = routines.check(paths, ctx.dirs)
    for problem in found:
        ctx.say(str(problem))
    problems = [p for p in found if not p.warning]
    warnings = len(found) - len(problems)
    also = f", and {_plural(warnings, 'warning')}" if warnings else ""
    if problems:
        bad_files = len({p.file for p in problems})
        ctx.say(
            f"{_plural(len(problems), 'problem')} in {bad_files} of "
            f"{_plural(len(paths), 'file')}{also}"
        )
        return EXIT_INVALID
    ctx.say(f"{_plural(len(paths), 'file')} checked: all good{also}")
    return EXIT_FAILED if unread else EXIT_OK


def _unreadable_folders(ctx: Context) -> list[str]:
    """Say which folders of routines cannot be read, and why; the lines said."""
    unread = catalog.unreadable_lines(catalog.search_folders(ctx.dirs))
    for line in unread:
        ctx.warn(line)
    return unread


COMMAND = Command(add_arguments, run)
