"""Playback: where a session is at a moment, and what happens as time passes.

The engine is a small state machine (ready, playing, paused, waiting for done,
finished) over a timeline; what it reports is in ``events``.

The engine never reads a clock. Every method takes ``now``, in whole milliseconds of a
monotonic clock, and the position in the routine is derived from it:
``anchor_position + (now - anchor_time) * speed``. Nothing is accumulated frame by
frame, so however irregular the frames are, the session neither drifts nor skips a
cue. Each call returns the events that became due, in order; shells act on them.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from player.language import _
from player.playback.compiler import compile_timeline
from player.playback.events import (
    Adjusted,
    CueDue,
    DoneSaid,
    Event,
    Finished,
    Frame,
    Paused,
    Resumed,
    Skipped,
    SpeedChanged,
    State,
    StepStarted,
    Waiting,
)
from player.playback.segments import MIN_ADJUSTED_MS
from player.playback.timeline import (
    PRIORITY,
    Choices,
    Cue,
    Segment,
    SessionTooLong,
    StepSpan,
    Timeline,
)
from player.routine.model import Routine

RESUME_LEAD_IN_MS = 5_000
RESTART_THRESHOLD_MS = 3_000
ADJUST_STEP_MS = 10_000


@dataclass
class _GetReady:
    """The short get-ready after a resume: cues at wall times, then play goes on."""

    cues: list[tuple[int, str]] = field(default_factory=list)


class Engine:
    """The play state of one session over an immutable timeline."""

    def __init__(
        self,
        routine: Routine,
        choices: Choices | None = None,
        *,
        resume_lead_in_ms: int = RESUME_LEAD_IN_MS,
        restart_threshold_ms: int = RESTART_THRESHOLD_MS,
        speed: float = 1.0,
        compile: Callable[[Routine, Choices], Timeline] = compile_timeline,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be more than zero")
        self._routine = routine
        self._choices = choices or Choices()
        self._compile = compile
        self.timeline = compile(routine, self._choices)
        self.resume_lead_in_ms = resume_lead_in_ms
        self.restart_threshold_ms = restart_threshold_ms
        self.state: State = "ready"
        self.speed = speed
        self._anchor_time = 0
        self._anchor_position = 0
        self._position = 0
        self._cursor = 0
        self._segment = -1
        self._released: set[int] = set()
        self._get_ready = _GetReady()
        self._resumes = 0
        self._waits = self._wait_segments()

    # -- reading ----------------------------------------------------------------------------

    @property
    def position_ms(self) -> int:
        """The routine position as of the last call."""
        return self._position

    def frame(self, now: int) -> Frame:
        """What to show at ``now``, without advancing anything."""
        position = self._position_at(now)
        gate = self._gate()
        if gate is not None and position >= gate.start_ms:
            position = gate.start_ms
        position = min(position, self.timeline.total_ms)
        if gate is not None and position == gate.start_ms:
            segment = gate
        else:
            segment = self.timeline.segment_at(position)
        step = self.timeline.steps[segment.step]
        following = (
            self.timeline.steps[step.index + 1]
            if step.index + 1 < len(self.timeline.steps)
            else None
        )
        get_ready = 0
        if self.state == "playing" and now < self._anchor_time:
            get_ready = math.ceil((self._anchor_time - now) * self.speed)
        return Frame(
            self.state,
            position,
            self.timeline.total_ms,
            step,
            segment,
            following,
            get_ready,
            self.speed,
        )

    def current_step(self) -> StepSpan:
        return self.timeline.steps[self.timeline.segments[self._segment_under_way()].step]

    def next_change_at(self, now: int) -> int | None:
        """The clock time at which something is next due: a cue, a segment's end, a get-ready
        word, or the next whole second of the countdown shown. None when nothing moves."""
        if self.state != "playing":
            return None
        times: list[int] = [max(at, now) for at, _text in self._get_ready.cues]  # overdue: now
        if now < self._anchor_time:
            times.append(self._anchor_time)
        else:
            # Measured from where the last advance left play, not from where the clock is
            # now: what came due in between (a frame drawn across a cue's moment) is due now.
            last = min(self._position, self.timeline.total_ms - 1)
            targets = []
            if self._cursor < len(self.timeline.cues):
                targets.append(self.timeline.cues[self._cursor].at_ms)
            segment = self.timeline.segment_at(last)
            targets.append(segment.end_ms)
            remaining = segment.end_ms - last
            targets.append(last + (remaining - 1) % 1000 + 1)
            gate = self._gate()
            if gate is not None:
                targets.append(gate.start_ms)
            ahead = [t for t in targets if t > last]
            if ahead:
                times.append(max(now, self._time_of(min(ahead))))
        return min(times) if times else None

    # -- commands ---------------------------------------------------------------------------

    def start(self, now: int, from_step: int = 0) -> list[Event]:
        """Begin at the start of the timeline, or at the start of step ``from_step`` to carry
        on a session stopped part way: then after the same short get-ready as a resume, and
        with no cue of an earlier step said."""
        if self.state != "ready":
            return []
        if not 0 <= from_step < len(self.timeline.steps):
            raise ValueError(
                f"there is no step {from_step}: steps run from 0 to {len(self.timeline.steps) - 1}"
            )
        self.state = "playing"
        if from_step == 0:
            self._anchor_time = now
            self._anchor_position = 0
            return self.advance(now)
        step = self.timeline.steps[from_step]
        self._position = self._anchor_position = step.start_ms
        self._segment = step.first_segment - 1
        self._cursor = self.timeline.first_cue_from((step.start_ms, step.first_segment))
        self._released = {i for i in self._waits if i < step.first_segment}
        self._resumes += 1
        lead_wall = math.ceil(self.resume_lead_in_ms / self.speed)
        self._anchor_time = now + lead_wall
        self._get_ready = _GetReady(self._get_ready_words(now, lead_wall))
        events: list[Event] = [Resumed(step.start_ms, self.resume_lead_in_ms)]
        return events + self.advance(now)

    def advance(self, now: int) -> list[Event]:
        """Move to ``now`` and return every event that became due, in order."""
        events: list[Event] = []
        if self.state != "playing":
            return events
        for at, text in list(self._get_ready.cues):
            if at <= now:
                self._get_ready.cues.remove((at, text))
                events.append(
                    CueDue(
                        self._position,
                        self._position,
                        text,
                        "get_ready",
                        PRIORITY["get_ready"],
                        self.current_step().index,
                        f"resume{self._resumes}:{text}",
                    )
                )
        if now < self._anchor_time:
            return events
        position = self._position_at(now)
        gate = self._gate()
        waiting = gate is not None and position >= gate.start_ms
        if gate is not None and waiting:
            position = gate.start_ms
        position = min(position, self.timeline.total_ms)
        target = gate.index if gate is not None and waiting else self._segment_index_at(position)
        events.extend(self._pass_to(position, target, gate.index if waiting and gate else None))
        self._position = position
        if waiting and gate is not None:
            self.state = "waiting"
            self._anchor_position = position
            events.append(Waiting(position, gate.step))
        elif position >= self.timeline.total_ms:
            self.state = "finished"
            self._anchor_position = position
            events.append(Finished(position, self.timeline.total_ms))
        return events

    def pause(self, now: int) -> list[Event]:
        events = self.advance(now)
        if self.state not in ("playing", "waiting"):
            return events
        self._anchor_position = self._position
        self._get_ready.cues.clear()
        self.state = "paused"
        events.append(Paused(self._position))
        return events

    def resume(self, now: int) -> list[Event]:
        """Play on after a pause, with a short get-ready first."""
        if self.state != "paused":
            return []
        self.state = "playing"
        self._resumes += 1
        lead_wall = math.ceil(self.resume_lead_in_ms / self.speed)
        self._anchor_time = now + lead_wall
        self._anchor_position = self._position
        self._get_ready = _GetReady(self._get_ready_words(now, lead_wall))
        events: list[Event] = [Resumed(self._position, self.resume_lead_in_ms)]
        return events + self.advance(now)

    def toggle_pause(self, now: int) -> list[Event]:
        if self.state == "paused":
            return self.resume(now)
        return self.pause(now)

    def next_step(self, now: int) -> list[Event]:
        """Go to the start of the next step; past the last one, the session ends."""
        events = self.advance(now)
        if self.state in ("ready", "finished"):
            return events
        current = self.current_step().index
        if current + 1 >= len(self.timeline.steps):
            return events + self._finish_now(now, current)
        return events + self._seek(now, current + 1)

    def previous_step(self, now: int) -> list[Event]:
        """Restart the step when it is more than a few seconds in; else go to the one before."""
        events = self.advance(now)
        if self.state == "ready":
            return events
        current = self.current_step()
        if (
            self.state != "finished"
            and self._position - current.start_ms > self.restart_threshold_ms
        ):
            return events + self._seek(now, current.index)
        return events + self._seek(
            now, max(0, current.index - (0 if self.state == "finished" else 1))
        )

    def step_before(self, now: int) -> list[Event]:
        """The step before this one, from its start, however far into this one play is
        (the first step: its own start)."""
        events = self.advance(now)
        if self.state in ("ready", "finished"):
            return events
        return events + self._seek(now, max(0, self.current_step().index - 1))

    def restart_step(self, now: int) -> list[Event]:
        events = self.advance(now)
        if self.state in ("ready", "finished"):
            return events
        return events + self._seek(now, self.current_step().index)

    def done(self, now: int) -> list[Event]:
        """The person says done: a step that waits moves on."""
        events = self.advance(now)
        if self.state != "waiting":
            return events
        gate = self._gate()
        assert gate is not None
        self._released.add(gate.index)
        self.state = "playing"
        self._anchor_position = gate.start_ms
        self._anchor_time = now
        events.append(DoneSaid(self._position, gate.step))
        return events + self.advance(now)

    def adjust(self, now: int, delta_ms: int = ADJUST_STEP_MS) -> list[Event]:
        """Lengthen (or with a negative delta, shorten) what is under way now."""
        events = self.advance(now)
        if self.state not in ("playing", "paused"):
            return events
        index = self._segment_under_way()
        segment = self.timeline.segments[index]
        if segment.kind == "wait":
            return events
        extra = dict(self._choices.extra_ms)
        base = segment.duration_ms - extra.get(segment.index, 0)
        shortest = max(MIN_ADJUSTED_MS, self._position - segment.start_ms + MIN_ADJUSTED_MS)
        wanted = max(shortest, segment.duration_ms + delta_ms)
        if wanted == segment.duration_ms:
            return events
        extra[segment.index] = wanted - base
        choices = replace(self._choices, extra_ms=extra)
        try:
            timeline = self._compile(self._routine, choices)
        except SessionTooLong:  # no more time can be added: the session is at its longest
            return events
        self._choices = choices
        self.timeline = timeline
        self._waits = self._wait_segments()
        # Cues up to now have been said; after a move while paused, none of this segment's yet.
        entered = index == self._segment
        find = self.timeline.first_cue_after if entered else self.timeline.first_cue_from
        self._cursor = find((self._position, segment.index))
        events.append(
            Adjusted(self._position, segment.step, segment.index, wanted - segment.duration_ms)
        )
        return events

    def set_speed(self, now: int, speed: float) -> list[Event]:
        if speed <= 0:
            raise ValueError("speed must be more than zero")
        events = self.advance(now)
        if self.state == "playing" and now >= self._anchor_time:
            self._anchor_position = self._position
            self._anchor_time = now
        self.speed = speed
        events.append(SpeedChanged(self._position, speed))
        return events

    # -- inside -----------------------------------------------------------------------------

    def _position_at(self, now: int) -> int:
        if self.state != "playing" or now <= self._anchor_time:
            return self._anchor_position if self.state != "ready" else 0
        return self._anchor_position + math.floor((now - self._anchor_time) * self.speed)

    def _time_of(self, position: int) -> int:
        return self._anchor_time + math.ceil((position - self._anchor_position) / self.speed)

    def _segment_under_way(self) -> int:
        """The segment play is in; after a move while paused (or during a get-ready), the first
        segment of the step moved to, which play has not entered yet."""
        segments = self.timeline.segments
        index = self._segment
        if index < 0:
            return 0
        passed = segments[index].kind != "wait" or index in self._released
        lagging = passed and segments[index].end_ms <= self._position
        return index + 1 if lagging and index + 1 < len(segments) else index

    def _wait_segments(self) -> list[int]:
        return [s.index for s in self.timeline.segments if s.kind == "wait"]

    def _gate(self) -> Segment | None:
        """The next step that waits for done and has not been released."""
        start = bisect.bisect_left(self._waits, max(self._segment, 0))
        for index in self._waits[start:]:
            if index not in self._released:
                return self.timeline.segments[index]
        return None

    def _segment_index_at(self, position: int) -> int:
        if position >= self.timeline.total_ms:
            return len(self.timeline.segments) - 1
        return max(self.timeline.segment_at(position).index, self._segment)

    def _pass_to(self, position: int, target: int, gate: int | None) -> list[Event]:
        """Steps started and cues due between the last position and ``position``."""
        due: list[tuple[tuple[int, int, int], Event]] = []
        segments = self.timeline.segments
        for index in range(self._segment + 1, target + 1):
            segment = segments[index]
            step = self.timeline.steps[segment.step]
            if step.first_segment == index:
                due.append(
                    (
                        (step.start_ms, index, 0),
                        StepStarted(position, step.index, step.name, step.start_ms),
                    )
                )
        cues = self.timeline.cues
        while self._cursor < len(cues):
            cue = cues[self._cursor]
            if cue.at_ms > position or (gate is not None and cue.segment > gate):
                break
            due.append(((cue.at_ms, cue.segment, 1), _cue_event(cue, position)))
            self._cursor += 1
        self._segment = max(self._segment, target)
        due.sort(key=lambda item: item[0])
        return [event for _order, event in due]

    def _seek(self, now: int, step_index: int) -> list[Event]:
        step = self.timeline.steps[step_index]
        before = self.current_step().index
        moved_from = self._position
        if self.state in ("waiting", "finished"):
            self.state = "playing"
        if self.state == "playing" and now >= self._anchor_time:
            self._anchor_time = now
        self._anchor_position = step.start_ms
        self._position = step.start_ms
        self._segment = step.first_segment - 1
        self._cursor = self.timeline.first_cue_from((step.start_ms, step.first_segment))
        # Waits before the step are behind: moving on from one must not stop at it again.
        self._released = {i for i in self._waits if i < step.first_segment}
        events: list[Event] = [Skipped(moved_from, before, step_index, step.start_ms)]
        # When paused, the step's start (and its cues) come with the next advance after resume.
        return events + self.advance(now)

    def _finish_now(self, now: int, current: int) -> list[Event]:
        total = self.timeline.total_ms
        events: list[Event] = [Skipped(self._position, current, current, total)]
        self._position = total
        self._anchor_position = total
        self._segment = len(self.timeline.segments) - 1
        self._cursor = len(self.timeline.cues)
        self.state = "finished"
        events.append(Finished(total, total))
        return events

    def _get_ready_words(self, now: int, lead_wall: int) -> list[tuple[int, str]]:
        if lead_wall <= 0:
            return []
        # TRANSLATORS: spoken by the voice before a resumed session carries on
        words = [(now, _("Get ready"))]
        seconds = min(3, self.resume_lead_in_ms // 1000 - 1)
        for remaining in range(seconds, 0, -1):
            at = now + lead_wall - math.ceil(remaining * 1000 / self.speed)
            words.append((at, str(remaining)))
        return words


def _cue_event(cue: Cue, position: int) -> CueDue:
    return CueDue(position, cue.at_ms, cue.text, cue.kind, cue.priority, cue.step, cue.key)
