"""``run.py handout``: a routine on one to three A4 pages, to print and keep by the mat.

It holds what ``plan`` would play (the same repetitions, and the side-lying steps of the
person's week) with every step's figure, what to do and how long, the safety notes, the
warning signs and the sources. fpdf2 and pygame are loaded only when a handout is made.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from player.care.safety import check_week
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context
from player.commands.options import add_chosen_reps, add_routine, choices_for
from player.commands.routine_row import suits_words
from player.commands.routines import open_routine
from player.language import _, current, ngettext
from player.playback.compiler import compile_timeline
from player.system.files import replace_file
from player.system.regular_files import output_problem, reason

if TYPE_CHECKING:
    import pygame

    from player.playback.timeline import StepSpan


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_routine(parser)
    parser.add_argument(
        "--pdf",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help=_("the PDF file to write (A4, one to three pages, fine in black and white)"),
    )
    add_chosen_reps(parser)


def run(args: argparse.Namespace, ctx: Context) -> int:
    target: Path = args.pdf
    if target.suffix.lower() != ".pdf":
        ctx.warn(
            _("The handout is a PDF file: give a file name ending in .pdf, not '{file}'.").format(
                file=target
            )
        )
        return EXIT_INVALID
    unwritable = output_problem(target)
    if unwritable is not None:
        ctx.warn(_not_written(target, unwritable))
        return EXIT_FAILED
    loaded = open_routine(args.routine, ctx.dirs, ctx.warn)
    settings = ctx.settings()
    week = settings.pregnancy_week(ctx.now().date())
    choices = choices_for(args, settings, loaded, ctx.warn, week, ctx.program)
    timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)
    week_check = check_week(loaded.routine, timeline, week)

    from player.printing.handout import handout_pdf  # fpdf2 and pygame: only now

    suits = suits_words(loaded.routine)
    data, pages = handout_pdf(loaded.routine, timeline, week_check, suits, _picture, current())
    try:
        replace_file(target, data)
    except OSError as error:
        ctx.warn(_not_written(target, reason(error, target)))
        return EXIT_FAILED
    ctx.say(
        ngettext(
            "Handout of '{title}' written to {file}: {pages} page",
            "Handout of '{title}' written to {file}: {pages} pages",
            pages,
        ).format(title=loaded.routine.title, file=target, pages=pages)
    )
    return EXIT_OK


def _picture(span: StepSpan, width: int) -> pygame.Surface | None:
    """The step's figure, or its own picture, drawn for paper ``width`` pixels wide."""
    from player.window.figures.paper import paper_photo, paper_picture

    if span.figure is not None:
        return paper_picture(span.figure, width)
    if span.picture is not None:
        return paper_photo(Path(span.picture), width)
    return None


def _not_written(target: Path, why: str) -> str:
    return _("The handout could not be written to {file}: {reason}").format(file=target, reason=why)


COMMAND = Command(add_arguments, run, shows_results=lambda args: False)
