"""Which font prints each character: the language's own first, then the other bundled ones.

The printed pages use the fonts the window uses (:mod:`player.language.fonts`): FreeSans
Bold, bundled with pygame, for English and Spanish; Noto Sans Bold for Vietnamese; Noto
Sans CJK SC Bold for Simplified Chinese. A character the language's font lacks (a Chinese
routine name in a report in English, say) is printed with the first other bundled font
that has it, and one that none has as a question mark, so nothing is silently left out.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pygame
from fontTools.ttLib import TTFont

from player.language import fonts

PYGAME_FONT = Path(pygame.__file__).resolve().parent / "freesansbold.ttf"
"""FreeSans Bold, the font pygame draws with when it is given none."""

MISSING = "?"


@dataclass(frozen=True)
class Face:
    """A font file and the name the document knows it by."""

    family: str
    path: Path


LATIN = Face("FreeSansBold", PYGAME_FONT)
VIETNAMESE = Face("NotoSansBold", fonts.VIETNAMESE)
CHINESE = Face("NotoSansSCBold", fonts.CHINESE)
ALL_FACES = (LATIN, VIETNAMESE, CHINESE)


def faces_for(language: str) -> tuple[Face, ...]:
    """The faces to print ``language`` with, its own first; only those whose file is there."""
    own = fonts.face_for(language)
    first = next((face for face in ALL_FACES if face.path == own), LATIN)
    ordered = (first, *(face for face in ALL_FACES if face != first))
    return tuple(face for face in ordered if face.path.is_file())


@functools.cache
def characters(path: Path) -> frozenset[int]:
    """The code points the font at ``path`` has a glyph for."""
    font = TTFont(str(path), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def composed(text: str, face: Face) -> str:
    """``text`` composed (NFC), with the font's look-alikes for signs it lacks."""
    text = unicodedata.normalize("NFC", text)
    stand_ins = fonts.STAND_INS.get(face.path)
    return text.translate(stand_ins) if stand_ins else text


def runs(text: str, faces: tuple[Face, ...]) -> list[tuple[Face, str]]:
    """``text`` cut into runs, each printed with one face: for every character, the first
    of ``faces`` that has it (after its look-alikes), else a question mark in the first."""
    found: list[tuple[Face, str]] = []
    for char in unicodedata.normalize("NFC", text):
        face, shown = _printed(char, faces)
        if found and found[-1][0] == face:
            found[-1] = (face, found[-1][1] + shown)
        else:
            found.append((face, shown))
    return found


def _printed(char: str, faces: tuple[Face, ...]) -> tuple[Face, str]:
    if char.isspace():
        return faces[0], " "
    for face in faces:
        shown = composed(char, face)
        if all(ord(c) in characters(face.path) for c in shown):
            return face, shown
    return faces[0], MISSING
