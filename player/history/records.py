"""What the history holds, as plain values: sessions, their steps and their pain scores."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

Outcome = Literal["finished", "stopped"]
Moment = Literal["before", "after"]

PAIN_SCORES = range(0, 11)
"""Pain is scored from 0 (none) to 10 (the worst imaginable)."""


@dataclass(frozen=True)
class StepRecord:
    """One step of a session, written when play left it."""

    step_index: int
    name: str
    planned_ms: int
    """The step's length as planned when the session began."""
    done_ms: int
    """How much of it was played: the routine time played in it (at any speed, so a step
    played whole at ten times the speed is its whole length, and one skipped half way is
    half of it; played again after going back, the times add up), and any time waited for
    done in it."""
    skipped: bool
    """Left part way, by moving to another step."""
    ended: datetime


@dataclass(frozen=True)
class SessionRecord:
    """One session as recorded. ``outcome`` is None for a session that was never closed:
    the player was killed, or the power went."""

    id: int
    routine: str
    digest: str
    path: str
    reps: int | None
    started: datetime
    """In the offset from UTC of where the person was when it began."""
    local_day: date
    """The day it began, where the person was: it never changes afterwards."""
    ended: datetime | None
    outcome: Outcome | None
    planned_ms: int
    at_step: int
    """The step play was in when the session last moved: where a resume starts."""
    resumed_from: int | None
    steps: tuple[StepRecord, ...] = ()
    pain_before: int | None = None
    pain_after: int | None = None
    speed: float | None = 1.0
    """How many times faster than real time it was played; None for a session recorded
    before the history kept the speed (``counting.played_speed`` then works it out)."""
    stop_reason: str | None = None
    """Why it was stopped at once (``something is wrong``); None for any other end."""

    @property
    def finished(self) -> bool:
        return self.outcome == "finished"

    @property
    def done_ms(self) -> int:
        """The routine time played in the session's steps, and the waits for done; pauses
        left out."""
        return sum(step.done_ms for step in self.steps)

    @property
    def last_moment(self) -> datetime:
        """When the session was last heard of: its end, else its last step, else its start."""
        if self.ended is not None:
            return self.ended
        if self.steps:
            return max(step.ended for step in self.steps)
        return self.started
