"""Where a step's figure is in its motion at one moment of the session. Pure.

The window asks :func:`figure_at` for the frame it is about to draw and gets the numbers
to draw the figure with: the key poses of ``player.routine.figures`` blended by the
engine's own progress through the phase, so the picture moves exactly with the voice.
Everything is measured on the routine's clock: paused, the numbers do not change, and a
preview at ``--speed 4`` moves four times as fast.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from player.playback.events import Frame
from player.playback.timeline import Segment, StepSpan, Timeline
from player.routine.figures import BREATH_S, FIGURES, KeyPose, Motion

MOVING_KINDS = frozenset({"work", "instruction", "rest", "wait"})
"""The segments in which a figure moves between its key poses: the step's own time. While
she gets into position, switches sides or gets ready, it shows its first key pose."""


@dataclass(frozen=True)
class FigureMoment:
    """A figure at one moment: what to draw it with."""

    name: str
    numbers: tuple[tuple[str, float], ...]
    """The key poses' numbers, blended for this moment."""
    breath: float
    """How far into a slow breath she is: 0 out, 1 in."""
    turn: float
    """How far round its cycle a looping figure is, from 0 to 1."""
    mirrored: bool
    """Drawn the other way round: the right side of a step done on both sides."""
    moving: bool
    """Whether the next moment may look different: playing, with somewhere to go."""
    keyed: bool
    """Whether it moves between key poses now (not only breathing)."""


def figure_at(frame: Frame, timeline: Timeline, waited_ms: int = 0) -> FigureMoment | None:
    """The step's figure at ``frame``; None when the step names no figure. On a step that
    waits for done, the session's position stands still: ``waited_ms`` is how long it has
    waited, and a looping figure goes round and breathes by it."""
    name = frame.step.figure
    if name is None or name not in FIGURES:
        return None
    motion = FIGURES[name]
    segment = frame.segment
    waiting = frame.state == "waiting"
    waited_ms = max(0, waited_ms) if waiting else 0
    in_segment_ms = max(0, frame.position_ms - segment.start_ms) + waited_ms
    # The breath and the loops run on through the step's phases, never starting again.
    in_step_ms = max(0, frame.position_ms - frame.step.start_ms) + waited_ms
    working = segment.kind in MOVING_KINDS
    live = (frame.state == "playing" and not frame.get_ready_ms) or waiting
    numbers, keyed = _numbers(motion, segment, timeline, in_segment_ms, in_step_ms, working)
    cycle_ms = motion.cycle_s * 1000 if motion.cycle_s else 0.0
    return FigureMoment(
        name=name,
        numbers=numbers,
        breath=0.5 - 0.5 * math.cos(2 * math.pi * in_step_ms / (BREATH_S * 1000)),
        turn=(in_step_ms / cycle_ms) % 1.0 if cycle_ms and working else 0.0,
        mirrored=segment.side is not None and segment.side != motion.drawn_side,
        moving=live and (segment.duration_ms > 0 or waiting),
        keyed=live and keyed,
    )


def still_numbers(motion: Motion) -> KeyPose:
    """The numbers the still picture is drawn with: its ``still`` key pose."""
    return motion.keys[motion.still]


def still_moment(name: str) -> FigureMoment:
    """Figure ``name`` standing still in the pose of its still picture."""
    numbers = still_numbers(FIGURES[name])
    return FigureMoment(name, numbers, 0.0, 0.0, mirrored=False, moving=False, keyed=False)


def phase_place(timeline: Timeline, segment: Segment) -> int:
    """Which phase of its repetition ``segment`` is: 0 for the first (or the only one)."""
    phases = timeline.phases_of(segment)
    return phases.index(segment.index) if segment.index in phases else 0


def ease(t: float) -> float:
    """Slow at both ends, as a body moves: 0 at 0, 1 at 1."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def blend(a: KeyPose, b: KeyPose, t: float) -> KeyPose:
    """The numbers ``t`` of the way from key pose ``a`` to ``b``."""
    later = dict(b)
    return tuple((name, value + (later.get(name, value) - value) * t) for name, value in a)


def _numbers(
    motion: Motion,
    segment: Segment,
    timeline: Timeline,
    in_segment_ms: int,
    in_step_ms: int,
    working: bool,
) -> tuple[KeyPose, bool]:
    keys = motion.keys
    count = len(keys)
    if count == 1 or not working:
        return keys[0], False
    if motion.cycle_s:
        around = (in_step_ms / (motion.cycle_s * 1000)) % 1.0 * count
        index = int(around)
        return blend(keys[index], keys[(index + 1) % count], ease(around - index)), True
    index = phase_place(timeline, segment) % count
    # A stroke keeps the pace the routine gives it: ten seconds more hold its end.
    span_ms = motion.move_s * 1000 if motion.move_s else _paced_ms(segment)
    if span_ms <= 0:
        return keys[index], False
    t = in_segment_ms / span_ms
    return blend(keys[index], keys[(index + 1) % count], ease(t)), t < 1.0


def _paced_ms(segment: Segment) -> int:
    """How long a move through ``segment`` takes: its planned length, or less when it was
    shortened."""
    planned = segment.planned_ms or segment.duration_ms
    return min(planned, segment.duration_ms)


def phases_per_repetition(timeline: Timeline, step: StepSpan) -> int:
    """How many phases one repetition of ``step`` has: 1 for a step without phases."""
    segments = timeline.segments[step.first_segment : step.last_segment + 1]
    first = next((s for s in segments if s.kind == "work"), None)
    return max(1, len(timeline.phases_of(first))) if first is not None else 1


def fits(motion: Motion, phases: int) -> bool:
    """Whether a figure moves in step with a repetition of ``phases`` phases: as many key
    poses (round and back to the first), or one more (starting again at the next
    repetition); a figure that only breathes, or loops by itself, fits any."""
    keys = len(motion.keys)
    return keys == 1 or motion.cycle_s is not None or phases in (keys, keys - 1)
