"""``run.py list``: every routine with its length, who it suits, and where it comes from."""

from __future__ import annotations

import argparse

from player.care.safety import list_mark
from player.commands import routines
from player.commands.base import EXIT_OK, Command, Context, no_arguments
from player.commands.options import choices_for
from player.home import catalog
from player.language import _, pgettext
from player.playback.compiler import compile_timeline
from player.routine.loader import RoutineError
from player.routine.model import Routine
from player.routine.values import TRIMESTER_WEEKS, format_duration
from player.terminal.text_fit import cells


def _origin(entry: catalog.Listed) -> str:
    if entry.hides is not None:
        return pgettext("routine origin", "yours, hides bundled")
    if entry.origin == catalog.YOURS:
        return pgettext("routine origin", "yours")
    if entry.origin == catalog.BUNDLED:
        return pgettext("routine origin", "bundled")
    return entry.origin


def _trimester(week: int, end: int) -> int | None:
    """The trimester that starts (``end`` 0) or ends (``end`` 1) at ``week``, if one does."""
    return next((t for t, weeks in TRIMESTER_WEEKS.items() if weeks[end] == week), None)


def _suits(routine: Routine, week: int | None) -> str:
    """Who the routine suits, as ``list`` shows it: its weeks or trimesters, its note, and
    a mark when it does not suit this week."""
    said = suits_words(routine)
    if list_mark(routine, week):
        # TRANSLATORS: after who a routine suits, when it does not suit the person's week
        said = _("{suits} (! not for week {week})").format(suits=said, week=week)
    return said


def suits_words(routine: Routine) -> str:
    """Who the routine suits: its weeks or trimesters and its note, or "any time"."""
    suits = routine.suits
    weeks = suits.week_range if suits else None
    said = ""
    if weeks is not None:
        first, last = _trimester(weeks.first, 0), _trimester(weeks.last, 1)
        if suits is not None and suits.trimesters is not None and first and last:
            said = (
                _("trimester {number}").format(number=first)
                if first == last
                else _("trimesters {first}-{last}").format(first=first, last=last)
            )
        else:
            said = _("weeks {first}-{last}").format(first=weeks.first, last=weeks.last)
    if suits is not None and suits.note:
        # TRANSLATORS: the weeks a routine suits, then its own note on who it suits
        said = _("{weeks}; {note}").format(weeks=said, note=suits.note) if said else suits.note
    return said or _("any time")


def _padded(row: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(
        cell + " " * (width - cells(cell)) for cell, width in zip(row, widths, strict=True)
    ).rstrip()


def run(args: argparse.Namespace, ctx: Context) -> int:
    folders = catalog.search_folders(ctx.dirs)
    unread = catalog.unreadable_lines(folders)
    for line in unread:
        ctx.warn(line)
    settings = ctx.settings()
    today = ctx.now().date()
    week = settings.pregnancy_week(today)
    rows = [
        (
            pgettext("list heading", "name"),
            pgettext("list heading", "from"),
            pgettext("list heading", "title"),
            pgettext("list heading", "length"),
            pgettext("list heading", "suits"),
        )
    ]
    listed = catalog.all_routines(folders)
    for entry in listed:
        try:
            loaded = routines.load(entry.path, ctx.dirs)
        except RoutineError:
            broken = _("(has problems: run '{command}')").format(command=ctx.command("check"))
            rows.append((entry.name, _origin(entry), broken, "", ""))
            continue
        choices = choices_for(args, settings, loaded, lambda _line: None, week)
        timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)
        length = format_duration(timeline.total_ms)
        if timeline.waits:
            # TRANSLATORS: a routine's length, when some steps wait for the person
            length = _("{length} + your pace").format(length=length)
        suits = _suits(loaded.routine, week)
        rows.append((loaded.name, _origin(entry), loaded.routine.title, length, suits))
    widths = [max(cells(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        ctx.say(_padded(row, widths))
    ctx.say("")
    if week is not None:
        ctx.say(
            _(
                "Your week: {week}. Routines marked (! ...) do not suit it; 'play' asks first."
            ).format(week=week)
        )
    own = folders[0].path
    if any(entry.origin == catalog.YOURS for entry in listed):
        ctx.say(_("yours: your own routines, in {folder}").format(folder=own))
        if any(entry.hides is not None for entry in listed):
            ctx.say(
                "  " + _("a routine of yours with a bundled routine's name is played instead of it")
            )
    elif not unread:
        ctx.say(
            _("Your own routines go in {folder}: '{command}' starts one.").format(
                folder=own, command=ctx.command("new NAME")
            )
        )
    return EXIT_OK


COMMAND = Command(no_arguments, run)
