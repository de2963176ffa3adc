"""The small value forms as typed fields: durations, counts, weeks, trimesters, sides, the
countdown and cue switches, each read by its parser in ``values`` and described by a JSON
Schema for editors.

Each schema accepts what the parser of the same form accepts, wherever a pattern or a
bound can say it, so that an editor and ``check`` agree. Patterns use the
ECMAScript syntax JSON Schema asks for, which Python reads the same way: digits are
written ``[0-9]``, never ``\\d``. What no schema can decide (the order of a range's two
numbers, for instance) is listed on the format page under "What only check decides".
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Strict, WithJsonSchema

from player.routine.values import (
    MAX_COUNT,
    MAX_DURATION_MS,
    PLACEHOLDERS,
    SHORTEST_S,
    Count,
    WeekRange,
    describe,
    parse_count,
    parse_countdown,
    parse_duration,
    parse_pause,
    parse_sides,
    parse_trimesters,
    parse_weeks,
)

MAX_SECONDS = MAX_DURATION_MS // 1000
MAX_MINUTES = MAX_SECONDS // 60
MAX_HOURS = MAX_MINUTES // 60
LAST_WEEK = 42
LAST_TRIMESTER = 3

JsonSchema = dict[str, Any]


# -- patterns for numbers up to a limit ---------------------------------------------------


def _whole_below(limit: int, lowest: int) -> list[str]:
    """Patterns that together match the whole numbers from ``lowest`` (0 or 1) to
    ``limit - 1``, written without leading zeros."""
    digits = str(limit)
    found = []
    # Numbers as long as the limit: its own digits up to a position, then a smaller digit
    # there (never a leading zero), then any digits.
    for position, digit in enumerate(digits):
        smallest = lowest if position == 0 and len(digits) == 1 else int(position == 0)
        if int(digit) - 1 >= smallest:
            rest = len(digits) - position - 1
            top = int(digit) - 1
            span = str(top) if top == smallest else f"[{smallest}-{top}]"
            tail = f"[0-9]{{{rest}}}" if rest > 1 else "[0-9]" * rest
            found.append(digits[:position] + span + tail)
    # Shorter numbers: one digit, then two or more without a leading zero.
    if len(digits) > 1:
        found.append(f"[{lowest}-9]")
    if len(digits) == 3:
        found.append("[1-9][0-9]")
    elif len(digits) > 3:
        found.append(f"[1-9][0-9]{{1,{len(digits) - 2}}}")
    return found


def whole_up_to(limit: int, lowest: int = 1) -> str:
    """A pattern for a whole number from ``lowest`` (0 or 1) to ``limit``; leading zeros
    are allowed, as ``int()`` allows them."""
    return "0*(?:" + "|".join([*_whole_below(limit, lowest), str(limit)]) + ")"


def decimal_up_to(limit: int) -> str:
    """A pattern for a number from 0 to ``limit`` written ``12`` or ``12.5``, with at most
    three digits after the point."""
    below = "|".join(_whole_below(limit, 0))
    return f"0*(?:(?:{below})(?:\\.[0-9]{{1,3}})?|{limit}(?:\\.0{{1,3}})?)"


def _anchored(pattern: str) -> str:
    return f"^\\s*(?:{pattern})\\s*$"


# -- durations ----------------------------------------------------------------------------

_SOME_DIGIT_ABOVE_ZERO = "(?=[^1-9]*[1-9])"
_WITH_UNITS = (
    f"(?=[^0-9]*[0-9])(?:{decimal_up_to(MAX_HOURS)}\\s*h)?\\s*"
    f"(?:{decimal_up_to(MAX_MINUTES)}\\s*m(?:in)?)?\\s*"
    f"(?:{decimal_up_to(MAX_SECONDS)}\\s*s(?:ec)?)?"
)
_MINUTES_SECONDS = (
    "0*(?:" + "|".join(_whole_below(MAX_MINUTES, 0)) + f"):[0-5][0-9]|0*{MAX_MINUTES}:00"
)
_HOURS_MINUTES_SECONDS = f"0*[0-{MAX_HOURS - 1}]:[0-5][0-9]:[0-5][0-9]|0*{MAX_HOURS}:00:00"
_DURATION_TEXT = "|".join(
    [decimal_up_to(MAX_SECONDS), _MINUTES_SECONDS, _HOURS_MINUTES_SECONDS, _WITH_UNITS]
)
DURATION_PATTERN = f"^\\s*{_SOME_DIGIT_ABOVE_ZERO}(?:{_DURATION_TEXT})\\s*$"
"""``30s``, ``1m30s``, ``2 min``, ``1h``, ``1:30``, ``1:00:00`` or ``90``: above zero, and
each part at most 4 h (that the parts add up to at most 4 h, only ``check`` decides)."""
PAUSE_PATTERN = _anchored(_DURATION_TEXT)
"""The same forms, zero included."""

_DURATION_WORDS = "write 30s, 1m30s, 1:30 (minutes and seconds), 2m, 1h or a number of seconds"


def one_of(message: str, examples: list[Any], *branches: JsonSchema) -> JsonSchema:
    """Alternatives of which a value fits exactly one, each telling ``message`` when the
    value fits none; ``examples`` are what an editor offers to write."""
    return {
        **told({"type": _types_of(branches)}, message),
        "oneOf": [told(branch, message) for branch in branches],
        "examples": examples,
    }


def _types_of(branches: tuple[JsonSchema, ...]) -> list[str]:
    """The JSON types the branches allow, text first: an editor completes a key with the
    first type's usual value."""
    names = {bool: "boolean", str: "string", int: "integer", float: "number", list: "array"}
    found = []
    for branch in branches:
        values = branch["enum"] if "enum" in branch else [branch.get("const")]
        found.append(branch.get("type") or names[type(values[0])])
    return sorted(set(found), key=lambda name: (name != "string", name))


