"""A printed document: A4 pages of headings, paragraphs, lists, tables and pictures, and
pictures with words beside them.

Made to be read on paper by someone who may print it in black and white: large type, black
on white, greys for what is secondary, nothing told by colour alone. Every page ends with
the player's disclaimer and its page number ("Page 2 of 3"). Text is broken into lines
here, at spaces and between Chinese characters (:mod:`player.system.line_breaks`), and each
character is printed with a font that has it (:mod:`player.printing.faces`).

    document = Document(_("Your sessions"), language="en")
    document.heading(_("Sessions by week"))
    document.table([_("Week"), _("Sessions")], [["3 Mar", "4"]], align="LR")
    data = document.pdf_bytes()
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from player.care.safety import DISCLAIMER
from player.language import _
from player.printing.cutting import cut_to_fit
from player.printing.faces import Face, faces_for, runs
from player.system.files import replace_file
from player.system.line_breaks import break_lines

PAGE_WIDTH = 210.0
"""A4 portrait, in millimetres."""
PAGE_HEIGHT = 297.0
MARGIN = 18.0

TITLE = 22.0
"""Type sizes in points: large, to be read without glasses held close."""
HEADING = 16.0
BODY = 13.0
SMALL = 10.0
LEADING = 1.4
"""A line's height as a share of its type size."""

POINT = 25.4 / 72
"""A point in millimetres."""

BLACK = 0
GREY = 90
"""The grey of secondary words: dark enough to read when printed."""
RULE = 150
SHADE = 232
"""The background of a table's heading row."""
STRIPE = 245
"""The background of every other table row."""
CELL_PADDING = 1.8
BULLET = "\u2022"

Align = str
"""``L``, ``R`` or ``C``: where a line sits in its box."""

Lay = Callable[["_Layout"], None]
"""A part of a document, laid out on the page where the layout has got to."""
Lead = Callable[["_Layout"], float]
"""The height of the start of a part that must stay on one page with what is kept with it
(a heading's first lines, a table's heading row and first row), in millimetres."""


@dataclass(frozen=True)
class Passage:
    """Words to print beside a picture, in their own size, black or grey."""

    text: str
    size: float = BODY
    grey: bool = False


