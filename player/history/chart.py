"""The last weeks as a picture: minutes each day, the days done, and pain before and after.

Drawn on an offscreen pygame Surface, so it needs no window. Light and plain, to print or
to show a midwife or physiotherapist.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pygame

from player.history.forms import day_month, day_month_year, weekday_letter
from player.history.summary import Day
from player.language import N_, _, fonts, ngettext
from player.system.png import save_png

Colour = tuple[int, int, int]

SIZE = (1200, 760)
BACKGROUND: Colour = (252, 250, 246)
INK: Colour = (38, 36, 34)
DIM: Colour = (112, 108, 102)
GRID: Colour = (224, 220, 212)
TODAY_BAND: Colour = (244, 236, 220)
MINUTES: Colour = (226, 132, 36)
DONE: Colour = (40, 138, 86)
PAIN_BEFORE: Colour = (196, 52, 64)
PAIN_AFTER: Colour = (52, 96, 200)
PAIN_LINK: Colour = (150, 146, 140)


@dataclass(frozen=True)
class Palette:
    """The colours the chart is drawn in."""

    background: Colour = BACKGROUND
    ink: Colour = INK
    dim: Colour = DIM
    grid: Colour = GRID
    today_band: Colour = TODAY_BAND
    minutes: Colour = MINUTES
    done: Colour = DONE
    pain_before: Colour = PAIN_BEFORE
    pain_after: Colour = PAIN_AFTER
    pain_link: Colour = PAIN_LINK


ON_SCREEN = Palette()
FOR_PRINT = Palette(
    background=(255, 255, 255),
    ink=(0, 0, 0),
    dim=(60, 60, 60),
    grid=(205, 205, 205),
    today_band=(238, 238, 238),
    minutes=(150, 150, 150),
    done=(0, 0, 0),
    pain_before=(0, 0, 0),
    pain_after=(90, 90, 90),
    pain_link=(140, 140, 140),
)
"""Greys, black on white: the same in black-and-white print, told apart by shape (a round
mark before, a square one after; a dot for a day done, a ring for one played)."""

NICE_STEPS = (5, 10, 15, 20, 30, 60)
"""Minutes between the lines across the bars: the smallest that gives at most 6 lines."""


@dataclass(frozen=True)
class ChartLayout:
    """Where everything goes; the tests read the picture through it too."""

    first: date
    days: int
    today: date
    plot: pygame.Rect
    """The area of the minute bars."""
    done_y: int
    """The middle of the row of marks for days done."""
    labels_y: int
    pain: pygame.Rect
    """The area of the pain scores, 0 at its bottom and 10 at its top."""

    @property
    def column_width(self) -> float:
        return self.plot.width / self.days

    def column(self, day: date) -> int:
        """The index of ``day``'s column."""
        return (day - self.first).days

    def centre_x(self, day: date) -> int:
        return round(self.plot.left + (self.column(day) + 0.5) * self.column_width)

    @property
    def pain_offset(self) -> int:
        """How far left of a day's middle its pain before is, and right its pain after."""
        return max(4, round(self.column_width * 0.18))

    def pain_y(self, score: float) -> int:
        return round(self.pain.bottom - score / 10 * self.pain.height)


def chart_layout(today: date, weeks: int = 4, size: tuple[int, int] = SIZE) -> ChartLayout:
    """Whole weeks, Monday to Sunday, ending with the week of ``today``."""
    if weeks < 1:
        raise ValueError("a chart shows at least one week")
    width, height = size
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    left, right = 90, width - 40
    plot = pygame.Rect(left, 150, right - left, round(height * 0.40))
    done_y = plot.bottom + 22
    labels_y = done_y + 22
    pain_top = labels_y + 80
    pain = pygame.Rect(left, pain_top, right - left, height - pain_top - 40)
    return ChartLayout(first, weeks * 7, today, plot, done_y, labels_y, pain)


class _Fonts:
    def __init__(self) -> None:
        pygame.font.init()
        self._made: dict[int, pygame.font.Font] = {}

    def __call__(self, size: int) -> pygame.font.Font:
        if size not in self._made:
            self._made[size] = fonts.load(fonts.current_face(), size)
        return self._made[size]


