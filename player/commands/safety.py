"""``run.py safety``: the warning signs, what the week changes, and the disclaimer."""

from __future__ import annotations

import argparse
import textwrap

from player.care import daily_check, safety
from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.commands.week import current_week
from player.language import _


def _wrapped(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=78, initial_indent=indent, subsequent_indent=indent)


def run(args: argparse.Namespace, ctx: Context) -> int:
    today = ctx.now().date()
    ctx.say(_("WARNING SIGNS"))
    ctx.say(_wrapped(_(safety.SIGNS_INTRO)))
    for sign in safety.WARNING_SIGNS:
        ctx.say(f"  - {_(sign)}")
    ctx.say(_wrapped(_(safety.EMERGENCY)))
    ctx.say("")
    ctx.say(_("EVERY SESSION"))
    ctx.say(_wrapped(_("Stop if it hurts. Esc (or Ctrl-C in the terminal) stops at once.")))
    checked = daily_check.last_checked(ctx.dirs.safety_file) == today
    if checked:
        daily = _(
            "Before the first session of each day the player shows these signs and asks you "
            "to confirm that none applies; if one does, it does not start. Today: checked."
        )
    else:
        daily = _(
            "Before the first session of each day the player shows these signs and asks you "
            "to confirm that none applies; if one does, it does not start. Today: not "
            "checked yet."
        )
    ctx.say(_wrapped(daily))
    ctx.say("")
    ctx.say(_("YOUR WEEK"))
    week = current_week(ctx)
    if week is None:
        ctx.say(
            _wrapped(
                _(
                    "Not set. With your week ({set_week}) or due date ({set_due_date}), the "
                    "player marks routines and steps that do not suit your week, and asks "
                    "before playing them."
                ).format(
                    set_week=ctx.command("settings set week 20"),
                    set_due_date=ctx.command("settings set due-date 2027-05-01"),
                )
            )
        )
    else:
        ctx.say(_("Week {week}.").format(week=week))
    ctx.say(
        _wrapped(
            _(
                "From week 14, steps done lying on the back are played lying on your side "
                "where the routine gives a side-lying way, and marked where it does not: "
                "lying flat on the back can make you feel faint later in pregnancy."
            )
        )
    )
    ctx.say("")
    ctx.say(_wrapped(_(safety.DISCLAIMER)))
    return EXIT_OK


COMMAND = Command(no_arguments, run)
