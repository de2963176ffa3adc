"""The small value forms of routine files: durations, counts, sides, weeks and cue words."""

from __future__ import annotations

import math
from typing import Any

import pytest

from player.routine.values import (
    DEFAULT_COUNTDOWN_S,
    MAX_COUNT,
    MAX_DURATION_MS,
    PLACEHOLDERS,
    Count,
    WeekRange,
    check_placeholders,
    describe,
    fill_placeholders,
    format_duration,
    parse_count,
    parse_countdown,
    parse_duration,
    parse_pause,
    parse_sides,
    parse_trimesters,
    parse_weeks,
    spoken_duration,
)

DURATION_HINT = "expected a duration like 30s, 1m30s, 1:30, 2m or a number of seconds"

# -- durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "ms"),
    [
        ("30s", 30_000),
        ("1m30s", 90_000),
        ("1m 30s", 90_000),
        ("  2m  ", 120_000),
        ("2min", 120_000),
        ("45sec", 45_000),
        ("2.5s", 2_500),
        ("1h", 3_600_000),
        ("1h30m", 5_400_000),
        ("4h", MAX_DURATION_MS),
        ("1:30", 90_000),
        ("0:45", 45_000),
        ("90:00", 5_400_000),
        ("1:30:00", 5_400_000),
        (" 4:00:00 ", MAX_DURATION_MS),
        (90, 90_000),
        (2.5, 2_500),
        (0.25, 250),
        (1, 1_000),
    ],
)
def test_parse_duration_accepts_the_written_forms(written: Any, ms: int) -> None:
    assert parse_duration(written) == ms


@pytest.mark.parametrize("written", [0, 0.0, "0s", "0m0s", "0:00"])
def test_parse_duration_refuses_zero(written: Any) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == f"a duration must be more than zero, found {describe(written)}"


@pytest.mark.parametrize("written", [0.0001, 0.0009, 1e-300])
def test_parse_duration_refuses_less_than_a_millisecond(written: Any) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == (
        f"a duration must be at least 0.001s (a millisecond), found {describe(written)}"
    )


@pytest.mark.parametrize(
    ("written", "ms"), [(0.001, 1), ("0.001s", 1), ("0.001m", 60), (14_400.0, MAX_DURATION_MS)]
)
def test_the_shortest_and_the_longest_durations(written: Any, ms: int) -> None:
    assert parse_duration(written) == ms


