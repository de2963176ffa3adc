"""``run.py add FILE.routine.zip [--replace]``: a routine someone shared with ``pack``,
checked as it is, then put into your routines folder."""

from __future__ import annotations

import argparse
import shlex
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from player.commands.base import EXIT_INVALID, EXIT_OK, Command, Context
from player.language import _, ngettext

if TYPE_CHECKING:
    from player.routine.problems import Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "archive", type=Path, metavar="FILE.routine.zip", help=_("a routine shared with pack")
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help=_("replace your files that differ from those it brings (else it leaves them)"),
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from player.home import catalog
    from player.home.installing import install
    from player.home.routine_archive import ArchiveRefused, unpack
    from player.playback.playable import check_playable

    with tempfile.TemporaryDirectory(prefix="routine-add-") as temporary:
        folder = Path(temporary)
        unpacked = unpack(args.archive, folder)
        routine = folder / unpacked.routine
        found = [_inside(problem, folder) for problem in check_playable([routine])]
        problems = [problem for problem in found if not problem.warning]
        if problems:
            ctx.warn(
                "add: "
                + ngettext(
                    "{file} was not added: the routine in it has {count} problem:",
                    "{file} was not added: the routine in it has {count} problems:",
                    len(problems),
                ).format(file=args.archive, count=len(problems))
            )
            for problem in found:
                ctx.warn(str(problem))
            return EXIT_INVALID
        unused = _unused(routine, folder, unpacked.members)
        if unused:
            raise ArchiveRefused(
                _("{file}: it holds files the routine does not use: {names}").format(
                    file=args.archive, names=", ".join(unused)
                )
            )
        for problem in found:  # warnings: it plays, but not quite as written
            ctx.warn(str(problem))
        own = ctx.dirs.routines
        hidden = catalog.named_routine(routine.stem, catalog.search_folders(ctx.dirs)[1:])
        done = install(folder, unpacked.members, own, replace=args.replace)
    name = routine.stem
    ctx.say(
        _("added '{name}' to your routines folder {folder}").format(name=name, folder=own)
        + " ("
        + _("{written} new, {replaced} replaced, {same} already there").format(
            written=len(done.written), replaced=len(done.replaced), same=len(done.same)
        )
        + ")"
    )
    for path in done.replaced:
        ctx.say("  " + _("replaced {file}").format(file=path))
    if hidden is not None:
        said = _("it is played instead of the bundled '{name}' ('{command}' shows which is used)")
        ctx.say("  " + said.format(name=name, command=ctx.command("list")))
    ctx.say(_("Play it with:"))
    ctx.say(f"  {ctx.command(f'play {shlex.quote(name)}')}")
    return EXIT_OK


def _inside(problem: Problem, folder: Path) -> Problem:
    """A problem of a file written out of the archive, told with the file's path inside
    the archive."""
    from player.system.regular_files import resolved

    where = resolved(Path(problem.file))
    try:
        return replace(problem, file=where.relative_to(resolved(folder)).as_posix())
    except ValueError:
        return problem


def _unused(routine: Path, folder: Path, members: Sequence[str]) -> list[str]:
    """The files of the archive the routine does not take with it: none in one ``pack``
    made."""
    from player.routine.packing import PackRefused, files_to_pack
    from player.system.regular_files import resolved

    try:
        used = {
            item.member
            for item in files_to_pack(routine)
            if resolved(item.source).is_relative_to(resolved(folder))
        }
    except PackRefused:
        used = set()
    return [member for member in members if member not in used]


COMMAND = Command(add_arguments, run, shows_results=lambda args: False)
