"""Finding English that escaped the catalogs in what the pseudo-language shows.

Every message in the pseudo-language is wrapped ``[!! ... !!]`` (see
``player.language.translate.pseudo``); what is left once the wrapped parts, and the words
that are not the player's to translate (routine text, names, paths, commands), are taken
out must hold no word."""

from __future__ import annotations

import re
from collections.abc import Iterable

_INNERMOST = re.compile(r"\[!!\s(?:(?!\[!!\s).)*?\s!!\]", re.DOTALL)
_CUT = re.compile("\\[!!\\s(?:(?!\\[!!\\s)[^\\n])*\u2026$", re.MULTILINE)
"""A wrapped message cut short at the edge of the screen (it ends in an ellipsis)."""
_WORD = re.compile(r"[^\W\d_]{3,}")
"""A run of three letters or more: shorter runs are key names (Esc is allowed apart),
units and marks such as ``x2`` or ``(!)``."""


def unwrapped(text: str) -> str:
    """``text`` with every wrapped message, nested ones too, made one space; a message cut
    short at the end of a line counts as wrapped."""
    while True:
        left = _CUT.sub("\u2026", _INNERMOST.sub(" ", text))
        if left == text:
            return left
        text = left


def escaped_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of ``text`` outside any wrapped message, other than the ``allowed`` texts
    (taken out as whole words, longest first, before and after unwrapping)."""
    kept = sorted({words for words in allowed if words}, key=len, reverse=True)
    whole = [re.compile(rf"(?<!\w){re.escape(words)}(?!\w)") for words in kept]
    for pattern in whole:
        text = pattern.sub(" ", text)
    left = unwrapped(text)
    for pattern in whole:
        left = pattern.sub(" ", left)
    return _WORD.findall(left)
