"""The figures move with the session: key poses blended by the engine's own progress
through each phase, still while paused, mirrored for the right side, drawn in the window
at a modest frame rate."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.motion import (
    FigureMoment,
    blend,
    ease,
    figure_at,
    fits,
    phases_per_repetition,
    still_moment,
)
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.routine.figures import FIGURE_NAMES, FIGURES
from player.routine.model import Routine
from player.window.app import BREATH_MS, FIGURE_MS, WindowApp
from player.window.draw import figure_box, layout_for
from player.window.figures import draw_figure

S = 1000
T0 = 1_000_000


def routine(*steps: dict[str, Any]) -> Routine:
    return Routine.model_validate(
        {"title": "Figures", "lead_in": 0, "prepare": 0, "steps": list(steps)}
    )


THUMBS = {
    "exercise": "Thumbs down the spine",
    "figure": "massage-thumbs-down-spine",
    "reps": 2,
    "phases": [{"name": "Slide down", "time": 6}, {"name": "Back to the top", "time": 2}],
}
SQUEEZE = {
    "exercise": "Pelvic floor holds",
    "figure": "pelvic-floor-hold",
    "reps": 2,
    "phases": [{"name": "Squeeze", "time": 5}, {"name": "Relax", "time": 5}],
}


def moment(steps: list[dict[str, Any]], ms: int, *, paused_at: int | None = None) -> FigureMoment:
    engine = Engine(routine(*steps))
    engine.start(T0)
    if paused_at is not None:
        engine.advance(T0 + paused_at)
        engine.pause(T0 + paused_at)
    engine.advance(T0 + ms)
    found = figure_at(engine.frame(T0 + ms), engine.timeline)
    assert found is not None
    return found


def number(found: FigureMoment, name: str) -> float:
    return dict(found.numbers)[name]


# -- the motion, pure ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ms", "down"),
    [
        (0, 0.0),  # thumbs at the top as "Slide down" begins
        (3 * S, 0.5),  # halfway down, halfway through the six seconds
        (6 * S, 1.0),  # at the waist as "Back to the top" begins
        (7 * S, 0.5),  # halfway back up in the two seconds
        (8 * S, 0.0),  # at the top again for the second repetition
        (11 * S, 0.5),
    ],
)
def test_the_hands_travel_with_the_phase(ms: int, down: float) -> None:
    assert number(moment([THUMBS], ms), "down") == pytest.approx(down)


def test_ten_seconds_more_keep_the_stroke_at_its_pace_and_hold_its_end() -> None:
    engine = Engine(routine(THUMBS))
    engine.start(T0)
    engine.advance(T0 + 3 * S)
    engine.adjust(T0 + 3 * S, 10 * S)  # +10 s halfway down the 6 s stroke

    def down(ms: int) -> float:
        engine.advance(T0 + ms)
        found = figure_at(engine.frame(T0 + ms), engine.timeline)
        assert found is not None and engine.frame(T0 + ms).segment.phase == "Slide down"
        return dict(found.numbers)["down"]

    assert down(3 * S) == pytest.approx(0.5)  # where it was, not back near the top
    assert down(6 * S) == pytest.approx(1.0)
    assert down(15 * S) == pytest.approx(1.0)  # held at the waist for the ten seconds
    engine2 = Engine(routine(THUMBS))
    engine2.start(T0)
    engine2.advance(T0 + 1 * S)
    engine2.adjust(T0 + 1 * S, -3 * S)  # three seconds less: the stroke still ends
    engine2.advance(T0 + 3 * S - 10)
    found = figure_at(engine2.frame(T0 + 3 * S - 10), engine2.timeline)
    assert found is not None and dict(found.numbers)["down"] > 0.99


def test_a_short_move_is_made_then_held() -> None:
    """A squeeze takes a second, then is held to the end of its phase; relaxing too."""
    lifts = [number(moment([SQUEEZE], ms), "lift") for ms in (0, 500, 1000, 4000, 5500, 6000)]
    assert lifts == pytest.approx([0.0, 0.5, 1.0, 1.0, 0.5, 0.0])
    assert moment([SQUEEZE], 500).keyed
    assert not moment([SQUEEZE], 4000).keyed  # held: only breathing now
    assert moment([SQUEEZE], 4000).moving


def test_paused_means_still() -> None:
    early = moment([THUMBS], 4 * S, paused_at=2 * S)
    late = moment([THUMBS], 9 * S, paused_at=2 * S)
    assert early == late
    assert not early.moving and not early.keyed
    assert number(early, "down") == pytest.approx(number(moment([THUMBS], 2 * S), "down"))


def test_the_right_side_is_mirrored() -> None:
    reach = {
        "exercise": "Arm reach",
        "figure": "arm-reach",
        "sides": "both",
        "phases": [{"name": "Reach", "time": 5}, {"name": "Back", "time": 3}],
    }
    # The drawing shows her right arm reaching, the one nearer the viewer as she faces
    # right: the left side is the drawing mirrored.
    segments = Engine(routine(reach)).timeline.segments
    starts = {s.side: s.start_ms for s in reversed(segments) if s.kind == "work"}
    left, right = moment([reach], starts["left"] + S), moment([reach], starts["right"] + S)
    assert FIGURES["arm-reach"].drawn_side == "right"
    assert left.mirrored and not right.mirrored
    assert number(right, "reach") == pytest.approx(ease(1 / 1.5))
    lying = dict(reach, figure="side-lying-pelvic-tilt")  # drawn on her left side
    assert not moment([lying], starts["left"] + S).mirrored
    assert moment([lying], starts["right"] + S).mirrored


def test_a_hold_breathes_and_a_looping_figure_goes_round() -> None:
    hold = {"exercise": "Stand tall", "figure": "standing-tall", "time": 30}
    breaths = [moment([hold], ms).breath for ms in (0, 1250, 2500, 5000)]
    assert breaths == pytest.approx([0.0, 0.5, 1.0, 0.0])
    walk = {"exercise": "Walk", "figure": "walk-on-the-spot", "time": 30}
    cycle = FIGURES["walk-on-the-spot"].cycle_s
    assert cycle is not None
    strides = [number(moment([walk], round(cycle * S * f)), "stride") for f in (0, 0.25, 0.5)]
    assert strides == pytest.approx([0.0, 0.5, 1.0])


def test_an_instruction_and_a_rest_move_their_figures_too() -> None:
    kneel = {"instruction": "Kneel, then put your hands down.", "figure": "kneel-to-all-fours"}
    rest = {"rest": 20, "figure": "sit-back-on-heels"}
    assert number(moment([kneel], 0), "down") == 0.0
    assert number(moment([kneel], 4 * S), "down") == pytest.approx(1.0)
    assert number(moment([rest], 0), "back") == 0.0
    assert number(moment([rest], 2 * S), "back") == pytest.approx(0.5)
    assert number(moment([rest], 5 * S), "back") == pytest.approx(1.0)


def test_a_step_without_a_figure_has_none() -> None:
    engine = Engine(routine({"exercise": "Plain", "time": 10}))
    engine.start(T0)
    assert figure_at(engine.frame(T0), engine.timeline) is None


def test_blend_goes_from_one_key_pose_to_the_next() -> None:
    assert blend((("a", 0.0), ("b", 10.0)), (("a", 1.0), ("b", 20.0)), 0.25) == (
        ("a", 0.25),
        ("b", 12.5),
    )


def test_the_breath_runs_on_through_the_phases_of_a_step() -> None:
    """A breath, like a loop, is timed from the step's start: a new phase does not start
    it again."""
    before = moment([THUMBS], 6 * S - 10).breath  # "Slide down" ends at 6 s
    after = moment([THUMBS], 6 * S + 10).breath
    assert abs(after - before) < 0.05
    assert after > 0.3  # a third of the way into a breath, not back at its start


def test_a_looping_figure_goes_round_while_the_step_waits_for_done() -> None:
    quick = {"exercise": "Quick squeezes", "figure": "pelvic-floor-quick", "reps": 10}
    engine = Engine(routine(quick))
    engine.start(T0)
    engine.advance(T0 + 100)
    frame = engine.frame(T0 + 100)
    assert frame.state == "waiting"
    cycle = FIGURES["pelvic-floor-quick"].cycle_s
    assert cycle is not None
    still = figure_at(frame, engine.timeline, 0)
    half = figure_at(frame, engine.timeline, round(cycle * S / 4))
    assert still is not None and half is not None
    assert half.moving and half.keyed
    assert dict(still.numbers)["lift"] == 0.0
    assert dict(half.numbers)["lift"] == pytest.approx(0.5)
    assert half.breath > still.breath


def test_the_window_moves_a_figure_that_waits_for_done() -> None:
    quick = {"exercise": "Quick squeezes", "figure": "pelvic-floor-quick", "reps": 10}
    clock = FakeClock(T0)
    app = WindowApp(Session(Engine(routine(quick)), RecordingSpeaker()), clock, size=(800, 450))
    try:
        app.step(T0)
        app.step(T0 + 100)
        first = figure_pixels(app)
        app.step(T0 + 400)
        assert app.figure_draws >= 1
        assert figure_pixels(app) != first
    finally:
        app.close()


def test_every_bundled_step_in_phases_fits_its_figure() -> None:
    """Each bundled step's repetition has as many phases as its figure has key poses, or
    one fewer: the squat's six phases have six poses (down, pick up, rise, down again, put
    it down, rise again)."""
    from player.home.catalog import bundled_routines
    from player.routine.loader import load_routine

    checked = 0
    for path in bundled_routines():
        timeline = Engine(load_routine(path).routine).timeline
        for step in timeline.steps:
            if step.figure is not None:
                phases = phases_per_repetition(timeline, step)
                assert fits(FIGURES[step.figure], phases), (path.stem, step.name, phases)
                checked += 1
    assert checked > 30
    assert len(FIGURES["squat-pick-up"].keys) == 6


# -- the drawing ------------------------------------------------------------------------------


def drawn(found: FigureMoment, size: tuple[int, int] = (400, 200)) -> bytes:
    surface = pygame.Surface(size, pygame.SRCALPHA)
    draw_figure(surface, found)
    return pygame.image.tobytes(surface, "RGBA")


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_every_figure_draws_at_each_key_pose_and_moves(name: str) -> None:
    motion = FIGURES[name]
    frames = {
        drawn(FigureMoment(name, key, 0.0, turn, False, True, True))
        for key in motion.keys
        for turn in (0.0, 0.5)
    }
    breathing = drawn(FigureMoment(name, motion.keys[0], 1.0, 0.0, False, True, True))
    frames_and_breath = frames | {breathing}
    # Each key pose, a turn of a loop and a breath in all look different from the rest pose.
    expected = len(motion.keys) + (1 if motion.cycle_s else 0) + 1
    assert len(frames_and_breath) >= min(expected, 2)
    if motion.moves:
        assert len(frames) >= 2, f"{name} has key poses or a cycle, but does not move"


def test_the_mirrored_figure_is_the_figure_flipped() -> None:
    still = still_moment("arm-reach")
    plain = pygame.Surface((400, 200), pygame.SRCALPHA)
    draw_figure(plain, still)
    mirrored = pygame.Surface((400, 200), pygame.SRCALPHA)
    draw_figure(mirrored, FigureMoment(*[*vars(still).values()][:4], True, False, False))
    flipped = pygame.transform.flip(plain, True, False)
    assert pygame.image.tobytes(mirrored, "RGBA") == pygame.image.tobytes(flipped, "RGBA")


# -- in the window ----------------------------------------------------------------------------


def figure_pixels(app: WindowApp) -> bytes:
    assert app.shown is not None
    where = layout_for(app.surface, app.shown, app.assets, app.theme).picture
    assert where is not None
    box = figure_box(where)
    return pygame.image.tobytes(app.surface.subsurface(pygame.Rect(box.xywh)), "RGB")


def test_the_window_moves_the_figure_inside_a_phase_and_holds_it_still_while_paused() -> None:
    clock = FakeClock(T0)
    session = Session(Engine(routine(THUMBS)), RecordingSpeaker())
    app = WindowApp(session, clock, size=(1280, 720))
    try:
        app.step(T0)
        start = figure_pixels(app)
        app.step(T0 + 3 * S)  # the same phase, halfway down
        halfway = figure_pixels(app)
        assert app.shown is not None and app.shown.phase == "Slide down"
        assert halfway != start
        app.step(T0 + 3 * S + FIGURE_MS)  # the same second: the figure alone is drawn
        assert app.figure_draws == 1
        assert figure_pixels(app) != halfway
        session.command("toggle_pause", T0 + 3 * S)
        app.step(T0 + 3 * S)
        paused = figure_pixels(app)
        draws = app.figure_draws
        for later in (4 * S, 5 * S, 7 * S):
            app.step(T0 + later)
            assert figure_pixels(app) == paused
        assert app.figure_draws == draws  # nothing drawn while paused
    finally:
        app.close()


def test_the_window_draws_the_figure_at_a_modest_frame_rate() -> None:
    """Over six seconds of a stroke, about ten frames a second, and the loop sleeps
    between them."""
    clock = FakeClock(T0)
    session = Session(Engine(routine(THUMBS)), RecordingSpeaker())
    app = WindowApp(session, clock, size=(800, 450))
    try:
        now = T0
        wakes = 0
        while now < T0 + 6 * S:
            app.step(now)
            now = app.next_wake(now)
            wakes += 1
        per_second = app.figure_draws / 6
        assert 1000 / FIGURE_MS - 2 <= per_second <= 1000 / FIGURE_MS
        # The figure's frames, the breathing circle's and the countdown's seconds.
        assert wakes <= 6 * (1000 / FIGURE_MS + 1000 / BREATH_MS + 2)
    finally:
        app.close()
