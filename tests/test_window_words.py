"""What to do. In a tall window it goes beside the picture: every word drawn at a readable
size, none cut off. In a wide one the figure comes first, and what to do goes in the band
at the foot when nothing is being said, and on the pause screen.

The words' lines come from ``do_words`` (what ``draw`` draws); the pixels show each line
is on screen where it says, inside the window, clear of the picture and what comes next.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.window.app import WindowApp
from player.window.draw import Words, do_words, layout_for
from player.window.layout import MIN_WINDOW, Box, Layout
from player.window.theme import STANDARD, theme_for

T0 = 1_000_000
LONG = (
    "Kneel on a mat with your knees under your hips and your hands under your shoulders. "
    "Breathe in, then as you breathe out tuck your tailbone under and gently round your "
    "lower back. Hold for a moment, then slowly return to a flat back. Repeat gently."
)
PICTURE = "pictures/kneel-to-all-fours.png"


def routine(do: str) -> dict[str, Any]:
    step = {"exercise": "Pelvic tilts", "time": 40, "position": "all-fours", "do": do}
    return {
        "title": "Words",
        "lead_in": 0,
        "prepare": 0,
        "steps": [{**step, "picture": PICTURE}, {"rest": 10}],
    }


class Screen:
    def __init__(self, do: str, size: tuple[int, int], large: bool = False) -> None:
        clock = FakeClock(T0)
        engine = Engine(Routine.model_validate(routine(do)), Choices())
        theme = theme_for(large_text=large)
        self.app = WindowApp(Session(engine, RecordingSpeaker()), clock, size=size, theme=theme)
        self.app.step(clock.now())

    def where(self) -> Layout:
        assert self.app.shown is not None
        return layout_for(self.app.surface, self.app.shown, self.app.assets, self.app.theme)

    def words(self) -> Words:
        assert self.app.shown is not None
        words = do_words(self.where(), self.app.shown, self.app.assets, self.app.theme)
        assert words is not None
        return words

    def count(self, box: Box, colour: tuple[int, int, int]) -> int:
        area = self.app.surface.subsurface(pygame.Rect(box.xywh))
        return int(pygame.mask.from_threshold(area, colour, (1, 1, 1, 255)).count())


@pytest.fixture
def screens() -> Iterator[list[Screen]]:
    made: list[Screen] = []
    yield made
    for one in made:
        one.app.close()


def show(made: list[Screen], do: str, size: tuple[int, int], large: bool = False) -> Screen:
    made.append(Screen(do, size, large))
    return made[-1]


def overlap(a: Box, b: Box) -> bool:
    return not (a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y)


def test_the_long_text_is_as_long_as_the_test_says() -> None:
    assert len(LONG) >= 240


TALL = (640, 960)


def test_in_a_tall_window_a_long_text_beside_a_picture_is_drawn_whole_and_readable(
    screens: list[Screen],
) -> None:
    one = show(screens, LONG, TALL)
    words, where = one.words(), one.where()
    assert " ".join(words.lines).split() == LONG.split()
    assert words.size >= 30
    assert words.line_height * len(words.lines) <= words.box.h
    assert words.box.x >= 0 and words.box.right <= TALL[0] and words.box.bottom <= TALL[1]
    assert where.picture is None or not overlap(where.picture, words.box)
    assert not overlap(where.caption, words.box)
    font = one.app.assets.font(words.size)
    for number, line in enumerate(words.lines):
        row = Box(
            words.box.x,
            words.box.y + number * words.line_height,
            font.size(line)[0],
            font.get_height(),
        )
        assert row.bottom <= words.box.bottom
        assert one.count(row, STANDARD.text) > row.w // 2, line
    below = words.box.y + len(words.lines) * words.line_height
    rest = Box(words.box.x, below, words.box.w, max(0, words.box.bottom - below))
    assert one.count(rest, STANDARD.text) == 0


def test_in_a_tall_small_window_the_long_text_is_still_whole(screens: list[Screen]) -> None:
    one = show(screens, LONG, (MIN_WINDOW[1], MIN_WINDOW[0] * 3 // 2))
    words = one.words()
    assert " ".join(words.lines).split() == LONG.split()
    assert words.size >= 14
    assert words.box.bottom <= one.where().caption.y


def redraw(one: Screen) -> None:
    one.app._dirty = True
    one.app.step(one.app.clock.now())


def test_in_a_wide_window_what_to_do_is_in_the_band_when_nothing_is_said(
    screens: list[Screen],
) -> None:
    one = show(screens, "Tuck your tailbone under.", (1280, 720))
    where = one.where()
    assert where.picture is not None and where.do_text.h == 0
    band = where.caption.inset(where.caption.h // 4)
    assert one.count(band, STANDARD.dim) == 0  # what was just said is shown instead
    one.app.session.captions_on = False
    redraw(one)
    assert one.app.shown is not None and one.app.shown.caption is None
    assert one.count(band, STANDARD.dim) > 50


def test_in_a_wide_window_the_pause_screen_shows_what_to_do(screens: list[Screen]) -> None:
    one = show(screens, LONG, (1280, 720))
    dialog = one.where().dialog
    lower = Box(dialog.x, dialog.y + dialog.h * 2 // 3, dialog.w, dialog.h // 4)
    assert one.count(lower, STANDARD.text) == 0
    one.app.session.command("toggle_pause", one.app.clock.now())
    redraw(one)
    assert one.app.shown is not None and one.app.shown.cover == "paused"
    assert one.count(lower, STANDARD.text) > 200
