"""Each value form's JSON Schema accepts what its parser accepts, tried on many written
values: the editor and ``check`` agree, except where the format page says that only
``check`` decides (a range written backwards, parts of a duration adding up past 4 h)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from player.routine.value_types import (
    COUNT,
    COUNTDOWN,
    DURATION,
    PAUSE,
    SIDES,
    TRIMESTERS,
    WEEKS,
    decimal_up_to,
    whole_up_to,
)
from player.routine.values import (
    parse_count,
    parse_countdown,
    parse_duration,
    parse_pause,
    parse_sides,
    parse_trimesters,
    parse_weeks,
)

MANY = settings(max_examples=400, deadline=None)


def schema_accepts(schema: dict[str, Any], value: Any) -> bool:
    return Draft202012Validator(schema).is_valid(value)


def check_accepts(parse: Callable[[Any], Any], value: Any) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


# -- the number patterns ------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 3, 4, 9, 10, 42, 99, 100, 240, 1000, 14_400])
def test_whole_and_decimal_patterns_stop_at_their_limit(limit: int) -> None:
    whole = re.compile(f"^{whole_up_to(limit)}$")
    decimal = re.compile(f"^{decimal_up_to(limit)}$")
    for number in range(2 * limit + 12):
        assert bool(whole.match(str(number))) == (1 <= number <= limit), number
        assert bool(whole.match(f"00{number}")) == (1 <= number <= limit), number
        assert bool(decimal.match(str(number))) == (number <= limit), number
        assert bool(decimal.match(f"{number}.5")) == (number < limit), number
    assert decimal.match(f"{limit}.000")
    assert not decimal.match(f"{limit}.001")
    assert not decimal.match("1.0001")


# -- durations ----------------------------------------------------------------------------

digits = st.text("0123456789", min_size=1, max_size=6)
decimals = st.one_of(st.just(""), st.builds(lambda d: "." + d, st.text("0123456789", max_size=4)))
number_text = st.builds(str.__add__, digits, decimals)
space = st.sampled_from(["", " ", "  ", "\t"])


def _part(units: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.just(""),
        st.builds(lambda n, s, u: f"{n}{s}{u}", number_text, space, st.sampled_from(units)),
    )


with_units = st.builds(
    lambda h, m, s, gap: gap.join(part for part in (h, m, s) if part),
    _part(["h"]),
    _part(["m", "min"]),
    _part(["s", "sec"]),
    space,
)
two_digits = st.text("0123456789", min_size=1, max_size=3)
clock = st.builds(
    lambda first, second, third: f"{first}:{second}" + (f":{third}" if third else ""),
    digits,
    two_digits,
    st.one_of(st.just(""), two_digits),
)
duration_text = st.builds(
    lambda before, body, after: before + body + after,
    space,
    st.one_of(number_text, with_units, clock, st.text("0123456789hms:.- ", max_size=10)),
    space,
)
numbers = st.one_of(
    st.integers(-10, 20_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(0, 0.01),
    st.floats(14_399, 14_401),
)


def _parts(text: str) -> int:
    return len(re.findall(r"[hms]", text.replace("min", "m").replace("sec", "s")))


def only_check_decides_duration(value: Any) -> bool:
    """A duration in several parts that add up to more than 4 hours, or YAML's ``.nan``,
    which JSON has not, and which JSON Schema cannot refuse."""
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and _parts(value) > 1


@MANY
@given(st.one_of(duration_text, numbers))
@example("3h 90m")
@example("0.001s")
@example("14400.0001")
@example("1:30")
@example("4:00:01")
def test_the_duration_schema_accepts_what_check_accepts(value: Any) -> None:
    check = check_accepts(parse_duration, value)
    schema = schema_accepts(DURATION, value)
    if check != schema:
        assert schema and not check and only_check_decides_duration(value), value


@MANY
@given(st.one_of(duration_text, numbers, st.sampled_from([False, True, "0", "0s", "0:00"])))
def test_the_pause_schema_accepts_what_check_accepts(value: Any) -> None:
    check = check_accepts(parse_pause, value)
    schema = schema_accepts(PAUSE, value)
    if check != schema:
        assert schema and not check and only_check_decides_duration(value), value


# -- counts, weeks and trimesters ---------------------------------------------------------

whole = st.one_of(st.integers(-5, 1_100), st.sampled_from([0, 1, 42, 43, 1000, 1001, 10**40]))
whole_text = st.builds(lambda zeros, n: zeros + str(n), st.sampled_from(["", "0", "00"]), whole)
range_text = st.builds(
    lambda a, gap, word, b: f"{a}{gap}{word}{gap}{b}",
    whole_text,
    space,
    st.sampled_from(["-", "to", "\u2013", "~", ""]),
    whole_text,
)
count_values = st.one_of(
    whole,
    st.floats(-2, 1_100),
    whole_text,
    range_text,
    st.fixed_dictionaries({"min": whole, "max": whole}, optional={"default": whole, "step": whole}),
    st.sampled_from([True, None, [], "many", 8.0, "8.0"]),
)


def backwards(value: Any) -> bool:
    """A range whose first number is larger, or a default outside its range."""
    if isinstance(value, str):
        found = [int(n) for n in re.findall(r"[0-9]+", value)]
        return len(found) == 2 and found[0] > found[1]
    if isinstance(value, dict):
        low, high = value.get("min"), value.get("max")
        default = value.get("default", low)
        return isinstance(low, int) and isinstance(high, int) and not low <= default <= high
    return False


@MANY
@given(count_values)
@example("10-5")
@example({"min": 2, "max": 4, "default": 9})
def test_the_count_schema_accepts_what_check_accepts(value: Any) -> None:
    check = check_accepts(parse_count, value)
    schema = schema_accepts(COUNT, value)
    if check != schema:
        assert schema and not check and backwards(value), value


@MANY
@given(st.one_of(whole, whole_text, range_text, st.floats(0, 50)))
@example("40-14")
def test_the_weeks_schema_accepts_what_check_accepts(value: Any) -> None:
    check = check_accepts(parse_weeks, value)
    schema = schema_accepts(WEEKS, value)
    if check != schema:
        assert schema and not check and backwards(value), value


@MANY
@given(
    st.one_of(
        st.integers(-1, 5),
        range_text,
        st.lists(st.one_of(st.integers(-1, 5), st.floats(0, 4), st.booleans()), max_size=4),
    )
)
@example("3-1")
def test_the_trimesters_schema_accepts_what_check_accepts(value: Any) -> None:
    check = check_accepts(parse_trimesters, value)
    schema = schema_accepts(TRIMESTERS, value)
    if check != schema:
        assert schema and not check and backwards(value), value


# -- sides and the countdown --------------------------------------------------------------

side_words = st.builds(
    lambda before, word, after: before + word + after,
    space,
    st.sampled_from(["both", "Both", "BOTH", "left", "Left", "right", "RIGHT", "up", "bothe"]),
    space,
)


@MANY
@given(st.one_of(side_words, st.booleans(), st.lists(side_words, max_size=3), st.integers()))
@example(["left", "Left"])
@example(["Right", "left"])
def test_the_sides_schema_accepts_what_check_accepts(value: Any) -> None:
    assert check_accepts(parse_sides, value) == schema_accepts(SIDES, value), value


@MANY
@given(st.one_of(st.booleans(), st.integers(-2, 12), st.floats(-1, 11), st.text(max_size=2)))
def test_the_countdown_schema_accepts_what_check_accepts(value: Any) -> None:
    assert check_accepts(parse_countdown, value) == schema_accepts(COUNTDOWN, value), value
