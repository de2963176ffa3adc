"""What the history adds up to: the streak, the days done, the minutes and the pain scores.

Everything here is pure: it takes the sessions and today's date. Days are the local days
stored with each session, the day where the person was when it began, so travelling
never moves a past session to another day. What counts is decided once, in ``counting``:
a day is done once a session on it counts as done; the minutes are the time really
played, previews left out; a preview's pain scores are left out too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import fmean

from player.history.counting import Sitting, is_preview, sittings
from player.history.records import SessionRecord
from player.language import _, ngettext

PAIN_WINDOW_DAYS = 7
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Day:
    """One local day's sessions."""

    day: date
    sessions: int
    """The sessions that count as done (one carried on counts once, with the one it
    carried on)."""
    played: int
    """The sessions played that were not previews, done or not."""
    done_ms: int
    """The time really played in them."""
    pain_before: float | None
    """The average of the day's scores before a session; None when none was given."""
    pain_after: float | None

    @property
    def done(self) -> bool:
        """A day is done once a session on it counts as done."""
        return self.sessions > 0


@dataclass(frozen=True)
class PainWindow:
    """The average pain scores over some days, and how many scores each is made of."""

    first: date
    last: date
    before: float | None
    before_count: int
    after: float | None
    after_count: int


@dataclass(frozen=True)
class PainTrend:
    recent: PainWindow
    """The last seven days, today included."""
    earlier: PainWindow
    """The seven days before those."""
    change: float | None
    """Over the recent days: the average of (after - before) in sessions with both scores."""
    change_count: int


@dataclass(frozen=True)
class Summary:
    today: date
    streak: int
    """Days in a row with a session done, counted back from today, or from yesterday
    while today has none yet (a streak is not broken until the day is over)."""
    streak_includes_today: bool
    days_this_week: int
    """Days done in this ISO week (Monday to Sunday)."""
    days_this_month: int
    today_sessions: int
    """Today's sessions that count as done."""
    today_ms: int
    """The time really played today, in sessions done or not; previews left out."""
    pain: PainTrend
    days: Mapping[date, Day] = field(default_factory=dict)
    counted: Mapping[int, Sitting] = field(default_factory=dict)
    """How each session counts, by its id: with the sessions that carried it on, or that
    it carried on."""


def summarize(sessions: Iterable[SessionRecord], today: date) -> Summary:
    """Everything the history command and the end screen show, as of ``today``."""
    records = list(sessions)
    found = sittings(records)
    days = _days(found)
    done = {d for d, day in days.items() if day.done}
    count = streak(done, today)
    this_day = days.get(today)
    return Summary(
        today=today,
        streak=count,
        streak_includes_today=_effective_today(done, today) in done,
        days_this_week=sum(1 for d in done if d.isocalendar()[:2] == today.isocalendar()[:2]),
        days_this_month=sum(1 for d in done if (d.year, d.month) == (today.year, today.month)),
        today_sessions=this_day.sessions if this_day else 0,
        today_ms=this_day.done_ms if this_day else 0,
        pain=pain_trend(records, today),
        days=days,
        counted={part.id: sitting for sitting in found for part in sitting.parts},
    )


def days_of(sessions: Iterable[SessionRecord]) -> dict[date, Day]:
    """The sessions gathered by local day, previews left out (a session carried on goes
    with the day of the session it carried on)."""
    return _days(sittings(sessions))


def _days(found: Iterable[Sitting]) -> dict[date, Day]:
    by_day: dict[date, list[Sitting]] = {}
    for sitting in found:
        if not sitting.preview:
            by_day.setdefault(sitting.day, []).append(sitting)
    return {day: _day(day, group) for day, group in sorted(by_day.items())}


def _day(day: date, group: list[Sitting]) -> Day:
    records = [record for sitting in group for record in sitting.parts]
    return Day(
        day=day,
        sessions=sum(1 for sitting in group if sitting.counts),
        played=len(group),
        done_ms=sum(sitting.practised_ms for sitting in group),
        pain_before=_mean(r.pain_before for r in records),
        pain_after=_mean(r.pain_after for r in records),
    )


def streak(done_days: set[date], today: date) -> int:
    """Consecutive days in ``done_days`` up to today, or up to yesterday if today is not
    in it yet. A day just after today counts as today: it was recorded a few time zones
    to the east of where the person is now."""
    day = _effective_today(done_days, today)
    if day not in done_days:
        day -= ONE_DAY
    count = 0
    while day in done_days:
        count += 1
        day -= ONE_DAY
    return count


def pain_trend(sessions: Iterable[SessionRecord], today: date) -> PainTrend:
    """The average pain before and after sessions in the last seven days and in the seven
    before, and how much pain changed within the recent sessions themselves."""
    records = [r for r in sessions if not is_preview(r)]
    recent_start = today - timedelta(days=PAIN_WINDOW_DAYS - 1)
    earlier_start = recent_start - timedelta(days=PAIN_WINDOW_DAYS)
    recent = [r for r in records if recent_start <= r.local_day <= today]
    changes = [
        r.pain_after - r.pain_before
        for r in recent
        if r.pain_before is not None and r.pain_after is not None
    ]
    return PainTrend(
        recent=_window(records, recent_start, today),
        earlier=_window(records, earlier_start, recent_start - ONE_DAY),
        change=fmean(changes) if changes else None,
        change_count=len(changes),
    )


def minutes_text(ms: int) -> str:
    """``12 minutes``, ``1 minute``, ``under a minute``."""
    if ms <= 0:
        return _("no time")
    minutes = round(ms / 60_000)
    if minutes < 1:
        return _("under a minute")
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


def end_screen_lines(summary: Summary) -> tuple[str, ...]:
    """The one or two lines of the end screen: the streak, and today's sessions done
    (and the time played, which counts sessions not done too)."""
    lines: list[str] = []
    streak, done = summary.streak, summary.today_sessions
    if summary.streak_includes_today:
        if streak == 1:
            lines.append(_("A new streak starts today"))
        else:
            lines.append(
                ngettext("{count} day in a row", "{count} days in a row", streak).format(
                    count=streak
                )
            )
    elif streak > 0:
        lines.append(
            ngettext(
                "{count} day in a row up to yesterday",
                "{count} days in a row up to yesterday",
                streak,
            ).format(count=streak)
        )
    played = minutes_text(summary.today_ms)
    if done:
        lines.append(
            ngettext(
                "Today: {count} session done, {played} played",
                "Today: {count} sessions done, {played} played",
                done,
            ).format(count=done, played=played)
        )
    elif summary.today_ms > 0:
        lines.append(_("Today: no session done yet, {played} played").format(played=played))
    return tuple(lines)


def _effective_today(done_days: set[date], today: date) -> date:
    tomorrow = today + ONE_DAY
    return tomorrow if tomorrow in done_days else today


def _window(records: list[SessionRecord], first: date, last: date) -> PainWindow:
    inside = [r for r in records if first <= r.local_day <= last]
    before = [r.pain_before for r in inside if r.pain_before is not None]
    after = [r.pain_after for r in inside if r.pain_after is not None]
    return PainWindow(
        first=first,
        last=last,
        before=fmean(before) if before else None,
        before_count=len(before),
        after=fmean(after) if after else None,
        after_count=len(after),
    )


def _mean(values: Iterable[int | None]) -> float | None:
    given = [v for v in values if v is not None]
    return fmean(given) if given else None
