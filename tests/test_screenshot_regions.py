"""--screenshots writes, beside each PNG, where the window drew the figure, the countdown,
the step's name and the caption; --frames-every adds a screenshot every so often of the
routine's time. The rectangles are checked against the pixels of the real screenshots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.routine.model import Routine
from player.system.paths import MEDIA_DIR
from player.window.app import WindowApp
from player.window.theme import BACKGROUND

S = 1000
T0 = 1_000_000
ROUTINE: dict[str, Any] = {
    "title": "Regions",
    "lead_in": 0,
    "prepare": 0,
    "steps": [
        {
            "exercise": "Pelvic tilts",
            "picture": str(MEDIA_DIR / "pictures" / "pelvic-tilt-all-fours.png"),
            "reps": 2,
            "phases": [{"name": "Tilt", "time": 3}, {"name": "Relax", "time": 3}],
        },
        {"rest": 5},
    ],
}


def play(folder: Path, until_ms: int, frames_every_ms: int | None = None) -> WindowApp:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    app = WindowApp(
        session, clock, screenshots=folder, size=(1280, 720), frames_every_ms=frames_every_ms
    )
    while clock.now() < T0 + until_ms:
        app.step(clock.now())
        clock.sleep_until(app.next_wake(clock.now()))
    return app


def regions_of(png: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(png.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def test_each_step_screenshot_has_its_regions_beside_it(tmp_path: Path) -> None:
    play(tmp_path, 14 * S).close()
    pngs = sorted(tmp_path.glob("*.png"))
    assert [p.name for p in pngs] == ["00-pelvic-tilts.png", "01-rest.png"]
    first = regions_of(pngs[0])
    image = pygame.image.load(str(pngs[0]))
    assert first["window"] == list(image.get_size()) == [1280, 720]
    x, y, w, h = first["figure"]
    assert w == 2 * h  # the picture keeps its aspect
    assert w * h / (1280 * 720) >= 0.30  # the largest thing on the screen, seen from the mat
    assert first["countdown"][0] >= x + w and first["step_name"][0] >= x + w  # beside it
    assert first["status"][1] >= y + h and first["status"][3] >= 0.14 * 720  # under it
    inside = [image.get_at((x + w * i // 10, y + h // 2))[:3] for i in range(1, 10)]
    assert any(colour != BACKGROUND for colour in inside)
    assert image.get_at((x - 3, y + h // 2))[:3] == BACKGROUND  # nothing drawn beside it
    cx, cy, cw, ch = first["countdown"]
    ink = [image.get_at((cx + cw * i // 8, cy + ch // 2))[:3] for i in range(1, 8)]
    assert any(colour != BACKGROUND for colour in ink)
    assert first["step_name"][1] < first["countdown"][1]
    assert first["caption"] is not None  # the first cue is still shown
    rest = regions_of(pngs[1])
    assert rest["figure"] is None


def test_frames_every_takes_one_at_each_multiple_of_routine_time(tmp_path: Path) -> None:
    app = play(tmp_path, 4 * S + 1, frames_every_ms=1000)
    app.close()
    frames = sorted(p.name for p in tmp_path.glob("frame-*.png"))
    assert frames == [f"frame-{ms:08d}.png" for ms in (0, 1000, 2000, 3000, 4000)]
    assert all(regions_of(tmp_path / name)["window"] == [1280, 720] for name in frames)


def test_no_frames_are_taken_while_paused(tmp_path: Path) -> None:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    app = WindowApp(session, clock, screenshots=tmp_path, size=(800, 450), frames_every_ms=500)
    try:
        app.step(clock.now())
        session.command("toggle_pause", clock.now())
        for _ in range(10):
            clock.sleep_until(app.next_wake(clock.now()))
            app.step(clock.now())
        assert sorted(p.name for p in tmp_path.glob("frame-*.png")) == ["frame-00000000.png"]
    finally:
        app.close()
