"""Seen from the mat, two or three metres from a 13-inch screen: the figure is the largest
thing in a landscape window, the phase, side and repetition are in capitals about a tenth
of the window tall, and large text makes words larger without taking anything from the
figure or the countdown. Pure layout, measured with the player's own font."""

from __future__ import annotations

from functools import cache

import pygame
import pytest

from player.home.catalog import bundled_routines
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.routine.loader import load_routine
from player.window.assets import Assets
from player.window.draw import STATUS_GAP
from player.window.layout import FIGURE_ASPECT, Layout, layout
from player.window.present import present
from player.window.theme import LARGE_TEXT

BUTTONS = ("pause", "back", "next", "restart", "less", "more", "mute", "captions", "help", "quit")
SIZES = [(1280, 720), (1920, 1080)]
TRANSITIONS = ("Get into position", "Switch sides")
"""What the row shows while she gets ready or changes sides, not while she exercises."""
READS_AT_THREE_METRES = 75 / 720
"""A capital letter 75 pixels tall in a 720-pixel window: about 17 mm on a 13-inch screen."""


@pytest.fixture(scope="module")
def assets() -> Assets:
    pygame.font.init()
    return Assets()


def arranged(size: tuple[int, int], large: bool) -> Layout:
    return layout(*size, BUTTONS, True, LARGE_TEXT if large else 1.0)


def cap_height(assets: Assets, size: int) -> int:
    return int(assets.render("H", size, (255, 255, 255)).get_bounding_rect().h)


@cache
def bundled_labels() -> tuple[tuple[str, ...], ...]:
    """Every row of phase, side and repetition the bundled routines show, as the window
    shows it at the start of each segment."""
    rows: set[tuple[str, ...]] = set()
    for path in bundled_routines():
        routine = load_routine(path).routine
        for segment in Engine(routine).timeline.segments:
            session = Session(Engine(routine), RecordingSpeaker())
            session.start(0)
            session.tick(segment.start_ms + 1)
            shown = present(session.view(segment.start_ms + 1), session.engine.timeline)
            if not shown.hint:
                rows.add(tuple(words for words in (shown.phase, shown.side, shown.rep) if words))
    return tuple(sorted(row for row in rows if row))


def label_caps(assets: Assets, where: Layout, rows: tuple[tuple[str, ...], ...]) -> list[int]:
    row = where.status
    gap = max(8, row.w // STATUS_GAP)  # as draw._status spaces them
    return [cap_height(assets, assets.fit_row(words, row.w, row.h, gap)) for words in rows]


def exercising(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(row for row in rows if row[0] not in TRANSITIONS)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("large", [False, True])
def test_the_figure_takes_at_least_three_tenths_of_the_window(
    size: tuple[int, int], large: bool
) -> None:
    where = arranged(size, large)
    assert where.picture is not None
    assert where.picture.w == round(where.picture.h * FIGURE_ASPECT)
    share = where.picture.w * where.picture.h / (size[0] * size[1])
    assert share >= 0.30
    others = [where.countdown, where.title, where.status, where.caption]
    assert all(where.picture.w * where.picture.h > box.w * box.h for box in others)


def test_the_bundled_routines_show_every_kind_of_row() -> None:
    rows = bundled_labels()
    assert ("Squeeze", "1 of 8") in rows
    assert any(len(row) == 3 for row in rows)  # phase, side and repetition at once
    assert any(row[0] == "Back to the top" for row in rows)  # a long phase name


@pytest.mark.parametrize("size", SIZES)
def test_phase_side_and_rep_read_from_three_metres(assets: Assets, size: tuple[int, int]) -> None:
    """Every row the bundled routines show while she exercises; getting ready and
    switching sides (longer words, said aloud too) may be a little smaller."""
    least = READS_AT_THREE_METRES * size[1]
    rows = bundled_labels()
    where = arranged(size, False)
    caps = dict(zip(rows, label_caps(assets, where, rows), strict=True))
    small = {row: cap for row, cap in caps.items() if cap < least}
    assert all(row[0] in TRANSITIONS for row in small), small
    assert min(caps.values()) >= least * 0.9


@pytest.mark.parametrize("size", SIZES)
def test_large_text_makes_words_larger_and_takes_nothing_from_the_figure(
    assets: Assets, size: tuple[int, int]
) -> None:
    standard, large = arranged(size, False), arranged(size, True)
    assert large.picture == standard.picture
    assert large.countdown == standard.countdown
    assert large.title == standard.title
    rows = bundled_labels()
    caps = zip(label_caps(assets, large, rows), label_caps(assets, standard, rows), strict=True)
    pairs = list(caps)
    assert all(big >= small for big, small in pairs)  # never smaller
    # Larger wherever the row is not already as wide as the window.
    row = standard.status
    gap = max(8, row.w // STATUS_GAP)
    roomy = [
        index
        for index, words in enumerate(rows)
        if sum(
            assets.render(w, assets.fit_row(words, row.w, row.h, gap), (0, 0, 0)).get_width()
            for w in words
        )
        + gap * (len(words) - 1)
        < row.w * 0.8
    ]
    assert len(roomy) > 10
    assert all(pairs[index][0] > pairs[index][1] * 1.1 for index in roomy)
    name = "Pelvic tilts on all fours"
    title_size = [
        assets.fit_block(name, box.title.w, box.title.h, round(box.title.h * 0.62 * scale), 8)[0]
        for box, scale in ((standard, 1.0), (large, LARGE_TEXT))
    ]
    assert title_size[1] >= title_size[0]


@pytest.mark.parametrize("size", SIZES)
def test_the_step_name_and_countdown_sit_beside_the_figure(size: tuple[int, int]) -> None:
    where = arranged(size, False)
    assert where.picture is not None
    for box in (where.title, where.countdown):
        assert box.x >= where.picture.right
        assert where.picture.y <= box.y < where.picture.bottom
    assert where.status.y >= where.picture.bottom  # the labels run under both
    assert where.do_text.h == 0  # what to do is in the band at the foot, and on pause
