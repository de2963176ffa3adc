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

import unicodedata
from pathlib import Path

import pygame

from player.language import current
from player.system.paths import MEDIA_DIR

FONTS_DIR = MEDIA_DIR / "fonts"
VIETNAMESE = FONTS_DIR / "NotoSans-Bold-Vietnamese.ttf"
CHINESE = FONTS_DIR / "NotoSansSC-Bold-Subset.otf"

Face = Path | None
"""A font file, or None for the font bundled with pygame."""

FACES: dict[str, Path] = {"vi": VIETNAMESE, "zh-Hans": CHINESE}
"""The font of each language pygame's own font cannot draw."""

PROBE = 100
_scales: dict[Path, float] = {}


def face_for(language: str) -> Face:
    """The font for ``language``: its own when it has one and the file is there."""
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
    """``text`` with its letters composed (NFC): a Vietnamese letter typed as a base and
    combining marks becomes the one letter the font draws whole."""
    return unicodedata.normalize("NFC", text)
