"""``run.py safety``: the warning signs, the reasons not to exercise at all, what the week
changes, and the disclaimer."""

from __future__ import annotations

import argparse

from player.care import daily_check, first_use, safety, something_wrong
from player.commands import exercise_advice
from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.commands.week import current_week
from player.home.bindings import spoken_key
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


def _every_session(ctx: Context) -> str:
    """How to stop, with the keys this person's settings give."""
    keys = ctx.settings().bindings

    def named(action: str) -> str:
        # TRANSLATORS: between two keys that do the same, such as "Esc or q"
        return _(" or ").join(spoken_key(key) for key in keys.keys_of(action))

    # TRANSLATORS: {pause} and {wrong} are keys, such as "Esc or q" and "x"
    said = _(
        "Stop if it hurts: {pause} pauses at once and asks whether to stop. If something is "
        "wrong, {wrong} (or the window's button) stops at once and says what to do. Ctrl-C "
        "stops at once in the terminal."
    )
    return said.format(pause=named("quit"), wrong=named("something-wrong"))


def run(args: argparse.Namespace, ctx: Context) -> int:
    today = ctx.now().date()
    width = max(20, terminal_size(ctx.out)[0] - MARGIN)
    ctx.say(_("WARNING SIGNS"))
    intro = _(
        "Stop exercising at once if you have any of these, and get help as each heading says:"
    )
    ctx.say(_wrapped(intro, width))
    for line in something_wrong.what_to_do():
        if line.kind == "heading":
            ctx.say(_wrapped(line.text, width))
        elif line.kind == "sign":
            ctx.say("\n".join(wrap_as_typed(line.text, width, "    ", "  - ")))
        elif line.kind == "note":
            ctx.say("\n".join(wrap_as_typed(line.text, width, "    ", "    ")))
    ctx.say("")
    ctx.say(_("EVERY SESSION"))
    ctx.say(_wrapped(_every_session(ctx), width))
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
    _reasons_not_to_exercise(ctx, width)
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


def _reasons_not_to_exercise(ctx: Context, width: int) -> None:
    """The first-use check: what it asks, what a yes does, whose threshold it takes, and
    the answer remembered, with the command that changes it."""
    ctx.say(_("REASONS NOT TO EXERCISE"))
    asked = _(
        "Before the first exercise routine, the player asks once whether a doctor or midwife "
        "advised you not to exercise, or whether any of these applies to you:"
    )
    ctx.say(_wrapped(asked, width))
    for condition in first_use.conditions():
        ctx.say("\n".join(wrap_as_typed(f"  - {condition}", width, "    ")))
    rule = _(
        "If so, it does not play the exercise routines: talk to your midwife or doctor before "
        "using them. Routines of massage or warmth, which are not exercise, are still played; "
        "ask your midwife about them too."
    )
    ctx.say(_wrapped(rule, width))
    # TRANSLATORS: {acog} and {canadian} are numbers of weeks of pregnancy (26 and 28)
    guidelines = _(
        "These are the reasons not to exercise at all given by ACOG (Committee Opinion 804, "
        "2020) and the 2019 Canadian guideline for physical activity throughout pregnancy. "
        "Where they differ, the player takes the more cautious: placenta praevia after "
        "{acog} weeks, as ACOG says (the Canadian guideline says after {canadian})."
    ).format(
        acog=first_use.PLACENTA_PRAEVIA_WEEKS, canadian=first_use.CANADIAN_PLACENTA_PRAEVIA_WEEKS
    )
    ctx.say(_wrapped(guidelines, width))
    answer = ctx.settings().advised_against_exercise
    if answer is None:
        said = _("Your answer: not given yet.")
    elif answer:
        said = _("Your answer: yes, the exercise routines are not played.")
    else:
        said = _("Your answer: no.")
    change = _("Change it with '{yes}' or '{no}'.").format(
        yes=_whole(ctx.command(f"settings set {exercise_advice.KEY} yes")),
        no=_whole(ctx.command(f"settings set {exercise_advice.KEY} no")),
    )
    ctx.say(_wrapped(f"{said} {change}", width))


COMMAND = Command(no_arguments, run)
