"""``run.py list``: every routine with its length, who it suits, and where it comes from."""

from __future__ import annotations

import argparse

from player.care.safety import list_mark
from player.commands import routines
from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.commands.options import choices_for
from player.home import catalog
from player.playback.compiler import compile_timeline
from player.routine.loader import RoutineError
from player.routine.values import format_duration

HIDES = "yours, hides bundled"


def _origin(entry: catalog.Listed) -> str:
    return HIDES if entry.hides is not None else entry.origin


def run(args: argparse.Namespace, ctx: Context) -> int:
    folders = catalog.search_folders(ctx.dirs)
    unread = catalog.unreadable_lines(folders)
    for line in unread:
        ctx.warn(line)
    settings = ctx.settings()
    today = ctx.now().date()
    week = settings.pregnancy_week(today)
    rows = [("name", "from", "title", "length", "suits")]
    listed = catalog.all_routines(folders)
    for entry in listed:
        try:
            loaded = routines.load(entry.path, ctx.dirs)
        except RoutineError:
            broken = f"(has problems: run '{ctx.command('check')}')"
            rows.append((entry.name, _origin(entry), broken, "", ""))
            continue
        choices = choices_for(args, settings, loaded, lambda _line: None, week)
        timeline = compile_timeline(loaded.routine, choices)
        length = format_duration(timeline.total_ms)
        if timeline.waits:
            length += " + your pace"
        suits = loaded.routine.suits.describe() if loaded.routine.suits else "any time"
        mark = list_mark(loaded.routine, week)
        if mark:
            suits += f" (! {mark})"
        rows.append((loaded.name, _origin(entry), loaded.routine.title, length, suits))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        ctx.say(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    ctx.say("")
    if week is not None:
        ctx.say(f"Your week: {week}. Routines marked (! ...) do not suit it; 'play' asks first.")
    own = folders[0].path
    if any(entry.origin == catalog.YOURS for entry in listed):
        ctx.say(f"yours: your own routines, in {own}")
        if any(entry.hides is not None for entry in listed):
            ctx.say("  a routine of yours with a bundled routine's name is played instead of it")
    elif not unread:
        ctx.say(f"Your own routines go in {own}: '{ctx.command('new NAME')}' starts one.")
    return EXIT_OK


COMMAND = Command(no_arguments, run)
