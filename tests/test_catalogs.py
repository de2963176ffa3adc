"""The translations are complete and true to the code: every message the code marks is in
every language's catalog, translated, with the same placeholders, and the compiled catalogs
the player reads are those of the .po files (``make catalogs`` rebuilds them)."""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from player.language.codes import CATALOG_FOLDERS
from player.language.translate import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
PLAYER = ROOT / "player"
BRACES = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")
PERCENT = re.compile(r"%(?:\(([a-z_]+)\))?[-#0 +]*\d*(?:\.\d+)?[sdrif]")


def _code_messages() -> dict[tuple[str | None, str], tuple[str, ...]]:
    """Every message the code marks: (context, id) -> (id,) or (singular, plural)."""
    found: dict[tuple[str | None, str], tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(PLAYER),
        method_map=[("**.py", "python")],
        keywords=DEFAULT_KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[(context, forms[0])] = forms
    return found


CODE = _code_messages()


def _catalog(folder: str) -> Catalog:
    with open(LOCALE_DIR / folder / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as handle:
        return read_po(handle, locale=folder)


def _entries(catalog: Catalog) -> Iterator[Message]:
    return (message for message in catalog if message.id)


def _ids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _strings(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def placeholders(text: str) -> list[str]:
    """The placeholders of a message, sorted: ``{name}`` (with its format) and ``%s``."""
    return sorted(
        [f"{{{name}}}" for name in BRACES.findall(text)]
        + [match.group(0) for match in PERCENT.finditer(text)]
    )


LANGUAGES = sorted(CATALOG_FOLDERS.items())


def test_the_code_marks_words_for_translation() -> None:
    assert len(CODE) > 300, "the extraction found too few messages: is `_` still the keyword?"


@pytest.mark.parametrize(("tag", "folder"), LANGUAGES)
def test_every_message_of_the_code_is_in_the_catalog(tag: str, folder: str) -> None:
    catalog = _catalog(folder)
    known = {(message.context, _ids(message)[0]) for message in _entries(catalog)}
    missing = sorted(key[1] for key in CODE if key not in known)
    assert not missing, (
        f"{len(missing)} message(s) of the code are not in the {tag} catalog "
        f"(run `make catalogs`, then translate): {missing[:10]}"
    )
    stale = sorted(key[1] for key in known if key not in CODE)
    assert not stale, f"the {tag} catalog has messages the code no longer has: {stale[:10]}"


@pytest.mark.parametrize(("tag", "folder"), LANGUAGES)
def test_every_message_is_translated(tag: str, folder: str) -> None:
    catalog = _catalog(folder)
    untranslated = [
        _ids(message)[0]
        for message in _entries(catalog)
        if message.fuzzy or not all(string.strip() for string in _strings(message))
    ]
    assert not untranslated, (
        f"{len(untranslated)} message(s) in the {tag} catalog are untranslated or fuzzy: "
        f"{untranslated[:10]}"
    )


@pytest.mark.parametrize(("tag", "folder"), LANGUAGES)
def test_translations_keep_their_placeholders(tag: str, folder: str) -> None:
    catalog = _catalog(folder)
    wrong = []
    for message in _entries(catalog):
        ids = _ids(message)
        allowed = (
            [placeholders(ids[-1])]
            if catalog.num_plurals == 1
            else [placeholders(each) for each in ids]
        )
        for string in _strings(message):
            if string and placeholders(string) not in allowed:
                wrong.append((ids[0], string))
    assert not wrong, f"translations in {tag} that drop or add a placeholder: {wrong[:5]}"


@pytest.mark.parametrize(("tag", "folder"), LANGUAGES)
def test_plural_forms_are_the_languages_own(tag: str, folder: str) -> None:
    catalog = _catalog(folder)
    expected = {"es": 2, "vi": 1, "zh-Hans": 1}[tag]
    assert catalog.num_plurals == expected
    for message in _entries(catalog):
        if not isinstance(message.id, str):
            assert len(_strings(message)) == expected, message.id


@pytest.mark.parametrize(("tag", "folder"), LANGUAGES)
def test_the_catalog_says_it_is_not_yet_reviewed(tag: str, folder: str) -> None:
    text = (LOCALE_DIR / folder / "LC_MESSAGES" / f"{DOMAIN}.po").read_text("utf-8")
    header = " ".join(text.split('msgid ""', 1)[0].replace("#", " ").split())
    assert "not yet been reviewed by a native-speaking midwife or physiotherapist" in header
    assert "To send a correction" in header


@pytest.mark.parametrize(("tag", "folder"), LANGUAGES)
def test_the_compiled_catalog_is_that_of_the_po_file(tag: str, folder: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(folder))
    compiled.seek(0)
    expected = gettext.GNUTranslations(compiled)
    mo_file = LOCALE_DIR / folder / "LC_MESSAGES" / f"{DOMAIN}.mo"
    assert mo_file.is_file(), f"{mo_file} is missing: run `make catalogs`"
    with open(mo_file, "rb") as handle:
        shipped = gettext.GNUTranslations(handle)
    assert _messages(shipped) == _messages(expected), (
        f"{mo_file} is out of date with its .po file: run `make catalogs`"
    )


def _messages(translations: gettext.GNUTranslations) -> dict[object, str]:
    """A compiled catalog's messages, without its header (which names the Babel that
    compiled it, and so differs from one version to the next)."""
    catalog: dict[object, str] = translations._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in catalog.items() if key != ""}


def test_placeholders_are_found() -> None:
    assert placeholders("{done} of {total:d} and %(value)r and %s") == [
        "%(value)r",
        "%s",
        "{done}",
        "{total:d}",
    ]
    assert placeholders("{{literal}} {n}") == ["{n}"]
