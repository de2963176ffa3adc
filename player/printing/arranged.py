"""Parts of a printed page set side by side: words beside a picture, a list in two
columns, and a numbered list whose lines are set in from their numbers.

Each is laid out on a document's page (:class:`~player.printing.document.Document` adds
them with ``beside``, ``two_columns`` and ``numbered``), kept on one page where it fits.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from player.printing.document import (
    BLACK,
    BULLET,
    GREY,
    HEADING,
    MARGIN,
    PAGE_WIDTH,
    Passage,
    line_height,
)

if TYPE_CHECKING:
    from player.printing.document import _Layout

COLUMN_GAP = 6.0
"""Between two columns of a list, in millimetres."""
PICTURE_GAP = 4.0
"""Between a picture and the words beside it, in millimetres."""
SPACE_AFTER = 3.0
"""Below a picture and the words beside it, in millimetres."""


def beside(
    layout: _Layout,
    png: bytes | None,
    size: tuple[int, int],
    width: float,
    passages: Sequence[Passage],
    indent: float,
    keep_with_next: bool = False,
) -> None:
    left = MARGIN + indent
    text_x = left + width + PICTURE_GAP
    text_width = PAGE_WIDTH - MARGIN - text_x
    picture_height = 0.0 if png is None else width * size[1] / max(1, size[0])
    laid = [(layout.lines(p.text, p.size, text_width), p) for p in passages]
    height = beside_height(layout, png, size, width, passages, indent)
    kept = SPACE_AFTER + layout.following if keep_with_next else 0.0
    layout._room_for(height + kept if height + kept <= layout.bottom - MARGIN else height)
    top = layout.pdf.get_y()
    if png is not None:
        layout.pdf.image(io.BytesIO(png), x=left, y=top, w=width, h=picture_height)
    y = top
    for lines, passage in laid:
        layout.pdf.set_text_color(GREY if passage.grey else BLACK)
        for line in lines:
            if y + line_height(passage.size) > layout.bottom:  # longer than a page
                layout._new_page()
                top = y = layout.pdf.get_y()
                picture_height = 0.0
            layout.pdf.set_y(y)
            layout._line(line, passage.size, text_x, text_width)
            y += line_height(passage.size)
    layout.pdf.set_text_color(BLACK)
    layout.pdf.set_y(max(y, top + picture_height))
    layout.space(SPACE_AFTER)


def beside_height(
    layout: _Layout,
    png: bytes | None,
    size: tuple[int, int],
    width: float,
    passages: Sequence[Passage],
    indent: float,
) -> float:
    """How tall a picture and the words beside it are, in millimetres."""
    text_width = PAGE_WIDTH - MARGIN - (MARGIN + indent + width + PICTURE_GAP)
    picture_height = 0.0 if png is None else width * size[1] / max(1, size[0])
    text_height = sum(
        len(layout.lines(p.text, p.size, text_width)) * line_height(p.size) for p in passages
    )
    return max(picture_height, text_height)


def two_columns(
    layout: _Layout, items: Sequence[str], size: float, heading: str, above: str, below: str
) -> None:
    indent = layout.measure(BULLET + "  ", size)
    titled = layout.lines(heading, HEADING, layout.width) if heading else []
    title_height = len(titled) * line_height(HEADING) + (5 if titled else 0)
    lead = layout.lines(above, size, layout.width) if above else []
    tail = layout.lines(below, size, layout.width) if below else []
    column = (layout.width - COLUMN_GAP) / 2
    laid = [layout.lines(item, size, column - indent) for item in items]
    heights = [len(lines) * line_height(size) + 1 for lines in laid]
    split = min(
        range(len(laid) + 1),
        key=lambda at: max(sum(heights[:at]), sum(heights[at:])),
    )
    height = max(sum(heights[:split]), sum(heights[split:]))
    lead_height = len(lead) * line_height(size) + (1.5 if lead else 0)
    tail_height = len(tail) * line_height(size)
    if title_height + lead_height + height + tail_height > layout.bottom - MARGIN:
        layout.following = layout.lead(above, size) if above else 0.0
        if heading:
            layout.heading(heading)
        if above:
            layout.paragraph(above, size=size)
        layout.bullets(items, size=size)
        if below:
            layout.paragraph(below, size=size)
        return
    layout._room_for(title_height + lead_height + height + tail_height)
    layout.following = 0.0  # what follows the heading is on this page already
    if heading:
        layout.heading(heading)
    for line in lead:
        layout._line(line, size, MARGIN, layout.width)
        layout.pdf.set_y(layout.pdf.get_y() + line_height(size))
    layout.space(1.5 if lead else 0)
    top = layout.pdf.get_y()
    for first, group in ((0, laid[:split]), (split, laid[split:])):
        x = MARGIN + (column + COLUMN_GAP if first else 0)
        y = top
        for lines in group:
            for number, line in enumerate(lines):
                layout.pdf.set_y(y)
                if number == 0:
                    layout._line(BULLET, size, x, column)
                layout._line(line, size, x + indent, column - indent)
                y += line_height(size)
            y += 1
    layout.pdf.set_y(top + height)
    for line in tail:
        layout._line(line, size, MARGIN, layout.width)
        layout.pdf.set_y(layout.pdf.get_y() + line_height(size))
    layout.space(1.5)


def numbered(layout: _Layout, items: Sequence[str], *, size: float) -> None:
    marks = _marks(items)
    indent = _numbers_width(layout, marks, size)
    for mark, item in zip(marks, items, strict=True):
        lines = layout.lines(item, size, layout.width - indent)
        whole = len(lines) * line_height(size)
        for number, line in enumerate(lines):
            if number == 0 and whole <= layout.bottom - MARGIN:
                layout._room_for(whole)  # an item kept whole on one page
            else:
                layout._room_for(line_height(size) * (min(len(lines), 2) if number == 0 else 1))
            if number == 0:
                layout._line(mark, size, MARGIN, indent, "R" if len(marks) > 9 else "L")
            layout._line(line, size, MARGIN + indent, layout.width - indent)
            layout.pdf.set_y(layout.pdf.get_y() + line_height(size))
        layout.space(1.5)
    layout.space(1)


def numbered_lead(layout: _Layout, items: Sequence[str], *, size: float) -> float:
    """The height of a numbered list's first item."""
    if not items:
        return 0.0
    indent = _numbers_width(layout, _marks(items), size)
    return len(layout.lines(items[0], size, layout.width - indent)) * line_height(size)


def _marks(items: Sequence[str]) -> list[str]:
    return [f"{number}." for number in range(1, len(items) + 1)]


def _numbers_width(layout: _Layout, marks: Sequence[str], size: float) -> float:
    return max((layout.measure(mark + "  ", size) for mark in marks), default=0)
