"""Drawing primitives shared by the session screen and its overlays: words fitted into
boxes, and rounded panels."""

from __future__ import annotations

import pygame

from player.window.assets import Assets
from player.window.layout import Box
from player.window.text import shorten
from player.window.theme import Colour, Palette


def rect(box: Box) -> pygame.Rect:
    return pygame.Rect(box.xywh)


def line(
    surface: pygame.Surface,
    assets: Assets,
    words: str,
    box: Box,
    colour: Colour,
    align: str,
    largest: int | None = None,
) -> None:
    """One line, as large as fits the box (cut with an ellipsis if even small is too wide)."""
    if not words or box.w <= 0 or box.h <= 0:
        return
    biggest = assets.fit_line("Hg", 10_000, box.h, 1000)
    size = assets.fit_line(words, box.w, box.h, min(largest or biggest, biggest))
    smallest = max(8, int(biggest * 0.42))
    if size < smallest:
        size = smallest
        words = shorten(assets.font(size), words, box.w)
    image = assets.render(words, size, colour)
    y = box.y + (box.h - image.get_height()) // 2
    if align == "left":
        x = box.x
    elif align == "right":
        x = box.right - image.get_width()
    else:
        x = box.x + (box.w - image.get_width()) // 2
    surface.blit(image, (x, y))


def block(
    surface: pygame.Surface,
    assets: Assets,
    words: str,
    box: Box,
    colour: Colour,
    largest: int,
    smallest: int,
    align: str,
) -> int:
    """Wrapped lines, as large as fit the box: from its top ("left"), to its bottom
    ("bottom"), or centred ("center"). Returns where the first line starts."""
    if box.w <= 0 or box.h <= 0:
        return box.bottom
    size, lines = assets.fit_block(words, box.w, box.h, largest, max(8, smallest))
    font = assets.font(size)
    step = round(font.get_height() * 1.08)
    y = {
        "left": box.y,
        "bottom": box.bottom - step * len(lines),
    }.get(align, box.y + (box.h - step * len(lines)) // 2)
    first = y
    clip = surface.get_clip()
    surface.set_clip(rect(box))
    for words_line in lines:
        image = assets.render(words_line, size, colour)
        x = box.x + (box.w - image.get_width()) // 2 if align == "center" else box.x
        surface.blit(image, (x, y))
        y += step
    surface.set_clip(clip)
    return first


def panel(surface: pygame.Surface, box: Box, palette: Palette) -> None:
    radius = max(6, box.h // 16)
    pygame.draw.rect(surface, palette.panel, rect(box), border_radius=radius)
    pygame.draw.rect(surface, palette.panel_edge, rect(box), palette.outline, border_radius=radius)


def button(
    surface: pygame.Surface, box: Box, palette: Palette, lit: bool, radius: int | None = None
) -> None:
    """A button's face: filled with the accent when lit, outlined either way."""
    radius = max(4, box.h // 6) if radius is None else radius
    fill = palette.accent if lit else palette.panel
    pygame.draw.rect(surface, fill, rect(box), border_radius=radius)
    edge = palette.accent if lit else palette.panel_edge
    pygame.draw.rect(surface, edge, rect(box), palette.outline, border_radius=radius)
