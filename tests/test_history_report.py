"""The words about pain say only what the scores can bear."""

from __future__ import annotations

from datetime import date

from player.history.report import pain_lines, streak_lines
from player.history.summary import PainTrend, PainWindow, Summary

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
