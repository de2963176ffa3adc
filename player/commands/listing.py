"""``run.py list``: every routine with its length, who it suits, and where it comes from."""

from __future__ import annotations

import argparse
from pathlib import Path

from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.home import catalog
from player.home.listing_index import (
    INDEX_NAME,
    Index,
    Kept,
    Row,
    context_key,
    player_fingerprint,
    read_index,
    settled,
    stamps,
    write_index,
)
from player.language import _, current, pgettext
from player.terminal.text_fit import cells


def _origin(entry: catalog.Listed) -> str:
    if entry.hides is not None:
        return pgettext("routine origin", "yours, hides bundled")
    if entry.origin == catalog.YOURS:
        return pgettext("routine origin", "yours")
    if entry.origin == catalog.BUNDLED:
        return pgettext("routine origin", "bundled")
    return entry.origin


def _padded(row: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(
        cell + " " * (width - cells(cell)) for cell, width in zip(row, widths, strict=True)
    ).rstrip()


def run(args: argparse.Namespace, ctx: Context) -> int:
    folders = catalog.search_folders(ctx.dirs)
    unread = catalog.unreadable_lines(folders)
    for line in unread:
        ctx.warn(line)
    listed = catalog.all_routines(folders)
    week, found = _rows(listed, [folder.path for folder in folders], args, ctx)
    rows = [
        (
            pgettext("list heading", "name"),
            pgettext("list heading", "from"),
            pgettext("list heading", "title"),
            pgettext("list heading", "length"),
            pgettext("list heading", "suits"),
        )
    ]
    for entry in listed:
        made = found.get(str(entry.path))
        if made is None:
            broken = _("(has problems: run '{command}')").format(command=ctx.command("check"))
            rows.append((entry.name, _origin(entry), broken, "", ""))
        else:
            rows.append((made.name, _origin(entry), made.title, made.length, made.suits))
    widths = [max(cells(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        ctx.say(_padded(row, widths))
    ctx.say("")
    if week is not None:
        ctx.say(
            _(
                "Your week: {week}. Routines marked (! ...) do not suit it; 'play' asks first."
            ).format(week=week)
        )
    own = folders[0].path
    if any(entry.origin == catalog.YOURS for entry in listed):
        ctx.say(_("yours: your own routines, in {folder}").format(folder=own))
        if any(entry.hides is not None for entry in listed):
            ctx.say(
                "  " + _("a routine of yours with a bundled routine's name is played instead of it")
            )
    elif not unread:
        ctx.say(
            _("Your own routines go in {folder}: '{command}' starts one.").format(
                folder=own, command=ctx.command("new NAME")
            )
        )
    return EXIT_OK


def _rows(
    listed: list[catalog.Listed], folders: list[Path], args: argparse.Namespace, ctx: Context
) -> tuple[int | None, dict[str, Row]]:
    """The person's week and the row of each routine that plays, by its path: kept from
    the last ``list`` where nothing it came from has changed (``listing_index``), else
    read and compiled afresh, and kept for the next time."""
    index_file = ctx.dirs.cache / INDEX_NAME
    context = context_key(
        language=current(),
        today=ctx.now().date().isoformat(),
        settings_file=ctx.dirs.settings_file,
        folders=folders,
        player=player_fingerprint(),
    )
    index = read_index(index_file, context) or Index(context, None, {})
    rows: dict[str, Row] = {}
    kept: dict[str, Kept] = {}
    for entry in listed:
        row = index.fresh(entry.path)
        if row is not None:
            rows[str(entry.path)] = row
            kept[str(entry.path)] = index.rows[str(entry.path)]
    if index.rows and len(rows) == len(listed):
        return index.week, rows
    from player.commands.routine_row import routine_row  # reads routines: only when needed
    from player.home.settings import load_settings_or_defaults
    from player.routine.loader import RoutineError

    told: list[str] = []

    def warn(line: str) -> None:
        told.append(line)
        ctx.warn(line)

    settings = load_settings_or_defaults(ctx.dirs.settings_file, warn, ctx.command("settings"))
    week = settings.pregnancy_week(ctx.now().date())
    for entry in listed:
        if str(entry.path) in rows:
            continue
        try:
            row, sources = routine_row(entry.path, args, settings, week, ctx.dirs)
        except RoutineError:
            continue  # not kept: what is wrong is told by check, and may be mended
        rows[str(entry.path)] = row
        marks = stamps(sources)
        if settled(marks):
            kept[str(entry.path)] = Kept(row, marks)
    if not told:  # a damaged settings file is told every time, until it is mended
        write_index(index_file, context, week, kept)
    return week, rows


COMMAND = Command(no_arguments, run)