@pytest.mark.parametrize("written", ["0.0001s", "1.2345s", "14400.0001", "1.0000m"])
def test_written_durations_have_at_most_three_digits_after_the_point(written: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == f"{DURATION_HINT}, found '{written}'"


@pytest.mark.parametrize("written", [-5, -0.5, "-5s", "-1m30s"])
def test_parse_duration_refuses_negative_durations(written: Any) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == f"a duration must be more than zero, found {describe(written)}"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (math.inf, "inf"),
        (-math.inf, "-inf"),
        (math.nan, "nan"),
        (True, "true"),
        (False, "false"),
        (None, "nothing"),
        ("soon", "'soon'"),
        ("30 seconds", "'30 seconds'"),
        ("s", "'s'"),
        ("", "''"),
        ("1.s", "'1.s'"),
        ("1:3", "'1:3'"),
        ("1:60", "'1:60'"),
        ("1:30:60", "'1:30:60'"),
        ("1:2:3:4", "'1:2:3:4'"),
        ("1m30", "'1m30'"),
        ("\u0663\u0660s", "'\u0663\u0660s'"),
        ("-x", "'-x'"),
        ([30], "a list"),
        ({"s": 30}, "a mapping"),
    ],
)
def test_parse_duration_refuses_what_is_no_duration(written: Any, shown: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == f"{DURATION_HINT}, found {shown}"


@pytest.mark.parametrize("written", ["4h1s", "5h", "241m", "240:01", "4:00:01", 4 * 3600 + 1, 1e12])
def test_parse_duration_refuses_more_than_four_hours(written: Any) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == f"a duration can be at most 4h, found {describe(written)}"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (1e306, "a duration can be at most 4h, found 1e+306"),
        (-1e306, "a duration must be more than zero, found -1e+306"),
        (10**400, "a duration can be at most 4h, found a number of more than 40 digits"),
        ("9" * 400 + "s", f"a duration can be at most 4h, found '{'9' * 37}...'"),
        ("9" * 400 + "h", f"a duration can be at most 4h, found '{'9' * 37}...'"),
    ],
)
def test_parse_duration_of_numbers_too_large_for_a_float(written: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(written)
    assert str(caught.value) == message


def test_describe_a_number_too_long_to_print() -> None:
    assert describe(16**5000) == "a number of more than 40 digits"
    assert describe(-(10**40)) == "a number of more than 40 digits"
    assert describe(10**40 - 1) == "9" * 40


def test_a_long_junk_value_is_shortened_in_the_message() -> None:
    junk = "x" * 60
    with pytest.raises(ValueError) as caught:
        parse_duration(junk)
    assert str(caught.value) == f"{DURATION_HINT}, found '{'x' * 37}...'"


@pytest.mark.parametrize(
    ("written", "ms"), [(0, 0), (0.0, 0), (False, 0), ("0s", 0), ("0m", 0), ("5s", 5_000)]
)
def test_parse_pause_allows_zero_for_none(written: Any, ms: int) -> None:
    assert parse_pause(written) == ms


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (True, f"{DURATION_HINT}, found true"),
        (-1, "a duration must be more than zero, found -1"),
        ("later", f"{DURATION_HINT}, found 'later'"),
    ],
)
def test_parse_pause_refuses_what_is_no_pause(written: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_pause(written)
    assert str(caught.value) == message


# -- counts -------------------------------------------------------------------------------


def test_a_whole_number_is_a_fixed_count() -> None:
    count = parse_count(8)
    assert count == Count(8, 8, 8)
    assert not count.is_choice
    assert count.describe() == "8"


@pytest.mark.parametrize("written", [8, 8.0, "8", " 8 ", "008"])
def test_a_count_is_read_as_yaml_and_json_schema_read_a_number(written: Any) -> None:
    assert parse_count(written) == Count(8, 8, 8)


def test_whole_floats_are_whole_numbers_in_every_count() -> None:
    assert parse_count({"min": 2.0, "max": 6.0, "default": 3.0}) == Count(2, 6, 3)
    assert parse_weeks(20.0) == WeekRange(20, 20)
    assert parse_trimesters([2.0, 3]) == parse_trimesters("2-3")
    assert parse_countdown(5.0) == 5


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("5-10", Count(5, 10, 8)),
        ("5 to 10", Count(5, 10, 8)),
        ("5\u201310", Count(5, 10, 8)),
        (" 5 - 10 ", Count(5, 10, 8)),
        ("5-8", Count(5, 8, 7)),
        ("5-6", Count(5, 6, 6)),
        ("1-2", Count(1, 2, 2)),
        ("6-6", Count(6, 6, 6)),
        ("12", Count(12, 12, 12)),
    ],
)
def test_a_range_defaults_to_its_middle_rounded_up(written: str, expected: Count) -> None:
    assert parse_count(written) == expected


def test_a_range_is_a_choice_and_says_so() -> None:
    count = parse_count("5-10")
    assert count.is_choice
    assert count.describe() == "5 to 10 (default 8)"


def test_a_count_mapping_takes_its_own_default() -> None:
    assert parse_count({"min": 5, "max": 10, "default": 6}) == Count(5, 10, 6)
    assert parse_count({"min": 5, "max": 10}) == Count(5, 10, 8)


