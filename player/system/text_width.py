"""How wide text shows in a terminal: Chinese characters take two columns (cells),
combining marks none. Text is composed (NFC) before it is measured, so a Vietnamese letter
typed as a base and its marks is one letter, one cell, as the terminal shows it. Pure.

Here, below every layer that prints text, so that the history and the commands measure
as the terminal does; :mod:`player.terminal.text_fit` builds on it.
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcwidth

ELLIPSIS = "\u2026"


def composed(text: str) -> str:
    """``text`` in NFC: each letter with its marks as one character where Unicode has one."""
    return unicodedata.normalize("NFC", text)


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters two, combining marks none."""
    return sum(char_cells(char) for char in composed(text))


def char_cells(char: str) -> int:
    """Control characters, which a terminal does not advance over, count none."""
    return max(0, int(wcwidth(char)))


def fit(text: str, width: int) -> str:
    """``text`` (composed) in at most ``width`` columns, ending in an ellipsis when cut."""
    text = composed(text)
    if cells(text) <= width:
        return text
    if width <= 0:
        return ""
    kept, used = [], 0
    for char in text:
        size = char_cells(char)
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


def ljust(text: str, width: int) -> str:
    """``text`` then spaces to ``width`` columns; never cut, as ``str.ljust``."""
    return text + " " * max(0, width - cells(text))


def rjust(text: str, width: int) -> str:
    """Spaces then ``text`` to ``width`` columns; never cut, as ``str.rjust``."""
    return " " * max(0, width - cells(text)) + text


def fit_start(text: str, width: int) -> str:
    """The start of ``text`` that takes at most ``width`` columns, cut without an
    ellipsis, as ``text[:width]`` cuts text of one column a character."""
    kept, used = [], 0
    for char in text:
        used += char_cells(char)
        if used > width:
            break
        kept.append(char)
    return "".join(kept)
