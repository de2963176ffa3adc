"""``run.py history --report FILE.pdf`` and ``--csv FILE.csv``: the weeks of ``--weeks``
as a report for an appointment and as a table, each written whole or not at all."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Context
from player.history.appointment import Appointment, appointment
from player.history.forms import day_month_year
from player.history.records import SessionRecord
from player.language import N_, _, ngettext
from player.system.files import replace_file
from player.system.regular_files import output_problem, reason

Read = Callable[[Context, datetime], "list[SessionRecord] | None"]

SUFFIXES = {
    "report": (".pdf", N_("The report is a PDF: give a file name ending in .pdf, not '{file}'.")),
    "csv": (".csv", N_("The table is a CSV file: give a file name ending in .csv, not '{file}'.")),
}


def write_files(args: argparse.Namespace, ctx: Context, read: Read) -> int:
    """Write the report and the table asked for; one line for each, or for what stops it."""
    asked: dict[str, Path] = {
        kind: path for kind in SUFFIXES if (path := getattr(args, kind)) is not None
    }
    for kind, path in asked.items():
        suffix, wrong = SUFFIXES[kind]
        if path.suffix.lower() != suffix:
            ctx.warn(_(wrong).format(file=path))
            return EXIT_INVALID
        problem = output_problem(path)
        if problem is not None:
            ctx.warn(_not_written(path, problem))
            return EXIT_FAILED
    now = ctx.now()
    records = read(ctx, now)
    if records is None:
        return EXIT_FAILED
    import pygame

    found = appointment(records, now.date(), args.weeks)
    if not found.sessions:
        ctx.warn(_nothing(args.weeks, bool(records), ctx.command("play")))
        return EXIT_FAILED
    for kind, path in asked.items():
        try:
            _write(kind, path, found, now)
        except OSError as error:
            ctx.warn(_not_written(path, reason(error, path)))
            return EXIT_FAILED
        except pygame.error as error:
            ctx.warn(_not_written(path, str(error)))
            return EXIT_FAILED
        ctx.say(_written(kind, path, found))
    return EXIT_OK


def _write(kind: str, path: Path, found: Appointment, now: datetime) -> None:
    if kind == "report":
        from player.history.appointment_pdf import report_document

        report_document(found, now).save(path)
    else:
        from player.history.sessions_csv import csv_text, rows

        replace_file(path, csv_text(rows(found.sessions, found.counted)).encode("utf-8"))


def _written(kind: str, path: Path, found: Appointment) -> str:
    count = len(found.sessions)
    if kind == "report":
        words = ngettext(
            "Report of {count} session, {first} to {last}, written to {file}",
            "Report of {count} sessions, {first} to {last}, written to {file}",
            count,
        )
    else:
        words = ngettext(
            "Table of {count} session and its steps, {first} to {last}, written to {file}",
            "Table of {count} sessions and their steps, {first} to {last}, written to {file}",
            count,
        )
    first, last = day_month_year(found.period.first), day_month_year(found.period.last)
    return words.format(count=count, first=first, last=last, file=path)


def _nothing(weeks: int, any_recorded: bool, play: str) -> str:
    if any_recorded:
        return ngettext(
            "No sessions in the last {weeks} week: nothing written. "
            "Ask for more weeks with --weeks.",
            "No sessions in the last {weeks} weeks: nothing written. "
            "Ask for more weeks with --weeks.",
            weeks,
        ).format(weeks=weeks)
    return _("No sessions recorded yet: nothing written. Play a routine ({play}) first.").format(
        play=play
    )


def _not_written(path: Path, why: str) -> str:
    return _("{file} could not be written: {reason}").format(file=path, reason=why)