def test_a_count_passes_through_unchanged() -> None:
    count = Count(2, 4, 3)
    assert parse_count(count) is count


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (0, "a count must be at least 1, found 0"),
        (-3, "a count must be at least 1, found -3"),
        ("0-5", "a count must be at least 1, found 0"),
        (MAX_COUNT + 1, f"a count can be at most {MAX_COUNT}, found {MAX_COUNT + 1}"),
        ("5-5000", f"a count can be at most {MAX_COUNT}, found 5000"),
        ("10-5", "the range 10-5 runs backwards; write the smaller number first"),
        ({"min": 9, "max": 3}, "the range 9-3 runs backwards; write the smaller number first"),
        (
            {"min": 5, "max": 10, "default": 11},
            "default 11 is outside the range 5 to 10",
        ),
        ({"min": 5, "max": 10, "default": 4}, "default 4 is outside the range 5 to 10"),
        ({"min": 5}, "a count range needs both min and max"),
        ({"max": 5}, "a count range needs both min and max"),
        (
            {"min": 5, "max": 10, "step": 2, "by": 1},
            "a count takes min, max and default, found by, step",
        ),
        ({"min": 5.5, "max": 10}, "expected a whole number for min, found 5.5"),
        ({"min": 5, "max": True}, "expected a whole number for max, found true"),
        ({"min": 5, "max": 10, "default": "8"}, "expected a whole number for default, found '8'"),
        (
            {"min": 5, "max": 16**5000},
            f"a count can be at most {MAX_COUNT}, found a number of more than 40 digits",
        ),
        (
            {"min": 5, "max": 10, "default": -(16**5000)},
            "default a number of more than 40 digits is outside the range 5 to 10",
        ),
    ],
)
def test_parse_count_refuses_counts_out_of_range(written: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_count(written)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (True, "true"),
        (None, "nothing"),
        (2.5, "2.5"),
        (math.inf, "inf"),
        ("many", "'many'"),
        ([5, 10], "a list"),
        ("\u0663", "'\u0663'"),
        ("9" * 5000, f"'{'9' * 37}...'"),
    ],
)
def test_parse_count_refuses_what_is_no_count(written: Any, shown: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_count(written)
    assert str(caught.value) == (
        "expected a whole number like 8, a range like 5-10, or {min: 5, max: 10, default: 8}, "
        f"found {shown}"
    )


# -- sides --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "sides"),
    [
        ("both", ("left", "right")),
        (" Both ", ("left", "right")),
        (True, ("left", "right")),
        (False, ()),
        ("left", ("left",)),
        ("RIGHT", ("right",)),
        (["right", "left"], ("right", "left")),
        (["left"], ("left",)),
    ],
)
def test_parse_sides_accepts_both_one_or_a_list(written: Any, sides: tuple[str, ...]) -> None:
    assert parse_sides(written) == sides


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (["left", "up"], "sides are left and right, found 'up'"),
        (["left", 3], "sides are left and right, found 3"),
        (["left", "Left"], "each side can be named once"),
        ([], "expected both, or a list such as [left, right], found a list"),
        ("middle", "expected both, or a list such as [left, right], found 'middle'"),
        (2, "expected both, or a list such as [left, right], found 2"),
        (None, "expected both, or a list such as [left, right], found nothing"),
    ],
)
def test_parse_sides_refuses_other_sides(written: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_sides(written)
    assert str(caught.value) == message


# -- weeks and trimesters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "weeks"),
    [
        ("12-40", WeekRange(12, 40)),
        ("12 to 40", WeekRange(12, 40)),
        (20, WeekRange(20, 20)),
        ("1-42", WeekRange(1, 42)),
    ],
)
def test_parse_weeks(written: Any, weeks: WeekRange) -> None:
    assert parse_weeks(written) == weeks


def test_a_week_range_contains_both_ends_and_describes_itself() -> None:
    weeks = parse_weeks("12-40")
    assert weeks.describe() == "weeks 12-40"
    assert [weeks.contains(w) for w in (11, 12, 40, 41)] == [False, True, True, False]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("0-40", "weeks run from 1 to 42 with the smaller first, found 0-40"),
        ("12-43", "weeks run from 1 to 42 with the smaller first, found 12-43"),
        ("40-12", "weeks run from 1 to 42 with the smaller first, found 40-12"),
        (43, "weeks run from 1 to 42 with the smaller first, found 43-43"),
        (True, "expected weeks as a range like 12-40, found true"),
        ("soon", "expected weeks as a range like 12-40, found 'soon'"),
        ([12, 40], "expected weeks as a range like 12-40, found a list"),
    ],
)
def test_parse_weeks_refuses_weeks_outside_a_pregnancy(written: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_weeks(written)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("written", "weeks"),
    [
        (1, WeekRange(1, 13, "trimester 1")),
        (2, WeekRange(14, 27, "trimester 2")),
        (3, WeekRange(28, 42, "trimester 3")),
        ("2-3", WeekRange(14, 42, "trimesters 2-3")),
        ("1 to 3", WeekRange(1, 42, "trimesters 1-3")),
        ([3, 2], WeekRange(14, 42, "trimesters 2-3")),
        ([2], WeekRange(14, 27, "trimester 2")),
    ],
)
def test_parse_trimesters_turns_them_into_weeks_with_a_label(
    written: Any, weeks: WeekRange
) -> None:
    parsed = parse_trimesters(written)
    assert parsed == weeks
    assert parsed.describe() == weeks.label


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (4, "trimesters are 1, 2 and 3, found 4-4"),
        ("0-2", "trimesters are 1, 2 and 3, found 0-2"),
        ("3-1", "trimesters are 1, 2 and 3, found 3-1"),
        ([], "expected a trimester (1, 2 or 3) or a range like 2-3, found a list"),
        ([1, True], "expected a trimester (1, 2 or 3) or a range like 2-3, found a list"),
        (False, "expected a trimester (1, 2 or 3) or a range like 2-3, found false"),
        ("second", "expected a trimester (1, 2 or 3) or a range like 2-3, found 'second'"),
    ],
)
def test_parse_trimesters_refuses_other_values(written: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_trimesters(written)
    assert str(caught.value) == message


# -- countdown ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "seconds"), [(True, DEFAULT_COUNTDOWN_S), (False, 0), (0, 0), (5, 5), (10, 10)]
)
def test_parse_countdown(written: Any, seconds: int) -> None:
    assert parse_countdown(written) == seconds


