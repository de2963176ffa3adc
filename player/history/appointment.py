"""What the report for an appointment says, as values: the weeks it covers, the sessions
and minutes of each week, pain before and after, the routines done, the sessions stopped
early.

Pure: it takes the sessions and today's date. What counts is the history's one rule
(:mod:`player.history.counting`): minutes are the time really played, previews left out;
a session counts as done from its share of the planned time; a session carried on counts
once, with the one it carried on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from player.history.counting import Sitting, sittings
from player.history.records import SessionRecord


@dataclass(frozen=True)
class Period:
    """Whole weeks, Monday to Sunday, the last of them the week of ``today``."""

    first: date
    last: date
    today: date

    @property
    def weeks(self) -> int:
        return ((self.last - self.first).days + 1) // 7

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    def mondays(self) -> list[date]:
        return [self.first + timedelta(weeks=n) for n in range(self.weeks)]


def period_of(today: date, weeks: int) -> Period:
    """The ``weeks`` whole weeks up to the end of ``today``'s, as the chart shows them."""
    if weeks < 1:
        raise ValueError("a report covers at least one week")
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    return Period(first, monday + timedelta(days=6), today)


@dataclass(frozen=True)
class Scores:
    """Pain scores, 0 to 10: their average and how many there are."""

    average: float | None
    count: int


def scores(values: Iterable[int | None]) -> Scores:
    given = [value for value in values if value is not None]
    return Scores(fmean(given) if given else None, len(given))


@dataclass(frozen=True)
class Week:
    monday: date
    played: int
    """Sessions played, previews left out (a session carried on counts once)."""
    done: int
    """Those of them that count as done."""
    days_done: int
    practised_ms: int
    pain_before: Scores
    pain_after: Scores


@dataclass(frozen=True)
class RoutineCount:
    routine: str
    played: int
    done: int
    practised_ms: int


@dataclass(frozen=True)
class StoppedEarly:
    """A session that was not played through: stopped, skipped through, or cut off."""

    record: SessionRecord
    counted: Sitting
    step: str | None
    """The name of the step play was in when it ended, when the history knows it."""


@dataclass(frozen=True)
class Appointment:
    period: Period
    sessions: tuple[SessionRecord, ...]
    """Every session of the period, previews too, oldest first."""
    counted: dict[int, Sitting]
    """How each session counts, by its id."""
    weeks: tuple[Week, ...]
    routines: tuple[RoutineCount, ...]
    """Most played first."""
    stopped: tuple[StoppedEarly, ...]
    previews: int

    @property
    def played(self) -> int:
        return sum(week.played for week in self.weeks)

    @property
    def done(self) -> int:
        return sum(week.done for week in self.weeks)

    @property
    def days_done(self) -> int:
        return sum(week.days_done for week in self.weeks)

    @property
    def practised_ms(self) -> int:
        return sum(week.practised_ms for week in self.weeks)

    @property
    def pain_before(self) -> Scores:
        return scores(r.pain_before for r in self._practice())

    @property
    def pain_after(self) -> Scores:
        return scores(r.pain_after for r in self._practice())

    @property
    def pain_change(self) -> Scores:
        """The change from before to after within sessions that have both scores."""
        return scores(
            r.pain_after - r.pain_before
            for r in self._practice()
            if r.pain_before is not None and r.pain_after is not None
        )

    def _practice(self) -> list[SessionRecord]:
        return [r for r in self.sessions if not self.counted[r.id].preview]


def appointment(records: Iterable[SessionRecord], today: date, weeks: int) -> Appointment:
    """The report of the ``weeks`` weeks up to today's, from every session recorded (a
    session carried on in the period is counted with the one it carried on, even when
    that began before)."""
    period = period_of(today, weeks)
    found = [s for s in sittings(records) if period.holds(s.day)]
    counted = {part.id: each for each in found for part in each.parts}
    sessions = tuple(sorted((p for s in found for p in s.parts), key=lambda r: r.started))
    practice = [s for s in found if not s.preview]
    return Appointment(
        period=period,
        sessions=sessions,
        counted=counted,
        weeks=tuple(_week(monday, practice) for monday in period.mondays()),
        routines=_routines(practice),
        stopped=tuple(_stopped(practice)),
        previews=sum(1 for s in found if s.preview),
    )


def _week(monday: date, practice: Sequence[Sitting]) -> Week:
    inside = [s for s in practice if monday <= s.day < monday + timedelta(weeks=1)]
    parts = [part for s in inside for part in s.parts]
    return Week(
        monday=monday,
        played=len(inside),
        done=sum(1 for s in inside if s.counts),
        days_done=len({s.day for s in inside if s.counts}),
        practised_ms=sum(s.practised_ms for s in inside),
        pain_before=scores(r.pain_before for r in parts),
        pain_after=scores(r.pain_after for r in parts),
    )


def _routines(practice: Sequence[Sitting]) -> tuple[RoutineCount, ...]:
    names: dict[str, list[Sitting]] = {}
    for each in practice:
        names.setdefault(each.parts[0].routine, []).append(each)
    found = [
        RoutineCount(
            name,
            len(group),
            sum(1 for s in group if s.counts),
            sum(s.practised_ms for s in group),
        )
        for name, group in names.items()
    ]
    return tuple(sorted(found, key=lambda r: (-r.played, r.routine.casefold())))


def _stopped(practice: Sequence[Sitting]) -> list[StoppedEarly]:
    """The sittings that ended before their end, or reached it skipping too much to count."""
    found = []
    for each in practice:
        last = each.last
        if last.finished and each.counts:
            continue
        found.append(StoppedEarly(last, each, _step_name(last)))
    return found


def _step_name(record: SessionRecord) -> str | None:
    named = [step for step in record.steps if step.step_index == record.at_step]
    if named:
        return named[-1].name
    return record.steps[-1].name if record.steps else None
