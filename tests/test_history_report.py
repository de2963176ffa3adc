"""The words about pain say only what the scores can bear; each session is said as it counts."""

from __future__ import annotations

from datetime import date

from player.history.report import (
    minutes_shown,
    outcome_text,
    pain_lines,
    session_lines,
    streak_lines,
)
from player.history.summary import PainTrend, PainWindow, Summary
from tests.test_history_counting import MINUTE, record

RECENT = (date(2025, 3, 6), date(2025, 3, 12))
EARLIER = (date(2025, 2, 27), date(2025, 3, 5))


def trend(
    recent: tuple[float | None, int], earlier: tuple[float | None, int], after: int = 0
) -> PainTrend:
    return PainTrend(
        recent=PainWindow(*RECENT, recent[0], recent[1], 3.0 if after else None, after),
        earlier=PainWindow(*EARLIER, earlier[0], earlier[1], None, 0),
        change=None,
        change_count=0,
    )


def test_no_scores_at_all() -> None:
    assert pain_lines(trend((None, 0), (None, 0))) == ["Pain: no scores in the last 14 days."]


def test_a_small_difference_is_called_about_the_same() -> None:
    lines = pain_lines(trend((4.5, 4), (5.5, 3)))

    assert lines[-1] == (
        "Pain before sessions is about the same as the week before: a change of less than "
        "2 points is within the usual ups and downs."
    )


def test_a_rise_of_two_points_or_more_suggests_telling_someone() -> None:
    lines = pain_lines(trend((7.0, 3), (4.5, 4)))

    assert lines[-1] == (
        "Pain before sessions is 2.5 points higher than the week before. "
        "If it keeps rising, tell your midwife or physiotherapist."
    )


def test_too_few_scores_are_not_compared() -> None:
    lines = pain_lines(trend((2.0, 2), (8.0, 5), after=1))

    assert "3.0 (1 score)" in lines[3]
    assert lines[-1] == (
        "Too few scores to compare the two weeks yet: 3 before-session scores in each are needed."
    )


def summary(streak: int, today: bool) -> Summary:
    return Summary(
        today=date(2025, 3, 12),
        streak=streak,
        streak_includes_today=today,
        days_this_week=2,
        days_this_month=7,
        today_sessions=0,
        today_ms=0,
        pain=trend((None, 0), (None, 0)),
    )


def test_streak_lines() -> None:
    assert streak_lines(summary(0, False))[0] == "Streak: none yet. Finish a session to start one."
    assert streak_lines(summary(1, True))[0] == "Streak: 1 day in a row, today included."
    assert streak_lines(summary(4, False))[0] == (
        "Streak: 4 days in a row up to yesterday; finish a session today to keep it going."
    )
    assert streak_lines(summary(4, False))[1] == (
        "This week: 2 of 7 days done. This month: 7 days done."
    )


# -- how each session went --------------------------------------------------------------------


def test_how_a_session_went_is_said_by_the_rule() -> None:
    whole = record((0, 10 * MINUTE, 10 * MINUTE))
    ninety = record((0, 10 * MINUTE, 9 * MINUTE), outcome="stopped")
    half = record((0, 10 * MINUTE, 5 * MINUTE), outcome="stopped")
    skipped = record((0, 10 * MINUTE, 6_000, True))
    lost = record((0, 10 * MINUTE, 4 * MINUTE), outcome=None)
    preview = record((0, 10 * MINUTE, 10 * MINUTE), speed=25, clock_ms=24_000)

    assert [outcome_text(r) for r in (whole, ninety, half, skipped, lost, preview)] == [
        "done",
        "done (90%)",
        "stopped (50%)",
        "skipped through (1%)",
        "interrupted (40%)",
        "preview x25",
    ]
    assert minutes_shown(preview) == "<1"  # the clock time it took: 24 s
    assert minutes_shown(half) == "5"


def test_a_session_carried_on_is_said_with_the_one_it_carried_on() -> None:
    first = record((0, 5 * MINUTE, 5 * MINUTE), planned=10 * MINUTE, outcome="stopped")
    rest = record((1, 5 * MINUTE, 5 * MINUTE), planned=10 * MINUTE, number=2, resumed_from=1)

    assert [line.split("  ")[-1] for line in session_lines([first, rest])] == [
        "stopped, then carried on",
        "done, carried on",
    ]
