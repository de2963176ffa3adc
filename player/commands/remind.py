"""``run.py remind ROUTINE --daily HH:MM > FILE.ics``: a daily reminder for a calendar."""

from __future__ import annotations

import argparse
import shlex
from datetime import time
from typing import TextIO

from player.commands import routines
from player.commands.base import EXIT_OK, Command, Context
from player.commands.options import add_routine, choices_for
from player.commands.program import absolute_command
from player.home import catalog
from player.home.reminders import Reminder, daily_calendar, parse_time_of_day
from player.language import _
from player.playback.compiler import compile_timeline
from player.routine.values import format_duration
from player.system.regular_files import resolved


def time_of_day(text: str) -> time:
    try:
        return parse_time_of_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_routine(parser)
    parser.add_argument(
        "--daily",
        type=time_of_day,
        required=True,
        metavar="HH:MM",
        help=_("the time of day, on the 24-hour clock, such as 07:30"),
    )


def _write(out: TextIO, data: bytes) -> None:
    """The bytes as they are, so that the lines keep their CRLF endings on every platform."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        out.flush()
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def run(args: argparse.Namespace, ctx: Context) -> int:
    folders = catalog.search_folders(ctx.dirs)
    path = catalog.find_routine(args.routine, folders, ctx.warn)
    loaded = routines.load(path, ctx.dirs)
    routines.speak_as(loaded)
    settings = ctx.settings()
    timeline = compile_timeline(
        loaded.routine,
        choices_for(
            args,
            settings,
            loaded,
            ctx.warn,
            settings.pregnancy_week(ctx.now().date()),
            ctx.program,
        ),
        loaded.paced_by,
    )
    by_name = catalog.named_routine(loaded.name, folders) == path
    target = loaded.name if by_name else str(resolved(path))
    length = format_duration(timeline.total_ms)
    if timeline.waits:
        # TRANSLATORS: a routine's length in a calendar reminder, when some steps wait
        length = _("{length} plus your own pace").format(length=length)
    reminder = Reminder(
        title=loaded.routine.title,
        command=f"{absolute_command(ctx.program)} play {shlex.quote(target)}",
        length=length,
        duration_ms=timeline.total_ms,
        at=args.daily,
    )
    _write(ctx.out, daily_calendar(reminder, ctx.now()))
    if ctx.out.isatty():
        typed = f"{ctx.command('remind')} {shlex.quote(args.routine)} --daily {args.daily:%H:%M}"
        ctx.warn(
            _(
                "To keep it: {command} > reminder.ics, then open reminder.ics with your calendar."
            ).format(command=typed)
        )
    return EXIT_OK


COMMAND = Command(add_arguments, run)
