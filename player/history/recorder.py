"""From the engine's events to the history: one row for each step, written as it is left.

A step's "done" time is the part of its timeline that was played (a step skipped half way
counts half) and the time spent waiting for done in it. A step played again (after going
back, or restarting it) adds to the same row. The get-ready before the first step is a
step of the timeline like any other, so it is recorded too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from player.history.records import Outcome
from player.history.store import History
from player.playback.engine import Engine
from player.playback.events import DoneSaid, Event, Finished, Paused, Skipped, StepStarted, Waiting


class HistoryRecorder:
    """A session listener: ``Session(engine, speaker, listeners=[recorder])``.

    ``wall`` gives the aware local time written beside each row. Call :meth:`stop` when
    the session ends any other way than by finishing (quit, window closed, Ctrl-C)."""

    def __init__(
        self,
        history: History,
        session_id: int,
        engine: Engine,
        wall: Callable[[], datetime],
    ) -> None:
        self._history = history
        self._id = session_id
        self._engine = engine
        self._wall = wall
        self._planned = tuple(step.duration_ms for step in engine.timeline.steps)
        """Lengths as planned when the session began, before any time was added."""
        self._step: int | None = None
        self._entry = 0
        self._played: dict[int, int] = {}
        self._waited: dict[int, int] = {}
        self._waiting: tuple[int, int] | None = None
        """The step waiting for done, and the clock time it began waiting."""
        self.closed = False

    def __call__(self, event: Event, now: int) -> None:
        if self.closed:
            return
        if isinstance(event, StepStarted):
            if event.step != self._step:
                if self._step is not None:
                    self._leave(self._step, event.planned_ms, went_to=event.step)
                self._step = event.step
                self._entry = event.planned_ms
        elif isinstance(event, Waiting):
            self._waiting = (event.step, now)
        elif isinstance(event, (DoneSaid, Paused)):
            self._stop_waiting(now)
        elif isinstance(event, Skipped):
            self._stop_waiting(now)
            self._leave(event.from_step, event.actual_ms, went_to=event.to_step)
            if event.to_ms >= self._engine.timeline.total_ms:
                self._step = None
            else:
                self._step = event.to_step
                self._entry = event.to_ms
        elif isinstance(event, Finished):
            self._stop_waiting(now)
            if self._step is not None:
                self._leave(self._step, event.actual_ms, went_to=None)
            self._history.end_session(self._id, "finished", self._wall())
            self.closed = True

    def stop(self, outcome: Outcome = "stopped", now: int | None = None) -> None:
        """Close the session: the step under way is kept with the part of it done. Safe to
        call more than once, and after the session finished (then it does nothing).
        ``now`` (the clock) counts a wait for done still under way."""
        if self.closed:
            return
        self.closed = True
        if now is not None:
            self._stop_waiting(now)
        step = self._step
        if step is not None:
            position = self._engine.position_ms
            if self._done(step, position) > 0:
                self._leave(step, position, went_to=step, moved_on=False)
        self._history.end_session(self._id, outcome, self._wall())

    # -- inside -------------------------------------------------------------------------

    def _done(self, step: int, position: int) -> int:
        here = max(0, position - self._entry) if step == self._step else 0
        return self._played.get(step, 0) + here + self._waited.get(step, 0)

    def _leave(
        self, step: int, position: int, *, went_to: int | None, moved_on: bool = True
    ) -> None:
        done = self._done(step, position)
        self._played[step] = done - self._waited.get(step, 0)
        if step == self._step:
            self._entry = position
        span = self._engine.timeline.steps[step]
        self._history.record_step(
            self._id,
            step,
            span.name,
            planned_ms=self._planned[step],
            done_ms=done,
            skipped=moved_on and position < span.end_ms,
            ended=self._wall(),
            went_to=went_to,
        )

    def _stop_waiting(self, now: int) -> None:
        if self._waiting is None:
            return
        step, since = self._waiting
        self._waited[step] = self._waited.get(step, 0) + max(0, now - since)
        self._waiting = None