class Document:
    """An A4 document, written top to bottom; ``pdf_bytes()`` or ``save()`` finishes it.

    What is added is kept and laid out when the document is finished, twice: once to
    count its pages, once to print "Page 1 of 3" at the foot of each."""

    def __init__(self, title: str, language: str, created: datetime | None = None) -> None:
        self.title_text = title
        self.language = language
        self.created = created
        self._parts: list[tuple[Lay, Lead | None]] = []
        """Each part and the height of its start; None for room left, which is passed over
        when a part is kept with the one after it."""

    @property
    def width(self) -> float:
        """The width the text runs across, in millimetres."""
        return PAGE_WIDTH - 2 * MARGIN

    def title(self, text: str) -> None:
        self._add(lambda layout: layout.title(text), lambda layout: line_height(TITLE))

    def heading(self, text: str, keep: float = 0) -> None:
        """A heading, kept on the page of what follows it: three lines of text, or
        ``keep`` millimetres (the height of a picture) when more."""
        self._add(lambda layout: layout.heading(text, keep), lambda layout: layout.lead(text))

    def paragraph(self, text: str, *, size: float = BODY, grey: bool = False) -> None:
        """Text across the page; a line break in it starts a new line."""
        self._add(
            lambda layout: layout.paragraph(text, size=size, grey=grey),
            lambda layout: layout.lead(text, size),
        )

    def bullets(self, items: Sequence[str], *, size: float = BODY) -> None:
        kept = tuple(items)
        self._add(
            lambda layout: layout.bullets(kept, size=size),
            lambda layout: layout.lead(kept[0] if kept else "", size),
        )

    def two_columns(
        self,
        items: Sequence[str],
        *,
        size: float = BODY,
        heading: str = "",
        above: str = "",
        below: str = "",
    ) -> None:
        """A bulleted list in two columns side by side, the first filled first, kept on one
        page with its ``heading`` and the words ``above`` and ``below`` it; a list longer
        than a page is set as ``bullets``."""
        from player.printing.arranged import two_columns

        kept = tuple(items)
        words = (heading, above, below)
        self._add(
            lambda layout: two_columns(layout, kept, size, *words),
            lambda layout: layout.lead(heading, HEADING) if heading else layout.lead(above, size),
        )

    def numbered(self, items: Sequence[str], *, size: float = BODY) -> None:
        """A list numbered from 1, each item's lines (a line break starts a new one) set
        in from its number, and kept on one page when they fit on one."""
        from player.printing.arranged import numbered, numbered_lead

        kept = tuple(items)
        self._add(
            lambda layout: numbered(layout, kept, size=size),
            lambda layout: numbered_lead(layout, kept, size=size),
        )

    def table(
        self,
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
        kept_header = tuple(header)
        kept_rows = tuple(tuple(row) for row in rows)
        kept_widths = None if widths is None else tuple(widths)
        from player.printing.tables import table, table_lead

        self._add(
            lambda layout: table(
                layout, kept_header, kept_rows, align=align, widths=kept_widths, size=size
            ),
            lambda layout: table_lead(layout, kept_header, kept_rows, kept_widths, size),
        )

    def image(self, surface: pygame.Surface, width: float | None = None) -> None:
        """``surface`` as a picture ``width`` millimetres wide (the text's width at most),
        on a new page when it does not fit on this one."""
        png, size = _png(surface), surface.get_size()
        self._add(
            lambda layout: layout.image(png, size, width),
            lambda layout: min(width or layout.width, layout.width) * size[1] / max(1, size[0]),
        )

    def beside(
        self,
        picture: pygame.Surface | None,
        width: float,
        passages: Sequence[Passage],
        *,
        indent: float = 0.0,
        keep_with_next: bool = False,
    ) -> None:
        """A picture ``width`` millimetres wide at the left, ``indent`` in from the margin
        (its room left blank when there is none), and ``passages`` beside it, one under
        the other; kept together on one page when they fit on one, and with the start of
        the next part too when ``keep_with_next``."""
        png = None if picture is None else _png(picture)
        size = (1, 1) if picture is None else picture.get_size()
        from player.printing.arranged import beside, beside_height

        kept = tuple(passages)
        self._add(
            lambda layout: beside(layout, png, size, width, kept, indent, keep_with_next),
            lambda layout: beside_height(layout, png, size, width, kept, indent),
        )

    def carry(self, heads: Sequence[tuple[float, Sequence[Passage]]]) -> None:
        """From here on, start each new page with ``heads``: passages, each group so many
        millimetres in from the margin, that say what the parts going on over the page
        belong to (such as "Massage (continued)"); an empty list stops."""
        kept = tuple((indent, tuple(passages)) for indent, passages in heads)
        self._add(lambda layout: layout.carry(kept), None)

    def space(self, millimetres: float) -> None:
        """Leave some room, unless at the top of a page."""
        self._add(lambda layout: layout.space(millimetres), None)

    def _add(self, lay: Lay, lead: Lead | None) -> None:
        self._parts.append((lay, lead))

    def pdf_bytes(self) -> bytes:
        """The document as a PDF file."""
        return self.pdf_and_pages()[0]

    def measure(self, text: str, size: float = BODY) -> float:
        """How wide ``text`` is printed at ``size`` points, in millimetres."""
        return _Layout(self.title_text, self.language, None, None).measure(text, size)

    def save(self, path: Path) -> int:
        """Write the document to ``path``: the whole file or, when that fails (an OSError
        that ``reason`` puts in words), nothing; a missing folder is not made. Returns
        how many pages were written."""
        data, pages = self.pdf_and_pages()
        replace_file(path, data)
        return pages

    def pdf_and_pages(self) -> tuple[bytes, int]:
        """The document as a PDF file, and its number of pages."""
        pages = self._laid_out(None).pages_count
        return bytes(self._laid_out(pages).output()), pages

    def _laid_out(self, pages: int | None) -> FPDF:
        layout = _Layout(self.title_text, self.language, self.created, pages)
        for number, (lay, _lead) in enumerate(self._parts):
            following = (lead for _lay, lead in self._parts[number + 1 :] if lead is not None)
            lead = next(following, None)
            layout.following = 0.0 if lead is None else lead(layout)
            lay(layout)
        return layout.pdf


class _Layout:
    """Lays a document out on pages of fpdf2's; ``pages`` is their number, once known."""

    def __init__(
        self, title: str, language: str, created: datetime | None, pages: int | None
    ) -> None:
        self.faces = faces_for(language)
        self.pages = pages
        self.following = 0.0
        """The height of the start of the next part, kept with a heading above it."""
        self.carried: tuple[tuple[float, tuple[Passage, ...]], ...] = ()
        """What each new page starts with (see ``Document.carry``)."""
        self._added: set[str] = set()
        self.pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        # fpdf2 calls its footer() as it closes each page (fpdf2 before 2.8 has no types
        # to subclass it with).
        setattr(self.pdf, "footer", self._footer)  # noqa: B010
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_title(title)
        self.pdf.set_lang(language)
        self.pdf.set_creator("routine-player")
        if created is not None:
            self.pdf.set_creation_date(created)
        self.footer_lines = self.lines(_(DISCLAIMER), SMALL, self.width)
        self.bottom = PAGE_HEIGHT - MARGIN - (len(self.footer_lines) + 1) * line_height(SMALL)
        self.pdf.add_page()

    # -- what a document holds ----------------------------------------------------------

    @property
    def width(self) -> float:
        """The width the text runs across, in millimetres."""
        return PAGE_WIDTH - 2 * MARGIN

    def title(self, text: str) -> None:
        self._block(text, TITLE, keep=2 * line_height(BODY))
        self.space(2)

    def heading(self, text: str, keep: float = 0) -> None:
        """A heading, kept on one page with ``keep`` millimetres or the start of the part
        that follows it, whichever is more."""
        self.space(4)
        self._block(text, HEADING, keep=max(keep, self.following + 1))
        self.space(1)

    def lead(self, text: str, size: float = HEADING) -> float:
        """The height of the first two lines of ``text``: a paragraph or an item whose
        first line should not be left alone at the foot of a page."""
        lines = self.lines(text, size, self.width)
        return min(len(lines), 2) * line_height(size) + (5 if size == HEADING else 0)

    def carry(self, heads: tuple[tuple[float, tuple[Passage, ...]], ...]) -> None:
        self.carried = heads

    def paragraph(self, text: str, *, size: float = BODY, grey: bool = False) -> None:
        self._block(text, size, colour=GREY if grey else BLACK)
        self.space(1.5)

    def bullets(self, items: Sequence[str], *, size: float = BODY) -> None:
        indent = self.measure(BULLET + "  ", size)
        for item in items:
            lines = self.lines(item, size, self.width - indent)
            for number, line in enumerate(lines):
                self._room_for(line_height(size))
                if number == 0:
                    self._line(BULLET, size, MARGIN, self.width)
                self._line(line, size, MARGIN + indent, self.width - indent)
                self.pdf.set_y(self.pdf.get_y() + line_height(size))
            self.space(1)
        self.space(1)

    def image(self, png: bytes, size: tuple[int, int], width: float | None) -> None:
        shown = min(width or self.width, self.width)
        height = shown * size[1] / max(1, size[0])
        self._room_for(height)
        self.pdf.image(io.BytesIO(png), x=MARGIN, y=self.pdf.get_y(), w=shown, h=height)
        self.pdf.set_y(self.pdf.get_y() + height)
        self.space(3)

    def space(self, millimetres: float) -> None:
        """Leave some room, unless at the top of a page."""
        if self.pdf.get_y() > MARGIN + 0.01:
            self.pdf.set_y(min(self.pdf.get_y() + millimetres, self.bottom))

    # -- text ---------------------------------------------------------------------------

    def measure(self, text: str, size: float) -> float:
        """How wide ``text`` is printed at ``size``, in millimetres."""
        width = 0.0
        for face, part in runs(text, self.faces):
            self._use(face, size)
            width += self.pdf.get_string_width(part)
        return width

    def lines(self, text: str, size: float, width: float) -> list[str]:
        """``text`` broken into lines at most ``width`` millimetres wide; a line break in
        it starts a new line."""

        def hundredths(piece: str) -> int:
            return round(self.measure(piece, size) * 100)

        def cut(piece: str) -> list[str]:
            return cut_to_fit(piece, width, lambda part: self.measure(part, size))

        found: list[str] = []
        for paragraph in text.splitlines() or [""]:
            found.extend(break_lines(paragraph, round(width * 100), hundredths, cut))
        return found

    def _use(self, face: Face, size: float) -> None:
        if face.family not in self._added:
            self.pdf.add_font(face.family, "", str(face.path))
            self._added.add(face.family)
        self.pdf.set_font(face.family, "", size)

    def _line(self, text: str, size: float, x: float, width: float, align: Align = "L") -> None:
        """One line of ``text`` in the box from ``x``, ``width`` wide, at the current height."""
        spare = width - self.measure(text, size)
        start = x + (spare if align == "R" else spare / 2 if align == "C" else 0)
        y = self.pdf.get_y()
        self.pdf.set_xy(start, y)
        for face, part in runs(text, self.faces):
            self._use(face, size)
            self.pdf.cell(
                self.pdf.get_string_width(part),
                line_height(size),
                part,
                new_x=XPos.RIGHT,
                new_y=YPos.TOP,
            )
        self.pdf.set_xy(MARGIN, y)

    def _block(self, text: str, size: float, colour: int = BLACK, keep: float = 0) -> None:
        """Lines of text across the page; the first with ``keep`` millimetres free below it."""
        self.pdf.set_text_color(colour)
        for number, line in enumerate(self.lines(text, size, self.width)):
            self._room_for(line_height(size) + (keep if number == 0 else 0))
            self._line(line, size, MARGIN, self.width)
            self.pdf.set_y(self.pdf.get_y() + line_height(size))
        self.pdf.set_text_color(BLACK)

    # -- pages --------------------------------------------------------------------------

    def _room_for(self, height: float) -> None:
        """Go on to a new page unless ``height`` fits above the footer."""
        if self.pdf.get_y() + height > self.bottom and self.pdf.get_y() > MARGIN + 0.01:
            self._new_page()

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.pdf.set_xy(MARGIN, MARGIN)
        for indent, passages in self.carried:
            for passage in passages:
                self.pdf.set_text_color(GREY if passage.grey else BLACK)
                for line in self.lines(passage.text, passage.size, self.width - indent):
                    self._line(line, passage.size, MARGIN + indent, self.width - indent)
                    self.pdf.set_y(self.pdf.get_y() + line_height(passage.size))
            self.pdf.set_text_color(BLACK)
            self.space(3)

    def _footer(self) -> None:
        """The disclaimer and the page number at the foot of the page being closed."""
        height = line_height(SMALL)
        y = PAGE_HEIGHT - MARGIN - len(self.footer_lines) * height
        self.pdf.set_draw_color(RULE)
        self.pdf.set_line_width(0.3)
        self.pdf.line(MARGIN, y - height / 2, PAGE_WIDTH - MARGIN, y - height / 2)
        self.pdf.set_text_color(GREY)
        for line in self.footer_lines:
            self.pdf.set_y(y)
            self._line(line, SMALL, MARGIN, self.width)
            y += height
        self.pdf.set_y(PAGE_HEIGHT - MARGIN + 1)
        page = self.pdf.page_no()
        number = _("Page {page} of {pages}").format(page=page, pages=self.pages or page)
        self._line(number, SMALL, MARGIN, self.width, "R")
        self.pdf.set_text_color(BLACK)


def wrap(text: str, language: str, size: float, width: float) -> list[str]:
    """``text`` broken into the lines a document in ``language`` prints it in, ``size``
    points, at most ``width`` millimetres wide."""
    return _Layout("", language, None, None).lines(text, size, width)


def _png(surface: pygame.Surface) -> bytes:
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "picture.png")
    return buffer.getvalue()


def line_height(size: float) -> float:
    """The height of a line of type of ``size`` points, in millimetres."""
    return size * POINT * LEADING
