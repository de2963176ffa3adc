"""A timeline: everything that will happen in a session, each at its millisecond.

The timeline is immutable and pure. Every segment (lead-in, repetition, phase, side,
switch pause, rest) and every cue (announce, next up, halfway, countdown, switch
sides, rep count, phase, custom words) sits at an absolute offset in whole
milliseconds from the start. The engine only ever asks it questions; ``compiler`` makes
one from a routine and the person's choices.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from player.language import _
from player.routine.model import Block, Exercise, Routine, Step
from player.routine.values import Count, WeekRange
from player.system.failures import InvalidInput

SegmentKind = Literal["lead_in", "prepare", "work", "rest", "switch", "instruction", "wait"]
StepKind = Literal["lead_in", "exercise", "rest", "instruction", "set_rest"]
CueKind = Literal[
    "get_ready",
    "announce",
    "next_up",
    "halfway",
    "countdown",
    "switch_sides",
    "rep_count",
    "phase",
    "custom",
]

PRIORITY: dict[CueKind, int] = {
    "countdown": 3,
    "get_ready": 3,
    "switch_sides": 3,
    "announce": 2,
    "phase": 2,
    "rep_count": 2,
    "custom": 2,
    "next_up": 1,
    "halfway": 1,
}
"""Higher speaks first and may cut off lower; a countdown is never late."""


@dataclass(frozen=True)
class Choices:
    """What the person chose for this session."""

    reps: int | None = None
    """Applies to every repetition or set count given as a range."""
    lead_in_ms: int | None = None
    """The get-ready time before the first step; the routine's own when None."""
    extra_ms: Mapping[int, int] = field(default_factory=dict)
    """Time added to (or, when negative, taken from) segments, by segment index."""
    avoid_lying_on_back: bool = False
    """Play each lying-on-back step's alternative instead, where the routine gives one."""
    words_per_minute: int = 165
    """The voice's rate: cues are given the room that saying them takes at it."""
    opening: str = ""
    """Said first, before the routine's title (the get-ready is given the room it takes):
    how to give voice commands, the first time they are on."""


class ChoiceError(InvalidInput, ValueError):
    """A choice the routine does not allow, such as 12 repetitions of a 5-to-10 step."""


MAX_SESSION_MS = 4 * 60 * 60 * 1000
"""The longest a whole session may be: four hours, not counting the get-ready before it
or the waits for done in it."""
MAX_SEGMENTS = 5_000
"""The most segments (repetitions, phases, sides, rests) a session may have."""
MAX_CUES = 20_000
"""The most cues a session may have."""


class SessionTooLong(ChoiceError):
    """A routine whose counts multiply into a session too long to play, such as 100 sets
    of 1000 repetitions: each count is allowed, their product is not."""


@dataclass(frozen=True)
class Segment:
    """A stretch of time in which what is shown does not change its meaning."""

    index: int
    kind: SegmentKind
    start_ms: int
    duration_ms: int
    step: int
    rep: int = 0
    reps: int = 0
    side: str | None = None
    phase: str | None = None
    planned_ms: int = 0
    """The length the routine gives it, before any ten seconds more or less (0 for a wait)."""

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms


@dataclass(frozen=True)
class StepSpan:
    """One step as it is played: a step inside a block appears once per set."""

    index: int
    kind: StepKind
    name: str
    do: str | None
    picture: str | None
    start_ms: int
    end_ms: int
    first_segment: int
    last_segment: int
    waits_for_done: bool = False
    reps: int = 0
    sides: tuple[str, ...] = ()
    set: int = 0
    sets: int = 0
    block: str | None = None
    position: str | None = None
    weeks: WeekRange | None = None
    """The pregnancy weeks the step (or its block) suits, when it says."""
    figure: str | None = None
    """The bundled figure that moves with the session, when the step names one."""
    replaces: str | None = None
    """The name of the lying-on-back step this one is played in place of."""
    path: tuple[str | int, ...] = ()
    """Where the step is written in the routine file: ``("steps", 2)``, or
    ``("steps", 1, "steps", 0)`` inside a block; the alternative's own when it is played."""

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True)
class Cue:
    """Words to say at a moment. ``key`` names the segment and the offset in it, so it
    stays the same when an earlier segment is lengthened or shortened."""

    key: str
    at_ms: int
    text: str
    kind: CueKind
    priority: int
    step: int
    segment: int

    @property
    def order(self) -> tuple[int, int]:
        return (self.at_ms, self.segment)


@dataclass(frozen=True)
class Timeline:
    """Everything that will happen in a session, in order, at absolute offsets."""

    title: str
    segments: tuple[Segment, ...]
    steps: tuple[StepSpan, ...]
    cues: tuple[Cue, ...]
    total_ms: int
    reps_chosen: int | None = None
    _segment_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _cue_orders: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_segment_starts", tuple(s.start_ms for s in self.segments))
        object.__setattr__(self, "_cue_orders", tuple(c.order for c in self.cues))

    @property
    def waits(self) -> int:
        """How many segments wait for the person to say done."""
        return sum(1 for s in self.segments if s.kind == "wait")

    def segment_at(self, ms: int) -> Segment:
        """The segment under way at ``ms``; zero-length (waiting) segments are passed over."""
        if not self.segments:
            raise ValueError("an empty timeline has no segments")
        index = bisect.bisect_right(self._segment_starts, ms) - 1
        return self.segments[max(0, min(index, len(self.segments) - 1))]

    def phases_of(self, segment: Segment) -> tuple[int, ...]:
        """The indices of the phases of ``segment``'s repetition (its side too), in order;
        empty for a segment that is not a phase."""
        if segment.kind != "work" or segment.phase is None:
            return ()
        step = self.steps[segment.step]
        return tuple(
            s.index
            for s in self.segments[step.first_segment : step.last_segment + 1]
            if s.kind == "work" and s.rep == segment.rep and s.side == segment.side
        )

    def first_cue_after(self, order: tuple[int, int]) -> int:
        """The index of the first cue that comes after ``(at_ms, segment)``."""
        return bisect.bisect_right(self._cue_orders, order)

    def first_cue_from(self, order: tuple[int, int]) -> int:
        """The index of the first cue at or after ``(at_ms, segment)``."""
        return bisect.bisect_left(self._cue_orders, order)


def ranged_counts(routine: Routine) -> list[tuple[str, Count]]:
    """Every repetition or set count a person may choose, with the step it belongs to."""
    found: list[tuple[str, Count]] = []

    def visit(steps: Sequence[Step]) -> None:
        for step in steps:
            if isinstance(step, Exercise) and step.reps and step.reps.is_choice:
                found.append((step.exercise, step.reps))
            elif isinstance(step, Block):
                if step.sets.is_choice:
                    found.append((step.block, step.sets))
                visit(step.steps)

    visit(routine.steps)
    return found


def check_choices(routine: Routine, choices: Choices) -> None:
    """Raise ChoiceError when a choice is outside what the routine allows."""
    if choices.reps is None:
        return
    counts = ranged_counts(routine)
    if not counts:
        raise ChoiceError(
            # TRANSLATORS: an error for --reps or the reps setting; {title} is the routine's
            _("'{title}' has no repetitions to choose: every count in it is fixed").format(
                title=routine.title
            )
        )
    for name, count in counts:
        if not count.low <= choices.reps <= count.high:
            # TRANSLATORS: an error for --reps or the reps setting; {step} is a step's name
            wrong = _(
                "{reps} repetitions is outside {low} to {high} for '{step}'; choose a number "
                "in that range"
            )
            raise ChoiceError(
                wrong.format(reps=choices.reps, low=count.low, high=count.high, step=name)
            )
