"""The chart, read back pixel by pixel: bars, days done and pain marks where they belong."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pygame
import pytest

from player.history.chart import (
    BACKGROUND,
    DONE,
    MINUTES,
    PAIN_AFTER,
    PAIN_BEFORE,
    SIZE,
    chart_layout,
    draw_chart,
    save_chart,
)
from player.history.summary import Day

TODAY = date(2025, 3, 27)  # a Thursday
MINUTE = 60_000


def day(
    when: date,
    minutes: float,
    done: int = 1,
    played: int = 1,
    before: float | None = None,
    after: float | None = None,
) -> Day:
    return Day(when, done, played, round(minutes * MINUTE), before, after)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


DAYS = {
    d.day: d
    for d in (
        day(ago(0), 12, before=6, after=3),
        day(ago(1), 24),
        day(ago(3), 6, done=0),  # stopped early
        day(ago(20), 30, before=2, after=2),
    )
}


def colour(surface: pygame.Surface, x: int, y: int) -> tuple[int, int, int]:
    found = surface.get_at((x, y))
    return (found.r, found.g, found.b)


def bar_height(surface: pygame.Surface, when: date) -> int:
    """How many pixels of the day's column, in the bar area, are the bar colour."""
    layout = chart_layout(TODAY)
    x = layout.centre_x(when)
    return sum(
        1 for y in range(layout.plot.top, layout.plot.bottom) if colour(surface, x, y) == MINUTES
    )


@pytest.fixture(scope="module")
def chart() -> pygame.Surface:
    return draw_chart(DAYS, TODAY)


def test_the_chart_shows_whole_weeks_up_to_this_one() -> None:
    layout = chart_layout(TODAY, weeks=4)

    assert layout.first == date(2025, 3, 3)  # a Monday, three weeks before this one
    assert layout.days == 28
    assert layout.column(TODAY) == 24


def test_a_day_with_minutes_has_a_bar_and_a_day_without_has_none(chart: pygame.Surface) -> None:
    layout = chart_layout(TODAY)

    assert colour(chart, layout.centre_x(ago(0)), layout.plot.bottom - 3) == MINUTES
    assert bar_height(chart, ago(0)) > 0
    assert bar_height(chart, ago(2)) == 0
    assert bar_height(chart, ago(10)) == 0


def test_bars_are_as_tall_as_the_minutes(chart: pygame.Surface) -> None:
    twelve, twenty_four = bar_height(chart, ago(0)), bar_height(chart, ago(1))

    assert twenty_four == pytest.approx(2 * twelve, abs=2)
    assert bar_height(chart, ago(20)) > twenty_four


def test_days_done_have_a_full_mark_and_days_played_but_not_done_a_ring(
    chart: pygame.Surface,
) -> None:
    layout = chart_layout(TODAY)

    assert colour(chart, layout.centre_x(ago(1)), layout.done_y) == DONE
    stopped = layout.centre_x(ago(3))
    assert colour(chart, stopped, layout.done_y) != DONE
    assert DONE in {colour(chart, stopped + dx, layout.done_y) for dx in range(5, 10)}
    assert colour(chart, layout.centre_x(ago(2)), layout.done_y) == BACKGROUND


def test_pain_before_and_after_are_marked_at_their_scores(chart: pygame.Surface) -> None:
    layout = chart_layout(TODAY)
    x, offset = layout.centre_x(ago(0)), layout.pain_offset

    assert colour(chart, x - offset, layout.pain_y(6)) == PAIN_BEFORE
    assert colour(chart, x + offset, layout.pain_y(3)) == PAIN_AFTER
    assert colour(chart, x - offset, layout.pain_y(3)) != PAIN_BEFORE
    day_without = layout.centre_x(ago(1))
    column = {
        colour(chart, day_without + dx, y)
        for dx in (-offset, offset)
        for y in range(layout.pain.top, layout.pain.bottom)
    }
    assert PAIN_BEFORE not in column and PAIN_AFTER not in column


def test_an_empty_history_draws_an_empty_chart() -> None:
    surface = draw_chart({}, TODAY)
    layout = chart_layout(TODAY)

    for when in (ago(0), ago(1), ago(20)):
        assert bar_height(surface, when) == 0
        assert colour(surface, layout.centre_x(when), layout.done_y) != DONE


def test_days_outside_the_weeks_shown_are_left_out() -> None:
    long_ago = {ago(60): day(ago(60), 30)}
    surface = draw_chart(long_ago, TODAY)

    plot = chart_layout(TODAY).plot
    assert not any(
        colour(surface, x, plot.bottom - 3) == MINUTES for x in range(plot.left, plot.right)
    )


def test_the_chart_is_saved_as_a_png(tmp_path: Path) -> None:
    path = tmp_path / "chart.png"

    save_chart(path, DAYS, TODAY)

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert 10_000 < len(data) < 2_000_000
    loaded = pygame.image.load(str(path))
    assert loaded.get_size() == SIZE
    layout = chart_layout(TODAY)
    assert colour(loaded, layout.centre_x(ago(0)), layout.plot.bottom - 3) == MINUTES


def test_fewer_weeks_make_wider_columns() -> None:
    two = chart_layout(TODAY, weeks=2)

    assert two.days == 14 and two.first == date(2025, 3, 17)
    assert two.column_width == pytest.approx(2 * chart_layout(TODAY).column_width)
    with pytest.raises(ValueError, match="at least one week"):
        chart_layout(TODAY, weeks=0)
