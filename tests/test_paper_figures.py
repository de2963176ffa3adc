"""The figures and pictures on paper: dark on white, in greys alone, so that a
black-and-white printer prints what the page shows."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from player.routine.figures import FIGURE_NAMES
from player.window.figures import canvas
from player.window.figures.paper import ON_PAPER, PAPER, paper_photo, paper_picture

WIDTH = 480


def _pixels(surface: pygame.Surface, step: int = 4) -> list[tuple[int, int, int]]:
    return [
        tuple(surface.get_at((x, y)))[:3]  # type: ignore[misc]
        for y in range(0, surface.get_height(), step)
        for x in range(0, surface.get_width(), step)
    ]


def test_every_colour_of_the_screen_has_its_grey_on_paper() -> None:
    screen = {
        value
        for name, value in vars(canvas).items()
        if name.isupper() and isinstance(value, tuple) and len(value) == 3
    }
    assert screen <= {colour for colour, _grey in ON_PAPER}
    greys = dict(ON_PAPER)
    assert greys[canvas.CARD] == PAPER
    assert greys[canvas.ARROW] == 0
    assert greys[canvas.FIGURE] < greys[canvas.PARTNER] < PAPER  # she stands out most


@pytest.mark.parametrize("name", FIGURE_NAMES)
def test_a_figure_on_paper_is_dark_on_white_in_greys(name: str) -> None:
    picture = paper_picture(name, WIDTH)
    assert picture.get_size() == (WIDTH, WIDTH // 2)
    pixels = _pixels(picture)
    assert all(r == g == b for r, g, b in pixels)
    white = sum(1 for r, _g, _b in pixels if r >= 250)
    dark = sum(1 for r, _g, _b in pixels if r <= 80)
    assert white > len(pixels) // 3  # mostly paper
    assert dark > len(pixels) // 50  # and the figure drawn dark on it
    for corner in ((0, 0), (WIDTH - 1, 0), (0, WIDTH // 2 - 1), (WIDTH - 1, WIDTH // 2 - 1)):
        assert tuple(picture.get_at(corner))[:3] == (PAPER, PAPER, PAPER)


def test_a_routines_own_picture_is_printed_in_greys_on_white(tmp_path: Path) -> None:
    picture = pygame.Surface((300, 100), pygame.SRCALPHA)
    picture.fill((0, 0, 0, 0))
    picture.fill((200, 30, 30, 255), pygame.Rect(0, 0, 100, 100))
    path = tmp_path / "mine.png"
    pygame.image.save(picture, str(path))
    printed = paper_photo(path, 150)
    assert printed is not None
    assert printed.get_size() == (150, 50)
    red = tuple(printed.get_at((20, 25)))[:3]
    assert red[0] == red[1] == red[2] < 120  # a dark grey where it was red
    assert tuple(printed.get_at((130, 25)))[:3] == (PAPER, PAPER, PAPER)  # transparent


def test_a_picture_that_is_not_one_is_left_out(tmp_path: Path) -> None:
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"not a picture at all")
    assert paper_photo(fake, 100) is None
    assert paper_photo(tmp_path / "missing.png", 100) is None
    assert paper_photo(tmp_path, 100) is None
