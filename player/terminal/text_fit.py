"""Text measured in terminal cells: how wide a string shows (wide East Asian characters
take two cells), cut or wrapped to a width. Pure."""

from __future__ import annotations

import textwrap
import unicodedata

ELLIPSIS = "\u2026"
DOT = " \u00b7 "


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters two, combining marks none."""
    return sum(_char_cells(char) for char in text)


def _char_cells(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cc", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def fit(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, ending in an ellipsis when cut."""
    if cells(text) <= width:
        return text
    if width <= 0:
        return ""
    kept, used = [], 0
    for char in text:
        size = _char_cells(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS


def one_line(text: str) -> str:
    """``text`` with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def center(text: str, width: int) -> str:
    text = fit(one_line(text), width)
    return " " * ((width - cells(text)) // 2) + text


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns; a word longer than that is cut, not broken."""
    if width <= 0:
        return []
    return [fit(line, width) for line in textwrap.wrap(one_line(text), width)]