def draw_chart(
    days: Mapping[date, Day],
    today: date,
    weeks: int = 4,
    size: tuple[int, int] = SIZE,
    palette: Palette = ON_SCREEN,
) -> pygame.Surface:
    """The chart of the ``weeks`` weeks up to ``today``'s, from the days of a summary, in
    the colours of the screen or the greys of print."""
    layout = chart_layout(today, weeks, size)
    font = _Fonts()
    surface = pygame.Surface(size)
    surface.fill(palette.background)
    shown = [
        days[layout.first + timedelta(days=i)]
        for i in range(layout.days)
        if layout.first + timedelta(days=i) in days
    ]
    _today_band(surface, layout, palette)
    _title(surface, layout, shown, font, palette)
    _legend(surface, layout, font, palette)
    _minutes(surface, layout, shown, font, palette)
    _done_marks(surface, layout, shown, palette)
    _day_labels(surface, layout, font, palette)
    _pain(surface, layout, shown, font, palette)
    return surface


def save_chart(path: Path, days: Mapping[date, Day], today: date, weeks: int = 4) -> None:
    """Draw the chart and write it to ``path`` as a PNG."""
    save_png(draw_chart(days, today, weeks), path)


# -- parts --------------------------------------------------------------------------------


def _text(
    surface: pygame.Surface,
    font: _Fonts,
    words: str,
    size: int,
    colour: Colour,
    at: tuple[int, int],
    anchor: str = "topleft",
) -> pygame.Rect:
    image = font(size).render(fonts.shaped(words), True, colour)
    rect = image.get_rect(**{anchor: at})
    surface.blit(image, rect)
    return rect


def _today_band(surface: pygame.Surface, layout: ChartLayout, palette: Palette) -> None:
    x = layout.plot.left + layout.column(layout.today) * layout.column_width
    band = pygame.Rect(round(x), layout.plot.top, round(layout.column_width), 0)
    band.height = layout.pain.bottom - layout.plot.top
    surface.fill(palette.today_band, band)


def _title(
    surface: pygame.Surface, layout: ChartLayout, shown: list[Day], font: _Fonts, palette: Palette
) -> None:
    weeks = layout.days // 7
    last = layout.first + timedelta(days=layout.days - 1)
    heading = ngettext("The last {count} week", "The last {count} weeks", weeks).format(count=weeks)
    _text(surface, font, heading, 44, palette.ink, (layout.plot.left, 24))
    facts = facts_line(layout.first, last, shown)
    _text(surface, font, facts, 28, palette.dim, (layout.plot.left, 62))


def facts_line(first: date, last: date, shown: Sequence[Day]) -> str:
    """ "2 Mar to 29 Mar 2026:  12 days done,  96 minutes in all": under the heading."""
    done = sum(1 for d in shown if d.done)
    practised = sum(d.done_ms for d in shown)
    minutes = round(practised / 60_000)
    days = ngettext("{count} day done", "{count} days done", done).format(count=done)
    if minutes == 0 and practised > 0:
        # TRANSLATORS: on the chart, for less than half a minute played in all its weeks
        in_all = _("under a minute in all")
    else:
        in_all = ngettext("{count} minute in all", "{count} minutes in all", minutes).format(
            count=minutes
        )
    # TRANSLATORS: under the chart's heading: "2 Mar to 29 Mar 2026:  12 days done,  96
    # minutes in all"
    return _("{first} to {last}:  {days},  {minutes}").format(
        first=day_month(first), last=day_month_year(last), days=days, minutes=in_all
    )


def _legend(surface: pygame.Surface, layout: ChartLayout, font: _Fonts, palette: Palette) -> None:
    x, y = layout.plot.left, 104
    items: list[tuple[str, str, Colour]] = [
        ("bar", N_("minutes that day"), palette.minutes),
        ("dot", N_("a session done"), palette.done),
        ("ring", N_("played, none done"), palette.done),
        ("circle", N_("pain before"), palette.pain_before),
        ("square", N_("pain after"), palette.pain_after),
    ]
    for shape, words, colour in items:
        _mark(surface, shape, colour, (x + 9, y + 9))
        rect = _text(surface, font, _(words), 24, palette.ink, (x + 26, y + 9), "midleft")
        x = rect.right + 30


def _mark(surface: pygame.Surface, shape: str, colour: Colour, centre: tuple[int, int]) -> None:
    cx, cy = centre
    if shape == "bar":
        surface.fill(colour, pygame.Rect(cx - 7, cy - 9, 14, 18))
    elif shape == "dot":
        pygame.draw.circle(surface, colour, centre, 7)
    elif shape == "ring":
        pygame.draw.circle(surface, colour, centre, 7, 2)
    elif shape == "circle":
        pygame.draw.circle(surface, colour, centre, 7)
    else:
        surface.fill(colour, pygame.Rect(cx - 6, cy - 6, 13, 13))


