"""Reading a printed document back, for the tests: its pages' text, by pypdf.

pypdf reads the Chinese font's codes, two bytes a character, as one byte at a time (fpdf2
describes their encoding in a dictionary of its own, not by the name ``Identity-H``), so
a NUL comes out before each character; the characters themselves are right, and the NULs
are taken out. A PDF extractor also puts spaces between Chinese characters and breaks
lines where the document broke them: ``squeezed`` text is compared, with no white space.
"""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader


def pages_text(data: bytes) -> list[str]:
    """The text of each page of the PDF ``data``."""
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text().replace("\x00", "") for page in reader.pages]


def squeezed(text: str) -> str:
    """``text`` composed (NFC), without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def all_text(data: bytes) -> str:
    """The text of every page of the PDF ``data``, squeezed."""
    return squeezed("".join(pages_text(data)))
