"""--flash: the window's edge lights up (the terminal's screen flashes) as each step
begins and as each of a step's last three seconds begins, for a noisy room or a person
hard of hearing; never while paused, never without the option."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.flash import FLASH_MS, flashing
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.routine.model import Routine
from player.terminal.screen import TerminalLoop
from player.window.app import FLASH_POLL_MS, WindowApp
from player.window.theme import ACCENT, Theme
from tests.test_terminal_ui import FakeScreen

S = 1000
T0 = 1_000_000
ROUTINE: dict[str, Any] = {
    "title": "Flash",
    "lead_in": 0,
    "prepare": 0,
    "steps": [{"exercise": "First", "time": 10}, {"exercise": "Second", "time": 10}],
}


def engine_at(ms: int) -> Engine:
    engine = Engine(Routine.model_validate(ROUTINE))
    engine.start(T0)
    engine.advance(T0 + ms)
    return engine


@pytest.mark.parametrize(
    ("ms", "lit"),
    [
        (0, True),  # the first step begins
        (FLASH_MS - 1, True),
        (FLASH_MS, False),
        (5 * S, False),
        (7 * S, True),  # 3 s left
        (7 * S + FLASH_MS - 1, True),
        (7 * S + FLASH_MS, False),
        (8 * S, True),  # 2 s left
        (9 * S + 100, True),  # 1 s left
        (9 * S + 500, False),
        (10 * S, True),  # the second step begins
        (11 * S, False),
    ],
)
def test_the_moments_that_flash(ms: int, lit: bool) -> None:
    engine = engine_at(ms)
    assert flashing(engine.frame(T0 + ms)) is lit


def test_nothing_flashes_while_paused() -> None:
    engine = engine_at(7 * S)
    engine.pause(T0 + 7 * S)
    assert not flashing(engine.frame(T0 + 7 * S))


def edge_lit(app: WindowApp) -> bool:
    """Whether the middle of the window's left edge is in the accent colour."""
    height = app.surface.get_height()
    return tuple(app.surface.get_at((2, height // 2)))[:3] == ACCENT


@pytest.mark.parametrize("flash", [True, False])
def test_the_window_lights_its_edge_only_with_flash(flash: bool) -> None:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    app = WindowApp(session, clock, size=(800, 450), theme=Theme(flash=flash))
    try:
        seen = []
        for ms in (0, 100, 600, 5 * S, 7 * S + 50, 7 * S + 600, 10 * S + 50):
            clock.sleep_until(T0 + ms)
            app.step(clock.now())
            seen.append(edge_lit(app))
        assert seen == ([True, True, False, False, True, False, True] if flash else [False] * 7)
    finally:
        app.close()


def test_a_lit_edge_goes_out_on_time_without_a_key() -> None:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    app = WindowApp(session, clock, size=(800, 450), theme=Theme(flash=True))
    try:
        app.step(clock.now())
        assert edge_lit(app)
        while edge_lit(app):  # wake when the loop asks to, as it does when it runs
            clock.sleep_until(app.next_wake(clock.now()))
            app.step(clock.now())
        assert T0 + FLASH_MS <= clock.now() <= T0 + FLASH_MS + FLASH_POLL_MS
    finally:
        app.close()


def test_the_terminal_flashes_once_at_each_moment() -> None:
    clock = FakeClock(T0)
    screen = FakeScreen(clock)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    loop = TerminalLoop(session, clock, screen, flash=True)
    while clock.now() < T0 + 12 * S:
        assert loop.step() is None
    flashed = [ms - T0 for ms in screen.flashes]
    assert [round(ms / S) for ms in flashed] == [0, 7, 8, 9, 10]
    assert all(ms % S < FLASH_MS for ms in flashed)


def test_the_terminal_never_flashes_without_the_option() -> None:
    clock = FakeClock(T0)
    screen = FakeScreen(clock)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    loop = TerminalLoop(session, clock, screen)
    while clock.now() < T0 + 12 * S:
        loop.step()
    assert screen.flashes == []


_ = pygame  # the window draws with pygame
