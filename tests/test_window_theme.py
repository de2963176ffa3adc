"""Large text and high contrast in the session window: read back from the pixels drawn."""

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
from player.window.draw import layout_for
from player.window.layout import MIN_WINDOW, Box, Layout, layout
from player.window.theme import HIGH_CONTRAST, LARGE_TEXT, STANDARD, Theme, theme_for

T0 = 1_000_000
ROUTINE: dict[str, Any] = {
    "title": "Theme test",
    "lead_in": 0,
    "prepare": 0,
    "steps": [
        {
            "exercise": "Pelvic floor holds",
            "reps": 3,
            "position": "sitting",
            "do": "Squeeze, lift and hold; relax fully between squeezes.",
            "phases": [{"name": "Squeeze", "time": 5}, {"name": "Relax", "time": 5}],
        },
        {"rest": 10},
    ],
}


class Shown:
    """A session drawn at 1280x720 with a theme, a moment into its first step."""

    def __init__(self, theme: Theme, size: tuple[int, int] = (1280, 720)) -> None:
        self.clock = FakeClock(T0)
        engine = Engine(Routine.model_validate(ROUTINE), Choices())
        self.app = WindowApp(
            Session(engine, RecordingSpeaker()), self.clock, size=size, theme=theme
        )
        self.app.step(self.clock.now())
        self.clock.advance(2_500)
        self.app.step(self.clock.now())

    @property
    def surface(self) -> pygame.Surface:
        return self.app.surface

    def where(self) -> Layout:
        assert self.app.shown is not None
        return layout_for(self.surface, self.app.shown, self.app.assets, self.app.theme)

    def count(self, colour: tuple[int, int, int], box: Box | None = None) -> int:
        area = self.surface if box is None else self.surface.subsurface(pygame.Rect(box.xywh))
        return int(pygame.mask.from_threshold(area, colour, (1, 1, 1, 255)).count())

    def ink_height(self, box: Box, colour: tuple[int, int, int]) -> int:
        """How tall the pixels of ``colour`` in ``box`` stand, top to bottom."""
        area = self.surface.subsurface(pygame.Rect(box.xywh))
        rects = pygame.mask.from_threshold(area, colour, (1, 1, 1, 255)).get_bounding_rects()
        return max(r.bottom for r in rects) - min(r.top for r in rects)


@pytest.fixture
def drawn() -> Iterator[list[Shown]]:
    """Sessions drawn one after another: pygame has one window, so each is measured
    before the next is made."""
    made: list[Shown] = []
    yield made
    for one in made:
        one.app.close()


def show(made: list[Shown], theme: Theme, size: tuple[int, int] = (1280, 720)) -> Shown:
    for earlier in made:
        earlier.app.close()
    made.append(Shown(theme, size))
    return made[-1]


def test_the_settings_choose_the_theme() -> None:
    assert theme_for() == Theme(STANDARD, 1.0)
    assert theme_for(large_text=True, high_contrast=True) == Theme(HIGH_CONTRAST, LARGE_TEXT)


def test_high_contrast_draws_black_white_and_yellow_and_none_of_the_greys(
    drawn: list[Shown],
) -> None:
    one = show(drawn, theme_for(high_contrast=True))
    total = 1280 * 720
    assert one.count(HIGH_CONTRAST.background) > total // 2
    assert one.count(HIGH_CONTRAST.text) > total // 50
    assert one.count(HIGH_CONTRAST.accent) > total // 200
    assert one.count(HIGH_CONTRAST.dim) > 0
    for grey in (STANDARD.panel, STANDARD.panel_edge, STANDARD.track, STANDARD.dim):
        assert one.count(grey) == 0, grey
    standard = show(drawn, theme_for())
    assert standard.count(HIGH_CONTRAST.background) == 0
    assert standard.count(HIGH_CONTRAST.accent) == 0
    assert standard.count(STANDARD.panel) > 0


def outline_width(one: Shown, box: Box, colour: tuple[int, int, int]) -> int:
    """How many pixels of ``colour`` run in from the left edge of ``box``, half-way down."""
    y = box.center[1]
    width = 0
    while one.surface.get_at((box.x + width, y))[:3] == colour:
        width += 1
    return width


def test_high_contrast_outlines_the_buttons_thickly(drawn: list[Shown]) -> None:
    for palette, width in ((HIGH_CONTRAST, 4), (STANDARD, 2)):
        one = show(drawn, Theme(palette))
        box = one.where().button("back")
        assert box is not None
        assert outline_width(one, box, palette.panel_edge) == width


def test_large_text_draws_every_line_of_words_taller(drawn: list[Shown]) -> None:
    regions = [
        ("title", STANDARD.text),
        ("info", STANDARD.dim),
        ("position", STANDARD.dim),
        ("do_text", STANDARD.text),
    ]
    heights: dict[float, list[int]] = {}
    buttons: dict[float, int] = {}
    for theme in (theme_for(), theme_for(large_text=True)):
        one = show(drawn, theme)
        where = one.where()
        heights[theme.text_scale] = [one.ink_height(getattr(where, n), c) for n, c in regions]
        buttons[theme.text_scale] = where.buttons[0][1].h
    for (name, _colour), small, big in zip(regions, heights[1.0], heights[LARGE_TEXT], strict=True):
        assert big > small * 1.15, name
    assert buttons[LARGE_TEXT] > buttons[1.0]


@pytest.mark.parametrize("size", [(1280, 720), MIN_WINDOW, (800, 450), (640, 900)])
@pytest.mark.parametrize("picture", [False, True])
def test_large_text_still_fits_the_window_and_nothing_overlaps(
    size: tuple[int, int], picture: bool
) -> None:
    names = ("pause", "back", "next", "restart", "less", "more", "done", "mute", "captions")
    words_h = size[1] // 8 if picture else 0
    where = layout(*size, (*names, "help", "quit"), picture, LARGE_TEXT, words_h)
    regions = [
        where.progress,
        where.title,
        where.info,
        where.countdown,
        where.segment_bar,
        where.status,
        where.position,
        where.do_text,
        where.next_up,
        where.caption,
        *([where.picture] if where.picture else []),
        *(box for _name, box in where.buttons),
    ]
    width, height = size
    figure_first = where.do_text.h == 0  # what to do goes in the band, under the figure
    if figure_first:
        regions = [box for box in regions if box not in (where.do_text, where.position)]
    for box in regions:
        assert box.x >= 0 and box.right <= width and box.y >= 0 and box.bottom <= height, box
        assert box.h > 0, box
    for i, one in enumerate(regions):
        for two in regions[i + 1 :]:
            apart = (
                one.right <= two.x
                or two.right <= one.x
                or one.bottom <= two.y
                or two.bottom <= one.y
            )
            assert apart, (one, two)
    standard = layout(*size, (*names, "help", "quit"), picture, 1.0, words_h)
    if figure_first:  # the figure and the countdown keep their size; the labels grow
        assert where.picture == standard.picture
        assert where.countdown.h >= standard.countdown.h
        assert where.status.h > standard.status.h
        assert where.title == standard.title  # its words grow inside it: see test_layout
        return
    assert where.countdown.h >= height * 0.2
    if width > height:  # side by side, the picture gives the words the room they need
        assert where.do_text.h >= words_h
    assert where.title.h > standard.title.h
