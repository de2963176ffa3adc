"""``run.py safety``: the warning signs, what the week changes, and the disclaimer."""

from __future__ import annotations

import argparse

from player.care import daily_check, safety
from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.commands.week import current_week
from player.language import _
from player.terminal.questions import terminal_size
from player.terminal.text_fit import wrap_as_typed

MARGIN = 2
"""Columns left free at the right of the terminal (80 columns: lines of at most 78)."""
_SPACE, _HYPHEN = "\u00a0", "\u2011"
"""What stands for a space and a hyphen inside a command while the text is wrapped, so
that no line breaks inside one."""


def _whole(command: str) -> str:
    """``command`` as one word for wrapping: a line never breaks inside it."""
    return command.replace(" ", _SPACE).replace("-", _HYPHEN)


def _wrapped(text: str, width: int) -> str:
    """``text`` wrapped to ``width`` columns (cells), commands in it kept whole."""
    lines = wrap_as_typed(text, width)
    return "\n".join(lines).replace(_SPACE, " ").replace(_HYPHEN, "-")


def run(args: argparse.Namespace, ctx: Context) -> int:
    today = ctx.now().date()
    width = max(20, terminal_size(ctx.out)[0] - MARGIN)
    ctx.say(_("WARNING SIGNS"))
    ctx.say(_wrapped(_(safety.SIGNS_INTRO), width))
    for sign in safety.WARNING_SIGNS:
        ctx.say(f"  - {_(sign)}")
    ctx.say(_wrapped(_(safety.EMERGENCY), width))
    ctx.say("")
    ctx.say(_("EVERY SESSION"))
    ctx.say(_wrapped(_("Stop if it hurts. Esc (or Ctrl-C in the terminal) stops at once."), width))
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
    ctx.say(_wrapped(daily, width))
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
                    set_week=_whole(ctx.command("settings set week 20")),
                    set_due_date=_whole(ctx.command("settings set due-date 2027-05-01")),
                ),
                width,
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
            ),
            width,
        )
    )
    ctx.say("")
    ctx.say(_wrapped(_(safety.DISCLAIMER), width))
    return EXIT_OK


COMMAND = Command(no_arguments, run)