@pytest.mark.parametrize(
    ("written", "shown"), [(11, "11"), (-1, "-1"), ("3", "'3'"), (2.5, "2.5"), (None, "nothing")]
)
def test_parse_countdown_refuses_other_values(written: Any, shown: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_countdown(written)
    assert str(caught.value) == f"expected true, false or 0 to 10 seconds, found {shown}"


# -- placeholders in cue words ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reach, {rep}",
        "{rep} of {reps}, {side} side, set {set} of {sets}: {step}, then {next}",
        "no placeholders at all",
        "a plain {{brace}}",
    ],
)
def test_check_placeholders_returns_text_with_known_placeholders(text: str) -> None:
    assert check_placeholders(text) == text


@pytest.mark.parametrize(("text", "name"), [("{reep}", "reep"), ("a {rap.x}", "rap.x")])
def test_check_placeholders_names_an_unknown_placeholder(text: str, name: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_placeholders(text)
    known = ", ".join("{" + key + "}" for key in PLACEHOLDERS)
    assert str(caught.value) == f"unknown placeholder {{{name}}}; the placeholders are {known}"
    assert known == "{rep}, {reps}, {side}, {set}, {sets}, {step}, {next}"


@pytest.mark.parametrize("text", ["Reach {rep", "Reach }", "{step:{next}}"])
def test_check_placeholders_refuses_unpaired_braces(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_placeholders(text)
    assert str(caught.value) == (
        f"the braces in '{text}' do not pair up; write {{{{ or }}}} for a plain brace"
    )


@pytest.mark.parametrize(
    "text",
    ["{side:d}", "{set:02d}", "{rep:>99999999999}", "{side:>2000000000}", "{rep!r}", "{step.x}"],
)
def test_a_placeholder_is_its_name_alone(text: str) -> None:
    name = text[1:].split(":")[0].split("!")[0].split(".")[0]
    with pytest.raises(ValueError) as caught:
        check_placeholders(text)
    assert str(caught.value) == (
        f"'{text}': a placeholder is its name alone in braces, such as {{{name}}}; formats and "
        "anything after the name are not supported"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("{rep} of {reps}", "3 of 8"),
        ("{{literal}} {side}", "{literal} left"),
        ("{side:d} {x} {", "{side:d} {x} {"),  # never fails: what is not a placeholder stays
    ],
)
def test_filling_placeholders_never_fails(text: str, said: str) -> None:
    assert fill_placeholders(text, {"rep": 3, "reps": 8, "side": "left"}) == said


# -- how durations are shown and said -----------------------------------------------------


@pytest.mark.parametrize(
    ("ms", "shown"),
    [
        (0, "0:00"),
        (1, "0:01"),
        (999, "0:01"),
        (1_000, "0:01"),
        (1_001, "0:02"),
        (59_000, "0:59"),
        (65_000, "1:05"),
        (600_000, "10:00"),
        (3_599_000, "59:59"),
        (3_600_000, "1:00:00"),
        (3_725_000, "1:02:05"),
    ],
)
def test_format_duration_rounds_up_to_whole_seconds(ms: int, shown: str) -> None:
    assert format_duration(ms) == shown


@pytest.mark.parametrize(
    ("ms", "said"),
    [
        (0, "0 seconds"),
        (1_000, "1 second"),
        (30_000, "30 seconds"),
        (60_000, "1 minute"),
        (61_000, "1 minute 1 second"),
        (90_000, "1 minute 30 seconds"),
        (120_000, "2 minutes"),
        (150_400, "2 minutes 30 seconds"),
        (150_600, "2 minutes 31 seconds"),
    ],
)
def test_spoken_duration(ms: int, said: str) -> None:
    assert spoken_duration(ms) == said


def test_a_quoted_plain_number_is_seconds_as_the_message_offers() -> None:
    assert parse_duration("30") == 30_000
    assert parse_duration(" 2.5 ") == 2_500


def test_the_schema_duration_pattern_refuses_empty_text() -> None:
    import re

    from player.routine.value_types import DURATION_PATTERN

    assert re.match(DURATION_PATTERN, "") is None
    assert all(re.match(DURATION_PATTERN, text) for text in ("30", "30s", "1m30s", "1h"))