def told(schema: JsonSchema, message: str) -> JsonSchema:
    """``schema`` with the message an editor shows when a value does not fit it.

    Its type is written as a list (``["number"]``, which means the same): the YAML language
    server rewrites the message of a wrong single type into its own "Incorrect type" when
    it weighs alternatives, but keeps the message of a list of types."""
    told = {**schema, "errorMessage": message}
    if isinstance(schema.get("type"), str):
        told["type"] = [schema["type"]]
    return told


DURATION = one_of(
    f"A duration above zero and at most 4 hours: {_DURATION_WORDS}.",
    ["30s", "1m30s", "1:30", "2m"],
    {"type": "number", "minimum": SHORTEST_S, "maximum": MAX_SECONDS},
    {"type": "string", "pattern": DURATION_PATTERN},
)

PAUSE = one_of(
    f"A duration of at most 4 hours, or 0 for none: {_DURATION_WORDS}.",
    [0, "5s", "10s"],
    {"type": "number", "minimum": SHORTEST_S, "maximum": MAX_SECONDS},
    {"const": 0},
    {"const": False},
    {"type": "string", "pattern": PAUSE_PATTERN},
)


# -- counts, weeks and trimesters ---------------------------------------------------------

_TO = "\\s*(?:-|to|\\u2013)\\s*"


def _range_pattern(number: str, single: bool) -> str:
    """``5-10``, ``5 to 10`` or 5, an en dash, 10; with ``single``, a lone number too."""
    tail = f"(?:{_TO}{number})" + ("?" if single else "")
    return _anchored(number + tail)


def _count_entry(title: str, description: str) -> JsonSchema:
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_COUNT,
        "title": title,
        "description": description,
    }


COUNT = one_of(
    f"A whole number from 1 to {MAX_COUNT} such as 8, a range such as 5-10, or "
    "{min: 5, max: 10, default: 6}.",
    [8, "5-10"],
    {"type": "integer", "minimum": 1, "maximum": MAX_COUNT},
    {"type": "string", "pattern": _range_pattern(whole_up_to(MAX_COUNT), single=True)},
    {
        "type": "object",
        "properties": {
            "min": _count_entry("Fewest", "The fewest the person may choose."),
            "max": _count_entry("Most", "The most the person may choose."),
            "default": _count_entry(
                "Default", "The count unless the person chooses; the middle when left out."
            ),
        },
        "required": ["min", "max"],
        "additionalProperties": False,
    },
)

WEEKS = one_of(
    f"Pregnancy weeks from 1 to {LAST_WEEK}: a range such as 14-40, or one week such as 20.",
    ["14-40"],
    {"type": "integer", "minimum": 1, "maximum": LAST_WEEK},
    {"type": "string", "pattern": _range_pattern(whole_up_to(LAST_WEEK), single=False)},
)

TRIMESTERS = one_of(
    "A trimester (1, 2 or 3), or a range such as 2-3.",
    ["2-3", 1],
    {"type": "integer", "minimum": 1, "maximum": LAST_TRIMESTER},
    {"type": "string", "pattern": _range_pattern(whole_up_to(LAST_TRIMESTER), single=False)},
    {
        "type": "array",
        "items": {"type": "integer", "minimum": 1, "maximum": LAST_TRIMESTER},
        "minItems": 1,
    },
)


# -- sides and the countdown --------------------------------------------------------------


def _any_case(word: str) -> str:
    """``[Bb][Oo][Tt][Hh]``: the word in any mix of capitals, as ``check`` reads it."""
    return "".join(f"[{letter.upper()}{letter}]" for letter in word)


