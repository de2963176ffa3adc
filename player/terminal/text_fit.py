"""Text measured in terminal cells: how wide a string shows (Chinese characters take two
cells, combining marks none), cut, padded or wrapped to a width. Pure.

Text is composed (NFC) before it is measured: a Vietnamese letter typed as a base and
its marks is one letter, one cell, as the terminal shows it. Lines break at spaces, and
between Chinese characters (:mod:`player.system.line_breaks`).
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcwidth

from player.system.line_breaks import break_lines

ELLIPSIS = "\u2026"
DOT = " \u00b7 "


def composed(text: str) -> str:
    """``text`` in NFC: each letter with its marks as one character where Unicode has one."""
    return unicodedata.normalize("NFC", text)


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters two, combining marks none."""
    return sum(_char_cells(char) for char in composed(text))


def _char_cells(char: str) -> int:
    """Control characters, which a terminal does not advance over, count none."""
    return max(0, wcwidth(char))


def fit(text: str, width: int) -> str:
    """``text`` (composed) in at most ``width`` columns, ending in an ellipsis when cut."""
    text = composed(text)
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


def pad(text: str, width: int, align: str = "left") -> str:
    """``text`` fitted to ``width`` columns and filled with spaces to exactly that many,
    at its ``align`` (``left``, ``right`` or ``center``)."""
    text = fit(text, width)
    room = max(0, width - cells(text))
    if align == "right":
        return " " * room + text
    if align == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


def one_line(text: str) -> str:
    """``text`` with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def center(text: str, width: int) -> str:
    text = fit(one_line(text), width)
    return " " * ((width - cells(text)) // 2) + text


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns, at spaces and between Chinese characters; a
    word longer than that is cut, not broken. No line for no words."""
    if width <= 0:
        return []
    words = one_line(composed(text))
    if not words:
        return []
    return break_lines(words, width, cells, lambda word: [fit(word, width)])
