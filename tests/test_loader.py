"""Routine files to typed values, and every kind of problem told at its file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.loader import RoutineFile, load_routine
from player.routine.model import (
    DEFAULT_LEAD_IN_MS,
    DEFAULT_SWITCH_MS,
    Block,
    CustomCue,
    Exercise,
    Instruction,
    Phase,
    Rest,
    Routine,
    Source,
)
from player.routine.problems import Problem, RoutineError
from player.routine.values import Count, WeekRange
from player.routine.yaml_source import MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES
from player.system.paths import ROUTINES_DIR
from tests.conftest import WriteFile, png_bytes

Folders = dict[str, Path]

PLACEHOLDER_LIST = "{rep}, {reps}, {side}, {set}, {sets}, {step}, {next}"
STEP_KINDS = "exercise, rest, instruction, block or use"


@pytest.fixture
def folders(tmp_path: Path) -> Folders:
    """An empty bundled-routines folder and media folder, so that only test files are seen."""
    bundled = tmp_path / "bundled"
    media = tmp_path / "media"
    bundled.mkdir()
    media.mkdir()
    return {"routines_dir": bundled, "media_dir": media}


def load(path: Path, folders: Folders) -> Routine:
    return load_routine(path, **folders).routine


def problems_in(path: Path, folders: Folders) -> list[Problem]:
    with pytest.raises(RoutineError) as caught:
        load_routine(path, **folders)
    return caught.value.problems


def only_problem(path: Path, folders: Folders) -> Problem:
    problems = problems_in(path, folders)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


def exercise_at(routine: Routine, index: int) -> Exercise:
    step = routine.steps[index]
    assert isinstance(step, Exercise)
    return step


# -- what loads, and into which values -----------------------------------------------------


def test_the_top_of_the_file(write: WriteFile, folders: Folders) -> None:
    path = write(
        "top.yaml",
        """
        title: Evening routine
        summary: Gentle strength.
        suits:
          trimesters: 2-3
          note: from the middle
        sources: [{title: A leaflet, publisher: The clinic, year: 2024}]
        safety: [Stop if it hurts.]
        stop_if: [bleeding, dizziness]
        lead_in: 10s
        prepare: 0
        steps:
          - rest: 5s
        """,
    )
    loaded = load_routine(path, **folders)
    assert isinstance(loaded, RoutineFile)
    assert loaded.path == path
    assert loaded.name == "top"
    routine = loaded.routine
    assert routine.title == "Evening routine"
    assert routine.summary == "Gentle strength."
    assert routine.suits is not None
    assert routine.suits.trimesters == WeekRange(14, 42, "trimesters 2-3")
    assert routine.suits.weeks is None
    assert routine.suits.describe() == "trimesters 2-3; from the middle"
    assert routine.sources == (Source(title="A leaflet", publisher="The clinic", year=2024),)
    assert routine.safety == ("Stop if it hurts.",)
    assert routine.stop_if == ("bleeding", "dizziness")
    assert routine.lead_in == 10_000
    assert routine.prepare == 0
    assert routine.steps == (Rest(rest="5s"),)


def test_defaults_of_a_minimal_routine(write: WriteFile, folders: Folders) -> None:
    path = write("minimal.yaml", "title: Minimal\nsteps:\n  - exercise: Plank\n    time: 30s\n")
    routine = load(path, folders)
    assert routine.lead_in == DEFAULT_LEAD_IN_MS
    assert routine.prepare is None
    assert routine.suits is None
    assert routine.include == ()
    step = exercise_at(routine, 0)
    assert step.exercise == "Plank"
    assert step.time == 30_000
    assert step.reps is None
    assert step.phases is None
    assert step.sides == ()
    assert step.switch == DEFAULT_SWITCH_MS
    assert step.say == ()
    assert not step.waits_for_done
    assert step.rep_ms == 30_000


def test_timed_and_counted_steps(write: WriteFile, folders: Folders) -> None:
    path = write(
        "steps.yaml",
        """
        title: Steps
        steps:
          - exercise: Stand tall
            position: standing
            do: Stand up straight.
            time: 1m30s
          - exercise: Squats
            reps: 8
            time: 3s
          - exercise: Holds
            reps: 5-10
            time: 2.5s
          - exercise: Lifts
            reps: {min: 5, max: 10, default: 6}
            time: 2
          - exercise: Rows
            reps: 4 to 6
            time: 1s
        """,
    )
    routine = load(path, folders)
    stand = exercise_at(routine, 0)
    assert (stand.time, stand.position, stand.do) == (90_000, "standing", "Stand up straight.")
    squats = exercise_at(routine, 1)
    assert (squats.reps, squats.time) == (Count(8, 8, 8), 3_000)
    holds = exercise_at(routine, 2)
    assert (holds.reps, holds.time) == (Count(5, 10, 8), 2_500)
    lifts = exercise_at(routine, 3)
    assert (lifts.reps, lifts.time) == (Count(5, 10, 6), 2_000)
    assert exercise_at(routine, 4).reps == Count(4, 6, 5)


def test_a_step_with_neither_time_nor_phases_waits_for_done(
    write: WriteFile, folders: Folders
) -> None:
    path = write(
        "wait.yaml",
        """
        title: Wait
        steps:
          - exercise: Quick squeezes
            reps: 10
          - exercise: Timed
            time: 5s
        """,
    )
    routine = load(path, folders)
    waiting = exercise_at(routine, 0)
    assert waiting.waits_for_done
    assert waiting.rep_ms is None
    assert waiting.reps == Count(10, 10, 10)
    assert not exercise_at(routine, 1).waits_for_done


def test_phases_make_up_a_repetition(write: WriteFile, folders: Folders) -> None:
    path = write(
        "phases.yaml",
        """
        title: Phases
        steps:
          - exercise: Pelvic floor
            reps: 5
            phases:
              - {name: Squeeze, time: 5s, say: "Squeeze, {rep} of {reps}"}
              - name: Relax
                time: 2.5s
        """,
    )
    step = exercise_at(load(path, folders), 0)
    assert step.phases == (
        Phase(name="Squeeze", time="5s", say="Squeeze, {rep} of {reps}"),
        Phase(name="Relax", time="2.5s"),
    )
    assert step.rep_ms == 7_500
    assert step.time is None
    assert not step.waits_for_done


def test_sides_with_a_switch(write: WriteFile, folders: Folders) -> None:
    path = write(
        "sides.yaml",
        """
        title: Sides
        steps:
          - exercise: Side stretch
            sides: both
            switch: 3s
            time: 30s
          - exercise: Clam
            sides: [right, left]
            time: 10s
          - exercise: One leg
            sides: left
            time: 10s
        """,
    )
    routine = load(path, folders)
    stretch = exercise_at(routine, 0)
    assert (stretch.sides, stretch.switch) == (("left", "right"), 3_000)
    clam = exercise_at(routine, 1)
    assert (clam.sides, clam.switch) == (("right", "left"), DEFAULT_SWITCH_MS)
    assert exercise_at(routine, 2).sides == ("left",)


def test_blocks_with_sets_and_rest_and_blocks_inside(write: WriteFile, folders: Folders) -> None:
    path = write(
        "blocks.yaml",
        """
        title: Blocks
        steps:
          - block: Circuit
            sets: 2-4
            rest: 10s
            cues: {next_up: false}
            steps:
              - exercise: Plank
                time: 20s
              - block: Inner
                steps:
                  - rest: 5s
        """,
    )
    block = load(path, folders).steps[0]
    assert isinstance(block, Block)
    assert (block.block, block.sets, block.rest) == ("Circuit", Count(2, 4, 3), 10_000)
    assert block.cues.next_up is False
    assert isinstance(block.steps[0], Exercise)
    inner = block.steps[1]
    assert isinstance(inner, Block)
    assert (inner.block, inner.sets, inner.rest) == ("Inner", Count(1, 1, 1), None)
    assert inner.steps == (Rest(rest="5s"),)


def test_rest_and_instruction_steps(write: WriteFile, folders: Folders) -> None:
    path = write(
        "rest.yaml",
        """
        title: Rests
        steps:
          - rest: 20s
            do: Sit on a chair.
          - rest: 1m
            name: Long break
          - instruction: Kneel down slowly.
            time: 15s
          - instruction: Lie on your side.
            name: Lie down
        """,
    )
    routine = load(path, folders)
    assert routine.steps[0] == Rest(rest="20s", do="Sit on a chair.")
    assert routine.steps[1] == Rest(rest="1m", name="Long break")
    kneel = routine.steps[2]
    assert isinstance(kneel, Instruction)
    assert (kneel.instruction, kneel.time, kneel.name) == (
        "Kneel down slowly.",
        15_000,
        "Get into position",
    )
    lie = routine.steps[3]
    assert isinstance(lie, Instruction)
    assert (lie.time, lie.name) == (None, "Lie down")


def test_cue_switches_for_the_routine_and_one_step(write: WriteFile, folders: Folders) -> None:
    path = write(
        "cues.yaml",
        """
        title: Cues
        cues:
          halfway: false
          countdown: 5
          announce: true
        steps:
          - exercise: Plank
            time: 30s
            cues:
              halfway: true
              countdown: false
              switch_sides: false
              rep_count: false
              phases: false
              next_up: false
          - exercise: Bridge
            time: 30s
            cues: {countdown: true}
        """,
    )
    routine = load(path, folders)
    assert (routine.cues.halfway, routine.cues.countdown, routine.cues.announce) == (False, 5, True)
    assert routine.cues.next_up is None
    plank = exercise_at(routine, 0).cues
    assert (plank.halfway, plank.countdown, plank.switch_sides) == (True, 0, False)
    assert (plank.rep_count, plank.phases, plank.next_up, plank.announce) == (
        False,
        False,
        False,
        None,
    )
    assert exercise_at(routine, 1).cues.countdown == 3


def test_custom_cues_with_placeholders(write: WriteFile, folders: Folders) -> None:
    path = write(
        "say.yaml",
        """
        title: Say
        steps:
          - exercise: Side stretch
            sides: both
            reps: 3
            time: 10s
            say:
              - at: 10s
                say: Lean to the {side}, {step}
              - {at: 1s, say: "Breathe, {rep} of {reps}", each: rep}
              - {at: 29.5s, say: "Nearly; next is {next}"}
          - rest: 30s
            say:
              - {at: 20s, say: "{{plain}} braces"}
        """,
    )
    routine = load(path, folders)
    assert exercise_at(routine, 0).say == (
        CustomCue(at="10s", say="Lean to the {side}, {step}", each="side"),
        CustomCue(at="1s", say="Breathe, {rep} of {reps}", each="rep"),
        CustomCue(at="29.5s", say="Nearly; next is {next}", each="side"),
    )
    rest = routine.steps[1]
    assert isinstance(rest, Rest)
    assert rest.say == (CustomCue(at="20s", say="{{plain}} braces"),)


def test_suits_in_weeks(write: WriteFile, folders: Folders) -> None:
    path = write(
        "weeks.yaml",
        """
        title: Weeks
        suits: {weeks: 12-40}
        steps:
          - rest: 5s
            suits: {weeks: 20, note: later on}
        """,
    )
    routine = load(path, folders)
    assert routine.suits is not None
    assert routine.suits.week_range == WeekRange(12, 40)
    assert routine.suits.describe() == "weeks 12-40"
    step = routine.steps[0]
    assert isinstance(step, Rest) and step.suits is not None
    assert step.suits.describe() == "weeks 20-20; later on"


# -- pictures -----------------------------------------------------------------------------


def test_a_picture_beside_the_file_is_found_first(write: WriteFile, folders: Folders) -> None:
    beside = write("mine/bridge.png", png_bytes(note="beside"))
    write("media/bridge.png", png_bytes(note="media"))
    path = write(
        "mine/r.yaml",
        "title: P\nsteps:\n  - exercise: Bridge\n    time: 5s\n    picture: bridge.png\n",
    )
    assert exercise_at(load(path, folders), 0).picture == str(beside.resolve())


def test_a_picture_under_media_is_found(write: WriteFile, folders: Folders) -> None:
    in_media = write("media/poses/cat.png", png_bytes())
    path = write(
        "mine/r.yaml",
        """
        title: P
        steps:
          - rest: 5s
            picture: poses/cat.png
          - block: B
            steps:
              - instruction: Kneel.
                picture: poses/cat.png
        """,
    )
    routine = load(path, folders)
    rest = routine.steps[0]
    assert isinstance(rest, Rest)
    assert rest.picture == str(in_media.resolve())
    block = routine.steps[1]
    assert isinstance(block, Block)
    kneel = block.steps[0]
    assert isinstance(kneel, Instruction)
    assert kneel.picture == str(in_media.resolve())


def test_a_picture_of_a_shared_exercise_is_found_beside_the_shared_file(
    write: WriteFile, folders: Folders
) -> None:
    picture = write("mine/shared/tilt.png", png_bytes())
    write(
        "mine/shared/lib.yaml",
        "exercises:\n  tilt:\n    exercise: Tilt\n    time: 4s\n    picture: tilt.png\n",
    )
    path = write("mine/r.yaml", "title: P\ninclude: [shared/lib.yaml]\nsteps:\n  - use: tilt\n")
    assert exercise_at(load(path, folders), 0).picture == str(picture.resolve())


def test_a_picture_of_an_own_exercise_is_resolved_when_used(
    write: WriteFile, folders: Folders
) -> None:
    picture = write("mine/rolls.png", png_bytes())
    path = write(
        "mine/r.yaml",
        """
        title: P
        exercises:
          rolls: {exercise: Rolls, time: 4s, picture: rolls.png}
        steps:
          - use: rolls
          - use: rolls
            reps: 2
        """,
    )
    routine = load(path, folders)
    assert exercise_at(routine, 0).picture == str(picture.resolve())
    assert exercise_at(routine, 1).picture == str(picture.resolve())
    assert exercise_at(routine, 1).reps == Count(2, 2, 2)


# -- figures ------------------------------------------------------------------------------

FIGURE_LIST = "(every figure is listed under Figures in docs/routine-format.md)"


def test_a_figure_is_a_name_kept_as_written_and_played_with_the_step(
    write: WriteFile, folders: Folders
) -> None:
    write("mine/lib.yaml", "exercises:\n  hold: {exercise: Hold, time: 5s, figure: arm-reach}\n")
    path = write(
        "mine/r.yaml",
        """
        title: F
        lead_in: 0
        include: [lib.yaml]
        exercises:
          tilt: {exercise: Tilt, reps: 2, time: 4s, figure: pelvic-tilt-all-fours}
        steps:
          - instruction: Kneel down.
            figure: kneel-to-all-fours
          - use: tilt
          - use: hold
          - block: B
            steps:
              - rest: 5s
                figure: sit-back-on-heels
          - exercise: On your back
            position: lying-on-back
            figure: back-lying-pelvic-tilt
            time: 5s
            alternative:
              exercise: On your side
              position: side-lying
              figure: side-lying-pelvic-tilt
              time: 5s
          - rest: 5s
        """,
    )
    routine = load(path, folders)
    early = compile_timeline(routine, Choices())
    late = compile_timeline(routine, Choices(avoid_lying_on_back=True))
    assert [(s.name, s.figure, s.picture) for s in early.steps] == [
        ("Get into position", "kneel-to-all-fours", None),
        ("Tilt", "pelvic-tilt-all-fours", None),
        ("Hold", "arm-reach", None),
        ("Rest", "sit-back-on-heels", None),
        ("On your back", "back-lying-pelvic-tilt", None),
        ("Rest", None, None),
    ]
    assert [(s.name, s.figure) for s in late.steps if s.replaces] == [
        ("On your side", "side-lying-pelvic-tilt")
    ]


def test_an_unknown_figure_is_told_at_its_value_with_the_nearest_names(
    write: WriteFile, folders: Folders
) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 5s\n    figure: pelvic-tilt\n")
    problem = only_problem(path, folders)
    assert str(problem) == (
        f"{path}:4:13: steps[0].figure: 'pelvic-tilt' is not a bundled figure; did you mean "
        "'wall-pelvic-tilt', 'pelvic-tilt-all-fours' or 'side-lying-pelvic-tilt'? "
        f"{FIGURE_LIST}"
    )


def test_a_figure_nothing_like_a_bundled_one_is_told_where_the_list_is(
    write: WriteFile, folders: Folders
) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 5s\n    figure: handstand\n")
    assert only_problem(path, folders) == Problem(
        str(path), 4, 13, "steps[0].figure", f"'handstand' is not a bundled figure {FIGURE_LIST}"
    )


@pytest.mark.parametrize(
    ("where", "text", "line", "column"),
    [
        (
            "exercises.own.figure",
            "exercises:\n  own: {exercise: Own, time: 5s, figure: standing-tal}\nsteps:\n"
            "  - use: own\n",
            3,
            42,
        ),
        (
            "steps[0].steps[0].figure",
            "steps:\n  - block: B\n    steps:\n      - rest: 5s\n        figure: standing-tal\n",
            6,
            17,
        ),
        (
            "steps[0].alternative.figure",
            "steps:\n  - rest: 5s\n    position: lying-on-back\n    alternative:\n"
            "      rest: 5s\n      figure: standing-tal\n",
            7,
            15,
        ),
    ],
)
def test_an_unknown_figure_is_told_wherever_a_step_is(
    write: WriteFile, folders: Folders, where: str, text: str, line: int, column: int
) -> None:
    path = write("r.yaml", f"title: R\n{text}")
    assert only_problem(path, folders) == Problem(
        str(path),
        line,
        column,
        where,
        f"'standing-tal' is not a bundled figure; did you mean 'standing-tall'? {FIGURE_LIST}",
    )


def test_an_unknown_figure_of_a_shared_exercise_points_at_the_shared_file(
    write: WriteFile, folders: Folders
) -> None:
    lib = write("lib.yaml", "exercises:\n  p: {exercise: P, time: 1s, figure: arm-rech}\n")
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - use: p\n")
    problem = only_problem(path, folders)
    assert (problem.file, problem.line, problem.column) == (str(lib.resolve()), 2, 38)
    assert problem.message == (
        f"'arm-rech' is not a bundled figure; did you mean 'arm-reach'? {FIGURE_LIST}"
    )


def test_a_figure_that_is_not_text(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 5s\n    figure: [arm-reach]\n")
    assert only_problem(path, folders) == Problem(
        str(path), 4, 13, "steps[0].figure", "expected text, found a list"
    )


@pytest.mark.parametrize(
    ("keys", "second", "line"),
    [
        ("    picture: pose.png\n    figure: seated-rest\n", "figure", 6),
        ("    figure: seated-rest\n    picture: pose.png\n", "picture", 6),
        ("    figure: seated-rest\n    time: 5s\n    picture: pose.png\n", "picture", 7),
    ],
)
def test_a_picture_and_a_figure_together_are_told_at_the_second(
    write: WriteFile, folders: Folders, keys: str, second: str, line: int
) -> None:
    write("pose.png", png_bytes())
    path = write("r.yaml", f"title: R\nsteps:\n  - exercise: Sit\n    reps: 2\n{keys}")
    assert only_problem(path, folders) == Problem(
        str(path), line, 5, f"steps[0].{second}", "give either a picture or a figure, not both"
    )


def test_a_used_exercise_given_a_figure_beside_its_own_picture_is_told_beside_use(
    write: WriteFile, folders: Folders
) -> None:
    write("pose.png", png_bytes())
    write("lib.yaml", "exercises:\n  sit: {exercise: Sit, time: 5s, picture: pose.png}\n")
    path = write(
        "r.yaml",
        "title: R\ninclude: [lib.yaml]\nsteps:\n  - use: sit\n    figure: seated-rest\n",
    )
    assert only_problem(path, folders) == Problem(
        str(path), 5, 5, "steps[0].figure", "give either a picture or a figure, not both"
    )


# -- include and use ----------------------------------------------------------------------

LIBRARY = """
title: Shared
exercises:
  pelvic-tilt:
    exercise: Pelvic tilts
    position: all-fours
    do: Tuck your tailbone under.
    reps: 5-10
    phases:
      - {name: Tilt, time: 4s}
      - {name: Flat back, time: 3s}
  plank:
    exercise: Plank
    time: 20s
