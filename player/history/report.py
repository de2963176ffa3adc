"""The history as lines of text for people: recent sessions, streak, days done, pain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from player.care.something_wrong import REASON as SOMETHING_WRONG
from player.history.counting import DONE_PERCENT, Sitting, played_speed, sitting, sittings
from player.history.forms import number, one_decimal, short_day, time_of_day
from player.history.records import SessionRecord
from player.history.summary import PAIN_WINDOW_DAYS, PainTrend, PainWindow, Summary
from player.language import N_, _, ngettext
from player.system.text_width import cells, fit_start, ljust, rjust

MEANINGFUL_PAIN_CHANGE = 2.0
"""On a 0 to 10 scale, a change smaller than this is within the usual ups and downs."""
FEWEST_SCORES = 3
"""Fewer scores than this in either week, and the weeks are not compared."""
NO_HISTORY = N_("No sessions recorded yet. Play a routine ({play}) and it will show here.")
"""Said by ``history`` with nothing in it; ``{play}`` is the command that plays. Shown
through ``_()``."""

# How a session that does not count ended, by its outcome (None: never closed).
_THEN_CARRIED_ON = {
    "finished": N_("skipped through, then carried on"),
    "stopped": N_("stopped, then carried on"),
    None: N_("interrupted, then carried on"),
}
_ENDED = {
    "finished": N_("skipped through ({percent}%)"),
    "stopped": N_("stopped ({percent}%)"),
    None: N_("interrupted ({percent}%)"),
}
_ENDED_CARRIED_ON = {
    "finished": N_("skipped through ({percent}%), carried on"),
    "stopped": N_("stopped ({percent}%), carried on"),
    None: N_("interrupted ({percent}%), carried on"),
}


def day_text(day: date) -> str:
    """``Mon 3 Mar``."""
    return short_day(day)


def outcome_text(record: SessionRecord, counted: Sitting | None = None) -> str:
    """How a session went, by the rule of what counts: ``done``, ``done (90%)``,
    ``stopped (50%)``, ``skipped through (1%)`` (to its end, but not enough played),
    ``interrupted (40%)`` (never closed), ``stopped: something was wrong (30%)``,
    ``preview x25``. ``counted`` is its sitting, with
    the sessions that carried it on or that it carried on (by default, the session alone)."""
    found = counted if counted is not None else sitting([record])
    if found.preview:
        # TRANSLATORS: a session played faster than real time, {speed} times as fast
        return _("preview x{speed}").format(speed=number(played_speed(record)))
    carried = record.resumed_from is not None
    ended = record.outcome if record.outcome in ("finished", "stopped") else None
    if record.id != found.last.id:
        return _(_THEN_CARRIED_ON[ended])
    if record.stop_reason == SOMETHING_WRONG:
        # TRANSLATORS: how a session ended: stopped with the "Something is wrong" button
        # or key; {percent} is how much of it was played
        return _("stopped: something was wrong ({percent}%)").format(percent=found.percent)
    if found.counts:
        if found.percent >= 100:
            return _("done, carried on") if carried else _("done")
        if carried:
            return _("done ({percent}%), carried on").format(percent=found.percent)
        return _("done ({percent}%)").format(percent=found.percent)
    return _((_ENDED_CARRIED_ON if carried else _ENDED)[ended]).format(percent=found.percent)


def minutes_shown(record: SessionRecord) -> str:
    """The minutes of a session: what was played; for a preview, the clock time it took."""
    played = record.done_ms / played_speed(record)
    return "<1" if 0 < played < 30_000 else str(round(played / 60_000))


def pain_text(record: SessionRecord) -> str:
    before, after = record.pain_before, record.pain_after
    if before is not None and after is not None:
        return _("pain {before} to {after}").format(before=before, after=after)
    if before is not None:
        return _("pain {before} before").format(before=before)
    if after is not None:
        return _("pain {after} after").format(after=after)
    return ""


def session_lines(
    records: Sequence[SessionRecord], counted: Mapping[int, Sitting] | None = None
) -> list[str]:
    """One line per session: day, time, routine, minutes, how it went, pain. ``counted``
    gives each session's sitting by id (by default, from ``records`` alone)."""
    found = counted if counted is not None else _by_id(records)
    width = min(24, max((cells(r.routine) for r in records), default=0))
    went = [outcome_text(record, found.get(record.id)) for record in records]
    went_width = max(map(cells, went), default=0)
    days = [day_text(record.local_day) for record in records]
    day_width = max(10, *map(cells, days))
    lines = []
    for record, day, how in zip(records, days, went, strict=True):
        parts = [
            ljust(day, day_width),
            rjust(time_of_day(record.started), 5),
            ljust(fit_start(record.routine, width), width),
            # TRANSLATORS: the minutes a session took; {minutes} may be "<1"
            _("{minutes:>3} min").format(minutes=minutes_shown(record)),
            ljust(how, went_width),
            pain_text(record),
        ]
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def _by_id(records: Sequence[SessionRecord]) -> dict[int, Sitting]:
    return {part.id: found for found in sittings(records) for part in found.parts}


