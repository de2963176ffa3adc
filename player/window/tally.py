"""Counting what was done, from the engine's events, for the end screen."""

from __future__ import annotations

from collections.abc import Iterable

from player.playback.events import Event, Finished, Skipped, StepStarted
from player.playback.timeline import Timeline
from player.window.present import Summary

COUNTED = ("exercise", "rest", "instruction")
"""Step kinds counted as steps; the get-ready and the rests between sets are not."""


class Tally:
    """A step is done once started, unless it was left by a skip before its end."""

    def __init__(self) -> None:
        self.started_at: int | None = None
        self.finished_at: int | None = None
        self._started: set[int] = set()
        self._left_early: set[int] = set()

    def start(self, now: int) -> None:
        if self.started_at is None:
            self.started_at = now

    def add(self, events: Iterable[Event], now: int) -> None:
        for event in events:
            if isinstance(event, StepStarted):
                self._started.add(event.step)
                self._left_early.discard(event.step)
            elif isinstance(event, Skipped):
                self._left_early.add(event.from_step)
            elif isinstance(event, Finished) and self.finished_at is None:
                self.finished_at = now

    def summary(self, timeline: Timeline, now: int) -> Summary:
        counted = {s.index for s in timeline.steps if s.kind in COUNTED}
        done = (self._started - self._left_early) & counted
        end = self.finished_at if self.finished_at is not None else now
        return Summary(
            title=timeline.title,
            elapsed_ms=max(0, end - (self.started_at if self.started_at is not None else end)),
            steps_done=len(done),
            steps_total=len(counted),
        )
