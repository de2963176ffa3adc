"""Fitting words into boxes: the largest size that fits, wrapped onto lines.

Everything takes a ``font(size)`` function, so the fonts are made (and kept) elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from player.system.line_breaks import break_lines

FontOf = Callable[[int], pygame.font.Font]

ELLIPSIS = "\u2026"
LINE_SPACING = 1.08


def line_height(font: pygame.font.Font) -> int:
    return round(font.get_height() * LINE_SPACING)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width``: at spaces, and between Chinese
    characters (no line begins with a comma or a closing bracket, none ends with an opening
    one); a word too long is cut."""

    def measure(words: str) -> int:
        return int(font.size(words)[0])

    def cut(word: str) -> list[str]:
        parts = []
        while measure(word) > width and len(word) > 1:
            end = _longest_prefix(font, word, width)
            parts.append(word[:end])
            word = word[end:]
        return [*parts, word]

    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(break_lines(paragraph, width, measure, cut))
    return lines


def _longest_prefix(font: pygame.font.Font, word: str, width: int) -> int:
    cut = 1
    while cut < len(word) and font.size(word[: cut + 1])[0] <= width:
        cut += 1
    return cut


def shorten(font: pygame.font.Font, text: str, width: int) -> str:
    """``text``, cut with an ellipsis if it is wider than ``width``."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + ELLIPSIS)[0] > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def fit_line(font_of: FontOf, text: str, width: int, height: int, largest: int) -> int:
    """The largest size up to ``largest`` at which one line of ``text`` fits the box."""
    size = max(6, min(largest, _size_for_height(font_of, height)))
    while size > 6:
        font = font_of(size)
        if font.size(text)[0] <= width and font.get_height() <= height:
            return size
        w = font.size(text)[0]
        size = min(size - 1, int(size * width / w)) if w > width else size - 1
    return 6


def fit_block(
    font_of: FontOf, text: str, width: int, height: int, largest: int, smallest: int
) -> tuple[int, list[str]]:
    """The largest size (down to ``smallest``) at which wrapped ``text`` fits the box.

    At the smallest size, lines that still do not fit are left off and the last one shown
    ends with an ellipsis."""

    def fits(size: int) -> bool:
        font = font_of(size)
        return len(wrap(font, text, width)) * line_height(font) <= height

    size = max(smallest, min(largest, _size_for_height(font_of, height)))
    too_large = None
    while not fits(size) and size > smallest:
        too_large = size
        size = max(smallest, int(size * 0.92))
    if too_large is not None and fits(size):
        # The steps down are coarse: the largest size that fits lies between.
        while too_large - size > 1:
            middle = (size + too_large) // 2
            size, too_large = (middle, too_large) if fits(middle) else (size, middle)
    font = font_of(size)
    lines = wrap(font, text, width)
    room = max(1, height // line_height(font))
    if len(lines) > room:
        kept = lines[:room]
        kept[-1] = shorten(font, kept[-1] + ELLIPSIS, width)
        lines = kept
    return size, lines


def fit_ink(font_of: FontOf, template: str, width: int, height: int) -> int:
    """The size at which the drawn pixels of ``template`` (not its line box) fill the box."""
    probe = 100
    ink = font_of(probe).render(template, True, (255, 255, 255)).get_bounding_rect()
    if ink.w <= 0 or ink.h <= 0:
        return fit_line(font_of, template, width, height, 1000)
    scale = min(width / ink.w, height / ink.h)
    return max(6, int(probe * scale * 0.96))


def _size_for_height(font_of: FontOf, height: int) -> int:
    """The size whose line box is about ``height`` tall."""
    probe = font_of(100).get_height()
    return max(6, int(height * 100 / max(1, probe)))


def fit_row(font_of: FontOf, words: tuple[str, ...], width: int, height: int, gap: int) -> int:
    """The largest size at which all of ``words``, side by side with ``gap`` between them,
    fit one line of the box."""
    size = fit_line(font_of, "Hg", 1_000_000, height, 1000)
    while size > 6:
        font = font_of(size)
        total = sum(font.size(w)[0] for w in words) + gap * (len(words) - 1)
        if total <= width:
            return size
        size = min(size - 1, int(size * width / total))
    return 6
