"""The window in Spanish, Vietnamese and Chinese: each drawn with a font that has its
letters (no missing-glyph boxes), at sizes that look alike, wrapped and fitted to its boxes
at 1280x720 with nothing cut off."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pygame
import pytest

from player.language import PSEUDO, fonts, speaking
from player.system.line_breaks import NO_END, NO_START
from player.window import text
from player.window.assets import Assets
from player.window.theme import STANDARD
from tests.test_line_breaking import CHINESE, SPANISH, VIETNAMESE
from tests.test_window_words import Screen

WHITE = (255, 255, 255)
ABSENT = "\ue000"
"""A character no bundled font has: it draws as the missing-glyph box."""


@pytest.fixture
def assets() -> Iterator[Assets]:
    pygame.font.init()
    yield Assets()


def test_each_language_is_drawn_with_a_font_that_has_its_letters(assets: Assets) -> None:
    for language in ("en", "es", PSEUDO):
        with speaking(language):
            assert fonts.current_face() is None
    with speaking("vi"):
        assert fonts.current_face() == fonts.VIETNAMESE
    with speaking("zh-Hans"):
        assert fonts.current_face() == fonts.CHINESE
        chinese = assets.font(40)
    with speaking("en"):
        assert assets.font(40) is not chinese


def test_a_line_is_as_tall_in_every_language(assets: Assets) -> None:
    for size in (12, 24, 40, 90, 200):
        with speaking("en"):
            english = assets.font(size).get_height()
        for language in ("vi", "zh-Hans"):
            with speaking(language):
                assert abs(assets.font(size).get_height() - english) <= max(2, english // 40)


def glyph(font: pygame.font.Font, char: str) -> bytes:
    surface = font.render(char, True, WHITE, (0, 0, 0))
    return bytes(pygame.image.tobytes(surface, "RGB"))


def missing(font: pygame.font.Font, words: str) -> list[str]:
    """The letters of ``words`` the font draws as its missing-glyph box."""
    box = glyph(font, ABSENT)
    return [c for c in set(words) if not c.isspace() and glyph(font, c) == box]


def test_vietnamese_letters_with_stacked_marks_are_drawn_not_boxed(assets: Assets) -> None:
    words = "Nghiêng xương chậu ắ ặ ể ộ ừ ữ đ Đ ơ ư Ẫ Ợ"
    with speaking("en"):
        assert "ư" in missing(assets.font(60), words)  # the test sees a box when there is one
    with speaking("vi"):
        font = assets.font(60)
        assert missing(font, words) == []
        assert missing(font, VIETNAMESE) == []
        image = assets.render("Nghiêng xương chậu", 60, WHITE)
        ink = image.get_bounding_rect()
        assert ink.h > font.get_ascent() // 2 and ink.w > image.get_width() * 3 // 4


def test_spanish_and_chinese_are_drawn_not_boxed(assets: Assets) -> None:
    with speaking("es"):
        assert missing(assets.font(60), SPANISH + "áéíóúñüÁÉÍÓÚÑÜ¿¡") == []
    with speaking("zh-Hans"):
        assert missing(assets.font(60), CHINESE) == []


def test_chinese_wraps_between_characters_within_the_width(assets: Assets) -> None:
    with speaking("zh-Hans"):
        font = assets.font(36)
        for width in (200, 333, 500, 800):
            lines = text.wrap(font, CHINESE, width)
            assert "".join(lines) == CHINESE
            assert len(lines) > 1
            assert all(font.size(line)[0] <= width for line in lines)
            for before, after in pairwise(lines):
                assert after[0] not in NO_START and before[-1] not in NO_END


def test_vietnamese_wraps_at_spaces_within_the_width(assets: Assets) -> None:
    with speaking("vi"):
        font = assets.font(36)
        lines = text.wrap(font, VIETNAMESE, 500)
        assert " ".join(lines) == VIETNAMESE
        assert all(font.size(line)[0] <= 500 for line in lines)


def test_a_chinese_block_fits_its_box(assets: Assets) -> None:
    with speaking("zh-Hans"):
        size, lines = assets.fit_block(CHINESE, 600, 300, 80, 12)
        font = assets.font(size)
        assert "".join(lines) == CHINESE
        assert len(lines) * text.line_height(font) <= 300
        assert all(font.size(line)[0] <= 600 for line in lines)
        assert size >= 24


@pytest.fixture
def screens() -> Iterator[list[Screen]]:
    made: list[Screen] = []
    yield made
    for one in made:
        one.app.close()


@pytest.mark.parametrize(
    ("language", "do"), [("zh-Hans", CHINESE), ("vi", VIETNAMESE), ("es", SPANISH)]
)
def test_at_1280_by_720_what_to_do_is_whole_in_the_band_at_the_foot(
    screens: list[Screen], language: str, do: str
) -> None:
    with speaking(language):
        screens.append(Screen(do, (1280, 720)))
        one = screens[-1]
        one.app.session.captions_on = False  # what to do goes in the band at the foot
        one.app._dirty = True
        one.app.step(one.app.clock.now())
        where, assets = one.where(), one.app.assets
        assert where.figure_first
        band = where.caption
        assert band.x >= 0 and band.right <= 1280 and band.bottom <= 720
        radius = max(4, band.h // 8)  # as draw._caption lays it out
        inner = band.inset(radius * 2, band.h // 12)
        largest = assets.fit_line("Hg", 10_000, round(inner.h * 0.5), 1000)
        size, lines = assets.fit_block(do, inner.w, inner.h, largest, max(10, largest // 2))
        font = assets.font(size)
        joined = "".join(lines) if language == "zh-Hans" else " ".join(lines)
        assert joined == do  # whole: no line left off, no ellipsis
        assert len(lines) * text.line_height(font) <= inner.h
        assert all(font.size(line)[0] <= inner.w for line in lines)
        assert one.count(inner, STANDARD.dim) > 100  # drawn


def test_the_minus_on_the_back_ten_seconds_button_is_drawn_in_vietnamese(assets: Assets) -> None:
    with speaking("vi"):
        image = assets.render("\u221210 s", 40, WHITE)
        plain = assets.render("10 s", 40, WHITE)
        assert image.get_bounding_rect().w > plain.get_bounding_rect().w
        assert missing(assets.font(40), fonts.shaped("\u2212")) == []
