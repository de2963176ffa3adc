"""The one gate: a routine is accepted only if it plays, whatever the person chooses.

Loading (``player.routine.loader``) checks each value and the file's places; this adds
what only compiling can tell: that the whole session stays within its bounds (its
length, its number of parts and cues) for every choice the routine allows: any number
of repetitions in its ranges, and the side-lying steps of later weeks. ``check``,
``plan``, ``play`` and ``export`` all pass through here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from player.language import LANGUAGES, PSEUDO, speaking
from player.playback.announcements import DEFAULT_RATE, speaking_ms
from player.playback.compiler import compile_timeline
from player.playback.motion import fits, phases_per_repetition
from player.playback.room import CutShort, cut_short
from player.playback.timeline import Choices, SessionTooLong, Timeline, ranged_counts
from player.routine.figures import FIGURES
from player.routine.loader import RoutineError, RoutineFile, load_routine
from player.routine.model import Block, Routine, Step
from player.routine.problems import Problem, dotted
from player.routine.words import check_words, languages_beside
from player.system.paths import MEDIA_DIR, ROUTINES_DIR
from player.system.regular_files import resolving_once


def load_playable(
    path: Path,
    *,
    routines_dir: Path = ROUTINES_DIR,
    media_dir: Path = MEDIA_DIR,
    places: Sequence[Path] = (),
    language: str | None = None,
) -> RoutineFile:
    """The routine at ``path``, loaded and known to play; RoutineError with every problem
    otherwise. ``places`` are folders besides its own where its includes and pictures
    may be (the person's routines folder); ``language``, the language to play it in when
    it has words in it (``load_routine``)."""
    loaded = _paced(path, routines_dir, media_dir, places, language)
    _compiled(loaded)
    return loaded


def _paced(
    path: Path,
    routines_dir: Path,
    media_dir: Path,
    places: Sequence[Path],
    language: str | None,
) -> RoutineFile:
    """The routine loaded in ``language``, with the routine that sets its times."""
    loaded = load_routine(
        path, routines_dir=routines_dir, media_dir=media_dir, places=places, language=language
    )
    if loaded.language != loaded.routine.language:  # its words in another language
        written = load_routine(path, routines_dir=routines_dir, media_dir=media_dir, places=places)
        return replace(loaded, paced_by=written.routine)
    if language == PSEUDO:  # timed as it is really played, whatever the wrapping adds
        return replace(loaded, paced_by=loaded.routine)
    return loaded


FileChecked = tuple[list[Problem], tuple[Path, ...]]
"""The problems and warnings of one routine file, and the files it was read from."""

FileMap = Callable[[Callable[[Path], FileChecked], Sequence[Path]], list[FileChecked]]
"""How ``check_playable`` checks every file: in order, here (``one_by_one``), or shared
out by the caller, which knows the machine (``player.system.forked``)."""


def one_by_one(check: Callable[[Path], FileChecked], paths: Sequence[Path]) -> list[FileChecked]:
    return [check(path) for path in paths]


def check_playable(
    paths: Sequence[Path], places: Sequence[Path] = (), each: FileMap = one_by_one
) -> list[Problem]:
    """Every problem in every file, for ``check``; then, for each file that plays, every
    warning (``Problem.warning``): cues its steps leave no room to be heard whole, and
    figures that cannot move in step with their phases; and every problem of the words
    files beside the routine and the files it includes (``player.routine.words``), each
    words file once, after the first routine that uses it. ``each`` checks the files."""
    problems: list[Problem] = []
    words_checked: set[Path] = set()  # a file of exercises many routines include: once
    with resolving_once():  # the folders of every file are the same few
        checked = each(functools.partial(check_file, places=places), paths)
        for found, files in checked:
            problems.extend(found)
            problems.extend(check_words([f for f in files if f not in words_checked]))
            words_checked.update(files)
    return problems


def check_file(path: Path, places: Sequence[Path] = ()) -> FileChecked:
    """The problems of one routine file, or its warnings when it plays; and the files it
    was read from (itself alone when it cannot be read)."""
    try:
        loaded = load_routine(path, places=places)
    except RoutineError as error:
        return error.problems, (path,)
    try:
        timelines = _compiled(loaded)
    except RoutineError as error:
        return error.problems, loaded.files
    found = room_warnings(loaded, timelines=timelines)
    found.extend(figure_warnings(loaded, timelines))
    found.extend(translated_room_warnings(path, places))
    return found, loaded.files


def _compiled(loaded: RoutineFile) -> list[Timeline]:
    """The timeline of each of ``every_extreme``, each compiled once; RoutineError when
    one of them cannot be played as one session."""
    timelines: list[Timeline] = []
    for choices in every_extreme(loaded.routine):
        try:
            timelines.append(compile_timeline(loaded.routine, choices, loaded.paced_by))
        except SessionTooLong as error:
            raise RoutineError([_too_long(loaded, choices, error)]) from None
    return timelines


def room_warnings(
    loaded: RoutineFile,
    words_per_minute: int = DEFAULT_RATE,
    timelines: Sequence[Timeline] | None = None,
) -> list[Problem]:
    """A warning at each step whose words run into the next cue, with any choice the
    routine allows: the earlier words are cut off, or the later ones held back. One line
    a step: the first such cue, and how many more. ``timelines`` are those of
    ``every_extreme``, when they are compiled already."""
    by_step: dict[tuple[str | int, ...], list[CutShort]] = {}
    speaking = functools.partial(speaking_ms, words_per_minute=words_per_minute)
    if timelines is None:
        timelines = [
            compile_timeline(loaded.routine, c, loaded.paced_by)
            for c in every_extreme(loaded.routine)
        ]
    for timeline in timelines:
        for short in cut_short(timeline, speaking):
            found = by_step.setdefault(timeline.steps[short.cue.step].path, [])
            if short.cue.text not in {earlier.cue.text for earlier in found}:
                found.append(short)
    return sorted(_room_warning(loaded, path, shorts) for path, shorts in by_step.items())


def translated_room_warnings(path: Path, places: Sequence[Path] = ()) -> list[Problem]:
    """``room_warnings`` for the routine's words in each language it has them in, with the
    player's words in that language: a session lasts as long in every language, so a
    translation longer than the words as written may not fit its step. Problems of a
    words file itself are told by ``check_words``."""
    found: list[Problem] = []
    for language in languages_beside(path):
        if language not in LANGUAGES:  # no catalog: its words fit as its own would
            continue
        with speaking(language):
            try:
                loaded = _paced(path, ROUTINES_DIR, MEDIA_DIR, places, language)
                timelines = _compiled(loaded)  # each choice compiled once, as for English
            except RoutineError:
                continue
            found.extend(
                replace(problem, message=f"in {language}: {problem.message}")
                for problem in room_warnings(loaded, timelines=timelines)
            )
    return found


def figure_warnings(loaded: RoutineFile, timelines: Sequence[Timeline]) -> list[Problem]:
    """A warning at each step whose figure cannot move in step with its phases: a figure
    goes from one key pose to the next in each phase, so a repetition needs as many
    phases as it has key poses, or one fewer."""
    found: dict[tuple[str | int, ...], Problem] = {}
    for timeline in timelines:
        for step in timeline.steps:
            if step.figure is None or step.path in found or step.figure not in FIGURES:
                continue
            motion = FIGURES[step.figure]
            phases = phases_per_repetition(timeline, step)
            if fits(motion, phases):
                continue
            keys = len(motion.keys)
            mark = loaded.value_mark_of((*step.path, "figure")) or loaded.mark_of(step.path)
            found[step.path] = Problem(
                mark.shown if mark else str(loaded.path),
                mark.line if mark else 1,
                mark.column if mark else 1,
                dotted((*step.path, "figure")),
                f"'{step.figure}' has {keys} key poses and moves from one to the next in "
                f"each phase, but a repetition here has {phases} "
                f"{'phase' if phases == 1 else 'phases'}, so it would move out of step with "
                f"the words; give the step {keys - 1} or {keys} phases, or another figure",
                warning=True,
            )
    return sorted(found.values())


def _room_warning(
    loaded: RoutineFile, path: tuple[str | int, ...], shorts: list[CutShort]
) -> Problem:
    first = shorts[0]
    more = f" (and {len(shorts) - 1} more in this step)" if len(shorts) > 1 else ""
    mark = loaded.mark_of(path) or loaded.steps_at
    return Problem(
        mark.shown if mark else str(loaded.path),
        mark.line if mark else 1,
        mark.column if mark else 1,
        dotted(path),
        f"'{first.cue.text}' takes about {first.needs_ms / 1000:.1f} s to say, but "
        f"'{first.next.text}' comes {first.has_ms / 1000:.1f} s after it, so one of them "
        f"is cut short{more}; use fewer words, or give the step more time",
        warning=True,
    )


def session_problems(loaded: RoutineFile) -> list[Problem]:
    """Why the routine cannot be played as one session, at its ``steps:`` line; [] when
    it can, with every choice it allows."""
    try:
        _compiled(loaded)
    except RoutineError as error:
        return error.problems
    return []


def _too_long(loaded: RoutineFile, choices: Choices, error: SessionTooLong) -> Problem:
    with_what = f" with {choices.reps} repetitions" if choices.reps else ""
    mark = loaded.steps_at
    return Problem(
        mark.shown if mark else str(loaded.path),
        mark.line if mark else 1,
        mark.column if mark else 1,
        "steps",
        f"{error}{with_what}; use fewer sets, repetitions or steps, or shorter times",
    )


def every_extreme(routine: Routine) -> Iterator[Choices]:
    """The choices at the edges of what the routine allows: its own counts, the fewest and
    the most repetitions every range allows (the longest session, and the one whose steps
    leave cues the least room); each with and without the side-lying steps, when it has
    any (without them, both sessions are the same)."""
    counts = [count for _name, count in ranged_counts(routine)]
    reps: list[int | None] = [None]
    if counts:
        fewest = max(count.low for count in counts)
        most = min(count.high for count in counts)
        if most >= fewest:
            reps.extend(sorted({fewest, most}))
    side_lying = (False, True) if _has_alternative(routine.steps) else (False,)
    for chosen in reps:
        for avoid in side_lying:
            yield Choices(reps=chosen, avoid_lying_on_back=avoid)


def _has_alternative(steps: Sequence[Step]) -> bool:
    """Whether any step has an alternative: only then does avoiding lying on the back
    change the session."""
    return any(
        _has_alternative(step.steps) if isinstance(step, Block) else step.alternative is not None
        for step in steps
    )
