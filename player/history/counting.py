"""When a session counts: the history's one rule, as pure functions of its records.

- A session played faster than real time (``--speed`` above 1) is a **preview**: it is
  listed, and counted nowhere.
- Any other session counts as **done** when at least ``DONE_PERCENT`` of its planned time
  was played. Each step counts up to its planned length (playing a step twice does not
  make up for another one skipped; time added with + is not needed); the time spent
  waiting for done counts in the step that waits, so a step that waits is played whole
  once done is pressed in it.
- A session carried on (``--resume``) is counted together with the session it carried
  on, as one: the two halves of a session stopped and carried on the same day make one
  session done.

Minutes are the routine time really played in sessions that are not previews, whether
or not they reached the share that makes them count: those minutes were done.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from player.history.records import SessionRecord

DONE_PERCENT = 80
"""A session counts as done from this share of its planned time played."""
INFERRED_PREVIEW = 1.5
"""For a session recorded before the speed was kept: played this many times faster than
the clock allowed, or more, and it was a preview."""
FASTEST = 1000.0
"""The highest speed ``play`` allows."""


def played_speed(record: SessionRecord) -> float:
    """The speed ``record`` was played at: as recorded, or, for a session recorded before
    the speed was kept, worked out from its times (a lower bound, to a tenth)."""
    if record.speed is not None:
        return record.speed
    return speed_from_times(record.done_ms, _clock_ms(record))


def speed_from_times(done_ms: int, clock_ms: int) -> float:
    """How fast ``done_ms`` of routine time was played in ``clock_ms`` of clock time: 1
    unless clearly faster than real time (pauses only make a session look slower)."""
    if done_ms <= 0:
        return 1.0
    if clock_ms <= 0:
        return FASTEST
    ratio = done_ms / clock_ms
    if ratio < INFERRED_PREVIEW:
        return 1.0
    return min(FASTEST, math.floor(ratio * 10) / 10)


def is_preview(record: SessionRecord) -> bool:
    """Played faster than real time: a look at the routine, not a session done."""
    return played_speed(record) > 1


@dataclass(frozen=True)
class Sitting:
    """One session as the history counts it: a session, with any that carried it on."""

    parts: tuple[SessionRecord, ...]
    """The session and those that carried it on, in the order they were played."""
    played_ms: int
    """The planned time played, each step counted up to its planned length."""
    planned_ms: int

    @property
    def last(self) -> SessionRecord:
        return self.parts[-1]

    @property
    def day(self) -> date:
        return self.parts[0].local_day

    @property
    def speed(self) -> float:
        return max(played_speed(part) for part in self.parts)

    @property
    def preview(self) -> bool:
        return self.speed > 1

    @property
    def practised_ms(self) -> int:
        """The time really played, for the minutes: none in a preview."""
        return 0 if self.preview else sum(part.done_ms for part in self.parts)

    @property
    def percent(self) -> int:
        """How much of the planned time was played, in whole percent, rounded down (so
        that 79.9% never reads as 80%); 100 for a session with nothing timed in it."""
        if self.planned_ms <= 0:
            return 100
        return min(100, self.played_ms * 100 // self.planned_ms)

    @property
    def counts(self) -> bool:
        """Whether it counts as a session done: not a preview, and enough played."""
        if self.preview:
            return False
        if self.planned_ms <= 0:  # only waits for done: played to the end, none skipped
            steps = [step for part in self.parts for step in part.steps]
            return self.last.finished and not any(step.skipped for step in steps)
        return self.played_ms * 100 >= self.planned_ms * DONE_PERCENT

    @property
    def needed_ms(self) -> int:
        """The planned time to play for it to count."""
        return math.ceil(self.planned_ms * DONE_PERCENT / 100)


def sitting(parts: Iterable[SessionRecord]) -> Sitting:
    """``parts`` (a session and those that carried it on) counted as one."""
    records = tuple(parts)
    if not records:
        raise ValueError("a sitting has at least one session")
    done: dict[int, int] = {}
    planned: dict[int, int] = {}
    for record in records:
        for step in record.steps:
            done[step.step_index] = done.get(step.step_index, 0) + step.done_ms
            planned[step.step_index] = max(planned.get(step.step_index, 0), step.planned_ms)
    played = sum(min(done[index], planned[index]) for index in done)
    return Sitting(records, played, max(record.planned_ms for record in records))


def sittings(records: Iterable[SessionRecord]) -> list[Sitting]:
    """The sessions (oldest first) gathered into sittings: a session that carried on
    another joins it, unless either is a preview."""
    chains: list[list[SessionRecord]] = []
    chain_of: dict[int, list[SessionRecord]] = {}
    for record in records:
        parent = chain_of.get(record.resumed_from) if record.resumed_from is not None else None
        if parent is not None and not is_preview(record) and not is_preview(parent[-1]):
            parent.append(record)
            chain = parent
        else:
            chain = [record]
            chains.append(chain)
        chain_of[record.id] = chain
    return [sitting(chain) for chain in chains]


def sitting_of(records: Iterable[SessionRecord], session_id: int) -> Sitting | None:
    """The sitting the session ``session_id`` belongs to, counted with all of it."""
    return next((s for s in sittings(records) if any(p.id == session_id for p in s.parts)), None)


def _clock_ms(record: SessionRecord) -> int:
    return round((record.last_moment - record.started).total_seconds() * 1000)
