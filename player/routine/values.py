"""Parsing of the small value forms people write in routine files.

Durations (``30s``, ``1m30s``, ``1:30``, ``90``), repetition counts (``8``, ``5-10``,
``{min: 5, max: 10, default: 8}``), week ranges and sides. Each parser takes what
YAML produced and returns a plain value, or raises ``ValueError`` with a message
written for the person editing the file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_DURATION_MS = 4 * 60 * 60 * 1000
MAX_COUNT = 1000

# Digits are ASCII digits only (0-9), as in the JSON Schema's patterns.
# Written numbers have at most three digits after the point: a millisecond at the finest.
_PLAIN_NUMBER = re.compile(r"^\s*0*\d{1,9}(?:\.\d{1,3})?\s*$", re.ASCII)
_DURATION = re.compile(
    r"^\s*(?:(?P<h>\d+(?:\.\d{1,3})?)\s*h)?\s*(?:(?P<m>\d+(?:\.\d{1,3})?)\s*m(?:in)?)?"
    r"\s*(?:(?P<s>\d+(?:\.\d{1,3})?)\s*s(?:ec)?)?\s*$",
    re.ASCII,
)
_CLOCK = re.compile(r"^\s*0*(\d{1,9}):([0-5]\d)(?::([0-5]\d))?\s*$", re.ASCII)
"""``1:30`` (minutes and seconds) or ``1:30:00`` (hours, minutes and seconds)."""
_RANGE = re.compile("^\\s*0*(\\d{1,9})\\s*(?:-|to|\u2013)\\s*0*(\\d{1,9})\\s*$", re.ASCII)
_WHOLE = re.compile(r"^\s*0*\d{1,9}\s*$", re.ASCII)
_DURATION_HINT = "a duration like 30s, 1m30s, 1:30, 2m or a number of seconds"


def describe(value: Any) -> str:
    """How a found value is named in a message: quoted text, or its YAML look."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and abs(value) >= 10**40:
        return "a number of more than 40 digits"  # str() refuses the longest ones
    return str(value)


def _text_seconds(text: str) -> float | None:
    """The seconds ``30s``, ``1m30s``, ``1:30`` or ``1h`` stand for; None when it is no
    such thing."""
    if _PLAIN_NUMBER.match(text):
        return float(text)
    clock = _CLOCK.match(text)
    if clock:
        seconds = 0
        for part in clock.groups():
            if part is not None:
                seconds = seconds * 60 + int(part)
        return float(seconds)
    match = _DURATION.match(text)
    if not match or not any(match.group(k) for k in "hms"):
        return None
    return sum(
        float(match.group(k) or 0) * factor for k, factor in (("h", 3600), ("m", 60), ("s", 1))
    )


SHORTEST_S = 0.001
"""The shortest duration: a millisecond."""


def parse_duration(value: Any) -> int:
    """A duration in whole milliseconds, from one millisecond to four hours.

    The bounds are compared with the seconds as written, before rounding, as the JSON
    Schema compares them."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"expected {_DURATION_HINT}, found {describe(value)}")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"expected {_DURATION_HINT}, found {describe(value)}")
        seconds: float = value
    elif isinstance(value, str):
        found = _text_seconds(value)
        if found is None:
            negative = value.strip().startswith("-")
            if negative and _text_seconds(value.strip()[1:]) is not None:
                raise ValueError(f"a duration must be more than zero, found {describe(value)}")
            raise ValueError(f"expected {_DURATION_HINT}, found {describe(value)}")
        seconds = found
    else:
        raise ValueError(f"expected {_DURATION_HINT}, found {describe(value)}")
    if seconds <= 0:
        raise ValueError(f"a duration must be more than zero, found {describe(value)}")
    if seconds < SHORTEST_S:
        raise ValueError(
            f"a duration must be at least 0.001s (a millisecond), found {describe(value)}"
        )
    if seconds > MAX_DURATION_MS / 1000:
        raise ValueError(f"a duration can be at most 4h, found {describe(value)}")
    return round(seconds * 1000)


def parse_pause(value: Any) -> int:
    """Like a duration, but zero (``0``, ``0s`` or false) is allowed and means none."""
    if value is False or value == 0 or (isinstance(value, str) and _text_seconds(value) == 0):
        return 0
    return parse_duration(value)


def format_duration(ms: int) -> str:
    """``1:05`` for 65 seconds, ``1:02:05`` past an hour; tenths are rounded up."""
    total = -(-ms // 1000)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def format_elapsed(ms: int) -> str:
    """``1:05`` for any time from 65.0 up to 65.999 seconds into a session."""
    return format_duration(ms // 1000 * 1000)


def spoken_duration(ms: int) -> str:
    """``30 seconds``, ``1 minute 30 seconds``: how a duration is said aloud."""
    total = round(ms / 1000)
    minutes, seconds = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute" + ("s" if minutes != 1 else ""))
    if seconds or not minutes:
        parts.append(f"{seconds} second" + ("s" if seconds != 1 else ""))
    return " ".join(parts)


@dataclass(frozen=True)
class Count:
    """How many times: fixed (``low == high``) or a range the person chooses from."""

    low: int
    high: int
    default: int

    @property
    def is_choice(self) -> bool:
        return self.low != self.high

    def describe(self) -> str:
        if not self.is_choice:
            return str(self.default)
        return f"{self.low} to {self.high} (default {self.default})"


def whole_number(value: Any) -> int | None:
    """An int, or a float with nothing after the point (``8.0``, which YAML and JSON Schema
    take for the number 8); None for anything else, true and false included."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _whole(value: Any, what: str) -> int:
    number = whole_number(value)
    if number is None:
        raise ValueError(f"expected a whole number for {what}, found {describe(value)}")
    return number


