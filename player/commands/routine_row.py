"""One routine's row in ``list``: read through the gate and compiled with the person's
choices, as ``play`` would play it today; and the files that row came from."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from player.care.safety import list_mark
from player.commands import routines
from player.commands.options import choices_for
from player.home.listing_index import Row
from player.home.settings import Settings
from player.home.user_dirs import UserDirs
from player.language import _, current
from player.playback.compiler import compile_timeline
from player.routine.loader import RoutineFile
from player.routine.model import Block, Routine, Step
from player.routine.values import TRIMESTER_WEEKS, format_duration
from player.routine.words import TRANSLATIONS, words_path
from player.system.paths import MEDIA_DIR, ROUTINES_DIR


def routine_row(
    path: Path, args: argparse.Namespace, settings: Settings, week: int | None, dirs: UserDirs
) -> tuple[Row, list[Path]]:
    """The row of the routine at ``path``, and every file and folder it was made from;
    RoutineError when the routine has problems."""
    loaded = routines.load(path, dirs)
    choices = choices_for(args, settings, loaded, lambda _line: None, week)
    timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)
    length = format_duration(timeline.total_ms)
    if timeline.waits:
        # TRANSLATORS: a routine's length, when some steps wait for the person
        length = _("{length} + your pace").format(length=length)
    row = Row(loaded.name, loaded.routine.title, length, _suits(loaded.routine, week))
    return row, made_from(loaded, dirs)


def made_from(loaded: RoutineFile, dirs: UserDirs) -> list[Path]:
    """The files a routine was read from (itself, its includes, their words files in the
    language in use, its pictures) and the folders that decide which files those are."""
    files = list(loaded.files)
    files += [words_path(file, current()) for file in loaded.files]
    files += [Path(picture) for picture in _pictures(loaded.routine)]
    folders = [dirs.routines, ROUTINES_DIR, MEDIA_DIR]
    folders += [file.parent for file in files]
    folders += [file.parent / TRANSLATIONS for file in loaded.files]
    return files + folders


def _pictures(routine: Routine) -> Iterator[str]:
    steps: list[Step] = [*routine.steps, *routine.exercises.values()]
    while steps:
        step = steps.pop()
        if isinstance(step, Block):
            steps.extend(step.steps)
        elif step.picture is not None:
            yield step.picture


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
