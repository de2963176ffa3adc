"""``run.py plan``: a routine's timeline as a table, to read before playing it."""

from __future__ import annotations

import argparse

from player.care.safety import check_week
from player.commands.base import EXIT_OK, Command, Context
from player.commands.options import add_chosen_reps, add_routine, choices_for
from player.commands.routines import open_routine
from player.playback.compiler import compile_timeline
from player.terminal.plan import format_plan


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_routine(parser)
    add_chosen_reps(parser)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loaded = open_routine(args.routine, ctx.dirs, ctx.warn)
    settings = ctx.settings()
    week = settings.pregnancy_week(ctx.now().date())
    choices = choices_for(args, settings, loaded, ctx.warn, week, ctx.program)
    timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)
    week_check = check_week(loaded.routine, timeline, week)
    ctx.say(format_plan(loaded.routine, timeline, week_check))
    return EXIT_OK


COMMAND = Command(add_arguments, run)