def _minutes_scale(most: float) -> tuple[int, int]:
    """The top of the scale and the step between its lines, in minutes."""
    most = max(most, 10)
    step = next((s for s in NICE_STEPS if most / s <= 6), 60 * -(-int(most) // 360))
    top = step * -(-int(most + 0.999) // step)
    return top, step


def _minutes(
    surface: pygame.Surface, layout: ChartLayout, shown: list[Day], font: _Fonts, palette: Palette
) -> None:
    plot = layout.plot
    top, step = _minutes_scale(max((d.done_ms / 60_000 for d in shown), default=0))
    for value in range(0, top + 1, step):
        y = round(plot.bottom - value / top * plot.height)
        pygame.draw.line(surface, palette.grid, (plot.left, y), (plot.right, y), 1)
        _text(surface, font, str(value), 22, palette.dim, (plot.left - 10, y), "midright")
    # TRANSLATORS: the label of the chart's scale of minutes
    _text(surface, font, _("minutes"), 22, palette.dim, (plot.left - 10, plot.top - 16), "midright")
    bar = max(4, round(layout.column_width * 0.62))
    for day in shown:
        if day.done_ms <= 0:
            continue
        height = max(2, round(day.done_ms / 60_000 / top * plot.height))
        rect = pygame.Rect(0, 0, bar, height)
        rect.midbottom = (layout.centre_x(day.day), plot.bottom)
        surface.fill(palette.minutes, rect)
    if not any(day.done_ms > 0 for day in shown):
        _text(
            surface, font, _("No sessions in these weeks"), 30, palette.dim, plot.center, "center"
        )
    pygame.draw.line(surface, palette.dim, plot.bottomleft, plot.bottomright, 2)
    for week in range(1, layout.days // 7):
        x = round(plot.left + week * 7 * layout.column_width)
        pygame.draw.line(surface, palette.grid, (x, plot.top), (x, layout.pain.bottom), 1)


def _done_marks(
    surface: pygame.Surface, layout: ChartLayout, shown: list[Day], palette: Palette
) -> None:
    for day in shown:
        centre = (layout.centre_x(day.day), layout.done_y)
        if day.done:
            pygame.draw.circle(surface, palette.done, centre, 8)
        elif day.played:
            pygame.draw.circle(surface, palette.done, centre, 8, 2)


def _day_labels(
    surface: pygame.Surface, layout: ChartLayout, font: _Fonts, palette: Palette
) -> None:
    for i in range(layout.days):
        day = layout.first + timedelta(days=i)
        x = layout.centre_x(day)
        colour = palette.ink if day <= layout.today else palette.grid
        _text(surface, font, weekday_letter(day), 22, colour, (x, layout.labels_y), "midtop")
        if day.weekday() == 0:
            _text(
                surface, font, day_month(day), 22, palette.dim, (x, layout.labels_y + 22), "midtop"
            )
        if day == layout.today:
            # TRANSLATORS: under today's column of the chart
            _text(surface, font, _("today"), 22, palette.ink, (x, layout.labels_y + 44), "midtop")


def _pain(
    surface: pygame.Surface, layout: ChartLayout, shown: list[Day], font: _Fonts, palette: Palette
) -> None:
    area = layout.pain
    heading = _("Pain before and after a session, from 0 (none) to 10 (worst)")
    _text(surface, font, heading, 24, palette.dim, (area.left, area.top - 22), "midleft")
    for score in (0, 5, 10):
        y = layout.pain_y(score)
        pygame.draw.line(surface, palette.grid, (area.left, y), (area.right, y), 1)
        _text(surface, font, str(score), 22, palette.dim, (area.left - 10, y), "midright")
    offset = layout.pain_offset
    for day in shown:
        x = layout.centre_x(day.day)
        before, after = day.pain_before, day.pain_after
        if before is not None and after is not None:
            pygame.draw.line(
                surface,
                palette.pain_link,
                (x - offset, layout.pain_y(before)),
                (x + offset, layout.pain_y(after)),
                2,
            )
        if before is not None:
            _mark(surface, "circle", palette.pain_before, (x - offset, layout.pain_y(before)))
        if after is not None:
            _mark(surface, "square", palette.pain_after, (x + offset, layout.pain_y(after)))