"""


def test_use_takes_an_included_exercise_and_its_overrides(
    write: WriteFile, folders: Folders
) -> None:
    write("lib.yaml", LIBRARY)
    path = write(
        "r.yaml",
        """
        title: R
        include: [lib.yaml]
        steps:
          - use: pelvic-tilt
          - use: pelvic-tilt
            reps: 6
            do: Gently now.
            exercise: Gentle tilts
          - use: plank
            time: 45s
            sides: both
        """,
    )
    routine = load(path, folders)
    plain = exercise_at(routine, 0)
    assert plain.exercise == "Pelvic tilts"
    assert plain.reps == Count(5, 10, 8)
    assert plain.do == "Tuck your tailbone under."
    assert plain.position == "all-fours"
    assert plain.phases == (Phase(name="Tilt", time="4s"), Phase(name="Flat back", time="3s"))
    changed = exercise_at(routine, 1)
    assert (changed.exercise, changed.reps, changed.do) == (
        "Gentle tilts",
        Count(6, 6, 6),
        "Gently now.",
    )
    assert changed.phases == plain.phases
    assert changed.position == "all-fours"
    plank = exercise_at(routine, 2)
    assert (plank.exercise, plank.time, plank.sides) == ("Plank", 45_000, ("left", "right"))


def test_use_inside_a_block(write: WriteFile, folders: Folders) -> None:
    write("lib.yaml", LIBRARY)
    path = write(
        "r.yaml",
        """
        title: R
        include: [lib.yaml]
        steps:
          - block: Set
            sets: 2
            steps:
              - use: plank
                time: 10s
        """,
    )
    block = load(path, folders).steps[0]
    assert isinstance(block, Block)
    inner = block.steps[0]
    assert isinstance(inner, Exercise)
    assert (inner.exercise, inner.time) == ("Plank", 10_000)


def test_an_include_is_found_in_the_bundled_folder(write: WriteFile, folders: Folders) -> None:
    write("bundled/exercises/lib.yaml", LIBRARY)
    path = write("mine/r.yaml", "title: R\ninclude: [exercises/lib.yaml]\nsteps:\n  - use: plank\n")
    assert exercise_at(load(path, folders), 0).exercise == "Plank"


def test_the_bundled_exercises_can_be_included_from_anywhere(write: WriteFile) -> None:
    path = write(
        "r.yaml",
        "title: R\ninclude: [exercises/pregnancy-back.yaml]\nsteps:\n  - use: arm-reach\n",
    )
    step = exercise_at(load_routine(path, routines_dir=ROUTINES_DIR).routine, 0)
    assert (step.exercise, step.sides, step.switch, step.reps) == (
        "Arm reach on all fours",
        ("left", "right"),
        3_000,
        Count(5, 5, 5),
    )


def test_include_of_an_include(write: WriteFile, folders: Folders) -> None:
    write("c.yaml", "exercises:\n  deep: {exercise: Deep, time: 3s}\n")
    write("b.yaml", "include: [c.yaml]\nexercises:\n  middle: {exercise: Middle, time: 2s}\n")
    path = write("a.yaml", "title: A\ninclude: [b.yaml]\nsteps:\n  - use: deep\n  - use: middle\n")
    routine = load(path, folders)
    assert [exercise_at(routine, i).exercise for i in (0, 1)] == ["Deep", "Middle"]
    assert [exercise_at(routine, i).time for i in (0, 1)] == [3_000, 2_000]


def test_diamond_includes_share_one_exercise_without_a_clash(
    write: WriteFile, folders: Folders
) -> None:
    write("base.yaml", "exercises:\n  core: {exercise: Core, time: 2s}\n")
    write("left.yaml", "include: [base.yaml]\nexercises:\n  l: {exercise: L, time: 1s}\n")
    write("right.yaml", "include: [base.yaml]\nexercises:\n  r: {exercise: R, time: 1s}\n")
    path = write(
        "top.yaml",
        "title: T\ninclude: [left.yaml, right.yaml]\nsteps:\n  - use: core\n  - use: l\n"
        "  - use: r\n",
    )
    routine = load(path, folders)
    assert [exercise_at(routine, i).exercise for i in range(3)] == ["Core", "L", "R"]


def test_an_own_exercise_wins_over_an_included_one(write: WriteFile, folders: Folders) -> None:
    write("lib.yaml", LIBRARY)
    path = write(
        "r.yaml",
        """
        title: R
        include: [lib.yaml]
        exercises:
          plank: {exercise: My plank, time: 15s}
        steps:
          - use: plank
        """,
    )
    step = exercise_at(load(path, folders), 0)
    assert (step.exercise, step.time) == ("My plank", 15_000)


def test_the_digest_follows_every_included_file(write: WriteFile, folders: Folders) -> None:
    library = write("lib.yaml", LIBRARY)
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - use: plank\n")
    first = load_routine(path, **folders).digest
    assert load_routine(path, **folders).digest == first
    assert write("lib.yaml", LIBRARY.replace("time: 20s", "time: 25s")) == library
    second = load_routine(path, **folders)
    assert exercise_at(second.routine, 0).time == 25_000
    assert second.digest != first


# -- problems: how they are told ----------------------------------------------------------


def test_str_of_a_problem_is_file_line_column_path_message() -> None:
    problem = Problem("r.yaml", 4, 5, "steps[0].tme", "unknown key 'tme'")
    assert str(problem) == "r.yaml:4:5: steps[0].tme: unknown key 'tme'"
    assert str(Problem("r.yaml", 1, 1, "", "no such file")) == "r.yaml:1:1: no such file"


def test_a_problem_reads_file_line_column_path_and_message(
    write: WriteFile, folders: Folders
) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - exercise: A\n    tme: 5s\n")
    with pytest.raises(RoutineError) as caught:
        load_routine(path, **folders)
    expected = f"{path}:4:5: steps[0].tme: unknown key 'tme'; did you mean 'time'?"
    assert [str(p) for p in caught.value.problems] == [expected]
    assert str(caught.value) == expected


def test_every_problem_in_a_file_is_reported_at_once_sorted_by_line(
    write: WriteFile, folders: Folders
) -> None:
    path = write(
        "many.yaml",
        """
        titel: Many
        lead_in: soon
        steps:
          - exercise: A
            time: 0
          - excercise: B
          - rest: -5s
          - exercise: C
            reps: 10-5
            time: 2s
          - exercise: D
            time: 3s
            tme: 4s
        """,
    )
    problems = problems_in(path, folders)
    f = str(path)
    assert problems == [
        Problem(f, 1, 1, "titel", "unknown key 'titel'; did you mean 'title'?"),
        Problem(f, 1, 1, "title", "missing 'title', which is required here"),
        Problem(
            f,
            2,
            10,
            "lead_in",
            "expected a duration like 30s, 1m30s, 1:30, 2m or a number of seconds, found 'soon'",
        ),
        Problem(f, 5, 11, "steps[0].time", "a duration must be more than zero, found 0"),
        Problem(f, 6, 5, "steps[1]", "unknown step kind 'excercise'; did you mean 'exercise'?"),
        Problem(f, 7, 11, "steps[2].rest", "a duration must be more than zero, found '-5s'"),
        Problem(
            f,
            9,
            11,
            "steps[3].reps",
            "the range 10-5 runs backwards; write the smaller number first",
        ),
        Problem(f, 13, 5, "steps[4].tme", "unknown key 'tme'; did you mean 'time'?"),
    ]
    assert len(problems) == 8
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_problems_in_several_files_come_file_by_file(write: WriteFile, folders: Folders) -> None:
    write("lib.yaml", "exercises:\n  a: {exercise: A, time: -1s}\n  b: {exercise: B, tme: 1s}\n")
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - rest: 0\n")
    lib = str((path.parent / "lib.yaml").resolve())
    assert lib < str(path)
    assert problems_in(path, folders) == [
        Problem(lib, 2, 26, "exercises.a.time", "a duration must be more than zero, found '-1s'"),
        Problem(lib, 3, 20, "exercises.b.tme", "unknown key 'tme'; did you mean 'time'?"),
        Problem(str(path), 4, 11, "steps[0].rest", "a duration must be more than zero, found 0"),
    ]


# -- problems: reading the file -----------------------------------------------------------


def test_tab_indentation(write: WriteFile, folders: Folders) -> None:
    path = write("tabs.yaml", b"title: T\nsteps:\n\t- rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        3,
        1,
        "",
        "YAML syntax: while scanning for the next token: found character '\\t' that cannot "
        "start any token (indent with spaces, not tabs)",
    )


def test_a_tab_inside_an_indented_value(write: WriteFile, folders: Folders) -> None:
    path = write("tabs.yaml", b"title: T\nsteps:\n  - rest: 5s\n\t  do: x\n")
    problem = only_problem(path, folders)
    assert (problem.file, problem.line, problem.column) == (str(path), 4, 1)
    assert problem.message.startswith("YAML syntax: ")
    assert problem.message.endswith("(indent with spaces, not tabs)")


def test_a_colon_inside_a_value(write: WriteFile, folders: Folders) -> None:
    path = write("colon.yaml", "title: T\nsteps:\n  - rest: 5s\n    do: Note: breathe\n")
    problem = only_problem(path, folders)
    assert (problem.line, problem.column, problem.path) == (4, 13, "")
    assert problem.message.startswith("YAML syntax: mapping values are not allowed")
    assert problem.message.endswith(
        "(a colon inside a value needs the value in quotes, or the indentation is off)"
    )


def test_an_unclosed_flow_list(write: WriteFile, folders: Folders) -> None:
    path = write("flow.yaml", "title: T\nsteps: [{rest: 5s}\n")
    problem = only_problem(path, folders)
    assert (problem.file, problem.line, problem.column) == (str(path), 3, 1)
    assert problem.message.startswith("YAML syntax: while parsing a flow sequence: ")


def test_two_documents(write: WriteFile, folders: Folders) -> None:
    path = write("two.yaml", "title: T\nsteps: [{rest: 5s}]\n---\ntitle: U\n")
    problem = only_problem(path, folders)
    assert (problem.line, problem.column) == (3, 1)
    assert problem.message.endswith("(a routine file holds one document: remove '---')")


def test_an_alias_before_its_anchor(write: WriteFile, folders: Folders) -> None:
    path = write("alias.yaml", "title: *name\nsteps: [{rest: 5s}]\n")
    problem = only_problem(path, folders)
    assert (problem.line, problem.column) == (1, 8)
    assert "found undefined alias" in problem.message
    assert problem.message.endswith("(an alias (*name) must come after its anchor (&name))")


def test_bytes_that_are_not_utf8(write: WriteFile, folders: Folders) -> None:
    path = write("latin1.yaml", b"title: T\nsteps:\n  - rest: 5s\n    do: caf\xe9 au lait\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        4,
        12,
        "",
        "the file is not UTF-8 text (byte 0xe9 here); save it as UTF-8 in your editor",
    )


def test_the_column_of_a_bad_byte_counts_characters(write: WriteFile, folders: Folders) -> None:
    # "title: éé " is ten characters but twelve bytes.
    path = write("mixed.yaml", "title: éé ".encode() + b"\xff\nsteps: []\n")
    problem = only_problem(path, folders)
    assert (problem.line, problem.column) == (1, 11)
    assert problem.message.startswith("the file is not UTF-8 text (byte 0xff here)")


def test_a_bad_byte_after_a_byte_order_mark(write: WriteFile, folders: Folders) -> None:
    path = write("bom.yaml", b"\xef\xbb\xbftitle: " + "é".encode() + b"\xff\nsteps: []\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        1,
        9,
        "",
        "the file is not UTF-8 text (byte 0xff here); save it as UTF-8 in your editor",
    )


def test_a_byte_order_mark_is_allowed(write: WriteFile, folders: Folders) -> None:
    path = write("bom.yaml", b"\xef\xbb\xbftitle: T\nsteps:\n  - rest: 5s\n")
    assert load(path, folders).title == "T"


@pytest.mark.parametrize(
    "content", [b"", b"\n\n", b"   \n", b"# only a comment\n", b"# one\n\n# two\n"]
)
def test_an_empty_file(write: WriteFile, folders: Folders, content: bytes) -> None:
    path = write("empty.yaml", content)
    assert only_problem(path, folders) == Problem(
        str(path), 1, 1, "", "the file is empty; a routine needs at least a title and steps"
    )


@pytest.mark.parametrize(
    ("content", "line", "shown"),
    [
        ("- title: T\n- steps: []\n", 1, "a list"),
        ("just words\n", 1, "'just words'"),
        ("# a comment\n\n42\n", 3, "42"),
    ],
)
def test_the_top_must_be_a_mapping(
    write: WriteFile, folders: Folders, content: str, line: int, shown: str
) -> None:
    path = write("top.yaml", content)
    assert only_problem(path, folders) == Problem(
        str(path),
        line,
        1,
        "",
        f"a routine file must be a mapping of keys such as 'title:' and 'steps:', found {shown}",
    )


def test_a_file_over_the_size_limit(write: WriteFile, folders: Folders) -> None:
    path = write("big.yaml", b"title: T\n#" + b"x" * MAX_FILE_BYTES + b"\n")
    size_kib = -(-path.stat().st_size // 1024)
    assert size_kib == MAX_FILE_BYTES // 1024 + 1
    assert only_problem(path, folders) == Problem(
        str(path),
        1,
        1,
        "",
        f"the file is {size_kib} KiB; a routine file can be at most {MAX_FILE_BYTES // 1024} KiB",
    )


def test_a_file_of_exactly_the_size_limit_loads(write: WriteFile, folders: Folders) -> None:
    start = b"title: T\nsteps:\n  - rest: 5s\n#"
    path = write("limit.yaml", start + b"x" * (MAX_FILE_BYTES - len(start) - 1) + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load(path, folders).steps == (Rest(rest="5s"),)


def test_a_folder_given_as_the_file(folders: Folders, tmp_path: Path) -> None:
    folder = tmp_path / "routine.yaml"
    folder.mkdir()
    assert only_problem(folder, folders) == Problem(
        str(folder), 1, 1, "", "this is a folder, not a routine file"
    )


def test_a_missing_file(folders: Folders, tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    assert only_problem(path, folders) == Problem(str(path), 1, 1, "", "no such file")


# -- problems: keys and steps -------------------------------------------------------------


def test_an_unknown_key_suggests_the_close_one(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - exercise: A\n    tme: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path), 4, 5, "steps[0].tme", "unknown key 'tme'; did you mean 'time'?"
    )


def test_an_unknown_key_with_nothing_close(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\ncolour: red\nsteps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(str(path), 2, 1, "colour", "unknown key 'colour'")


def test_unknown_keys_deep_inside_suggest_the_keys_of_their_own_place(
    write: WriteFile, folders: Folders
) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        cues: {halfwya: false}
        steps:
          - block: B
            steps:
              - exercise: A
                repz: 3
                phases:
                  - {name: P, time: 2s, sya: go}
          - rest: 5s
            nmae: Break
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(f, 2, 8, "cues.halfwya", "unknown key 'halfwya'; did you mean 'halfway'?"),
        Problem(f, 7, 9, "steps[0].steps[0].repz", "unknown key 'repz'; did you mean 'reps'?"),
        Problem(
            f, 9, 33, "steps[0].steps[0].phases[0].sya", "unknown key 'sya'; did you mean 'say'?"
        ),
        Problem(f, 11, 5, "steps[1].nmae", "unknown key 'nmae'; did you mean 'name'?"),
    ]


def test_an_unknown_step_kind_suggests_the_close_one(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - excercise: A\n    time: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path), 3, 5, "steps[0]", "unknown step kind 'excercise'; did you mean 'exercise'?"
    )


def test_a_step_with_no_known_kind_lists_the_kinds(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - time: 5s\n    do: Stretch.\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        3,
        5,
        "steps[0]",
        f"unknown step kind: a step needs one of the keys {STEP_KINDS}; found keys time, do",
    )


def test_a_step_naming_two_kinds(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - exercise: A\n    rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        3,
        5,
        "steps[0]",
        "a step is of one kind, but this one names exercise and rest; keep one",
    )


def test_a_block_as_an_alternative_is_told_what_may_stand_there(
    write: WriteFile, folders: Folders
) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - exercise: A
            position: lying-on-back
            time: 5s
            alternative:
              block: Instead
              steps: [{rest: 5s}]
        """,
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        7,
        7,
        "steps[0].alternative",
        "a block cannot be written here; write one step: exercise, rest, instruction, use",
    )


