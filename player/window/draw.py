"""Drawing a :class:`Shown` onto a surface. Decides nothing: it draws what it is handed.

``draw`` paints the whole window; ``draw_breath`` repaints only the breathing circle's
box, beside the countdown, and returns that box.
"""

from __future__ import annotations

import math

import pygame

from player.window.assets import Assets
from player.window.layout import Box, Layout, layout
from player.window.overlays import cover, end_screen
from player.window.paint import block, line, rect
from player.window.present import Shown
from player.window.theme import (
    ACCENT,
    ACCENT_DARK,
    BACKGROUND,
    CAPTION_BAND,
    DIM,
    PANEL,
    PANEL_EDGE,
    TEXT,
    TRACK,
)

SMALLEST_LABEL = 20
"""Below this font size, buttons show their short labels."""


def layout_for(surface: pygame.Surface, shown: Shown) -> Layout:
    width, height = surface.get_size()
    return layout(width, height, shown.button_names, shown.picture is not None)


def draw(surface: pygame.Surface, shown: Shown, assets: Assets, breath: float = 0.0) -> None:
    """Paint everything; ``breath`` is how far through its phase the circle is (0 to 1)."""
    where = layout_for(surface, shown)
    surface.fill(BACKGROUND)
    if shown.finished:
        end_screen(surface, where, shown.summary, shown.routine_title, assets)
        _buttons(surface, where, shown, assets)
        return
    height = where.size[1]
    _progress(surface, where.progress, shown.progress, shown.marks)
    line(surface, assets, shown.title, where.title, TEXT, "left")
    line(surface, assets, shown.info, where.info.inset(0, where.info.h // 5), DIM, "right")
    _countdown(surface, where, shown, assets, breath)
    if shown.segment_done is not None:
        _bar(surface, where.segment_bar, shown.segment_done)
    _status(surface, where.status, shown, assets)
    if where.picture is not None and shown.picture is not None:
        _picture(surface, where.picture, shown.picture, assets)
    next_top = where.next_up.bottom
    if shown.next_up:
        largest = assets.fit_line("Hg", 10_000, round(height * 0.06), 1000)
        next_top = block(
            surface, assets, shown.next_up, where.next_up, DIM, largest, largest // 2, "bottom"
        )
    # What to do may use whatever room the next-up line leaves above it.
    words = where.do_text
    top = words.y if shown.position else where.position.y
    bottom = words.bottom + max(0, next_top - where.next_up.y)
    if shown.position:
        label = where.position.inset(0, where.position.h // 8)
        line(surface, assets, shown.position.upper(), label, DIM, "left")
    if shown.do_text:
        largest, smallest = round(height * 0.075), round(height * 0.032)
        box = Box(words.x, top, words.w, bottom - top)
        block(surface, assets, shown.do_text, box, TEXT, largest, smallest, "left")
    if shown.caption:
        _caption(surface, where.caption, shown.caption, assets)
    _buttons(surface, where, shown, assets)
    if shown.cover is not None:
        cover(surface, where, shown, assets)


def draw_breath(surface: pygame.Surface, shown: Shown, assets: Assets, breath: float) -> Box:
    """Repaint the breathing circle alone; the box to put on screen."""
    box = layout_for(surface, shown).breath
    _circle(surface, box, shown.breath, breath)
    return box


# -- parts --------------------------------------------------------------------------------


def _progress(surface: pygame.Surface, box: Box, done: float, marks: tuple[float, ...]) -> None:
    radius = box.h // 2
    pygame.draw.rect(surface, TRACK, rect(box), border_radius=radius)
    filled = round(box.w * max(0.0, min(1.0, done)))
    if filled > 0:
        pygame.draw.rect(
            surface, ACCENT, (box.x, box.y, max(filled, box.h), box.h), border_radius=radius
        )
    width = max(2, box.h // 5)
    for mark in marks:
        x = box.x + round(box.w * mark)
        if box.x + radius < x < box.right - radius:
            pygame.draw.rect(surface, BACKGROUND, (x - width // 2, box.y, width, box.h))


def _bar(surface: pygame.Surface, box: Box, done: float) -> None:
    radius = box.h // 2
    pygame.draw.rect(surface, TRACK, rect(box), border_radius=radius)
    filled = round(box.w * max(0.0, min(1.0, done)))
    if filled > 0:
        pygame.draw.rect(
            surface, ACCENT, (box.x, box.y, max(filled, box.h), box.h), border_radius=radius
        )


def _countdown(
    surface: pygame.Surface, where: Layout, shown: Shown, assets: Assets, breath: float
) -> None:
    box = where.countdown
    if shown.breath_room:
        _circle(surface, where.breath, shown.breath, breath)
        box = where.beside
    size = assets.fit_ink(shown.big_template, round(box.w * 0.92), round(box.h * 0.92))
    image = assets.render(shown.big, size, TEXT)
    ink = image.get_bounding_rect()
    cx, cy = box.center
    clip = surface.get_clip()
    surface.set_clip(rect(box))
    surface.blit(image, (cx - ink.centerx, cy - ink.centery))
    surface.set_clip(clip)


def _circle(surface: pygame.Surface, box: Box, breath: str | None, fraction: float) -> None:
    """Grows through a squeeze or hold, stays full between, shrinks through a relax; small
    and still while the step has no phase under way."""
    surface.fill(BACKGROUND, rect(box))
    eased = (1 - math.cos(math.pi * max(0.0, min(1.0, fraction)))) / 2
    size = {"grow": eased, "hold": 1.0, "shrink": 1.0 - eased}.get(breath or "", 0.0)
    largest = min(box.w, box.h) // 2 - 2
    smallest = largest * 0.3
    radius = round(smallest + (largest - smallest) * size)
    rim = max(2, largest // 24)
    pygame.draw.circle(surface, TRACK, box.center, largest, max(1, rim // 2))
    pygame.draw.circle(surface, ACCENT_DARK, box.center, radius)
    pygame.draw.circle(surface, ACCENT if breath else PANEL_EDGE, box.center, radius, rim)


def _status(surface: pygame.Surface, row: Box, shown: Shown, assets: Assets) -> None:
    """Phase at the left, repetition at the right, side between, all at one size."""
    first = (shown.hint, ACCENT) if shown.hint else (shown.phase, ACCENT)
    middle = ("", TEXT) if shown.hint else (shown.side, TEXT)
    items = [item for item in (first, middle, (shown.rep, TEXT)) if item[0]]
    if not items:
        return
    gap = max(8, row.w // 16)
    size = assets.fit_row(tuple(words for words, _ in items), row.w, row.h, gap)
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


def _picture(surface: pygame.Surface, box: Box, name: str, assets: Assets) -> None:
    image = assets.picture(name, box.w, box.h)
    if image is not None:
        surface.blit(image, image.get_rect(center=box.center))
        return
    _placeholder(surface, box, name, assets)


def _placeholder(surface: pygame.Surface, box: Box, name: str, assets: Assets) -> None:
    """A drawn frame with a small landscape in it, for a picture that cannot be shown."""
    radius = max(4, min(box.w, box.h) // 20)
    pygame.draw.rect(surface, PANEL, rect(box), border_radius=radius)
    pygame.draw.rect(surface, PANEL_EDGE, rect(box), max(2, radius // 3), border_radius=radius)
    icon_h = box.h // 3
    icon = Box(box.center[0] - icon_h * 2 // 3, box.y + box.h // 6, icon_h * 4 // 3, icon_h)
    pygame.draw.rect(
        surface, PANEL_EDGE, rect(icon), max(2, icon_h // 16), border_radius=icon_h // 10
    )
    hills = [
        (icon.x + icon.w // 8, icon.bottom - icon.h // 6),
        (icon.x + icon.w * 3 // 8, icon.y + icon.h // 2),
        (icon.x + icon.w * 5 // 8, icon.bottom - icon.h // 6),
    ]
    pygame.draw.polygon(surface, PANEL_EDGE, hills)
    pygame.draw.circle(
        surface, PANEL_EDGE, (icon.x + icon.w * 3 // 4, icon.y + icon.h // 3), max(2, icon.h // 9)
    )
    words = Box(box.x + radius, icon.bottom + box.h // 12, box.w - 2 * radius, box.h // 7)
    line(surface, assets, "No picture", words, DIM, "center")
    file_name = Box(words.x, words.bottom, words.w, box.h // 9)
    line(surface, assets, name.replace("\\", "/").rsplit("/", 1)[-1], file_name, DIM, "center")


def _caption(surface: pygame.Surface, box: Box, words: str, assets: Assets) -> None:
    radius = max(4, box.h // 8)
    pygame.draw.rect(surface, CAPTION_BAND, rect(box), border_radius=radius)
    inner = box.inset(radius * 2, box.h // 12)
    largest = assets.fit_line("Hg", 10_000, round(inner.h * 0.5), 1000)
    smallest = max(10, round(largest * 0.6))
    block(surface, assets, words, inner, TEXT, largest, smallest, "center")


def _buttons(surface: pygame.Surface, where: Layout, shown: Shown, assets: Assets) -> None:
    """Every button, its label at one size for all (the size the longest label allows)."""
    if not where.buttons:
        return
    faces = {face.name: face for face in shown.buttons}
    sample = where.buttons[0][1]
    inner = sample.inset(max(3, sample.w // 14), max(2, sample.h // 10))
    hints = sample.h >= 44
    label_h = inner.h * 3 // 5 if hints else inner.h
    label_size = min(assets.fit_line(f.label, inner.w, label_h, 1000) for f in shown.buttons)
    shorten_labels = label_size < SMALLEST_LABEL
    if shorten_labels:
        label_size = min(
            assets.fit_line(f.short or f.label, inner.w, label_h, 1000) for f in shown.buttons
        )
    key_size = min(assets.fit_line(f.key, inner.w, inner.h - label_h, 1000) for f in shown.buttons)
    for name, box in where.buttons:
        face = faces[name]
        radius = max(4, box.h // 6)
        pygame.draw.rect(surface, ACCENT if face.lit else PANEL, rect(box), border_radius=radius)
        edge = ACCENT if face.lit else PANEL_EDGE
        pygame.draw.rect(surface, edge, rect(box), 2, border_radius=radius)
        ink = BACKGROUND if face.lit else TEXT
        cx = box.center[0]
        words = face.short or face.label if shorten_labels else face.label
        label = assets.render(words, label_size, ink)
        if hints:
            key = assets.render(face.key, key_size, BACKGROUND if face.lit else DIM)
            top = box.y + (box.h - label.get_height() - key.get_height()) // 2
            surface.blit(label, (cx - label.get_width() // 2, top))
            surface.blit(key, (cx - key.get_width() // 2, top + label.get_height()))
        else:
            surface.blit(label, label.get_rect(center=box.center))
