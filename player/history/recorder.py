"""From the engine's events to the history: one row for each step, written as it is left.

A step's "done" time is the routine time of it that was played (a step skipped half way
counts half; at ten times the speed, a step played whole is its whole length, and the
speed is recorded with the session) and the time spent waiting for done in it. A step
played again (after going back, or restarting it) adds to the same row. The get-ready
before the first step is a step of the timeline like any other, so it is recorded too.

The recorder also keeps the session as recorded (``record``), so that what the end
screen says does not depend on the file being written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from player.history.records import Outcome, SessionRecord, StepRecord
from player.history.store import History
from player.playback.engine import Engine
from player.playback.events import (
    DoneSaid,
    Event,
    Finished,
    Paused,
    Skipped,
    StepStarted,
    Stopped,
    Waiting,
)


def begin_recording(
    history: History,
    engine: Engine,
    wall: Callable[[], datetime],
    *,
    routine: str,
    digest: str,
    path: str,
    reps: int | None,
    start_step: int = 0,
    resumed_from: int | None = None,
) -> HistoryRecorder:
    """Record that a session of ``engine``'s timeline begins now, at the engine's speed,
    and give the recorder to listen to it."""
    started = wall()
    planned = engine.timeline.total_ms
    session_id = history.begin_session(
        routine=routine,
        digest=digest,
        path=path,
        reps=reps,
        planned_ms=planned,
        started=started,
        start_step=start_step,
        resumed_from=resumed_from,
        speed=engine.speed,
    )
    begun = SessionRecord(
        id=session_id,
        routine=routine,
        digest=digest,
        path=path,
        reps=reps,
        started=started,
        local_day=started.date(),
        ended=None,
        outcome=None,
        planned_ms=planned,
        at_step=start_step,
        resumed_from=resumed_from,
        speed=engine.speed,
    )
    return HistoryRecorder(history, begun, engine, wall)


class HistoryRecorder:
    """A session listener: ``Session(engine, speaker, listeners=[recorder])``.

    ``wall`` gives the aware local time written beside each row. Call :meth:`stop` when
    the session ends any other way than by finishing (quit, window closed, Ctrl-C)."""

    def __init__(
        self,
        history: History,
        begun: SessionRecord,
        engine: Engine,
        wall: Callable[[], datetime],
    ) -> None:
        self._history = history
        self._id = begun.id
        self.record = begun
        """The session as recorded so far, whether or not the file could be written."""
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
        self._said_done: set[int] = set()
        """The steps that waited for done and were told it."""
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
        elif isinstance(event, DoneSaid):
            self._stop_waiting(now)
            self._said_done.add(event.step)
        elif isinstance(event, Paused):
            self._stop_waiting(now)
        elif isinstance(event, Skipped):
            self._stop_waiting(now)
            self._leave(event.from_step, event.actual_ms, went_to=event.to_step)
            if event.to_ms >= self._engine.timeline.total_ms:
                self._step = None
            else:
                self._step = event.to_step
                self._entry = event.to_ms
        elif isinstance(event, Stopped):  # stopped at once, for a reason
            self.stop("stopped", now, reason=event.reason)
        elif isinstance(event, Finished):
            self._stop_waiting(now)
            if self._step is not None:
                self._leave(self._step, event.actual_ms, went_to=None)
            self._end("finished")

    def stop(
        self, outcome: Outcome = "stopped", now: int | None = None, *, reason: str | None = None
    ) -> None:
        """Close the session: the step under way is kept with the part of it done. Safe to
        call more than once, and after the session finished (then it does nothing).
        ``now`` (the clock) counts a wait for done still under way; ``reason`` says why it
        was stopped at once (``something is wrong``)."""
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
        self._end(outcome, reason)

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
        unfinished = position < span.end_ms or (span.waits_for_done and step not in self._said_done)
        skipped = moved_on and unfinished
        self._write(
            StepRecord(step, span.name, self._planned[step], done, skipped, self._wall()),
            step + 1 if went_to is None else went_to,
        )

    def _write(self, row: StepRecord, went_to: int) -> None:
        """Write the step's row, and keep it in the record."""
        self._history.record_step(
            self._id,
            row.step_index,
            row.name,
            planned_ms=row.planned_ms,
            done_ms=row.done_ms,
            skipped=row.skipped,
            ended=row.ended,
            went_to=went_to,
        )
        steps = {s.step_index: s for s in self.record.steps} | {row.step_index: row}
        self.record = replace(
            self.record, steps=tuple(steps[i] for i in sorted(steps)), at_step=went_to
        )

    def _end(self, outcome: Outcome, reason: str | None = None) -> None:
        ended = self._wall()
        self._history.end_session(self._id, outcome, ended, reason)
        self.record = replace(self.record, outcome=outcome, ended=ended, stop_reason=reason)
        self.closed = True

    def _stop_waiting(self, now: int) -> None:
        if self._waiting is None:
            return
        step, since = self._waiting
        self._waited[step] = self._waited.get(step, 0) + max(0, now - since)
        self._waiting = None
