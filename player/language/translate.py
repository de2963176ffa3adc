"""The catalog in use, and the functions the code marks its words with.

``_("Pause")`` is the word in the language in use; ``ngettext("{count} time",
"{count} times", n).format(count=n)`` picks the form the number needs (Chinese and
Vietnamese have one, English and Spanish two); ``pgettext("key", "Back")`` tells the
translator which "Back" is meant. Words that must be written before a language is chosen
(tables at the top of a module) are marked with ``N_()`` and looked up with ``_()`` where
they are shown. Placeholders are named (``{count}``), so a translation may move them.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from player.language.codes import CATALOG_FOLDERS, DEFAULT_LANGUAGE, PSEUDO

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "player"


def pseudo(text: str) -> str:
    """A message as the pseudo-language shows it: visibly wrapped, placeholders intact."""
    return f"[!! {text} !!]" if text else text


class PseudoTranslations(gettext.NullTranslations):
    """Every message wrapped, so that a word shown without it escaped the catalogs."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


_loaded: dict[str, gettext.NullTranslations] = {}


def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English is the code's own words)."""
    found = _loaded.get(language)
    if found is None:
        if language == PSEUDO:
            found = PseudoTranslations()
        elif language in CATALOG_FOLDERS:
            found = gettext.translation(
                DOMAIN, LOCALE_DIR, languages=[CATALOG_FOLDERS[language]], fallback=True
            )
        else:
            found = gettext.NullTranslations()
        _loaded[language] = found
    return found


class _InUse:
    language = DEFAULT_LANGUAGE
    translations: gettext.NullTranslations = gettext.NullTranslations()


def use(language: str) -> None:
    """Speak ``language`` from now on (a tag from ``LANGUAGES``, or ``PSEUDO``)."""
    _InUse.language = language
    _InUse.translations = catalog(language)


def current() -> str:
    """The tag of the language in use."""
    return _InUse.language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak ``language`` inside the block, then the language spoken before."""
    before = _InUse.language
    use(language)
    try:
        yield
    finally:
        use(before)


def _(message: str) -> str:
    return _InUse.translations.gettext(message)


def N_(message: str) -> str:
    """Marks words for the catalog without looking them up: ``_()`` them where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _InUse.translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _InUse.translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _InUse.translations.npgettext(context, singular, plural, count)
