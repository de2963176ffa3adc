"""``run.py new NAME [--from ROUTINE]``: start a routine of your own in your routines folder."""

from __future__ import annotations

import argparse
import json
import re
import shlex
from pathlib import Path

from player.commands import routines
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context
from player.commands.program import absolute_command
from player.commands.schema import schema_of
from player.home import catalog
from player.language import _
from player.routine.loader import RoutineError
from player.routine.model import ExerciseLibrary, Routine
from player.routine.template import SCHEMA_FILES, Copied, copy_routine, starting_routine
from player.system.regular_files import folder_problem, open_regular, reason, write_regular

_NAME = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
MAX_NAME = 64


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help=_("the new routine's name: letters, digits and dashes"))
    parser.add_argument(
        "--from",
        dest="source",
        metavar="ROUTINE",
        help=_("start from a copy of this routine (a name or a file) instead of the template"),
    )


def _checked_name(text: str) -> str:
    """The name without a .yaml ending; ValueError saying what a name may hold."""
    name = text.strip()
    for suffix in catalog.ROUTINE_SUFFIXES:
        name = name.removesuffix(suffix)
    if not _NAME.match(name) or len(name) > MAX_NAME:
        raise ValueError(
            _(
                "a routine's name is letters, digits and dashes, such as my-evening-stretch "
                "(at most {most}), found '{text}'"
            ).format(most=MAX_NAME, text=text)
        )
    return name


def write_schemas(folder: Path) -> None:
    """The JSON Schemas that editors use to complete and check the files in ``folder``;
    OSError saying which file and why when one cannot be written."""
    for kind, model in (("routine", Routine), ("library", ExerciseLibrary)):
        path = folder / SCHEMA_FILES[kind]
        data = (json.dumps(schema_of(model), indent=2) + "\n").encode("utf-8")
        if _bytes_of(path) == data:
            continue
        try:
            write_regular(path, data)
        except OSError as error:
            raise OSError(
                _("cannot write {file}: {reason}").format(file=path, reason=reason(error, path))
            ) from None


def _bytes_of(path: Path) -> bytes | None:
    try:
        with open_regular(path) as handle:
            return handle.read()
    except OSError:
        return None


def _make_folder(folder: Path) -> None:
    """Make your routines folder; OSError saying why when it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        why = folder_problem(folder) or reason(error, folder)
        raise OSError(
            _("cannot make your routines folder {folder}: {reason}").format(
                folder=folder, reason=why
            )
        ) from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        name = _checked_name(args.name)
    except ValueError as error:
        ctx.warn(f"new: {error}")
        return EXIT_INVALID
    folders = catalog.search_folders(ctx.dirs)
    own = ctx.dirs.routines
    existing = catalog.named_routine(name, folders[:1])
    if existing is not None:
        said = _(
            "you have a routine named '{name}' already, at {file}; choose another "
            "name, or change that file in a text editor"
        ).format(name=name, file=existing)
        ctx.warn(f"new: {said}")
        return EXIT_INVALID
    path = own / f"{name}.yaml"
    source: Path | None = None
    if args.source is not None:
        source = catalog.find_routine(args.source, folders, ctx.warn)
        routines.load(source, ctx.dirs)  # a routine with problems is reported, not copied
    hidden = catalog.named_routine(name, folders[1:])
    _make_folder(own)
    write_schemas(own)
    try:
        if source is None:
            with path.open("x", encoding="utf-8") as out:
                out.write(
                    starting_routine(name, shlex.quote(str(path)), absolute_command(ctx.program))
                )
            copied = Copied(path)
        else:
            copied = copy_routine(source, path)
    except FileExistsError:
        said = _("{file} appeared meanwhile; it was left as it is").format(file=path)
        ctx.warn(f"new: {said}")
        return EXIT_INVALID
    _report(ctx, name, path, args.source, copied, hidden)
    try:
        routines.load(path, ctx.dirs)
    except RoutineError as error:
        ctx.warn(_("The new file does not load as it is:") + f"\n{error}")
        return EXIT_FAILED
    return EXIT_OK


def _report(
    ctx: Context, name: str, path: Path, source: str | None, copied: Copied, hidden: Path | None
) -> None:
    if source:
        ctx.say(_("wrote {file} (a copy of {source})").format(file=path, source=source))
    else:
        ctx.say(_("wrote {file} (a routine to change, every key explained)").format(file=path))
    for extra in copied.alongside:
        ctx.say("  " + _("and {file}, which it uses").format(file=extra))
    for kept in copied.kept:
        ctx.say("  " + _("it uses your {file}, already there and left as it was").format(file=kept))
    for item in copied.pointed:
        said = _("'{item}' now names its full path, since it is not beside the copy")
        ctx.say("  " + said.format(item=item))
    if hidden is not None:
        said = _("it is played instead of the bundled '{name}' ('{command}' shows which is used)")
        ctx.say("  " + said.format(name=name, command=ctx.command("list")))
    ctx.say(_("Change it in any text editor, then:"))
    ctx.say(f"  {ctx.command(f'check {shlex.quote(str(path))}')}")
    ctx.say(f"  {ctx.command(f'play {shlex.quote(name)}')}")


COMMAND = Command(
    add_arguments,
    run,
    shows_results=lambda args: False,
)