def streak_lines(summary: Summary) -> list[str]:
    count = summary.streak
    if count == 0:
        streak = _("Streak: none yet. Finish a session to start one.")
    elif summary.streak_includes_today:
        streak = ngettext(
            "Streak: {count} day in a row, today included.",
            "Streak: {count} days in a row, today included.",
            count,
        ).format(count=count)
    else:
        streak = ngettext(
            "Streak: {count} day in a row up to yesterday; "
            "finish a session today to keep it going.",
            "Streak: {count} days in a row up to yesterday; "
            "finish a session today to keep it going.",
            count,
        ).format(count=count)
    month = summary.days_this_month
    return [
        streak,
        ngettext(
            "This week: {week} of 7 days done. This month: {month} day done.",
            "This week: {week} of 7 days done. This month: {month} days done.",
            month,
        ).format(week=summary.days_this_week, month=month),
        _("(A day is done once a session on it is done: {percent} of its time played.").format(
            percent=f"{DONE_PERCENT}%"
        ),
        " " + _("A preview, played faster than real time, is never counted.)"),
    ]


def _average(window: PainWindow, before: bool) -> str:
    value = window.before if before else window.after
    count = window.before_count if before else window.after_count
    if value is None:
        return _("no scores")
    return ngettext("{average} ({count} score)", "{average} ({count} scores)", count).format(
        average=one_decimal(value), count=count
    )


def pain_lines(trend: PainTrend) -> list[str]:
    """The averages, the change within sessions, and a plain comparison of the two weeks
    that says when a difference is too small, or the scores too few, to mean much."""
    recent, earlier = trend.recent, trend.earlier
    scores = recent.before_count + recent.after_count + earlier.before_count
    days = PAIN_WINDOW_DAYS
    if scores + earlier.after_count == 0:
        return [_("Pain: no scores in the last {days} days.").format(days=2 * days)]
    rows = [
        (
            "",
            _("last {days} days").format(days=days),
            _("the {days} days before").format(days=days),
        ),
        (_("before sessions"), _average(recent, True), _average(earlier, True)),
        (_("after sessions"), _average(recent, False), _average(earlier, False)),
    ]
    first = max(17, *(cells(row[0]) for row in rows))
    second = max(16, *(cells(row[1]) for row in rows))
    lines = [
        _("Pain, from 0 (none) to 10 (worst), on average:"),
        *(f"  {ljust(a, first)} {ljust(b, second)} {c}" for a, b, c in rows),
    ]
    if trend.change is not None:
        lines += [
            _("Within a session, pain changed by {change} on average from before to after").format(
                change=one_decimal(trend.change, signed=True)
            ),
            "  "
            + ngettext(
                "({count} session with both scores in the last {days} days).",
                "({count} sessions with both scores in the last {days} days).",
                trend.change_count,
            ).format(count=trend.change_count, days=days),
        ]
    lines.append(_comparison(recent, earlier))
    return lines


def _comparison(recent: PainWindow, earlier: PainWindow) -> str:
    if (
        recent.before is None
        or earlier.before is None
        or min(recent.before_count, earlier.before_count) < FEWEST_SCORES
    ):
        return _(
            "Too few scores to compare the two weeks yet: {count} before-session "
            "scores in each are needed."
        ).format(count=FEWEST_SCORES)
    difference = recent.before - earlier.before
    if abs(difference) < MEANINGFUL_PAIN_CHANGE:
        return _(
            "Pain before sessions is about the same as the week before: a change of less "
            "than {points} points is within the usual ups and downs."
        ).format(points=number(MEANINGFUL_PAIN_CHANGE))
    if difference < 0:
        return _("Pain before sessions is {points} points lower than the week before.").format(
            points=one_decimal(-difference)
        )
    return _(
        "Pain before sessions is {points} points higher than the week before. "
        "If it keeps rising, tell your midwife or physiotherapist."
    ).format(points=one_decimal(difference))


def history_report(recent: Sequence[SessionRecord], summary: Summary, days: int) -> list[str]:
    """The whole of ``run.py history`` but the chart: ``recent`` are the sessions of the
    last ``days`` days."""
    if recent:
        heading = _("Sessions in the last {days} days:").format(days=days)
        lines = [heading, *session_lines(recent, summary.counted)]
    else:
        lines = [_("No sessions in the last {days} days.").format(days=days)]
    return [*lines, "", *streak_lines(summary), "", *pain_lines(summary.pain)]
