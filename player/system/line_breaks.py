"""Where a line of text may break: at spaces, and between Chinese (or Japanese, Korean)
characters, which are written without spaces.

A break between two such characters follows the usual rules: no line begins with closing
punctuation (full-width commas and stops, closing brackets and quotes) and no line ends
with opening punctuation (opening brackets and quotes). Spanish and Vietnamese break only
at spaces. Pure: the width of a piece is measured by the caller (pixels in the window,
cells in the terminal).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Written out, as the rules are usually given (ruff would take the full-width marks for
# look-alikes of ASCII ones).
NO_START = frozenset(
    "，。、；：？！）」』”’》〉】〕〗〙〛｝］｠〞・…‥〜～ー々〻"  # noqa: RUF001
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    ",.;:?!)]}%·‰′″℃"  # noqa: RUF001
)
"""Characters a line never begins with: closing brackets and quotes, stops and commas,
small kana."""
NO_END = frozenset("（「『“‘《〈【〔〖〘〚｛［｟〝([{$£¥￥＄")  # noqa: RUF001
"""Characters a line never ends with: opening brackets and quotes, currency signs."""


def is_wide(char: str) -> bool:
    """A character of the scripts written without spaces (CJK ideographs, kana, hangul,
    their punctuation and full-width forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _may_break(before: str, after: str) -> bool:
    if not (is_wide(before) or is_wide(after)):
        return False
    if after in NO_START or before in NO_END:
        return False
    # Curly quotes are narrow but close or open Chinese text as the brackets do.
    return not (after in "”’" or before in "“‘")  # noqa: RUF001


def pieces(word: str) -> list[str]:
    """``word`` (no spaces) cut where a line may break inside it: between Chinese
    characters; a word in a language written with spaces stays whole."""
    found: list[str] = []
    start = 0
    for at in range(1, len(word)):
        if _may_break(word[at - 1], word[at]):
            found.append(word[start:at])
            start = at
    found.append(word[start:])
    return found


def break_lines(
    paragraph: str,
    width: int,
    measure: Callable[[str], int],
    too_long: Callable[[str], list[str]],
) -> list[str]:
    """``paragraph`` (one line of text) broken into lines ``measure``d at most ``width``.

    A piece that does not fit a line of its own goes to ``too_long``, which returns it
    cut: every part but the last becomes a line of its own, and the last begins the next
    line. Always at least one line (``""`` for no words)."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        for number, piece in enumerate(pieces(word)):
            joined = " " if number == 0 and line else ""
            candidate = line + joined + piece
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            if measure(piece) > width:
                *whole, piece = too_long(piece)
                lines.extend(whole)
            line = piece
    lines.append(line)
    return lines
