"""The history as lines of text for people: recent sessions, streak, days done, pain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from player.history.counting import DONE_PERCENT, Sitting, played_speed, sitting, sittings
from player.history.records import SessionRecord
from player.history.summary import PAIN_WINDOW_DAYS, PainTrend, PainWindow, Summary

MEANINGFUL_PAIN_CHANGE = 2.0
"""On a 0 to 10 scale, a change smaller than this is within the usual ups and downs."""
FEWEST_SCORES = 3
"""Fewer scores than this in either week, and the weeks are not compared."""
NO_HISTORY = "No sessions recorded yet. Play a routine ({play}) and it will show here."
"""Said by ``history`` with nothing in it; ``{play}`` is the command that plays."""


def day_text(day: date) -> str:
    """``Mon 3 Mar``."""
    return f"{day:%a} {day.day} {day:%b}"


def outcome_text(record: SessionRecord, counted: Sitting | None = None) -> str:
    """How a session went, by the rule of what counts: ``done``, ``done (90%)``,
    ``stopped (50%)``, ``skipped through (1%)`` (to its end, but not enough played),
    ``interrupted (40%)`` (never closed), ``preview x25``. ``counted`` is its sitting, with
    the sessions that carried it on or that it carried on (by default, the session alone)."""
    found = counted if counted is not None else sitting([record])
    if found.preview:
        return f"preview x{played_speed(record):g}"
    carried = ", carried on" if record.resumed_from is not None else ""
    if record.id != found.last.id:
        return f"{_ended(record)}, then carried on"
    if found.counts:
        return ("done" if found.percent >= 100 else f"done ({found.percent}%)") + carried
    return f"{_ended(record)} ({found.percent}%){carried}"


def _ended(record: SessionRecord) -> str:
    if record.outcome == "finished":
        return "skipped through"  # at its end, but not enough of it played
    if record.outcome == "stopped":
        return "stopped"
    return "interrupted"


def minutes_shown(record: SessionRecord) -> str:
    """The minutes of a session: what was played; for a preview, the clock time it took."""
    played = record.done_ms / played_speed(record)
    return "<1" if 0 < played < 30_000 else str(round(played / 60_000))


def pain_text(record: SessionRecord) -> str:
    before, after = record.pain_before, record.pain_after
    if before is not None and after is not None:
        return f"pain {before} to {after}"
    if before is not None:
        return f"pain {before} before"
    if after is not None:
        return f"pain {after} after"
    return ""


def session_lines(
    records: Sequence[SessionRecord], counted: Mapping[int, Sitting] | None = None
) -> list[str]:
    """One line per session: day, time, routine, minutes, how it went, pain. ``counted``
    gives each session's sitting by id (by default, from ``records`` alone)."""
    found = counted if counted is not None else _by_id(records)
    width = min(24, max((len(r.routine) for r in records), default=0))
    went = [outcome_text(record, found.get(record.id)) for record in records]
    went_width = max(map(len, went), default=0)
    lines = []
    for record, how in zip(records, went, strict=True):
        parts = [
            f"{day_text(record.local_day):<10}",
            f"{record.started:%H:%M}",
            f"{record.routine[:width]:<{width}}",
            f"{minutes_shown(record):>3} min",
            f"{how:<{went_width}}",
            pain_text(record),
        ]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def _by_id(records: Sequence[SessionRecord]) -> dict[int, Sitting]:
    return {part.id: found for found in sittings(records) for part in found.parts}


def streak_lines(summary: Summary) -> list[str]:
    days = "day" if summary.streak == 1 else "days"
    if summary.streak == 0:
        streak = "Streak: none yet. Finish a session to start one."
    elif summary.streak_includes_today:
        streak = f"Streak: {summary.streak} {days} in a row, today included."
    else:
        streak = (
            f"Streak: {summary.streak} {days} in a row up to yesterday; "
            "finish a session today to keep it going."
        )
    return [
        streak,
        f"This week: {summary.days_this_week} of 7 days done. "
        f"This month: {summary.days_this_month} "
        f"{'day' if summary.days_this_month == 1 else 'days'} done.",
        f"(A day is done once a session on it is done: {DONE_PERCENT}% of its time played.",
        " A preview, played faster than real time, is never counted.)",
    ]


def _average(window: PainWindow, before: bool) -> str:
    value = window.before if before else window.after
    count = window.before_count if before else window.after_count
    if value is None:
        return "no scores"
    return f"{value:.1f} ({count} score{'' if count == 1 else 's'})"


def pain_lines(trend: PainTrend) -> list[str]:
    """The averages, the change within sessions, and a plain comparison of the two weeks
    that says when a difference is too small, or the scores too few, to mean much."""
    recent, earlier = trend.recent, trend.earlier
    scores = recent.before_count + recent.after_count + earlier.before_count
    if scores + earlier.after_count == 0:
        return [f"Pain: no scores in the last {2 * PAIN_WINDOW_DAYS} days."]
    lines = [
        "Pain, from 0 (none) to 10 (worst), on average:",
        f"  {'':<17} {f'last {PAIN_WINDOW_DAYS} days':<16} the {PAIN_WINDOW_DAYS} days before",
        f"  {'before sessions':<17} {_average(recent, True):<16} {_average(earlier, True)}",
        f"  {'after sessions':<17} {_average(recent, False):<16} {_average(earlier, False)}",
    ]
    if trend.change is not None:
        sessions = "session" if trend.change_count == 1 else "sessions"
        lines += [
            f"Within a session, pain changed by {trend.change:+.1f} on average from before "
            "to after",
            f"  ({trend.change_count} {sessions} with both scores in the last "
            f"{PAIN_WINDOW_DAYS} days).",
        ]
    lines.append(_comparison(recent, earlier))
    return lines


def _comparison(recent: PainWindow, earlier: PainWindow) -> str:
    if (
        recent.before is None
        or earlier.before is None
        or min(recent.before_count, earlier.before_count) < FEWEST_SCORES
    ):
        return (
            f"Too few scores to compare the two weeks yet: {FEWEST_SCORES} before-session "
            "scores in each are needed."
        )
    difference = recent.before - earlier.before
    if abs(difference) < MEANINGFUL_PAIN_CHANGE:
        return (
            "Pain before sessions is about the same as the week before: a change of less "
            f"than {MEANINGFUL_PAIN_CHANGE:g} points is within the usual ups and downs."
        )
    if difference < 0:
        return f"Pain before sessions is {-difference:.1f} points lower than the week before."
    return (
        f"Pain before sessions is {difference:.1f} points higher than the week before. "
        "If it keeps rising, tell your midwife or physiotherapist."
    )


def history_report(recent: Sequence[SessionRecord], summary: Summary, days: int) -> list[str]:
    """The whole of ``run.py history`` but the chart: ``recent`` are the sessions of the
    last ``days`` days."""
    if recent:
        lines = [f"Sessions in the last {days} days:", *session_lines(recent, summary.counted)]
    else:
        lines = [f"No sessions in the last {days} days."]
    return [*lines, "", *streak_lines(summary), "", *pain_lines(summary.pain)]
