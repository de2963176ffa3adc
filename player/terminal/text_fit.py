"""Text measured in terminal cells: how wide a string shows (Chinese characters take two
cells, combining marks none), cut, padded or wrapped to a width. Pure.

Text is composed (NFC) before it is measured: a Vietnamese letter typed as a base and
its marks is one letter, one cell, as the terminal shows it. Lines break at spaces, and
between Chinese characters (:mod:`player.system.line_breaks`).
"""

from __future__ import annotations

import textwrap

from player.system.line_breaks import break_lines, pieces
from player.system.text_width import ELLIPSIS, cells, composed, fit, fit_start, pad

__all__ = [
    "DOT",
    "ELLIPSIS",
    "cells",
    "center",
    "composed",
    "fit",
    "fit_start",
    "one_line",
    "pad",
    "wrap",
    "wrap_as_typed",
]

DOT = " \u00b7 "


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


class _CellWrapper(textwrap.TextWrapper):
    """:class:`textwrap.TextWrapper` measuring in cells, and breaking between Chinese
    characters as well as at spaces and hyphens. Text one cell a character (English)
    wraps exactly as ``textwrap`` wraps it."""

    def _split(self, text: str) -> list[str]:
        return [
            piece
            for chunk in super()._split(text)
            for piece in (pieces(chunk) if chunk.strip() else [chunk])
        ]

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        lines: list[str] = []
        chunks.reverse()
        while chunks:
            line: list[str] = []
            used = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - cells(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks and used + cells(chunks[-1]) <= width:
                used += cells(chunks[-1])
                line.append(chunks.pop())
            if chunks and cells(chunks[-1]) > width:
                self._handle_long_word(chunks, line, used, width)
            if self.drop_whitespace and line and line[-1].strip() == "":
                del line[-1]
            if line:
                lines.append(indent + "".join(line))
        return lines

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        chunk = reversed_chunks[-1]
        room = 1 if width < 1 else width - cur_len
        end = len(fit_start(chunk, room))
        if self.break_on_hyphens and cells(chunk) > room:
            hyphen = chunk.rfind("-", 0, end)
            if hyphen > 0 and any(char != "-" for char in chunk[:hyphen]):
                end = hyphen + 1
        if end == 0 and not cur_line:
            end = 1  # a wide character in a line of one cell: it goes on all the same
        cur_line.append(chunk[:end])
        reversed_chunks[-1] = chunk[end:]


def wrap_as_typed(text: str, width: int, indent: str = "", first_indent: str = "") -> list[str]:
    """``text`` wrapped to ``width`` columns as :func:`textwrap.wrap` wraps it (spaces
    kept inside a line, the leading ones of the first line kept, a word too long cut),
    but measured in cells and broken between Chinese characters too. ``first_indent``
    begins the first line, ``indent`` the others."""
    wrapper = _CellWrapper(width, initial_indent=first_indent, subsequent_indent=indent)
    return wrapper.wrap(text)
