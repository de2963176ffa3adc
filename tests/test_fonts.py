"""The bundled fonts have every character the translations use: a translation with a
character outside them fails here, until ``media/make_fonts.py`` makes them again."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont

from player.language import fonts
from player.system.paths import ROUTINES_DIR

LOCALE = Path(__file__).resolve().parent.parent / "player" / "language" / "locale"
LANGUAGES = [("zh-Hans", "zh_Hans", fonts.CHINESE), ("vi", "vi", fonts.VIETNAMESE)]


def drawn(text: str) -> set[str]:
    """The characters of ``text`` a font has to draw (composed; no line breaks)."""
    text = unicodedata.normalize("NFC", text)
    return {c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")}


def strings(value: object) -> list[str]:
    """Every string in a YAML document, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, each in value.items() for s in strings(key) + strings(each)]
    if isinstance(value, list):
        return [s for each in value for s in strings(each)]
    return []


def catalog_words(folder: str) -> dict[str, set[str]]:
    path = LOCALE / folder / "LC_MESSAGES" / "player.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found: dict[str, set[str]] = {}
    for message in catalog:
        translated = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in translated:
            for char in drawn(text or ""):
                found.setdefault(char, set()).add(str(path.relative_to(LOCALE.parent.parent)))
    return found


def routine_words(tag: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(ROUTINES_DIR.glob(f"**/translations/{tag}/*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in strings(document):
            for char in drawn(text):
                found.setdefault(char, set()).add(f"routines/{path.relative_to(ROUTINES_DIR)}")
    return found


@pytest.mark.parametrize(("tag", "folder", "font"), LANGUAGES)
def test_every_character_of_a_translation_is_in_its_font(tag: str, folder: str, font: Path) -> None:
    has = set(TTFont(str(font)).getBestCmap())
    used = catalog_words(folder)
    for char, where in routine_words(tag).items():
        used.setdefault(char, set()).update(where)
    stand_ins = fonts.STAND_INS.get(font, {})  # drawn as a look-alike the font has
    lacking = {
        char: where
        for char, where in used.items()
        if not all(ord(shown) in has for shown in stand_ins.get(ord(char), char))
    }
    assert not lacking, (
        f"{font.name} has no glyph for "
        + ", ".join(f"{c} U+{ord(c):04X} ({', '.join(sorted(w))})" for c, w in lacking.items())
        + ": run `python media/make_fonts.py` to make the fonts again"
    )


def test_the_fonts_are_small_and_their_licences_beside_them() -> None:
    assert fonts.CHINESE.stat().st_size < 2_500_000
    assert fonts.VIETNAMESE.stat().st_size < 200_000
    for licence in ("OFL-NotoSans.txt", "OFL-NotoSansCJK.txt"):
        assert "SIL OPEN FONT LICENSE" in (fonts.FONTS_DIR / licence).read_text(encoding="utf-8")


def test_the_chinese_font_has_the_common_characters_and_punctuation() -> None:
    has = set(TTFont(str(fonts.CHINESE)).getBestCmap())
    common = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"
    punctuation = "，。、；：？！（）「」『』“”…—"  # noqa: RUF001
    assert all(ord(c) in has for c in common + punctuation + "AZaz09")


def test_the_vietnamese_font_has_every_vietnamese_letter() -> None:
    has = set(TTFont(str(fonts.VIETNAMESE)).getBestCmap())
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {
        unicodedata.normalize("NFC", base + mark)
        for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
        for mark in marks
    } | {"đ", "Đ"}
    assert len(letters) == 146
    assert all(ord(c) in has for c in letters)


SIGNS = "\u2212\u2013\u2014\u2026\u00b7\u00ab\u00bb\u00b0\u00d7"
"""Signs the window draws in every language: minus, dashes, ellipsis, middle dot, quotes."""


@pytest.mark.parametrize("font", [fonts.CHINESE, fonts.VIETNAMESE])
def test_the_signs_the_window_draws_are_in_each_font_or_stood_in_for(font: Path) -> None:
    has = set(TTFont(str(font)).getBestCmap())
    stand_ins = fonts.STAND_INS.get(font, {})
    for sign in SIGNS:
        shown = stand_ins.get(ord(sign), sign)
        assert all(ord(c) in has for c in shown), f"{font.name} lacks {sign} U+{ord(sign):04X}"
