"""``run.py pack ROUTINE FILE.routine.zip``: a routine, with every file it takes with it,
as one file to share; ``add`` puts it in someone's routines folder."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from player.commands.base import EXIT_INVALID, EXIT_OK, Command, Context
from player.language import _, ngettext

SUFFIX = ".routine.zip"  # the same as player.home.routine_archive.SUFFIX, known to --help


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("routine", help=_("a routine file or a routine's name"))
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE" + SUFFIX,
        help=_("the file to write, whose name ends in {suffix}").format(suffix=SUFFIX),
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from player.commands import routines
    from player.commands.outputs import check_output_file
    from player.home import catalog
    from player.home.routine_archive import write_archive
    from player.routine.packing import files_to_pack

    if not args.file.name.endswith(SUFFIX) or args.file.name == SUFFIX:
        ctx.warn(
            "pack: "
            + _("the file's name must end in {suffix}, such as {example}, found '{file}'").format(
                suffix=SUFFIX, example="my-routine" + SUFFIX, file=args.file
            )
        )
        return EXIT_INVALID
    check_output_file("pack", args.file)
    path = catalog.find_routine(args.routine, catalog.search_folders(ctx.dirs), ctx.warn)
    found = routines.check([path], ctx.dirs)
    problems = [problem for problem in found if not problem.warning]
    if problems:
        for problem in found:
            ctx.warn(str(problem))
        ctx.warn(
            "pack: "
            + ngettext(
                "{routine} was not packed: it has {count} problem; fix it, then pack it again",
                "{routine} was not packed: it has {count} problems; fix them, then pack it again",
                len(problems),
            ).format(routine=path, count=len(problems))
        )
        return EXIT_INVALID
    files = files_to_pack(path)
    size = write_archive(args.file, path.name, files)
    if len(files) == 1:
        said = _("wrote {file} ({size} KB): {routine}, which uses no other file of its own")
    else:
        said = ngettext(
            "wrote {file} ({size} KB): {routine} and {count} file it takes with it",
            "wrote {file} ({size} KB): {routine} and {count} files it takes with it",
            len(files) - 1,
        )
    ctx.say(
        said.format(file=args.file, size=-(-size // 1024), routine=path.name, count=len(files) - 1)
    )
    for item in files[1:]:
        ctx.say(f"  {item.member}")
    ctx.say(_("To add it to another player's routines:"))
    ctx.say(f"  {ctx.command(f'add {shlex.quote(str(args.file))}')}")
    return EXIT_OK


COMMAND = Command(add_arguments, run, shows_results=lambda args: False)
