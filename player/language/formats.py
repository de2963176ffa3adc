"""Numbers, dates and lists written the way the language in use writes them, from the
Unicode CLDR data that Babel carries (loaded only by the commands that show such things).

``decimal(2.5)`` is ``2.5`` in English and ``2,5`` in Spanish and Vietnamese;
``day(date(2027, 3, 14))`` is ``Sun 14 Mar`` / ``dom, 14 mar`` / ``CN, 14 thg 3`` / ``3月14日周日``;
``spoken_list(["a", "b", "c"])`` is ``a, b and c`` / ``a, b y c`` / ``a, b và c`` / ``a、b和c``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from player.language.codes import CATALOG_FOLDERS, PSEUDO
from player.language.translate import current


def babel_locale(language: str | None = None) -> str:
    """Babel's name for a language's locale: British English for English and for the
    pseudo-language, as the player has always written dates."""
    tag = current() if language is None else language
    return "en_GB" if tag == PSEUDO else CATALOG_FOLDERS.get(tag, "en_GB")


def decimal(value: float, places: int = 1) -> str:
    """A number with at most ``places`` decimals, with the language's decimal sign."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * places if places > 0 else "")
    return str(format_decimal(value, format=pattern, locale=babel_locale()))


def day(when: date) -> str:
    """A short date with its weekday, as a calendar would show it."""
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMEd", when, locale=babel_locale()))


def long_day(when: date) -> str:
    """A date written out in full, year included."""
    from babel.dates import format_date

    return str(format_date(when, format="full", locale=babel_locale()))


def clock_time(when: datetime) -> str:
    """Hours and minutes, as the language writes the time of day."""
    from babel.dates import format_time

    return str(format_time(when, format="short", locale=babel_locale()))


def spoken_list(items: Sequence[str]) -> str:
    """Items joined as a sentence joins them (``a, b and c``)."""
    from babel.lists import format_list

    return str(format_list(list(items), locale=babel_locale()))
