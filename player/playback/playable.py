"""The one gate: a routine is accepted only if it plays, whatever the person chooses.

Loading (``player.routine.loader``) checks each value and the file's places; this adds
what only compiling can tell: that the whole session stays within its bounds (its
length, its number of parts and cues) for every choice the routine allows: any number
of repetitions in its ranges, and the side-lying steps of later weeks. ``check``,
``plan``, ``play`` and ``export`` all pass through here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices, SessionTooLong, ranged_counts
from player.routine.loader import RoutineError, RoutineFile, load_routine
from player.routine.model import Routine
from player.routine.problems import Problem
from player.system.paths import MEDIA_DIR, ROUTINES_DIR


def load_playable(
    path: Path,
    *,
    routines_dir: Path = ROUTINES_DIR,
    media_dir: Path = MEDIA_DIR,
    places: Sequence[Path] = (),
) -> RoutineFile:
    """The routine at ``path``, loaded and known to play; RoutineError with every problem
    otherwise. ``places`` are folders besides its own where its includes and pictures
    may be (the person's routines folder)."""
    loaded = load_routine(path, routines_dir=routines_dir, media_dir=media_dir, places=places)
    problems = session_problems(loaded)
    if problems:
        raise RoutineError(problems)
    return loaded


def check_playable(paths: Sequence[Path], places: Sequence[Path] = ()) -> list[Problem]:
    """Every problem in every file, for ``check``."""
    problems: list[Problem] = []
    for path in paths:
        try:
            load_playable(path, places=places)
        except RoutineError as error:
            problems.extend(error.problems)
    return problems


def session_problems(loaded: RoutineFile) -> list[Problem]:
    """Why the routine cannot be played as one session, at its ``steps:`` line; [] when
    it can, with every choice it allows."""
    for choices in every_extreme(loaded.routine):
        try:
            compile_timeline(loaded.routine, choices)
        except SessionTooLong as error:
            with_what = f" with {choices.reps} repetitions" if choices.reps else ""
            mark = loaded.steps_at
            return [
                Problem(
                    mark.shown if mark else str(loaded.path),
                    mark.line if mark else 1,
                    mark.column if mark else 1,
                    "steps",
                    f"{error}{with_what}; use fewer sets, repetitions or steps, or shorter times",
                )
            ]
    return []


def every_extreme(routine: Routine) -> Iterator[Choices]:
    """The choices that make the session longest: the routine's own counts, and the most
    repetitions every range allows; each with and without the side-lying steps."""
    counts = [count for _name, count in ranged_counts(routine)]
    reps: list[int | None] = [None]
    if counts:
        most = min(count.high for count in counts)
        if most >= max(count.low for count in counts):
            reps.append(most)
    for chosen in reps:
        for side_lying in (False, True):
            yield Choices(reps=chosen, avoid_lying_on_back=side_lying)
