"""The bundled routines: each one loads, says who it suits and when to stop, and shows a
bundled figure at every step, whose still picture media/make_pictures.py draws."""

from __future__ import annotations

import functools
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pygame
import pytest

from player.home.catalog import bundled_routines
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.figures import FIGURE_NAMES
from player.routine.loader import load_routine
from player.routine.model import Block, Routine, Step
from tests.conftest import REPO, ROUTINES

PICTURES = REPO / "media" / "pictures"
BUNDLED = bundled_routines(ROUTINES)
NAMES = [path.stem for path in BUNDLED]

# The six routines, each with the pregnancy weeks it should suit (first, last).
EXPECTED = {
    "partner-back-massage": ("Back massage by a partner", (1, 42)),
    "warm-compress": ("Warm compress and warm-shower relief", (1, 42)),
    "posture-drills": ("Posture drills", (1, 42)),
    "pelvic-strength": ("Pelvic and lower-belly strength", (1, 42)),
    "first-trimester": ("Gentle first-trimester routine", (1, 13)),
    "daily-back-care": ("Daily back care", (1, 42)),
}


@functools.cache
def load_script() -> ModuleType:
    """media/make_pictures.py, which is a script rather than part of the package."""
    spec = importlib.util.spec_from_file_location(
        "make_pictures", REPO / "media" / "make_pictures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def loaded(path: Path) -> Routine:
    return load_routine(path).routine


def every_step(steps: tuple[Step, ...]) -> Iterator[Step]:
    """The steps, the steps inside blocks and the alternatives of steps, in order."""
    for step in steps:
        if isinstance(step, Block):
            yield from every_step(step.steps)
        else:
            yield step
            if step.alternative is not None:
                yield step.alternative


def step_name(step: Step) -> str:
    return str(
        getattr(step, "exercise", None) or getattr(step, "name", None) or getattr(step, "rest", "")
    )


def figures_named() -> dict[str, set[str]]:
    """Each figure named by a bundled routine, and the routines that name it."""
    named: dict[str, set[str]] = {}
    for path in BUNDLED:
        for step in every_step(loaded(path).steps):
            if step.figure is not None:
                named.setdefault(step.figure, set()).add(path.stem)
    return named


def test_the_six_routines_are_bundled() -> None:
    assert sorted(NAMES) == sorted(EXPECTED)


@pytest.mark.parametrize("path", BUNDLED, ids=NAMES)
def test_each_routine_loads_and_names_its_schema(path: Path) -> None:
    loaded(path)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=routine.schema.json"


@pytest.mark.parametrize("path", BUNDLED, ids=NAMES)
def test_each_routine_has_its_title_and_suits_the_right_weeks(path: Path) -> None:
    routine = loaded(path)
    title, (first, last) = EXPECTED[path.stem]
    assert routine.title == title
    assert routine.suits is not None
    weeks = routine.suits.week_range
    assert weeks is not None
    assert (weeks.first, weeks.last) == (first, last)


@pytest.mark.parametrize("path", BUNDLED, ids=NAMES)
def test_each_routine_says_what_it_comes_from_and_when_to_stop(path: Path) -> None:
    routine = loaded(path)
    assert routine.safety[0] == "Stop if it hurts."
    assert routine.sources
    assert any("vaginal bleeding" in sign for sign in routine.stop_if)
    signs = " ".join(routine.stop_if)
    for sign in ("contractions", "dizziness", "chest pain", "calf pain", "breathless", "fever"):
        assert sign in signs, sign


@pytest.mark.parametrize("path", BUNDLED, ids=NAMES)
def test_every_step_has_a_position_and_a_bundled_figure(path: Path) -> None:
    for step in every_step(loaded(path).steps):
        name = step_name(step)
        assert step.position is not None, name
        assert step.picture is None, name
        assert step.figure in FIGURE_NAMES, name


@pytest.mark.parametrize("path", BUNDLED, ids=NAMES)
def test_every_step_played_shows_its_figure(path: Path) -> None:
    """Early and late in pregnancy: every step but the get-ready and the rests between
    sets names a figure."""
    routine = loaded(path)
    for choices in (Choices(), Choices(avoid_lying_on_back=True)):
        timeline = compile_timeline(routine, choices)
        shown = [span for span in timeline.steps if span.figure is not None]
        assert shown, path.stem
        assert all(span.figure in FIGURE_NAMES for span in shown)
        unshown = {span.kind for span in timeline.steps if span.figure is None}
        assert unshown <= {"lead_in", "set_rest"}


def test_every_figure_has_its_still_picture_under_media() -> None:
    for name in FIGURE_NAMES:
        assert (PICTURES / f"{name}.png").is_file(), name


def test_the_routines_show_every_figure_and_the_script_draws_exactly_those() -> None:
    script = load_script()
    assert set(figures_named()) == set(FIGURE_NAMES)
    assert set(script.PICTURES) == set(FIGURE_NAMES)
    assert {path.name for path in PICTURES.glob("*.png")} == {f"{n}.png" for n in FIGURE_NAMES}


def test_every_picture_file_is_a_2_to_1_png_and_all_are_small() -> None:
    files = sorted(PICTURES.glob("*.png"))
    for path in files:
        assert pygame.image.load(str(path)).get_size() == (800, 400), path.name
    assert sum(path.stat().st_size for path in files) < 3_000_000


@pytest.mark.parametrize("name", ["standing-tall", "massage-lower-back-sweep"])
def test_the_script_draws_a_picture_with_something_in_it(name: str) -> None:
    from player.window.figures.canvas import ARROW, FIGURE, HEIGHT, WIDTH

    script = load_script()
    surface = script.draw(name)
    assert surface.get_size() == (WIDTH, HEIGHT)
    width, height = surface.get_size()
    colours = {
        tuple(surface.get_at((x, y))) for x in range(0, width, 10) for y in range(0, height, 10)
    }
    assert len(colours) > 3
    # The figure's light colour and the accent of the arrows are both there.
    assert FIGURE in {colour[:3] for colour in colours}
    assert ARROW in {colour[:3] for colour in colours}


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_each_still_picture_is_the_figure_as_drawn_now(name: str) -> None:
    """media/pictures/ is drawn from the same poses as the moving figures: run
    media/make_pictures.py after changing a figure."""
    drawn = load_script().draw(name)
    saved = pygame.image.load(str(REPO / "media" / "pictures" / f"{name}.png"))
    assert saved.get_size() == drawn.get_size()
    a = pygame.image.tobytes(drawn, "RGBA")
    b = pygame.image.tobytes(saved, "RGBA")
    differing = sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 8)
    assert differing < len(a) // 200, f"media/pictures/{name}.png is out of date"


def test_from_week_14_the_first_trimester_routine_is_played_on_the_side() -> None:
    from player.playback.compiler import compile_timeline
    from player.playback.timeline import Choices

    routine = loaded(ROUTINES / "first-trimester.yaml")
    early = compile_timeline(routine, Choices())
    late = compile_timeline(routine, Choices(avoid_lying_on_back=True))
    on_back = [s.name for s in early.steps if s.position == "lying-on-back"]
    assert on_back == ["Lie on your back", "Pelvic tilt on your back"]
    assert [(s.name, s.replaces) for s in late.steps if s.replaces] == [
        ("Lie down on your side", "Lie on your back"),
        ("Pelvic tilt on your side", "Pelvic tilt on your back"),
    ]
    assert all(s.position != "lying-on-back" for s in late.steps)
    assert len(late.steps) == len(early.steps)
