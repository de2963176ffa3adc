"""Which font draws the words, by the language in use.

English and Spanish are drawn with the font bundled with pygame (FreeSans Bold), which has
every Spanish letter. It lacks ơ, ư and every Vietnamese letter with a dot below, a hook
above or two marks, and all of Chinese: Vietnamese is drawn with Noto Sans Bold and
Simplified Chinese with Noto Sans CJK SC Bold, both kept in ``media/fonts`` cut down to the
characters the player shows (``media/make_fonts.py`` makes them again).

Those faces have taller line boxes than FreeSans at the same size (room for stacked marks,
for ideographs), so a size is scaled to give a line the height it has in English: the
layout and the fitting of words to boxes come out alike in every language.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import pygame

from player.language.translate import current
from player.system.paths import MEDIA_DIR

FONTS_DIR = MEDIA_DIR / "fonts"
VIETNAMESE = FONTS_DIR / "NotoSans-Bold-Vietnamese.ttf"
CHINESE = FONTS_DIR / "NotoSansSC-Bold-Subset.otf"

Face = Path | None
"""A font file, or None for the font bundled with pygame."""

FACES: dict[str, Path] = {"vi": VIETNAMESE, "zh-Hans": CHINESE}
"""The font of each language pygame's own font cannot draw."""

STAND_INS: dict[Path, dict[int, str]] = {VIETNAMESE: {0x2212: "\u2013"}}
"""Look-alikes for the few signs the window draws that a face lacks: Noto Sans has no
minus sign (U+2212, on the button that goes back ten seconds), and its en dash looks the
same."""

PROBE = 100
_scales: dict[Path, float] = {}


@functools.cache
def face_for(language: str) -> Face:
    """The font for ``language``: its own when it has one and the file is there (looked
    for once: the window asks at every word it draws)."""
    path = FACES.get(language)
    return path if path is not None and path.is_file() else None


def current_face() -> Face:
    return face_for(current())


def load(face: Face, size: int) -> pygame.font.Font:
    """``face`` at ``size``, scaled so that a line is as tall as in pygame's own font; that
    font when the file cannot be read."""
    if face is not None:
        try:
            return pygame.font.Font(face, max(1, round(size * scale(face))))
        except (pygame.error, OSError, ValueError):
            pass
    return pygame.font.Font(None, size)


def scale(face: Path) -> float:
    """How much smaller ``face`` is drawn than its nominal size for its lines to be as tall
    as those of pygame's own font."""
    found = _scales.get(face)
    if found is None:
        ours = pygame.font.Font(face, PROBE).get_height()
        found = _scales[face] = pygame.font.Font(None, PROBE).get_height() / max(1, ours)
    return found


def shaped(text: str) -> str:
    """``text`` as the font in use draws it: its letters composed (NFC), so that a
    Vietnamese letter typed as a base and combining marks is the one letter the font has,
    and a sign the font lacks replaced by a look-alike it has."""
    text = unicodedata.normalize("NFC", text)
    face = current_face()
    stand_ins = STAND_INS.get(face) if face is not None else None
    return text.translate(stand_ins) if stand_ins else text
