"""``run.py list``: every routine with its length and who it suits."""

from __future__ import annotations

import argparse

from player import catalog
from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.loader import RoutineError, load_routine
from player.timeline import compile_timeline
from player.values import format_duration


def run(args: argparse.Namespace, ctx: Context) -> int:
    rows = [("name", "title", "length", "suits")]
    for path in catalog.bundled_routines():
        try:
            loaded = load_routine(path)
        except RoutineError:
            rows.append((path.stem, "(has problems: run 'run.py check')", "", ""))
            continue
        timeline = compile_timeline(loaded.routine)
        length = format_duration(timeline.total_ms)
        if timeline.waits:
            length += " + your pace"
        suits = loaded.routine.suits.describe() if loaded.routine.suits else "any time"
        rows.append((loaded.name, loaded.routine.title, length, suits))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        ctx.say(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return EXIT_OK


COMMAND = Command("list", "list the routines", no_arguments, run)
