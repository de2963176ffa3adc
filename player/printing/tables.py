"""Tables on a printed page: a heading row, shaded, printed again at the top of each new
page, and rows striped every other one; the heading row is never left at the foot of a
page without a row under it.

:class:`~player.printing.document.Document` adds them with ``table``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from player.printing.document import (
    BODY,
    CELL_PADDING,
    MARGIN,
    RULE,
    SHADE,
    STRIPE,
    Align,
    line_height,
)
from player.system.line_breaks import pieces

if TYPE_CHECKING:
    from player.printing.document import _Layout


def table(
    layout: _Layout,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    align: str = "",
    widths: Sequence[float] | None = None,
    size: float = BODY,
) -> None:
    """A table across the page; its heading row is printed again on each new page.
    ``align`` gives each column's L, R or C (L for those it leaves out); ``widths``
    each column's share of the width (by default, after its longest text)."""
    if widths is not None:
        columns = [layout.width * share / (sum(widths) or 1) for share in widths]
    else:
        columns = _columns(layout, header, rows, size)
    aligns = [align[i] if i < len(align) else "L" for i in range(len(header))]
    layout._room_for(table_lead(layout, header, rows, widths, size))
    _row(layout, header, columns, aligns, size, fill=SHADE)
    for number, row in enumerate(rows):
        height = _row_height(_row_lines(layout, row, columns, size), size)
        if layout.pdf.get_y() + height > layout.bottom:
            layout._new_page()
            _row(layout, header, columns, aligns, size, fill=SHADE)
        _row(layout, row, columns, aligns, size, fill=STRIPE if number % 2 else None)
    layout.space(3)


def table_lead(
    layout: _Layout,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] | None,
    size: float,
) -> float:
    """The height of a table's heading row and first row, never parted by a page."""
    if widths is not None:
        columns = [layout.width * share / (sum(widths) or 1) for share in widths]
    else:
        columns = _columns(layout, header, rows, size)
    first = _row_height(_row_lines(layout, rows[0], columns, size), size) if rows else 0
    return _row_height(_row_lines(layout, header, columns, size), size) + first


# -- tables -------------------------------------------------------------------------


def _columns(
    layout: _Layout, header: Sequence[str], rows: Sequence[Sequence[str]], size: float
) -> list[float]:
    """Each column's width: wide enough for its widest word, and for its longest
    text on one line when they all fit (the heading row's words may wrap); what
    space is left or lacking is shared after the longest texts."""
    longest = [0.0] * len(header)
    word = [0.0] * len(header)
    for number, row in enumerate((header, *rows)):
        for index, text in enumerate(row[: len(header)]):
            for line in text.splitlines():
                if number > 0:
                    longest[index] = max(longest[index], layout.measure(line, size))
                for each in line.split():
                    for piece in pieces(each):
                        word[index] = max(word[index], layout.measure(piece, size))
    padding = 2 * CELL_PADDING + 0.5
    least = [width + padding for width in word]
    padded = [max(width + padding, low) for width, low in zip(longest, least, strict=True)]
    if sum(padded) <= layout.width:
        spare = layout.width - sum(padded)
        return [width + spare * width / sum(padded) for width in padded]
    if sum(least) >= layout.width:
        return [layout.width * width / sum(least) for width in least]
    spare = layout.width - sum(least)
    wanted = [full - low for full, low in zip(padded, least, strict=True)]
    return [low + spare * more / sum(wanted) for low, more in zip(least, wanted, strict=True)]


def _row_lines(layout: _Layout, row: Sequence[str], columns: Sequence[float], size: float) -> int:
    return max(
        (
            len(layout.lines(text, size, width - 2 * CELL_PADDING))
            for text, width in zip(row, columns, strict=False)
        ),
        default=1,
    )


def _row(
    layout: _Layout,
    row: Sequence[str],
    columns: Sequence[float],
    aligns: Sequence[Align],
    size: float,
    fill: int | None,
) -> None:
    top = layout.pdf.get_y()
    height = _row_height(_row_lines(layout, row, columns, size), size)
    if fill is not None:
        layout.pdf.set_fill_color(fill)
        layout.pdf.rect(MARGIN, top, layout.width, height, style="F")
    x = MARGIN
    for text, width, align in zip(row, columns, aligns, strict=False):
        y = top + CELL_PADDING
        for line in layout.lines(text, size, width - 2 * CELL_PADDING):
            layout.pdf.set_y(y)
            layout._line(line, size, x + CELL_PADDING, width - 2 * CELL_PADDING, align)
            y += line_height(size)
        x += width
    layout.pdf.set_draw_color(RULE)
    layout.pdf.set_line_width(0.2)
    layout.pdf.line(MARGIN, top + height, MARGIN + layout.width, top + height)
    layout.pdf.set_y(top + height)


def _row_height(lines: int, size: float) -> float:
    return lines * line_height(size) + 2 * CELL_PADDING
