"""Drawing a :class:`Shown` onto a surface. Decides nothing: it draws what it is handed.

``draw`` paints the whole window; ``draw_breath`` repaints only the breathing circle's
box, beside the countdown, and returns that box.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from player.language import _
from player.playback.motion import FigureMoment, still_moment
from player.window.assets import Assets
from player.window.figures import draw_figure
from player.window.layout import WIDE_BUTTONS, Box, Layout, layout
from player.window.overlays import cover, end_screen
from player.window.paint import block, button, line, rect
from player.window.present import Shown
from player.window.theme import DEFAULT_THEME, Colour, Palette, Theme

SMALLEST_LABEL = 20
"""Below this font size, buttons show their short labels."""


@dataclass(frozen=True)
class Words:
    """What to do, as drawn: the box it may fill, its size and its lines."""

    box: Box
    size: int
    lines: tuple[str, ...]
    line_height: int


STATUS_GAP = 80
"""The least space between phase, side and repetition, as a share of their row's width
(an eightieth), so that the three together fit at the size that reads from across a room;
their colours tell them apart."""


def do_sizes(height: int, theme: Theme) -> tuple[int, int, int]:
    """The largest, the readable and the smallest size of what to do, in a window
    ``height`` tall. The layout keeps room for it at the readable size."""
    scale = theme.text_scale
    return (
        round(height * 0.075 * scale),
        round(height * 0.055 * scale),
        round(height * 0.032 * scale),
    )


def layout_for(
    surface: pygame.Surface, shown: Shown, assets: Assets, theme: Theme = DEFAULT_THEME
) -> Layout:
    """The regions of the session screen for ``shown``: the picture gets what the words,
    at a readable size, leave of its column."""
    width, height = surface.get_size()
    names, has_picture, scale = shown.button_names, shown.has_picture, theme.text_scale
    first = layout(width, height, names, has_picture, scale)
    if not has_picture or not shown.do_text or first.figure_first:
        return first
    readable = do_sizes(height, theme)[1]
    size, lines = assets.fit_block(shown.do_text, first.do_text.w, 1 << 30, readable, readable)
    needed = len(lines) * round(assets.font(size).get_height() * 1.08)
    # The words may also take what the next-up line leaves of its box.
    spare = max(0, _next_up_top(first, shown, assets, theme) - first.next_up.y)
    return layout(width, height, names, has_picture, scale, max(0, needed - spare))


def do_words(where: Layout, shown: Shown, assets: Assets, theme: Theme) -> Words | None:
    """Where and how large what to do is drawn: it may use whatever room the next-up line
    leaves above it."""
    if not shown.do_text or where.figure_first:
        return None
    height = where.size[1]
    next_top = _next_up_top(where, shown, assets, theme)
    box = where.do_text
    top = box.y if shown.position else where.position.y
    bottom = box.bottom + max(0, next_top - where.next_up.y)
    room = Box(box.x, top, box.w, max(0, bottom - top))
    largest, _readable, smallest = do_sizes(height, theme)
    size, lines = assets.fit_block(shown.do_text, room.w, room.h, largest, max(8, smallest))
    step = round(assets.font(size).get_height() * 1.08)
    return Words(room, size, tuple(lines), step)


def draw(
    surface: pygame.Surface,
    shown: Shown,
    assets: Assets,
    breath: float = 0.0,
    theme: Theme = DEFAULT_THEME,
    figure: FigureMoment | None = None,
) -> Layout:
    """Paint everything; ``breath`` is how far through its phase the circle is (0 to 1),
    ``figure`` the step's figure at this moment (its still pose when left out). The
    regions it painted, for redrawing a part of them later."""
    where = layout_for(surface, shown, assets, theme)
    colours = theme.palette
    surface.fill(colours.background)
    if shown.finished:
        end_screen(surface, where, shown, assets, theme)
        _buttons(surface, where, shown, assets, colours)
        return where
    _progress(surface, where.progress, shown.progress, shown.marks, colours)
    if where.figure_first:  # the name beside the figure, on up to two lines
        largest = round(where.title.h * 0.62 * theme.text_scale)
        smallest = round(where.title.h * 0.31)
        block(surface, assets, shown.title, where.title, colours.text, largest, smallest, "left")
    else:
        line(surface, assets, shown.title, where.title, colours.text, "left")
    line(surface, assets, shown.info, where.info.inset(0, where.info.h // 5), colours.dim, "right")
    _countdown(surface, where, shown, assets, breath, colours)
    if shown.segment_done is not None:
        _bar(surface, where.segment_bar, shown.segment_done, colours)
    _status(surface, where.status, shown, assets, colours)
    if where.picture is not None and shown.figure is not None:
        moment = figure if figure is not None else still_moment(shown.figure)
        _figure(surface, where.picture, moment, assets, colours)
    elif where.picture is not None and shown.picture is not None:
        _picture(surface, where.picture, shown.picture, assets, colours)
    if shown.next_up:
        largest = _next_up_size(where, assets, theme)
        block(
            surface,
            assets,
            shown.next_up,
            where.next_up,
            colours.dim,
            largest,
            largest // 2,
            "bottom",
        )
    if shown.position:
        label = where.position.inset(0, where.position.h // 8)
        line(surface, assets, shown.position.upper(), label, colours.dim, "left")
    words = do_words(where, shown, assets, theme)
    if words is not None:
        _words(surface, words, assets, colours.text)
    if shown.caption:
        _caption(surface, where.caption, shown.caption, assets, colours)
    elif shown.do_text and where.figure_first:  # what to do goes in the band
        _caption(surface, where.caption, shown.do_text, assets, colours, colours.dim)
    _buttons(surface, where, shown, assets, colours)
    if shown.cover is not None:
        cover(surface, where, shown, assets, colours)
    if shown.flash:
        _flash(surface, colours)
    return where


def flash_width(size: tuple[int, int]) -> int:
    """How wide the lit edge is: the window's margin, so that it catches the eye from
    across a room and covers none of what is shown (see ``layout``'s margin)."""
    width, height = size
    return max(4, round(min(width, height * 16 / 9) * 0.018) - 2)


def _flash(surface: pygame.Surface, colours: Palette) -> None:
    """Light the window's edge, over everything, in the accent colour."""
    width = flash_width(surface.get_size())
    pygame.draw.rect(surface, colours.accent, surface.get_rect(), width)


def draw_breath(
    surface: pygame.Surface,
    shown: Shown,
    assets: Assets,
    breath: float,
    theme: Theme = DEFAULT_THEME,
) -> Box:
    """Repaint the breathing circle alone; the box to put on screen."""
    box = layout_for(surface, shown, assets, theme).breath
    _circle(surface, box, shown.breath, breath, theme.palette)
    return box


# -- parts --------------------------------------------------------------------------------


def _next_up_size(where: Layout, assets: Assets, theme: Theme) -> int:
    height = where.size[1]
    return assets.fit_line("Hg", 10_000, round(height * 0.05 * theme.text_scale), 1000)


def _next_up_top(where: Layout, shown: Shown, assets: Assets, theme: Theme) -> int:
    """Where the first line of what comes next starts (it sits at the bottom of its box)."""
    box = where.next_up
    if not shown.next_up or box.w <= 0 or box.h <= 0:
        return box.bottom
    largest = _next_up_size(where, assets, theme)
    size, lines = assets.fit_block(shown.next_up, box.w, box.h, largest, max(8, largest // 2))
    return box.bottom - round(assets.font(size).get_height() * 1.08) * len(lines)


def _words(surface: pygame.Surface, words: Words, assets: Assets, colour: Colour) -> None:
    clip = surface.get_clip()
    surface.set_clip(rect(words.box))
    y = words.box.y
    for words_line in words.lines:
        surface.blit(assets.render(words_line, words.size, colour), (words.box.x, y))
        y += words.line_height
    surface.set_clip(clip)


def _track(surface: pygame.Surface, box: Box, done: float, colours: Palette) -> None:
    radius = box.h // 2
    pygame.draw.rect(surface, colours.track, rect(box), border_radius=radius)
    filled = round(box.w * max(0.0, min(1.0, done)))
    if filled > 0:
        pygame.draw.rect(
            surface, colours.accent, (box.x, box.y, max(filled, box.h), box.h), border_radius=radius
        )
    if colours.track_edge is not None:
        edge = max(2, min(colours.outline, box.h // 3))
        pygame.draw.rect(surface, colours.track_edge, rect(box), edge, border_radius=radius)


def _progress(
    surface: pygame.Surface, box: Box, done: float, marks: tuple[float, ...], colours: Palette
) -> None:
    _track(surface, box, done, colours)
    radius = box.h // 2
    width = max(2, box.h // 5)
    for mark in marks:
        x = box.x + round(box.w * mark)
        if box.x + radius < x < box.right - radius:
            pygame.draw.rect(surface, colours.background, (x - width // 2, box.y, width, box.h))


def _bar(surface: pygame.Surface, box: Box, done: float, colours: Palette) -> None:
    _track(surface, box, done, colours)


def _countdown(
    surface: pygame.Surface,
    where: Layout,
    shown: Shown,
    assets: Assets,
    breath: float,
    colours: Palette,
) -> None:
    box = where.countdown
    if shown.breath_room:
        _circle(surface, where.breath, shown.breath, breath, colours)
        box = where.beside
    size = assets.fit_ink(shown.big_template, round(box.w * 0.92), round(box.h * 0.92))
    image = assets.render(shown.big, size, colours.text)
    ink = image.get_bounding_rect()
    cx, cy = box.center
    clip = surface.get_clip()
    surface.set_clip(rect(box))
    surface.blit(image, (cx - ink.centerx, cy - ink.centery))
    surface.set_clip(clip)


def _circle(
    surface: pygame.Surface, box: Box, breath: str | None, fraction: float, colours: Palette
) -> None:
    """Grows through a squeeze or hold, stays full between, shrinks through a relax; small
    and still while the step has no phase under way."""
    surface.fill(colours.background, rect(box))
    eased = (1 - math.cos(math.pi * max(0.0, min(1.0, fraction)))) / 2
    size = {"grow": eased, "hold": 1.0, "shrink": 1.0 - eased}.get(breath or "", 0.0)
    largest = min(box.w, box.h) // 2 - 2
    smallest = largest * 0.3
    radius = round(smallest + (largest - smallest) * size)
    rim = max(2, largest // 24, colours.outline)
    track = colours.track_edge or colours.track
    pygame.draw.circle(surface, track, box.center, largest, max(1, rim // 2))
    pygame.draw.circle(surface, colours.accent_dark, box.center, radius)
    pygame.draw.circle(
        surface, colours.accent if breath else colours.panel_edge, box.center, radius, rim
    )


def _status(
    surface: pygame.Surface, row: Box, shown: Shown, assets: Assets, colours: Palette
) -> None:
    """Phase at the left, repetition at the right, side between, all at one size."""
    first = (shown.hint, colours.accent) if shown.hint else (shown.phase, colours.accent)
    middle = ("", colours.text) if shown.hint else (shown.side, colours.dim)  # three colours
    items = [item for item in (first, middle, (shown.rep, colours.text)) if item[0]]
    if not items:
        return
    gap = max(8, row.w // STATUS_GAP)
    size = assets.fit_row(tuple(words for words, _colour in items), row.w, row.h, gap)
    images = [assets.render(words, size, colour) for words, colour in items]
    y = row.y + (row.h - images[0].get_height()) // 2
    surface.blit(images[0], (row.x, y))
    if len(images) > 1:
        last = images[-1]
        surface.blit(last, (row.right - last.get_width(), y))
    if len(images) == 3:
        left_end = row.x + images[0].get_width()
        right_start = row.right - images[2].get_width()
        surface.blit(images[1], ((left_end + right_start - images[1].get_width()) // 2, y))


def figure_box(box: Box) -> Box:
    """Where a figure is drawn in the picture's ``box``: as large as fits, twice as wide as
    high, in the middle."""
    width = min(box.w, box.h * 2)
    height = width // 2
    return Box(box.center[0] - width // 2, box.center[1] - height // 2, width, height)


def draw_figure_frame(
    surface: pygame.Surface,
    picture: Box,
    assets: Assets,
    figure: FigureMoment,
    theme: Theme = DEFAULT_THEME,
) -> Box:
    """Repaint the figure alone at ``figure``'s moment in the ``picture`` box of the layout
    last drawn; the box to put on screen."""
    return _figure(surface, picture, figure, assets, theme.palette)


def _figure(
    surface: pygame.Surface, box: Box, moment: FigureMoment, assets: Assets, colours: Palette
) -> Box:
    where = figure_box(box)
    art = assets.figure_canvas(where.w, where.h)
    draw_figure(art, moment)
    surface.fill(colours.background, rect(where))
    surface.blit(art, (where.x, where.y))
    if colours.track_edge is not None:
        pygame.draw.rect(surface, colours.panel_edge, rect(where), colours.outline)
    return where


def _picture(
    surface: pygame.Surface, box: Box, name: str, assets: Assets, colours: Palette
) -> None:
    image = assets.picture(name, box.w, box.h)
    if image is not None:
        surface.blit(image, image.get_rect(center=box.center))
        if colours.track_edge is not None:
            frame = image.get_rect(center=box.center)
            pygame.draw.rect(surface, colours.panel_edge, frame, colours.outline)
        return
    _placeholder(surface, box, name, assets, colours)


def _placeholder(
    surface: pygame.Surface, box: Box, name: str, assets: Assets, colours: Palette
) -> None:
    """A drawn frame with a small landscape in it, for a picture that cannot be shown."""
    edge = colours.panel_edge
    radius = max(4, min(box.w, box.h) // 20)
    pygame.draw.rect(surface, colours.panel, rect(box), border_radius=radius)
    pygame.draw.rect(
        surface, edge, rect(box), max(2, radius // 3, colours.outline), border_radius=radius
    )
    icon_h = box.h // 3
    icon = Box(box.center[0] - icon_h * 2 // 3, box.y + box.h // 6, icon_h * 4 // 3, icon_h)
    pygame.draw.rect(surface, edge, rect(icon), max(2, icon_h // 16), border_radius=icon_h // 10)
    hills = [
        (icon.x + icon.w // 8, icon.bottom - icon.h // 6),
        (icon.x + icon.w * 3 // 8, icon.y + icon.h // 2),
        (icon.x + icon.w * 5 // 8, icon.bottom - icon.h // 6),
    ]
    pygame.draw.polygon(surface, edge, hills)
    pygame.draw.circle(
        surface, edge, (icon.x + icon.w * 3 // 4, icon.y + icon.h // 3), max(2, icon.h // 9)
    )
    words = Box(box.x + radius, icon.bottom + box.h // 12, box.w - 2 * radius, box.h // 7)
    # TRANSLATORS: in place of a picture the routine names that cannot be shown
    line(surface, assets, _("No picture"), words, colours.dim, "center")
    file_name = Box(words.x, words.bottom, words.w, box.h // 9)
    line(
        surface,
        assets,
        name.replace("\\", "/").rsplit("/", 1)[-1],
        file_name,
        colours.dim,
        "center",
    )


def _caption(
    surface: pygame.Surface,
    box: Box,
    words: str,
    assets: Assets,
    colours: Palette,
    ink: Colour | None = None,
) -> None:
    """The band at the foot: what was just said, or (in ``ink``) what to do."""
    radius = max(4, box.h // 8)
    pygame.draw.rect(surface, colours.caption_band, rect(box), border_radius=radius)
    if colours.caption_edge is not None:
        pygame.draw.rect(
            surface, colours.caption_edge, rect(box), colours.outline, border_radius=radius
        )
    inner = box.inset(radius * 2, box.h // 12)
    largest = assets.fit_line("Hg", 10_000, round(inner.h * 0.5), 1000)
    smallest = max(10, round(largest * 0.5))
    block(surface, assets, words, inner, ink or colours.text, largest, smallest, "center")


def _buttons(
    surface: pygame.Surface, where: Layout, shown: Shown, assets: Assets, colours: Palette
) -> None:
    """Every button, its label at one size for all (the size the longest label allows);
    a wide button ("Something is wrong") at the size its own box allows, in its colour."""
    if not where.buttons:
        return
    faces = {face.name: face for face in shown.buttons}
    sample = where.buttons[0][1]
    inner = sample.inset(max(3, sample.w // 14), max(2, sample.h // 10))
    hints = sample.h >= 44
    label_h = inner.h * 3 // 5 if hints else inner.h
    ordinary = [f for f in shown.buttons if f.name not in WIDE_BUTTONS] or list(shown.buttons)
    label_size = min(assets.fit_line(f.label, inner.w, label_h, 1000) for f in ordinary)
    shorten_labels = label_size < SMALLEST_LABEL
    if shorten_labels:
        label_size = min(
            assets.fit_line(f.short or f.label, inner.w, label_h, 1000) for f in ordinary
        )
    key_size = min(assets.fit_line(f.key, inner.w, inner.h - label_h, 1000) for f in ordinary)
    for name, box in where.buttons:
        face = faces[name]
        words = face.short or face.label if shorten_labels else face.label
        size = label_size
        if name in WIDE_BUTTONS:
            wide = box.inset(max(3, sample.w // 14), max(2, sample.h // 10))
            words, size = face.label, assets.fit_line(face.label, wide.w, label_h, 1000)
            _alarm_button(surface, box, colours)
            ink, key_ink = colours.on_alarm, colours.on_alarm
        else:
            button(surface, box, colours, face.lit)
            ink = colours.on_accent if face.lit else colours.text
            key_ink = colours.on_accent if face.lit else colours.dim
        cx = box.center[0]
        label = assets.render(words, size, ink)
        if hints:
            key = assets.render(face.key, key_size, key_ink)
            top = box.y + (box.h - label.get_height() - key.get_height()) // 2
            surface.blit(label, (cx - label.get_width() // 2, top))
            surface.blit(key, (cx - key.get_width() // 2, top + label.get_height()))
        else:
            surface.blit(label, label.get_rect(center=box.center))


def _alarm_button(surface: pygame.Surface, box: Box, colours: Palette) -> None:
    """The face of "Something is wrong": filled with the alarm colour, outlined in white."""
    radius = max(4, box.h // 6)
    pygame.draw.rect(surface, colours.alarm, rect(box), border_radius=radius)
    edge = max(2, colours.outline)
    pygame.draw.rect(surface, colours.on_alarm, rect(box), edge, border_radius=radius)