def _words(*words: str) -> list[JsonSchema]:
    """The words as written here, offered by editors, or in other capitals (``Both``)."""
    return [
        {"enum": list(words)},
        {
            "type": "string",
            "pattern": _anchored("|".join(map(_any_case, words))),
            "not": {"enum": list(words)},
        },
    ]


_SIDES_MESSAGE = (
    "both (left, then right), left, right, or a list naming each side once, such as [right, left]."
)
SIDES = one_of(
    _SIDES_MESSAGE,
    ["both", ["right", "left"]],
    *_words("both", "left", "right"),
    {"type": "boolean"},
    {
        "type": "array",
        "items": {"oneOf": [told(word, _SIDES_MESSAGE) for word in _words("left", "right")]},
        "minItems": 1,
        "maxItems": 2,
        "uniqueItems": True,
        "if": {"minItems": 2},
        "then": {
            "allOf": [
                {"contains": {"pattern": _anchored(_any_case("left"))}},
                {"contains": {"pattern": _anchored(_any_case("right"))}},
            ]
        },
    },
)

COUNTDOWN = one_of(
    "true (3 seconds), false (none), or a number of seconds from 0 to 10.",
    [True, False, 5],
    {"type": "boolean"},
    {"type": "integer", "minimum": 0, "maximum": 10},
)


# -- words with placeholders --------------------------------------------------------------

_PLACEHOLDER_NAMES = "|".join(PLACEHOLDERS)
PRINTABLE_CLASS = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069"
"""The control characters no text may hold, as a regular expression's class: all but
the tab and the line break, and the controls of the direction of text (as
``player.system.printable`` takes out)."""
NO_CONTROL_PATTERN = f"^[^{PRINTABLE_CLASS}]*$"
CUE_WORDS_PATTERN = (
    f"^(?:[^{{}}{PRINTABLE_CLASS}]|\\{{\\{{|\\}}\\}}|\\{{(?:{_PLACEHOLDER_NAMES})\\}})*$"
)
"""Text whose braces are placeholders such as ``{rep}``, or doubled for a plain brace."""
_KNOWN = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
CUE_WORDS_MESSAGE = (
    f"Words to say; braces hold one of the placeholders {_KNOWN}, "
    "and a plain brace is written twice: {{ or }}."
)


# -- the typed fields ---------------------------------------------------------------------

Duration = Annotated[int, BeforeValidator(parse_duration), WithJsonSchema(DURATION)]
"""A duration in milliseconds, written as ``30s``, ``1m30s``, ``1:30`` or plain seconds."""

Pause = Annotated[int, BeforeValidator(parse_pause), WithJsonSchema(PAUSE)]
"""Like Duration, but zero is allowed and means none."""

CountValue = Annotated[Count, BeforeValidator(parse_count), WithJsonSchema(COUNT)]

Weeks = Annotated[WeekRange, BeforeValidator(parse_weeks), WithJsonSchema(WEEKS)]

Trimesters = Annotated[WeekRange, BeforeValidator(parse_trimesters), WithJsonSchema(TRIMESTERS)]

Sides = Annotated[tuple[str, ...], BeforeValidator(parse_sides), WithJsonSchema(SIDES)]

Countdown = Annotated[int, BeforeValidator(parse_countdown), WithJsonSchema(COUNTDOWN)]
"""Seconds of spoken countdown: ``true`` means 3, ``false`` means none."""

Switch = Annotated[
    bool,
    Strict(),
    WithJsonSchema(
        told({"type": "boolean"}, "true or false (yes, no, on and off are not switches).")
    ),
]
"""``true`` or ``false``: ``yes``, ``no``, ``on`` and ``off`` are text in YAML 1.2, as editors
read it, and are refused rather than guessed at."""

LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
"""A BCP 47 language tag as people write them: ``en``, ``es``, ``vi``, ``zh-Hans``, ``fr``,
``pt-BR``, ``es-419``."""
_LANGUAGE_WORDS = "write a language tag such as en, es, vi, zh-Hans or fr"


def parse_language(value: object) -> object:
    """A language tag as written; anything else refused with what to write."""
    if isinstance(value, str) and re.fullmatch(LANGUAGE_PATTERN, value):
        return value
    raise ValueError(f"{describe(value)} is not a language tag; {_LANGUAGE_WORDS}")


LanguageTag = Annotated[
    str,
    BeforeValidator(parse_language),
    WithJsonSchema(told({"type": "string", "pattern": LANGUAGE_PATTERN}, _LANGUAGE_WORDS + ".")),
]
"""The language a file is written in, such as ``en`` (the default) or ``vi``."""

Position = Literal[
    "standing", "sitting", "kneeling", "all-fours", "side-lying", "lying-on-back", "squatting"
]

LYING_ON_BACK = "lying-on-back"