def parse_count(value: Any) -> Count:
    """``8``, ``"5-10"``, ``"5 to 10"`` or ``{min: 5, max: 10, default: 8}``."""
    hint = "a whole number like 8, a range like 5-10, or {min: 5, max: 10, default: 8}"
    if isinstance(value, Count):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"expected {hint}, found {describe(value)}")
    number = whole_number(value)
    if number is not None:
        low = high = number
        default: int | None = number
    elif isinstance(value, str):
        match = _RANGE.match(value)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            default = None
        elif _WHOLE.match(value):
            low = high = int(value)
            default = low
        else:
            raise ValueError(f"expected {hint}, found {describe(value)}")
    elif isinstance(value, dict):
        unknown = sorted(str(k) for k in value if k not in ("min", "max", "default"))
        if unknown:
            raise ValueError(f"a count takes min, max and default, found {', '.join(unknown)}")
        if "min" not in value or "max" not in value:
            raise ValueError("a count range needs both min and max")
        low, high = _whole(value["min"], "min"), _whole(value["max"], "max")
        default = _whole(value["default"], "default") if "default" in value else None
    else:
        raise ValueError(f"expected {hint}, found {describe(value)}")
    if low < 1:
        raise ValueError(f"a count must be at least 1, found {describe(low)}")
    if high > MAX_COUNT:
        raise ValueError(f"a count can be at most {MAX_COUNT}, found {describe(high)}")
    if low > high:
        raise ValueError(
            f"the range {describe(low)}-{describe(high)} runs backwards; "
            "write the smaller number first"
        )
    if default is None:
        default = (low + high + 1) // 2
    if not low <= default <= high:
        raise ValueError(f"default {describe(default)} is outside the range {low} to {high}")
    return Count(low, high, default)


@dataclass(frozen=True)
class WeekRange:
    """Pregnancy weeks a routine or step suits, both ends included."""

    first: int
    last: int
    label: str = ""
    """How it was written, when that was not in weeks: ``trimesters 2-3``."""

    def contains(self, week: int) -> bool:
        return self.first <= week <= self.last

    def describe(self) -> str:
        return self.label or f"weeks {self.first}-{self.last}"


TRIMESTER_WEEKS = {1: (1, 13), 2: (14, 27), 3: (28, 42)}


def parse_weeks(value: Any) -> WeekRange:
    """``12-40``, ``"12 to 40"`` or a single week."""
    hint = "weeks as a range like 12-40"
    if isinstance(value, WeekRange):
        return value
    number = whole_number(value)
    if number is not None:
        first = last = number
    elif isinstance(value, str) and (match := _RANGE.match(value)):
        first, last = int(match.group(1)), int(match.group(2))
    else:
        raise ValueError(f"expected {hint}, found {describe(value)}")
    if not 1 <= first <= last <= 42:
        raise ValueError(
            "weeks run from 1 to 42 with the smaller first, "
            f"found {describe(first)}-{describe(last)}"
        )
    return WeekRange(first, last)


