"""Reading a printed document back, for the tests: its pages' text, by pypdf.

pypdf reads the Chinese font's codes, two bytes a character, as one byte at a time (fpdf2
describes their encoding in a dictionary of its own, not by the name ``Identity-H``): a
NUL came out before each of a document's first 255 characters, and past them the two
bytes of a code were read as two characters. So each such font is told to pypdf as
``Identity-H`` before the text is read (and any NUL is still taken out). A PDF extractor
also puts spaces between Chinese characters and breaks lines where the document broke
them: ``squeezed`` text is compared, with no white space.
"""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PageObject, PdfReader
from pypdf.generic import NameObject


def pages_text(data: bytes) -> list[str]:
    """The text of each page of the PDF ``data``."""
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        _two_bytes_a_character(page)
    return [page.extract_text().replace("\x00", "") for page in reader.pages]


def _two_bytes_a_character(page: PageObject) -> None:
    """Tell pypdf that the page's composite fonts (the Chinese one) take two bytes a code."""
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    for font in (fonts.get_object() if fonts is not None else {}).values():
        described = font.get_object()
        if described.get("/Subtype") == "/Type0" and not isinstance(
            described.get("/Encoding"), NameObject
        ):
            described[NameObject("/Encoding")] = NameObject("/Identity-H")


def squeezed(text: str) -> str:
    """``text`` composed (NFC), without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def all_text(data: bytes) -> str:
    """The text of every page of the PDF ``data``, squeezed."""
    return squeezed("".join(pages_text(data)))
