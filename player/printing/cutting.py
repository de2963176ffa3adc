"""Cutting a word too wide for a line of print: a web address after a "/" or before a
"?", "&" or "#", so that it can still be typed from the paper; anything else between
characters. Pure: the width of a part is measured by the caller."""

from __future__ import annotations

from collections.abc import Callable

ADDRESS_BREAKS_AFTER = "/"
ADDRESS_BREAKS_BEFORE = "?&#"


def cut_to_fit(piece: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``piece``, too wide for a line, cut into parts that fit. A web address is cut only
    after a "/" or before a "?", "&" or "#", never at a hyphen or inside a word, so that
    it can be typed from the paper; a part still too wide, and any other word, is cut
    between characters (one character at least)."""
    parts: list[str] = []
    part = ""
    for chunk in address_chunks(piece):
        if part and measure(part + chunk) > width:
            parts.append(part)
            part = ""
        if measure(chunk) > width:
            *whole, part = _cut_characters(chunk, width, measure)
            parts.extend(whole)
        else:
            part += chunk
    parts.append(part)
    return parts


def address_chunks(piece: str) -> list[str]:
    """``piece`` cut where a web address may break: after a "/" (not within "//") and
    before a "?", "&" or "#"; the whole piece when it is not an address."""
    if "://" not in piece and not piece.startswith("www."):
        return [piece]
    chunks: list[str] = []
    start = 0
    for at in range(1, len(piece)):
        before, after = piece[at - 1], piece[at]
        after_slash = before in ADDRESS_BREAKS_AFTER and after not in ADDRESS_BREAKS_AFTER
        if after_slash or after in ADDRESS_BREAKS_BEFORE:
            chunks.append(piece[start:at])
            start = at
    chunks.append(piece[start:])
    return chunks


def _cut_characters(piece: str, width: float, measure: Callable[[str], float]) -> list[str]:
    parts: list[str] = []
    part = ""
    for char in piece:
        if part and measure(part + char) > width:
            parts.append(part)
            part = char
        else:
            part += char
    parts.append(part)
    return parts
