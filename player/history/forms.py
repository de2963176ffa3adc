"""Dates, times of day and decimals of the history, in the language in use.

English (and the pseudo-language) keep the forms the player has always written
(``Wed 3 Sep``, ``20:05``, ``4.0``); the other languages take theirs from the CLDR data
(:mod:`player.language.formats`), where British English would differ (``3 Sept``, ``4``).
"""

from __future__ import annotations

from datetime import date, datetime

from player.language import formats


def _own_forms() -> bool:
    """Whether the language in use writes as the player always has (English, pseudo)."""
    return formats.babel_locale() == "en_GB"


def _skeleton(skeleton: str, when: date) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton(skeleton, when, locale=formats.babel_locale()))


def short_day(when: date) -> str:
    """``Wed 3 Mar``: a day with its weekday."""
    return f"{when:%a} {when.day} {when:%b}" if _own_forms() else formats.day(when)


def day_month(when: date) -> str:
    """``3 Mar``."""
    return f"{when.day} {when:%b}" if _own_forms() else _skeleton("MMMd", when)


def day_month_year(when: date) -> str:
    """``3 Mar 2025``."""
    return f"{when.day} {when:%b %Y}" if _own_forms() else _skeleton("yMMMd", when)


def weekday_letter(when: date) -> str:
    """``W``: the weekday in the fewest letters the language writes it with."""
    if _own_forms():
        return f"{when:%a}"[0]
    from babel.dates import format_date

    return str(format_date(when, "EEEEE", locale=formats.babel_locale()))


def time_of_day(when: datetime) -> str:
    """``20:05``."""
    return f"{when:%H:%M}" if _own_forms() else formats.clock_time(when)


def one_decimal(value: float, signed: bool = False) -> str:
    """``4.0``, or ``+1.5`` when ``signed``: always one decimal, with the language's sign."""
    if _own_forms():
        return f"{value:+.1f}" if signed else f"{value:.1f}"
    from babel.numbers import format_decimal

    pattern = "+#,##0.0;-#,##0.0" if signed else "#,##0.0"
    return str(format_decimal(value, format=pattern, locale=formats.babel_locale()))


def number(value: float) -> str:
    """``2`` or ``2.5``: as few decimals as the value needs (``{value:g}``)."""
    return f"{value:g}" if _own_forms() else formats.decimal(value, 3)