def parse_trimesters(value: Any) -> WeekRange:
    """``2``, ``2-3`` or ``[2, 3]``: trimesters turned into the weeks they span."""
    hint = "a trimester (1, 2 or 3) or a range like 2-3"
    if isinstance(value, WeekRange):
        return value
    number = whole_number(value)
    listed = [whole_number(item) for item in value] if isinstance(value, list) else []
    whole = [item for item in listed if item is not None]
    if number is not None:
        first = last = number
    elif isinstance(value, str) and (match := _RANGE.match(value)):
        first, last = int(match.group(1)), int(match.group(2))
    elif whole and len(whole) == len(listed):
        first, last = min(whole), max(whole)
    else:
        raise ValueError(f"expected {hint}, found {describe(value)}")
    if not 1 <= first <= last <= 3:
        raise ValueError(f"trimesters are 1, 2 and 3, found {describe(first)}-{describe(last)}")
    label = f"trimester {first}" if first == last else f"trimesters {first}-{last}"
    return WeekRange(TRIMESTER_WEEKS[first][0], TRIMESTER_WEEKS[last][1], label)


DEFAULT_COUNTDOWN_S = 3


def parse_countdown(value: Any) -> int:
    """Seconds of spoken countdown: ``true`` is 3, ``false`` is none, or 0 to 10."""
    if value is True:
        return DEFAULT_COUNTDOWN_S
    if value is False:
        return 0
    seconds = whole_number(value)
    if seconds is not None and 0 <= seconds <= 10:
        return seconds
    raise ValueError(f"expected true, false or 0 to 10 seconds, found {describe(value)}")


SIDE_NAMES = ("left", "right")


def parse_sides(value: Any) -> tuple[str, ...]:
    """``both`` (left then right), ``true``, or a list such as ``[right, left]``."""
    hint = "both, or a list such as [left, right]"
    if value is True or (isinstance(value, str) and value.strip().lower() == "both"):
        return SIDE_NAMES
    if value is False:
        return ()
    if isinstance(value, str) and value.strip().lower() in SIDE_NAMES:
        return (value.strip().lower(),)
    if isinstance(value, list) and value:
        sides = []
        for item in value:
            if not isinstance(item, str) or item.strip().lower() not in SIDE_NAMES:
                raise ValueError(f"sides are left and right, found {describe(item)}")
            sides.append(item.strip().lower())
        if len(set(sides)) != len(sides):
            raise ValueError("each side can be named once")
        return tuple(sides)
    raise ValueError(f"expected {hint}, found {describe(value)}")


PLACEHOLDERS = {
    "rep": "the number of the repetition under way",
    "reps": "how many repetitions the step has",
    "side": "the side under way (left or right)",
    "set": "the number of the set under way",
    "sets": "how many sets the block has",
    "step": "the step's name",
    "next": "the name of the step that comes next",
}


_BRACES = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
"""A doubled brace, a ``{...}`` with no brace inside, or a brace alone."""


def check_placeholders(text: str) -> str:
    """Refuse cue text whose braces are not plain placeholders: ``{side}`` is one, and
    ``{{`` and ``}}`` are a brace; a brace alone, a name that is no placeholder, and
    anything after the name (``{side:d}``, ``{rep!r}``, ``{step.x}``) are refused."""
    for match in _BRACES.finditer(text):
        token, inside = match[0], match[1]
        if token in ("{{", "}}"):
            continue
        if inside is None:
            raise ValueError(
                f"the braces in {describe(text)} do not pair up; write {{{{ or }}}} for a "
                "plain brace"
            )
        name = re.split(r"[:!.\[]", inside, maxsplit=1)[0].strip()
        if name in PLACEHOLDERS and inside != name:
            raise ValueError(
                f"'{token}': a placeholder is its name alone in braces, such as {{{name}}}; "
                "formats and anything after the name are not supported"
            )
        if inside not in PLACEHOLDERS:
            known = ", ".join("{" + key + "}" for key in PLACEHOLDERS)
            raise ValueError(f"unknown placeholder {token}; the placeholders are {known}")
    return text


def fill_placeholders(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name}`` given in ``values`` replaced, and ``{{``, ``}}`` made
    single braces. Anything else is left as written, so it never fails, whatever the text
    (``check_placeholders`` refuses such text in a routine file)."""

    def one(match: re.Match[str]) -> str:
        token, inside = match[0], match[1]
        if token in ("{{", "}}"):
            return token[0]
        if inside is not None and inside in values:
            value = values[inside]
            return "" if value is None else str(value)
        return token

    return _BRACES.sub(one, text)
