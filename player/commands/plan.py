"""``run.py plan``: a routine's timeline as a table, to read before playing it."""

from __future__ import annotations

import argparse

from player.commands.base import EXIT_OK, Command, Context
from player.commands.options import add_routine, positive_int
from player.commands.routines import open_routine
from player.plan_table import format_plan
from player.timeline import Choices, compile_timeline


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_routine(parser)
    parser.add_argument("--reps", type=positive_int, help="repetitions for steps given as a range")


def run(args: argparse.Namespace, ctx: Context) -> int:
    loaded = open_routine(args.routine)
    timeline = compile_timeline(loaded.routine, Choices(reps=args.reps))
    ctx.say(format_plan(loaded.routine, timeline))
    return EXIT_OK


COMMAND = Command("plan", "print a routine's timeline as a table", add_arguments, run)