def test_a_step_that_is_a_plain_string(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 5s\n  - stretch a bit\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        4,
        5,
        "steps[1]",
        f"expected a step: a mapping that starts with its kind ({STEP_KINDS}), "
        "found 'stretch a bit'",
    )


def test_missing_required_keys(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        summary: No title.
        steps:
          - exercise: A
            phases:
              - time: 2s
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(f, 1, 1, "title", "missing 'title', which is required here"),
        Problem(f, 5, 9, "steps[0].phases[0].name", "missing 'name', which is required here"),
    ]


def test_missing_steps(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\n")
    assert only_problem(path, folders) == Problem(
        str(path), 1, 1, "steps", "missing 'steps', which is required here"
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "path"),
    [
        ("title: R\nsteps: []\n", 2, 8, "steps"),
        ("title: R\nsteps:\n  - block: B\n    steps: []\n", 4, 12, "steps[0].steps"),
    ],
)
def test_an_empty_list_of_steps(
    write: WriteFile, folders: Folders, text: str, line: int, column: int, path: str
) -> None:
    file = write("r.yaml", text)
    assert only_problem(file, folders) == Problem(
        str(file), line, column, path, "needs at least one entry"
    )


def test_a_list_of_wrong_steps_is_not_also_called_empty(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 0\n  - rest: soon\n")
    problems = problems_in(path, folders)
    assert [(p.line, p.path) for p in problems] == [(3, "steps[0].rest"), (4, "steps[1].rest")]


def test_values_of_the_wrong_type(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: [a, list]
        safety: Stop if it hurts.
        steps:
          - exercise: A
            time: 30s
            position: upside-down
            cues: {countdown: 20, halfway: maybe}
            say: [{at: 1s, say: hi, each: set}]
            do: ""
        """,
    )
    f = str(path)
    positions = (
        "'standing', 'sitting', 'kneeling', 'all-fours', 'side-lying', 'lying-on-back' or "
        "'squatting'"
    )
    assert problems_in(path, folders) == [
        Problem(f, 1, 8, "title", "expected text, found a list"),
        Problem(f, 2, 9, "safety", "expected a list, found 'Stop if it hurts.'"),
        Problem(f, 6, 15, "steps[0].position", f"expected one of {positions}, found 'upside-down'"),
        Problem(
            f,
            7,
            23,
            "steps[0].cues.countdown",
            "expected true, false or 0 to 10 seconds, found 20",
        ),
        Problem(f, 7, 36, "steps[0].cues.halfway", "expected true or false, found 'maybe'"),
        Problem(f, 8, 35, "steps[0].say[0].each", "expected one of 'side' or 'rep', found 'set'"),
    ]


# -- problems: values ---------------------------------------------------------------------


def test_negative_zero_and_junk_durations(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - rest: -5s
          - rest: 0
          - rest: soon
          - exercise: A
            time: -3
          - exercise: B
            time: 5h
          - exercise: C
            time: .nan
        """,
    )
    f = str(path)
    hint = "expected a duration like 30s, 1m30s, 1:30, 2m or a number of seconds"
    assert problems_in(path, folders) == [
        Problem(f, 3, 11, "steps[0].rest", "a duration must be more than zero, found '-5s'"),
        Problem(f, 4, 11, "steps[1].rest", "a duration must be more than zero, found 0"),
        Problem(f, 5, 11, "steps[2].rest", f"{hint}, found 'soon'"),
        Problem(f, 7, 11, "steps[3].time", "a duration must be more than zero, found -3"),
        Problem(f, 9, 11, "steps[4].time", "a duration can be at most 4h, found '5h'"),
        Problem(f, 11, 11, "steps[5].time", f"{hint}, found nan"),
    ]


def test_repetition_counts_out_of_range(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - exercise: A
            time: 1s
            reps: 0
          - exercise: B
            time: 1s
            reps: 10-5
          - exercise: C
            time: 1s
            reps: 5000
          - exercise: D
            time: 1s
            reps: {min: 2, max: 4, default: 9}
          - block: E
            sets: 0-3
            steps: [{rest: 1s}]
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(f, 5, 11, "steps[0].reps", "a count must be at least 1, found 0"),
        Problem(
            f,
            8,
            11,
            "steps[1].reps",
            "the range 10-5 runs backwards; write the smaller number first",
        ),
        Problem(f, 11, 11, "steps[2].reps", "a count can be at most 1000, found 5000"),
        Problem(f, 14, 11, "steps[3].reps", "default 9 is outside the range 2 to 4"),
        Problem(f, 16, 11, "steps[4].sets", "a count must be at least 1, found 0"),
    ]


def test_time_and_phases_together(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - rest: 5s
          - exercise: A
            time: 10s
            phases:
              - {name: P, time: 2s}
        """,
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        4,
        5,
        "steps[1]",
        "give time or phases, not both: phases already set the time",
    )


def test_weeks_and_trimesters_together(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        "title: R\nsuits:\n  weeks: 12-40\n  trimesters: 2\nsteps:\n  - rest: 5s\n",
    )
    assert only_problem(path, folders) == Problem(
        str(path), 3, 3, "suits", "give weeks or trimesters, not both"
    )


def test_weeks_out_of_range(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsuits: {weeks: 30-50}\nsteps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        2,
        16,
        "suits.weeks",
        "weeks run from 1 to 42 with the smaller first, found 30-50",
    )


def test_a_custom_cue_past_the_end_of_its_step(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - exercise: A
            time: 10s
            say:
              - {at: 12s, say: hi}
          - exercise: B
            reps: 3-5
            time: 2s
            say:
              - {at: 5s, say: hi}
              - {at: 3s, say: each, each: rep}
          - rest: 10s
            say:
              - {at: 10s, say: hi}
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(
            f,
            3,
            5,
            "steps[0]",
            "say[0] is at 12s, but each side lasts only 10s; give it an earlier 'at'",
        ),
        Problem(
            f,
            7,
            5,
            "steps[1]",
            "say[1] is at 3s, but each rep lasts only 2s; give it an earlier 'at'",
        ),
        Problem(
            f,
            13,
            5,
            "steps[2]",
            "say[0] is at 10s, but each side lasts only 10s; give it an earlier 'at'",
        ),
    ]


def test_custom_cues_need_a_clock(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - exercise: A
            reps: 3
            say: [{at: 1s, say: hi}]
          - instruction: Kneel.
            say: [{at: 1s, say: hi}]
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(
            f,
            3,
            5,
            "steps[0]",
            "this step waits for done, so it has no clock for 'say' cues at a time; give it a "
            "time or phases, or move the words into 'do'",
        ),
        Problem(
            f,
            6,
            5,
            "steps[1]",
            "give the instruction a time so that its 'say' cues have a place",
        ),
    ]


def test_an_unknown_placeholder(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - exercise: A
            time: 10s
            say:
              - {at: 2s, say: 'rep {reep}'}
        """,
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        6,
        23,
        "steps[0].say[0].say",
        f"unknown placeholder {{reep}}; the placeholders are {PLACEHOLDER_LIST}",
    )


def test_an_unknown_placeholder_in_a_phase(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - exercise: A
            reps: 2
            phases:
              - name: Hold
                time: 2s
                say: Hold {sid}
        """,
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        8,
        14,
        "steps[0].phases[0].say",
        f"unknown placeholder {{sid}}; the placeholders are {PLACEHOLDER_LIST}",
    )


def test_blocks_nested_too_deep(write: WriteFile, folders: Folders) -> None:
    lines = ["title: R", "steps:"]
    indent = "  "
    for number in range(5):
        lines += [f"{indent}- block: B{number}", f"{indent}  steps:"]
        indent += "    "
    lines.append(f"{indent}- rest: 1s")
    path = write("r.yaml", "\n".join(lines) + "\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        11,
        21,
        "steps[0].steps[0].steps[0].steps[0].steps[0]",
        "blocks can hold blocks at most 4 deep",
    )
    four_deep = "\n".join([*lines[:10], "                  - rest: 1s"]) + "\n"
    assert isinstance(load(write("ok.yaml", four_deep), folders).steps[0], Block)


# -- problems: use and include ------------------------------------------------------------


def test_an_unknown_use_suggests_the_close_one(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        exercises:
          plank: {exercise: Plank, time: 10s}
          bridge: {exercise: Bridge, time: 10s}
        steps:
          - use: plnk
        """,
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        6,
        10,
        "steps[0].use",
        "no exercise 'plnk' to use; did you mean 'plank'? (defined: bridge, plank)",
    )


def test_use_with_nothing_defined(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - use: plank\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        3,
        10,
        "steps[0].use",
        "no exercise 'plank' to use; define it under 'exercises' or include a file that does",
    )


def test_an_include_of_a_missing_file(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: R\ninclude:\n  - nothere.yaml\nsteps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        3,
        5,
        "include[0]",
        "no file 'nothere.yaml' beside this file or among the bundled routines",
    )


def test_an_include_cycle(write: WriteFile, folders: Folders) -> None:
    write("a.yaml", "title: A\ninclude: [b.yaml]\nsteps:\n  - use: x\n")
    b = write("b.yaml", "exercises:\n  x: {exercise: X, time: 1s}\ninclude:\n  - a.yaml\n")
    problem = only_problem(b.parent / "a.yaml", folders)
    assert problem == Problem(
        str(b.resolve()),
        4,
        5,
        "include[0]",
        "include cycle: a.yaml -> b.yaml -> a.yaml; remove one of these includes",
    )


def test_a_file_including_itself(write: WriteFile, folders: Folders) -> None:
    path = write("self.yaml", "title: S\ninclude: [self.yaml]\nsteps:\n  - rest: 1s\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        2,
        11,
        "include[0]",
        "include cycle: self.yaml -> self.yaml; remove one of these includes",
    )


def test_a_shared_file_including_itself(write: WriteFile, folders: Folders) -> None:
    lib = write("lib.yaml", "include: [lib.yaml]\nexercises:\n  x: {exercise: X, time: 1s}\n")
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - use: x\n")
    assert only_problem(path, folders) == Problem(
        str(lib.resolve()),
        1,
        11,
        "include[0]",
        "include cycle: lib.yaml -> lib.yaml; remove one of these includes",
    )


def test_an_exercise_key_defined_in_two_included_files(write: WriteFile, folders: Folders) -> None:
    one = write("one.yaml", "exercises:\n  same: {exercise: One, time: 1s}\n")
    two = write(
        "two.yaml",
        "title: Two\nexercises:\n  other: {exercise: O, time: 1s}\n  same:\n"
        "    exercise: Two\n    time: 1s\n",
    )
    path = write("r.yaml", "title: R\ninclude: [one.yaml, two.yaml]\nsteps:\n  - use: same\n")
    assert only_problem(path, folders) == Problem(
        str(two.resolve()),
        4,
        3,
        "exercises.same",
        f"the exercise 'same' is also defined in {one.resolve()}; give one of them another key",
    )


def test_an_included_file_that_is_not_a_mapping(write: WriteFile, folders: Folders) -> None:
    lib = write("lib.yaml", "# shared\n- a\n- b\n")
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - rest: 1s\n")
    assert only_problem(path, folders) == Problem(
        str(lib.resolve()), 2, 1, "", "an included file must be a mapping with 'exercises:'"
    )


def test_too_many_included_files(write: WriteFile, folders: Folders) -> None:
    for number in range(33):
        write(f"lib{number}.yaml", f"exercises:\n  e{number}: {{exercise: E, time: 1s}}\n")
    includes = "".join(f"  - lib{number}.yaml\n" for number in range(33))
    path = write("r.yaml", f"title: R\ninclude:\n{includes}steps:\n  - use: e0\n")
    assert only_problem(path, folders) == Problem(
        str(path), 35, 5, "include[32]", "a routine can include at most 32 files"
    )


def test_a_problem_inside_an_included_file_names_that_file(
    write: WriteFile, folders: Folders
) -> None:
    lib = write(
        "shared/lib.yaml",
        """
        exercises:
          tilt:
            exercise: Tilt
            tme: 4s
        """,
    )
    path = write("r.yaml", "title: R\ninclude: [shared/lib.yaml]\nsteps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(lib.resolve()), 4, 5, "exercises.tilt.tme", "unknown key 'tme'; did you mean 'time'?"
    )


def test_a_wrong_override_points_at_the_using_file(write: WriteFile, folders: Folders) -> None:
    write("lib.yaml", LIBRARY)
    path = write(
        "r.yaml",
        """
        title: R
        include: [lib.yaml]
        steps:
          - use: plank
          - use: pelvic-tilt
            reps: 0
            tme: 4s
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(f, 6, 11, "steps[1].reps", "a count must be at least 1, found 0"),
        Problem(f, 7, 5, "steps[1].tme", "unknown key 'tme'; did you mean 'time'?"),
    ]


def test_a_wrong_value_from_the_library_points_at_the_library(
    write: WriteFile, folders: Folders
) -> None:
    lib = write(
        "lib.yaml",
        """
        exercises:
          tilt:
            exercise: Tilt
            reps: 3
            phases:
              - name: Up
                time: 2s
              - name: Down
                time: -1s
        """,
    )
    path = write(
        "r.yaml",
        """
        title: R
        include: [lib.yaml]
        steps:
          - use: tilt
          - use: tilt
            phases:
              - {name: Only, time: 0}
        """,
    )
    assert problems_in(path, folders) == [
        Problem(
            str(lib.resolve()),
            9,
            15,
            "exercises.tilt.phases[1].time",
            "a duration must be more than zero, found '-1s'",
        ),
        Problem(
            str(path),
            7,
            28,
            "steps[1].phases[0].time",
            "a duration must be more than zero, found 0",
        ),
    ]


def test_a_missing_picture(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        "title: R\nsteps:\n  - rest: 5s\n    picture: nope.png\n",
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        4,
        14,
        "steps[0].picture",
        "no picture 'nope.png' beside r.yaml or under media/; check the name",
    )


def test_a_missing_picture_of_a_shared_exercise_points_at_the_shared_file(
    write: WriteFile, folders: Folders
) -> None:
    lib = write("lib.yaml", "exercises:\n  p: {exercise: P, time: 1s, picture: gone.png}\n")
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - use: p\n")
    problem = only_problem(path, folders)
    assert (problem.file, problem.line, problem.column) == (str(lib.resolve()), 2, 39)
    assert (
        problem.message == "no picture 'gone.png' beside lib.yaml or under media/; check the name"
    )


# -- problems: hostile YAML ---------------------------------------------------------------


def test_a_python_tag_is_refused_and_never_run(
    write: WriteFile, folders: Folders, tmp_path: Path
) -> None:
    marker = tmp_path / "marker"
    path = write(
        "r.yaml",
        f'title: !!python/object/apply:os.system ["touch {marker}"]\nsteps:\n  - rest: 5s\n',
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        1,
        8,
        "",
        "tags such as '!!python/object/apply:os.system' are not allowed in a routine file; "
        "remove it",
    )
    assert not marker.exists()


@pytest.mark.parametrize(
    ("value", "tag"), [("!include other.yaml", "!include"), ("!!binary aGk=", "!!binary")]
)
def test_other_tags_are_refused(write: WriteFile, folders: Folders, value: str, tag: str) -> None:
    path = write("r.yaml", f"title: R\nsteps:\n  - rest: 5s\n    do: {value}\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        4,
        9,
        "",
        f"tags such as '{tag}' are not allowed in a routine file; remove it",
    )


def test_an_alias_bomb_is_refused_at_its_first_alias(write: WriteFile, folders: Folders) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    path = write("lol.yaml", "\n".join(lines) + "\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        2,
        8,
        "",
        f"the aliases (*name) in this file expand to more than {MAX_VALUES} values; "
        "use 'use:' or copy the few values you need",
    )


def test_a_small_alias_is_allowed(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        safety: [&note Stop if it hurts.]
        steps:
          - rest: 5s
            do: *note
        """,
    )
    routine = load(path, folders)
    assert routine.steps[0] == Rest(rest="5s", do="Stop if it hurts.")


@pytest.mark.parametrize(
    ("text", "column"),
    [("a: &x [*x]\n", 8), ("title: R\nsteps: &s\n  - block: B\n    steps: *s\n", 12)],
)
def test_a_recursive_alias(write: WriteFile, folders: Folders, text: str, column: int) -> None:
    path = write("r.yaml", text)
    problem = only_problem(path, folders)
    assert (problem.file, problem.line, problem.column) == (
        str(path),
        text.count("\n"),
        column,
    )
    assert problem.message == (
        "an alias here refers to a value that contains it, or nests too deeply; an alias can "
        "only copy a finished value"
    )


def test_deep_nesting_is_refused_without_recursing(write: WriteFile, folders: Folders) -> None:
    path = write("deep.yaml", "[" * 10_000)
    assert only_problem(path, folders) == Problem(
        str(path),
        1,
        MAX_DEPTH + 1,
        "",
        f"lists and mappings are nested more than {MAX_DEPTH} deep here",
    )


def test_deep_block_nesting_is_refused(write: WriteFile, folders: Folders) -> None:
    lines = ["title: R"]
    indent = ""
    for _ in range(MAX_DEPTH + 1):
        lines.append(f"{indent}k:")
        indent += " "
    lines.append(f"{indent}v")
    path = write("deep.yaml", "\n".join(lines) + "\n")
    problem = only_problem(path, folders)
    # The mapping that opens on line 34, column 33 is the 33rd, counting the top one.
    assert (problem.line, problem.column) == (MAX_DEPTH + 2, MAX_DEPTH + 1)
    assert problem.message == f"lists and mappings are nested more than {MAX_DEPTH} deep here"


def test_too_many_values(write: WriteFile, folders: Folders) -> None:
    path = write("many.yaml", "title: R\nsafety: [" + "a," * MAX_VALUES + "a]\n")
    assert only_problem(path, folders) == Problem(
        str(path), 1, 1, "", f"the file holds more than {MAX_VALUES} values"
    )


def test_a_key_written_twice(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        steps:
          - rest: 5s
            do: Sit.
            rest: 10s
        title: Again
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(
            f,
            5,
            5,
            "",
            "the key 'rest' is written twice in this mapping (first at line 3); keep one",
        ),
        Problem(
            f,
            6,
            1,
            "",
            "the key 'title' is written twice in this mapping (first at line 1); keep one",
        ),
    ]


def test_merge_keys_are_refused(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        cues: &quiet {halfway: false}
        steps:
          - exercise: A
            time: 30s
            cues:
              <<: *quiet
              countdown: false
        """,
    )
    assert only_problem(path, folders) == Problem(
        str(path),
        7,
        7,
        "",
        "merge keys (<<) are not supported; to reuse an exercise, define it under 'exercises' "
        "and write 'use: KEY'",
    )


@pytest.mark.parametrize(
    ("key_line", "column", "shown"),
    [
        ("1: one", 1, "'1'"),
        ("true: sure", 1, "'true'"),
        ("~: nothing", 1, "'~'"),
        ("? [a]", 3, "a list"),
    ],
)
def test_keys_that_are_not_names(
    write: WriteFile, folders: Folders, key_line: str, column: int, shown: str
) -> None:
    extra = f"{key_line}\n: x\n" if key_line.startswith("?") else f"{key_line}\n"
    path = write("r.yaml", f"title: R\n{extra}steps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        2,
        column,
        "",
        f"a key must be a name such as 'title', found {shown}; put it in quotes if it is meant "
        "as text",
    )


def test_a_quoted_key_that_looks_like_a_number_is_a_name(
    write: WriteFile, folders: Folders
) -> None:
    path = write("r.yaml", "title: R\n'1': one\nsteps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(str(path), 2, 1, "1", "unknown key '1'")


def test_places_stay_right_after_use_steps_are_replaced(write: WriteFile, folders: Folders) -> None:
    # The first step is replaced by its exercise; the second, which is not an exercise at all,
    # must not be told about (or stumble over) the keys the first one had.
    path = write(
        "r.yaml",
        """
        title: R
        exercises:
          a: {exercise: A, time: 1s}
          b: {block: B}
        steps:
          - use: a
            steps: [x]
          - use: b
        """,
    )
    f = str(path)
    assert problems_in(path, folders) == [
        Problem(f, 4, 6, "exercises.b.exercise", "missing 'exercise', which is required here"),
        Problem(f, 4, 7, "exercises.b.block", "unknown key 'block'"),
        Problem(f, 7, 5, "steps[0].steps", "unknown key 'steps'; did you mean 'reps'?"),
        Problem(f, 8, 5, "steps[1].steps", "missing 'steps', which is required here"),
    ]


def test_an_include_no_file_system_could_hold(write: WriteFile, folders: Folders) -> None:
    name = "x" * 300 + ".yaml"  # longer than any file system takes for one name
    path = write("r.yaml", f'title: R\ninclude: ["{name}"]\nsteps:\n  - rest: 5s\n')
    assert only_problem(path, folders) == Problem(
        str(path),
        2,
        11,
        "include[0]",
        f"no file '{name}' beside this file or among the bundled routines",
    )


def test_a_name_holding_a_nul_is_refused_as_a_control_character(
    write: WriteFile, folders: Folders
) -> None:
    path = write("r.yaml", 'title: R\ninclude: ["x\\u0000y.yaml"]\nsteps:\n  - rest: 5s\n')
    assert only_problem(path, folders) == Problem(
        str(path),
        2,
        11,
        "",
        "this text holds a control character (U+0000); remove it: text in a routine is shown "
        "and printed as it is written",
    )


def test_a_picture_no_file_system_could_hold(write: WriteFile, folders: Folders) -> None:
    name = "p" * 300 + ".png"  # longer than any file system takes for one name
    path = write("r.yaml", f"title: R\nsteps:\n  - rest: 5s\n    picture: {name}\n")
    assert only_problem(path, folders) == Problem(
        str(path),
        4,
        14,
        "steps[0].picture",
        f"no picture '{name}' beside r.yaml or under media/; check the name",
    )


def test_a_file_name_with_a_nul(folders: Folders, tmp_path: Path) -> None:
    path = tmp_path / "r\x00.yaml"
    assert only_problem(path, folders) == Problem(
        str(path), 1, 1, "", "cannot read the file: its name holds a NUL character"
    )


def test_a_number_too_long_to_print(write: WriteFile, folders: Folders) -> None:
    path = write("r.yaml", "title: 0x" + "f" * 1900 + "\nsteps:\n  - rest: 5s\n")
    assert only_problem(path, folders) == Problem(
        str(path), 1, 8, "title", "expected text, found a number of more than 40 digits"
    )


def test_a_clash_between_files_included_deeper_points_at_the_second_definition(
    write: WriteFile, folders: Folders
) -> None:
    one = write("d1.yaml", "exercises:\n  same: {exercise: One, time: 1s}\n")
    two = write(
        "d2.yaml", "# two\nexercises:\n  other: {exercise: O, time: 1s}\n  same: {exercise: Two}\n"
    )
    write("x.yaml", "include: [d1.yaml]\nexercises:\n  xo: {exercise: X, time: 1s}\n")
    write("y.yaml", "exercises:\n  yo: {exercise: Y, time: 1s}\ninclude:\n  - d2.yaml\n")
    path = write("top.yaml", "title: T\ninclude: [x.yaml, y.yaml]\nsteps:\n  - use: same\n")
    assert only_problem(path, folders) == Problem(
        str(two.resolve()),
        4,
        3,
        "exercises.same",
        f"the exercise 'same' is also defined in {one.resolve()}; give one of them another key",
    )


def test_a_key_with_nothing_after_it_is_refused(write: WriteFile, folders: Folders) -> None:
    path = write(
        "r.yaml",
        """
        title: R
        summary:
        steps:
          - exercise: A
            position: ~
            time: 5s
          - rest: null
        """,
    )
    f = str(path)
    problems = problems_in(path, folders)
    assert [(p.line, p.path, p.message) for p in problems] == [
        (2, "summary", "write a value after 'summary:', or remove the key"),
        (5, "steps[0].position", "write a value after 'position:', or remove the key"),
        (7, "steps[1].rest", "write a value after 'rest:'"),
    ]
    assert all(p.file == f for p in problems)
