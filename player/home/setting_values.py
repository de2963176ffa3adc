"""The value of each setting: one parser per kind, used both for the value typed after
``run.py settings set`` and for the value written in the settings file, so that both say
the same thing about a bad value; and the typed fields the settings model is made of."""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator

from player.home.bindings import action_named, parse_keys
from player.language import N_, _
from player.language.codes import LANGUAGES, PSEUDO, normalise
from player.routine.values import MAX_COUNT, describe
from player.system.printable import first_control

DEFAULT_RATE = 165
MAX_VOICE_CHARS = 100
MIN_RATE, MAX_RATE = 80, 400
MAX_LEAD_IN_S = 120
FIRST_WEEK, LAST_WEEK = 1, 42
PREGNANCY_DAYS = 280

_ON = ("on", "yes", "true")
_OFF = ("off", "no", "false")
_WHOLE = re.compile(r"^\s*[+-]?\d{1,9}\s*$", re.ASCII)
_NUMBER = re.compile(r"^\s*[+-]?(\d{1,9}(\.\d*)?|\.\d+)\s*$", re.ASCII)
_SECONDS = re.compile(r"^\s*(\d{1,9}(\.\d*)?|\.\d+)\s*s?\s*$", re.ASCII)


# -- one parser per kind of value ---------------------------------------------------------


def _number(value: Any, pattern: re.Pattern[str]) -> float | None:
    """A number given as a number or as text, or None when it is no such thing."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str) and pattern.match(value):
        return float(value.strip().removesuffix("s"))
    return None


def parse_switch(value: Any) -> bool:
    """``on``/``off``, ``yes``/``no``, ``true``/``false``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in (*_ON, *_OFF):
        return value.strip().lower() in _ON
    raise ValueError(
        _("expected on or off (or yes/no, true/false), found {value}").format(value=describe(value))
    )


# TRANSLATORS: what the setting advised-against-exercise may be; yes and no are typed as
# they are, and 'safety' is a command
YES_NO = N_("yes or no (the question 'safety' shows)")
_YES = ("yes", "true")
_NO = ("no", "false")


def parse_yes_no(value: Any) -> bool:
    """``yes`` or ``no`` (or ``true``/``false``): the answer to a question asked once."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in (*_YES, *_NO):
        return value.strip().lower() in _YES
    raise ValueError(_("expected yes or no, found {value}").format(value=describe(value)))


def parse_voice(value: Any) -> str:
    """A voice's name: one line of at most MAX_VOICE_CHARS (the speech says if installed)."""
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > MAX_VOICE_CHARS:
        raise ValueError(
            _(
                "expected a voice name of at most {most} characters, such as en-gb, "
                "found one of {count}"
            ).format(most=MAX_VOICE_CHARS, count=f"{len(text):,}")
        )
    if text and (control := first_control(text)):
        raise ValueError(
            _("expected a voice name, found one with a control character ({control})").format(
                control=control
            )
        )
    if text:
        return text
    raise ValueError(
        _("expected a voice name or part of it, such as en-gb, found {value}").format(
            value=describe(value)
        )
    )


def parse_language(value: Any) -> str:
    """A language the player speaks: ``es``, ``vi``, ``zh-Hans`` (or ``es-MX``, ``zh``...)."""
    found = normalise(value) if isinstance(value, str) else None
    if found is None or found == PSEUDO:
        raise ValueError(
            _("expected one of {languages}, found {value}").format(
                languages=", ".join(LANGUAGES), value=describe(value)
            )
        )
    return found


def parse_rate(value: Any) -> int:
    number = _number(value, _WHOLE)
    if number is None or not number.is_integer() or not MIN_RATE <= number <= MAX_RATE:
        raise ValueError(
            _("expected words a minute from {low} to {high}, found {value}").format(
                low=MIN_RATE, high=MAX_RATE, value=describe(value)
            )
        )
    return int(number)


def parse_volume(value: Any) -> float:
    number = _number(value, _NUMBER)
    if number is None or not 0 <= number <= 1:
        raise ValueError(
            _("expected a number from 0 to 1, such as 0.8, found {value}").format(
                value=describe(value)
            )
        )
    return number


def parse_lead_in(value: Any) -> float:
    number = _number(value, _SECONDS)
    if number is None or not 0 <= number <= MAX_LEAD_IN_S:
        raise ValueError(
            _("expected seconds from 0 to {most}, such as 10 or 10s, found {value}").format(
                most=MAX_LEAD_IN_S, value=describe(value)
            )
        )
    return number


def parse_week(value: Any) -> int:
    number = _number(value, _WHOLE)
    if number is None or not number.is_integer() or not FIRST_WEEK <= number <= LAST_WEEK:
        raise ValueError(
            _("expected a pregnancy week from {first} to {last}, found {value}").format(
                first=FIRST_WEEK, last=LAST_WEEK, value=describe(value)
            )
        )
    return int(number)


def parse_day(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value.strip())
    raise ValueError(
        _("expected a date such as 2027-03-14, found {value}").format(value=describe(value))
    )


def parse_reps(value: Any) -> int:
    number = _number(value, _WHOLE)
    if number is None or not number.is_integer() or not 1 <= number <= MAX_COUNT:
        raise ValueError(
            _("expected a number of repetitions from 1 to {most}, found {value}").format(
                most=MAX_COUNT, value=describe(value)
            )
        )
    return int(number)


def _reps_table(value: Any) -> Any:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(
            _(
                "expected routine names with their repetitions, such as "
                "'partner-back-massage: 8' on the next line, indented; found {value}"
            ).format(value=describe(value))
        )
    return value


def _keys_table(value: Any) -> Any:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(
            _(
                "expected actions with their keys, such as 'next: page down, n' on the next "
                "line, indented; found {value}"
            ).format(value=describe(value))
        )
    return value


Switch = Annotated[bool, BeforeValidator(parse_switch)]
YesNo = Annotated[bool, BeforeValidator(parse_yes_no)]
Voice = Annotated[str, BeforeValidator(parse_voice)]
Rate = Annotated[int, BeforeValidator(parse_rate)]
Language = Annotated[str, BeforeValidator(parse_language)]
Volume = Annotated[float, BeforeValidator(parse_volume)]
LeadIn = Annotated[float, BeforeValidator(parse_lead_in)]
Week = Annotated[int, BeforeValidator(parse_week)]
Day = Annotated[date, BeforeValidator(parse_day)]
Reps = Annotated[int, BeforeValidator(parse_reps)]
RepsTable = Annotated[dict[str, Reps], BeforeValidator(_reps_table)]
ActionName = Annotated[str, BeforeValidator(action_named)]
Keys = Annotated[tuple[str, ...], BeforeValidator(parse_keys)]
KeysTable = Annotated[dict[ActionName, Keys], BeforeValidator(_keys_table)]
