"""Streaks, days done, minutes and pain, from literal sessions: days are where the person was."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from itertools import count

import pytest

from player.history.records import Outcome, SessionRecord, StepRecord
from player.history.summary import (
    days_of,
    end_screen_lines,
    minutes_text,
    pain_trend,
    streak,
    summarize,
)

PARIS = timezone(timedelta(hours=1))
TOKYO = timezone(timedelta(hours=9))
NEW_YORK = timezone(timedelta(hours=-5))
MINUTE = 60_000
_ids = count(1)


def session(
    started: datetime,
    outcome: Outcome | None = "finished",
    minutes: float = 10,
    before: int | None = None,
    after: int | None = None,
    speed: float = 1.0,
) -> SessionRecord:
    """A session as the store gives it back: its local day is where it was begun. Played
    whole when finished; else stopped half way (``minutes`` of twice as many)."""
    done = round(minutes * MINUTE)
    planned = done if outcome == "finished" else 2 * done
    return SessionRecord(
        id=next(_ids),
        routine="back-care",
        digest="d",
        path="p",
        reps=None,
        started=started,
        local_day=started.date(),
        ended=started + timedelta(milliseconds=done) if outcome else None,
        outcome=outcome,
        planned_ms=planned,
        at_step=2,
        resumed_from=None,
        steps=(StepRecord(1, "Cat cow", planned, done, False, started),),
        pain_before=before,
        pain_after=after,
        speed=speed,
    )


def at(day: date, hour: int = 8, minute: int = 0, zone: tzinfo = PARIS) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


TODAY = date(2025, 3, 12)  # a Wednesday


def daily(*back: int) -> list[SessionRecord]:
    """A finished session on each of these days before TODAY (0 is today)."""
    return [session(at(TODAY - timedelta(days=b))) for b in back]


# -- streak -----------------------------------------------------------------------------------


def test_no_sessions_no_streak() -> None:
    summary = summarize([], TODAY)

    assert summary.streak == 0
    assert (summary.days_this_week, summary.days_this_month) == (0, 0)
    assert (summary.today_sessions, summary.today_ms) == (0, 0)
    assert end_screen_lines(summary) == ()


def test_a_streak_counts_back_from_today() -> None:
    summary = summarize(daily(0, 1, 2, 4), TODAY)

    assert summary.streak == 3
    assert summary.streak_includes_today


def test_today_not_yet_done_does_not_break_the_streak() -> None:
    summary = summarize(daily(1, 2, 3), TODAY)

    assert summary.streak == 3
    assert not summary.streak_includes_today


def test_a_day_missed_before_yesterday_ends_it() -> None:
    assert summarize(daily(2, 3, 4), TODAY).streak == 0


def test_a_stopped_session_does_not_make_a_day_done() -> None:
    records = [*daily(1, 2), session(at(TODAY), outcome="stopped"), session(at(TODAY), None)]

    summary = summarize(records, TODAY)
    assert summary.streak == 2 and not summary.streak_includes_today
    assert summary.today_sessions == 0
    assert summary.today_ms == 20 * MINUTE  # played all the same


def test_a_carried_on_session_that_finishes_counts_for_its_day_once() -> None:
    stopped = session(at(TODAY, 8), outcome="stopped", minutes=6)
    stopped = replace(stopped, planned_ms=10 * MINUTE)
    carried = session(at(TODAY, 19), minutes=4)
    carried = replace(
        carried,
        planned_ms=10 * MINUTE,
        resumed_from=stopped.id,
        steps=(StepRecord(2, "Stretch", 4 * MINUTE, 4 * MINUTE, False, at(TODAY, 19)),),
    )

    summary = summarize([*daily(1), stopped, carried], TODAY)

    assert summary.streak == 2 and summary.streak_includes_today
    assert (summary.today_sessions, summary.today_ms) == (1, 10 * MINUTE)


def test_a_preview_counts_nowhere() -> None:
    preview = session(at(TODAY, 18), minutes=13, before=7, after=1, speed=25)

    summary = summarize([*daily(1, 2), preview], TODAY)

    assert summary.streak == 2 and not summary.streak_includes_today
    assert (summary.today_sessions, summary.today_ms, summary.days_this_week) == (0, 0, 2)
    assert TODAY not in summary.days
    assert summary.pain.recent.before_count == 0 and summary.pain.change is None


def test_a_session_skipped_through_to_its_end_is_not_counted() -> None:
    skipped = replace(
        session(at(TODAY), minutes=13),
        steps=(StepRecord(1, "Cat cow", 13 * MINUTE, 11_000, True, at(TODAY)),),
    )

    summary = summarize([*daily(1), skipped], TODAY)

    assert skipped.finished
    assert (summary.streak, summary.streak_includes_today, summary.today_sessions) == (1, False, 0)
    assert summary.today_ms == 11_000
    assert summary.days[TODAY].played == 1 and not summary.days[TODAY].done


def test_a_session_stopped_at_ninety_percent_counts_and_one_at_half_does_not() -> None:
    def stopped(day: date, share: float) -> SessionRecord:
        done = round(10 * MINUTE * share)
        return replace(
            session(at(day), outcome="stopped"),
            planned_ms=10 * MINUTE,
            steps=(StepRecord(1, "Cat cow", 10 * MINUTE, done, False, at(day)),),
        )

    summary = summarize([stopped(TODAY - timedelta(days=1), 0.9), stopped(TODAY, 0.5)], TODAY)

    assert summary.streak == 1 and not summary.streak_includes_today
    assert summary.days[TODAY - timedelta(days=1)].done and not summary.days[TODAY].done
    assert summary.today_ms == 5 * MINUTE


def test_just_before_and_just_after_midnight_are_two_days() -> None:
    late = session(datetime(2025, 3, 10, 23, 30, tzinfo=PARIS))
    early = session(datetime(2025, 3, 11, 0, 30, tzinfo=PARIS))

    assert summarize([late, early], date(2025, 3, 11)).streak == 2
    assert summarize([late, early], date(2025, 3, 12)).streak == 2  # today not done yet
    assert summarize([late, early], date(2025, 3, 13)).streak == 0


def test_flying_east_keeps_each_session_on_the_day_it_was_where_it_was_done() -> None:
    # Monday 20:00 in Paris, then Tuesday 07:00 in Tokyo (Monday 22:00 UTC), then Wednesday.
    # By UTC both first sessions are on Monday, and Tuesday would be a gap.
    records = [
        session(datetime(2025, 3, 10, 20, 0, tzinfo=PARIS)),
        session(datetime(2025, 3, 11, 7, 0, tzinfo=TOKYO)),
        session(datetime(2025, 3, 12, 18, 0, tzinfo=TOKYO)),
    ]

    assert [d.isoformat() for d in days_of(records)] == ["2025-03-10", "2025-03-11", "2025-03-12"]
    assert summarize(records, date(2025, 3, 12)).streak == 3


def test_flying_west_a_session_on_tomorrows_date_counts_as_today() -> None:
    # Done on Thursday morning in Tokyo, then flown to New York where it is still Wednesday.
    records = [
        session(datetime(2025, 3, 11, 8, 0, tzinfo=TOKYO)),
        session(datetime(2025, 3, 12, 8, 0, tzinfo=TOKYO)),
        session(datetime(2025, 3, 13, 8, 0, tzinfo=TOKYO)),
    ]

    summary = summarize(records, date(2025, 3, 12))
    assert summary.streak == 3 and summary.streak_includes_today


def test_the_change_to_summer_time_makes_no_gap() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        london = zoneinfo.ZoneInfo("Europe/London")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone data")
    # Clocks went forward at 01:00 on Sunday 30 March 2025: that day had 23 hours.
    records = [
        session(datetime(2025, 3, 29, 23, 30, tzinfo=london)),
        session(datetime(2025, 3, 30, 0, 30, tzinfo=london)),
        session(datetime(2025, 3, 31, 0, 15, tzinfo=london)),
        session(datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=london)),  # the hour lived twice
    ]

    assert [r.started.utcoffset() for r in records[:3]] == [
        timedelta(0),
        timedelta(0),
        timedelta(hours=1),
    ]
    assert summarize(records[:3], date(2025, 3, 31)).streak == 3
    assert summarize(records, date(2025, 10, 26)).streak == 1


def test_streak_on_its_own() -> None:
    days = {date(2025, 3, 10), date(2025, 3, 11)}

    assert streak(days, date(2025, 3, 11)) == 2
    assert streak(days, date(2025, 3, 12)) == 2
    assert streak(days, date(2025, 3, 13)) == 0
    assert streak(set(), date(2025, 3, 13)) == 0


# -- days, minutes --------------------------------------------------------------------------


def test_days_this_week_and_month() -> None:
    # TODAY is Wednesday 12 March: this week began on Monday 10 March.
    records = [*daily(0, 2, 5, 11), session(at(TODAY - timedelta(days=1)), outcome="stopped")]
    records.append(session(at(date(2025, 2, 28))))

    summary = summarize(records, TODAY)

    assert summary.days_this_week == 2  # the 12th and the 10th; the 11th was stopped
    assert summary.days_this_month == 4  # the 12th, 10th, 7th and 1st


def test_week_and_month_that_do_not_line_up() -> None:
    # Monday 31 March: the week (31 March to 6 April) runs into April.
    records = [session(at(date(2025, 3, 31))), session(at(date(2025, 4, 2)))]

    summary = summarize(records, date(2025, 4, 2))

    assert (summary.days_this_week, summary.days_this_month) == (2, 1)


def test_minutes_per_day_add_up_every_session_of_the_day() -> None:
    records = [
        session(at(TODAY, 8), minutes=12),
        session(at(TODAY, 19), outcome="stopped", minutes=4.5),
        session(at(TODAY - timedelta(days=1)), minutes=20),
    ]

    days = days_of(records)
    summary = summarize(records, TODAY)

    assert days[TODAY].done_ms == round(16.5 * MINUTE)
    assert (days[TODAY].sessions, days[TODAY].played) == (1, 2)
    assert days[TODAY - timedelta(days=1)].done_ms == 20 * MINUTE
    assert (summary.today_sessions, summary.today_ms) == (1, round(16.5 * MINUTE))


@pytest.mark.parametrize(
    ("ms", "text"),
    [(0, "no time"), (20_000, "under a minute"), (60_000, "1 minute"), (18 * MINUTE, "18 minutes")],
)
def test_minutes_in_words(ms: int, text: str) -> None:
    assert minutes_text(ms) == text


# -- the end screen ----------------------------------------------------------------------------


def test_end_screen_lines_after_a_third_day() -> None:
    records = [*daily(1, 2), session(at(TODAY, 8), minutes=8), session(at(TODAY, 18), minutes=10)]

    assert end_screen_lines(summarize(records, TODAY)) == (
        "3 days in a row",
        "Today: 2 sessions done, 18 minutes played",
    )


def test_end_screen_lines_on_a_first_day() -> None:
    assert end_screen_lines(summarize([session(at(TODAY), minutes=1)], TODAY)) == (
        "A new streak starts today",
        "Today: 1 session done, 1 minute played",
    )


def test_end_screen_lines_after_stopping_early() -> None:
    records = [*daily(1, 2), session(at(TODAY), outcome="stopped", minutes=3)]

    assert end_screen_lines(summarize(records, TODAY)) == (
        "2 days in a row up to yesterday",
        "Today: no session done yet, 3 minutes played",
    )


# -- pain -------------------------------------------------------------------------------------


def test_pain_averages_the_last_seven_days_and_the_seven_before() -> None:
    records = [
        session(at(TODAY), before=4, after=2),
        session(at(TODAY - timedelta(days=6)), before=5, after=4),
        session(at(TODAY - timedelta(days=3)), before=6),  # no score after
        session(at(TODAY - timedelta(days=7)), before=7, after=6),
        session(at(TODAY - timedelta(days=13)), before=8, after=6),
        session(at(TODAY - timedelta(days=14)), before=10, after=10),  # too long ago
    ]

    trend = pain_trend(records, TODAY)

    assert (trend.recent.first, trend.recent.last) == (TODAY - timedelta(days=6), TODAY)
    assert (trend.recent.before, trend.recent.before_count) == (5.0, 3)
    assert (trend.recent.after, trend.recent.after_count) == (3.0, 2)
    assert (trend.earlier.before, trend.earlier.after, trend.earlier.before_count) == (7.5, 6.0, 2)
    assert (trend.change, trend.change_count) == (-1.5, 2)


def test_no_pain_scores_give_no_averages() -> None:
    trend = pain_trend(daily(0, 1), TODAY)

    assert trend.recent.before is None and trend.recent.before_count == 0
    assert trend.change is None and trend.change_count == 0


def test_the_days_of_a_summary_carry_their_pain_averages() -> None:
    records = [session(at(TODAY, 8), before=6, after=3), session(at(TODAY, 18), before=4)]

    day = days_of(records)[TODAY]

    assert (day.pain_before, day.pain_after) == (5.0, 3.0)
