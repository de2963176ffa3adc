"""The terminal's screen after "Something is wrong": what to do for each warning sign, a
page at a time, fitted to the terminal (80 by 24 holds it in a few pages). Pure: the
words and the pages come from ``player.care.something_wrong``."""

from __future__ import annotations

from player.care.something_wrong import TITLE, Line, pages, what_to_do
from player.home.bindings import DEFAULT_BINDINGS, Bindings, spoken_key
from player.language import _
from player.terminal.render import MAX_TEXT_WIDTH, Style
from player.terminal.render import Line as Shown
from player.terminal.text_fit import DOT, ELLIPSIS, center, fit, wrap

BULLET = "- "
_SPACED = ("heading", "text")
"""Lines with a blank line before them, but at a page's top."""


def _width(width: int) -> int:
    return max(1, min(width - 4, MAX_TEXT_WIDTH)) if width > 12 else width


def _wrapped(line: Line, width: int) -> list[str]:
    if line.kind in ("sign", "note"):
        rows = wrap(line.text, max(1, width - len(BULLET)))
        first = BULLET if line.kind == "sign" else " " * len(BULLET)
        return [(first if n == 0 else " " * len(BULLET)) + row for n, row in enumerate(rows)]
    return wrap(line.text, width)


def what_to_do_text(width: int) -> list[str]:
    """The whole screen of what to do as plain lines no wider than ``width`` (and no
    wider than is easy to read), to stay in the terminal once the full screen has closed:
    the title, each group's heading and signs, what to do otherwise, and the disclaimer."""
    text_width = max(1, min(width, MAX_TEXT_WIDTH))
    shown = [_(TITLE)]
    for line in what_to_do():
        if line.kind in _SPACED:
            shown.append("")
        shown += _wrapped(line, text_width)
    return shown


def page_count(width: int, height: int) -> int:
    return len(_pages(width, height))


def _pages(width: int, height: int) -> list[tuple[Line, ...]]:
    text_width = _width(width)
    room = max(1, height - 4)  # the title and a blank line above, the keys and one below

    def rows(line: Line) -> int:
        return len(_wrapped(line, text_width)) + (line.kind in _SPACED)

    return pages(what_to_do(), rows, room)


def what_to_do_lines(
    width: int, height: int, page: int, bindings: Bindings = DEFAULT_BINDINGS
) -> list[Shown]:
    """Page ``page`` (from 0) of the screen, as styled lines no wider than ``width``."""
    every = _pages(width, height)
    page = max(0, min(page, len(every) - 1))
    text_width = _width(width)
    indent = " " * ((width - text_width) // 2)
    shown: list[Shown] = [(center(_(TITLE), width), "state"), ("", "plain")]
    for line in every[page]:
        if line.kind in _SPACED and len(shown) > 2:
            shown.append(("", "plain"))
        style: Style = "title" if line.kind in ("heading", "note") else "plain"
        shown += [(fit(indent + row, width), style) for row in _wrapped(line, text_width)]
    if len(shown) > max(1, height - 2):  # a sign taller than the screen: cut, and marked
        shown = shown[: max(1, height - 2)]
        text, style = shown[-1]
        shown[-1] = (fit(text.rstrip() + ELLIPSIS, width), style)
    while len(shown) < height - 1:
        shown.append(("", "plain"))
    shown.append((fit(indent + _keys(page, len(every), bindings), width), "dim"))
    return shown[:height]


def _keys(page: int, count: int, bindings: Bindings) -> str:
    """``Page 1 / 3 · Page Down read on · Esc close``."""

    def key(action: str, otherwise: str) -> str:
        keys = bindings.keys_of(action)
        return spoken_key(keys[0]) if keys else otherwise

    # TRANSLATORS: the page of the terminal's screen of what to do, as in "Page 1 / 3"
    parts = [_("Page {page} / {pages}").format(page=page + 1, pages=count)]
    if page + 1 < count:
        # TRANSLATORS: {key} is the key that shows the next page, as in "Page Down read on"
        parts.append(_("{key} read on").format(key=key("next", "Page Down")))
    if page > 0:
        # TRANSLATORS: {key} is the key that shows the page before, as in "Page Up back"
        parts.append(_("{key} back").format(key=key("back", "Page Up")))
    # TRANSLATORS: {key} is the key that closes the screen of what to do, as in "Esc close"
    parts.append(_("{key} close").format(key=key("quit", "Esc")))
    return DOT.join(parts)
