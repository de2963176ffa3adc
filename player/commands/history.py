"""``run.py history``: recent sessions, the streak, the days done and the pain scores."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context
from player.commands.options import positive_int
from player.history.opening import NullHistory, open_history
from player.history.records import SessionRecord
from player.history.report import NO_HISTORY, history_report
from player.history.summary import days_of, summarize
from player.language import N_, _
from player.system.regular_files import output_problem, reason

MAX_DAYS = 3660
MAX_WEEKS = 104


def _at_most(most: int, too_many: str) -> Callable[[str], int]:
    """A parser of a whole number up to ``most``; ``too_many`` (a message with ``{most}``
    and ``{found}``, marked with ``N_``) says what is wrong with a larger one."""

    def parse(text: str) -> int:
        value = positive_int(text)
        if value > most:
            raise argparse.ArgumentTypeError(_(too_many).format(most=most, found=value))
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--days",
        type=_at_most(MAX_DAYS, N_("at most {most} days, found {found}")),
        default=14,
        help=_("list the sessions of this many days (14)"),
    )
    parser.add_argument(
        "--chart", type=Path, metavar="FILE.png", help=_("also draw the last weeks as a picture")
    )
    parser.add_argument(
        "--weeks",
        type=_at_most(MAX_WEEKS, N_("at most {most} weeks, found {found}")),
        default=4,
        help=_("how many weeks the chart shows (4; at most {most})").format(most=MAX_WEEKS),
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE.pdf",
        help=_("write a report of those weeks for your next appointment, as a PDF"),
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="FILE.csv",
        help=_("write the sessions of those weeks and their steps as a table (CSV)"),
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.report is not None or args.csv is not None:
        from player.commands.history_files import write_files

        written = write_files(args, ctx, _read)
        if written != EXIT_OK or args.chart is None:
            return written
    chart: Path | None = args.chart
    if chart is not None and chart.suffix.lower() != ".png":
        ctx.warn(
            _("The chart is a PNG picture: give a file name ending in .png, not '{file}'.").format(
                file=chart
            )
        )
        return EXIT_INVALID
    unwritable = None if chart is None else output_problem(chart)
    if chart is not None and unwritable is not None:
        ctx.warn(_not_written(chart, unwritable))
        return EXIT_FAILED
    now = ctx.now()
    today = now.date()
    records = _read(ctx, now)
    if records is None:
        return EXIT_FAILED
    if records:
        recent = [r for r in records if r.local_day > today - timedelta(days=args.days)]
        for line in history_report(recent, summarize(records, today), args.days):
            ctx.say(line)
    else:
        ctx.say(_(NO_HISTORY).format(play=ctx.command("play")))
    if chart is None:
        return EXIT_OK
    import pygame

    from player.history.chart import save_chart

    try:
        save_chart(chart, days_of(records), today, args.weeks)
    except OSError as error:
        ctx.warn(_not_written(chart, reason(error, chart)))
        return EXIT_FAILED
    except pygame.error as error:
        ctx.warn(_not_written(chart, str(error)))
        return EXIT_FAILED
    ctx.say(
        _("Chart of the last {weeks} weeks written to {file}").format(weeks=args.weeks, file=chart)
    )
    return EXIT_OK


def _not_written(chart: Path, why: str) -> str:
    return _("The chart could not be written to {file}: {reason}").format(file=chart, reason=why)


def _read(ctx: Context, now: datetime) -> list[SessionRecord] | None:
    """Every session recorded; none (and no new file made) when there is no history yet;
    None, after one line saying why, when the history cannot be read."""
    path = ctx.dirs.history_file
    if _nothing_at(path):
        return []
    history = open_history(path, ctx.warn, now, recording=False)
    if isinstance(history, NullHistory):
        return None
    try:
        return history.sessions()
    finally:
        history.close()


def _nothing_at(path: Path) -> bool:
    """Whether there is no history yet: nothing at ``path`` (a symbolic link that loops, or
    a folder that may not be searched, is something, to be told)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


COMMAND = Command(
    add_arguments,
    run,
    shows_results=lambda args: args.chart is None and args.report is None and args.csv is None,
)
