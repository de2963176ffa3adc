"""From a routine and the person's choices to a timeline: every segment and cue in place.

The timeline is immutable and pure. Every segment (lead-in, repetition, phase, side,
switch pause, rest) and every cue (announce, next up, halfway, countdown, switch
sides, rep count, phase, custom words) sits at an absolute offset in whole
milliseconds from the start. The engine only ever asks it questions.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from player.routine.model import (
    LYING_ON_BACK,
    Block,
    CueSwitches,
    CustomCue,
    Exercise,
    Instruction,
    Phase,
    Rest,
    Routine,
    Step,
    step_name,
)
from player.routine.values import DEFAULT_COUNTDOWN_S, Count, WeekRange, spoken_duration

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

HALFWAY_FROM_MS = 20_000
NEXT_UP_FROM_MS = 20_000
NEXT_UP_BEFORE_END_MS = 10_000
MIN_ADJUSTED_MS = 1_000
WORDS_PER_SECOND = 2.5
"""An unhurried pace for reading and acting on words: used to size preparations."""
SPEAKING_WORDS_PER_SECOND = 2.75
"""The voice's own pace (165 words a minute): used to keep cues from cutting each other off."""
INSTRUCTION_MIN_MS = 5_000
PREPARE_MIN_MS = 3_000


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


class ChoiceError(ValueError):
    """A choice the routine does not allow, such as 12 repetitions of a 5-to-10 step."""


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
    replaces: str | None = None
    """The name of the lying-on-back step this one is played in place of."""

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

    def first_cue_after(self, order: tuple[int, int]) -> int:
        """The index of the first cue that comes after ``(at_ms, segment)``."""
        return bisect.bisect_right(self._cue_orders, order)

    def first_cue_from(self, order: tuple[int, int]) -> int:
        """The index of the first cue at or after ``(at_ms, segment)``."""
        return bisect.bisect_left(self._cue_orders, order)


def _switches(*layers: CueSwitches | None) -> dict[str, int]:
    merged: dict[str, int] = {
        "announce": 1,
        "next_up": 1,
        "halfway": 1,
        "countdown": DEFAULT_COUNTDOWN_S,
        "switch_sides": 1,
        "rep_count": 1,
        "phases": 1,
    }
    for layer in layers:
        if layer is None:
            continue
        for name, value in layer.model_dump().items():
            if value is not None:
                merged[name] = int(value)
    return merged


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
            f"'{routine.title}' has no repetitions to choose: every count in it is fixed"
        )
    for name, count in counts:
        if not count.low <= choices.reps <= count.high:
            raise ChoiceError(
                f"{choices.reps} repetitions is outside {count.low} to {count.high} for "
                f"'{name}'; choose a number in that range"
            )


def _chosen(count: Count | None, choices: Choices) -> int:
    if count is None:
        return 1
    if count.is_choice and choices.reps is not None:
        return choices.reps
    return count.default


def _fill(text: str, values: Mapping[str, object]) -> str:
    return text.format_map({k: ("" if v is None else v) for k, v in values.items()})


def _join(parts: Sequence[str]) -> str:
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out:
            out += " " if out[-1] in ".!?:" else ". "
        out += part
    return out


_CueAdder = Callable[[int, str, CueKind], None]


@dataclass
class _Pending:
    """A step span being built, with what its cues need to know."""

    span: StepSpan
    source: Step | None
    switches: dict[str, int]
    side_starts: list[tuple[str | None, int, int]] = field(default_factory=list)
    """(side, start, end) of each side; one entry with no side for one-sided steps."""
    rep_starts: list[tuple[str | None, int, int]] = field(default_factory=list)
    """(side, start, end) of each repetition."""
    work: list[Segment] = field(default_factory=list)
    """The work segments (repetitions and phases) of an exercise, in order."""


@dataclass
class _RawCue:
    at_ms: int
    text: str
    kind: CueKind
    step: int


class _Compiler:
    def __init__(self, routine: Routine, choices: Choices) -> None:
        self.routine = routine
        self.choices = choices
        self.now = 0
        self.segments: list[Segment] = []
        self.pending: list[_Pending] = []

    # -- segments -------------------------------------------------------------------------

    def segment(
        self,
        kind: SegmentKind,
        duration_ms: int,
        step: int,
        *,
        rep: int = 0,
        reps: int = 0,
        side: str | None = None,
        phase: str | None = None,
    ) -> Segment:
        index = len(self.segments)
        if kind != "wait":
            extra = self.choices.extra_ms.get(index, 0)
            duration_ms = max(MIN_ADJUSTED_MS, duration_ms + extra)
        made = Segment(index, kind, self.now, duration_ms, step, rep, reps, side, phase)
        self.segments.append(made)
        self.now += duration_ms
        return made

    def begin(
        self,
        kind: StepKind,
        name: str,
        source: Step | None,
        switches: dict[str, int],
        *,
        do: str | None = None,
        picture: str | None = None,
        set_info: tuple[int, int, str | None] = (0, 0, None),
        **extra: object,
    ) -> _Pending:
        span = StepSpan(
            index=len(self.pending),
            kind=kind,
            name=name,
            do=do,
            picture=picture,
            start_ms=self.now,
            end_ms=self.now,
            first_segment=len(self.segments),
            last_segment=len(self.segments),
            set=set_info[0],
            sets=set_info[1],
            block=set_info[2],
            **extra,  # type: ignore[arg-type]
        )
        pending = _Pending(span, source, switches)
        self.pending.append(pending)
        return pending

    def end(self, pending: _Pending) -> None:
        pending.span = replace(pending.span, end_ms=self.now, last_segment=len(self.segments) - 1)

    # -- steps ----------------------------------------------------------------------------

    def lead_in(self) -> None:
        duration = (
            self.routine.lead_in if self.choices.lead_in_ms is None else self.choices.lead_in_ms
        )
        if duration <= 0:
            return
        switches = _switches(self.routine.cues)
        pending = self.begin("lead_in", "Get ready", None, switches)
        self.segment("lead_in", duration, pending.span.index)
        self.end(pending)

    def in_place_of(self, step: Step, weeks: WeekRange | None) -> tuple[Step, dict[str, object]]:
        """The step to play (its alternative, when lying on the back is to be avoided), and
        what the played step should carry: the weeks it suits, and what it replaces."""
        if isinstance(step, Block):
            return step, {}
        facts: dict[str, object] = {"weeks": step.suits.week_range if step.suits else weeks}
        other = step.alternative
        if self.choices.avoid_lying_on_back and step.position == LYING_ON_BACK and other:
            facts["replaces"] = step_name(step)
            if other.suits:
                facts["weeks"] = other.suits.week_range
            return other, facts
        return step, facts

    def steps(
        self,
        steps: Sequence[Step],
        layers: tuple[CueSwitches | None, ...],
        set_info: tuple[int, int, str | None],
        weeks: WeekRange | None = None,
    ) -> None:
        for written in steps:
            step, facts = self.in_place_of(written, weeks)
            if isinstance(step, Block):
                self.block(step, layers, set_info, step.suits.week_range if step.suits else weeks)
            elif isinstance(step, Exercise):
                self.exercise(step, _switches(*layers, step.cues), set_info, facts)
            elif isinstance(step, Rest):
                pending = self.begin(
                    "rest",
                    step.name,
                    step,
                    _switches(*layers, step.cues),
                    do=step.do,
                    picture=step.picture,
                    set_info=set_info,
                    position=step.position,
                    **facts,
                )
                start = self.segment("rest", step.rest, pending.span.index).start_ms
                pending.side_starts.append((None, start, self.now))
                pending.rep_starts.append((None, start, self.now))
                self.end(pending)
            elif isinstance(step, Instruction):
                pending = self.begin(
                    "instruction",
                    step.name,
                    step,
                    _switches(*layers, step.cues),
                    do=step.instruction,
                    picture=step.picture,
                    set_info=set_info,
                    position=step.position,
                    **facts,
                )
                duration = step.time or max(INSTRUCTION_MIN_MS, _reading_ms(step.instruction))
                start = self.segment("instruction", duration, pending.span.index).start_ms
                pending.side_starts.append((None, start, self.now))
                pending.rep_starts.append((None, start, self.now))
                self.end(pending)
            else:
                raise TypeError(f"a '{type(step).__name__}' step must be resolved before playing")

    def block(
        self,
        block: Block,
        layers: tuple[CueSwitches | None, ...],
        outer: tuple[int, int, str | None],
        weeks: WeekRange | None,
    ) -> None:
        sets = _chosen(block.sets, self.choices)
        inner_layers = (*layers, block.cues)
        for number in range(1, sets + 1):
            self.steps(block.steps, inner_layers, (number, sets, block.block), weeks)
            if number < sets and block.rest:
                pending = self.begin(
                    "set_rest",
                    "Rest",
                    None,
                    _switches(*inner_layers),
                    set_info=(number, sets, block.block),
                )
                start = self.segment("rest", block.rest, pending.span.index).start_ms
                pending.side_starts.append((None, start, self.now))
                self.end(pending)

    def exercise(
        self,
        step: Exercise,
        switches: dict[str, int],
        set_info: tuple[int, int, str | None],
        facts: dict[str, object],
    ) -> None:
        reps = _chosen(step.reps, self.choices)
        sides: tuple[str | None, ...] = step.sides or (None,)
        pending = self.begin(
            "exercise",
            step.exercise,
            step,
            switches,
            do=step.do,
            picture=step.picture,
            set_info=set_info,
            waits_for_done=step.waits_for_done,
            reps=reps,
            sides=step.sides,
            position=step.position,
            **facts,
        )
        index = pending.span.index
        prepare = self.prepare_ms(step, pending)
        if prepare:
            self.segment("prepare", prepare, index)
        for number, side in enumerate(sides):
            if number > 0:
                self.segment("switch", step.switch, index, side=side)
            side_start = self.now
            if step.waits_for_done:
                self.segment("wait", 0, index, reps=reps, side=side)
            else:
                for rep in range(1, reps + 1):
                    rep_start = self.now
                    for phase in step.phases or (None,):
                        duration = phase.time if phase else step.time
                        assert duration is not None
                        made = self.segment(
                            "work",
                            duration,
                            index,
                            rep=rep if reps > 1 else 0,
                            reps=reps if reps > 1 else 0,
                            side=side,
                            phase=phase.name if phase else None,
                        )
                        pending.work.append(made)
                    pending.rep_starts.append((side, rep_start, self.now))
            pending.side_starts.append((side, side_start, self.now))
        self.end(pending)

    def prepare_ms(self, step: Exercise, pending: _Pending) -> int:
        """Time to get into position while the step is announced."""
        if step.prepare is not None:
            return step.prepare
        if self.routine.prepare is not None:
            return self.routine.prepare
        if not pending.switches["announce"]:
            return 0
        return max(PREPARE_MIN_MS, _reading_ms(self.announcement(pending, None), pad_ms=1000))

    # -- cues -----------------------------------------------------------------------------

    def cues(self) -> list[Cue]:
        raw: list[_RawCue] = []
        spans = [p.span for p in self.pending]
        for position, pending in enumerate(self.pending):
            following = next(
                (s for s in spans[position + 1 :] if s.kind not in ("rest", "set_rest")), None
            )
            raw.extend(self.cues_for(pending, following, spans[position + 1 :]))
        return self.merged(raw)

    def cues_for(
        self, pending: _Pending, following: StepSpan | None, later: Sequence[StepSpan]
    ) -> list[_RawCue]:
        return _clear_countdowns(self.cues_in_step(pending, following, later))

    def cues_in_step(
        self, pending: _Pending, following: StepSpan | None, later: Sequence[StepSpan]
    ) -> list[_RawCue]:
        span, on = pending.span, pending.switches
        out: list[_RawCue] = []

        def cue(at_ms: int, text: str, kind: CueKind) -> None:
            if text.strip():
                out.append(_RawCue(at_ms, text, kind, span.index))

        next_name = following.name if following else None
        if span.kind == "lead_in":
            first = following.name if following else ""
            cue(
                span.start_ms,
                _join([self.routine.title, "Get ready", f"First: {first}"]),
                "get_ready",
            )
            self.countdown(cue, on, span.start_ms, span.end_ms)
            return out
        if span.kind == "set_rest":
            upcoming = next(iter(later), None)
            words = [f"Rest for {spoken_duration(span.duration_ms)}"]
            if on["next_up"] and upcoming is not None:
                words.append(f"Next: set {span.set + 1} of {span.sets}, {upcoming.name}")
            if on["announce"]:
                cue(span.start_ms, _join(words), "announce")
            self.countdown(cue, on, span.start_ms, span.end_ms)
            return out

        values: dict[str, object] = {
            "step": span.name,
            "next": next_name or "",
            "set": span.set or "",
            "sets": span.sets or "",
            "reps": span.reps or "",
            "rep": "",
            "side": "",
        }
        if span.sets > 1 and self.first_of_set(span):
            cue(span.start_ms, f"Set {span.set} of {span.sets}", "announce")
        if on["announce"]:
            cue(
                span.start_ms,
                self.announcement(pending, next_name if on["next_up"] else None),
                "announce",
            )
        source = pending.source
        if isinstance(source, Exercise):
            self.exercise_cues(pending, cue, values)
        if span.kind == "rest":
            self.countdown(cue, on, span.start_ms, span.end_ms)
        if (
            on["next_up"]
            and next_name
            and span.kind == "exercise"
            and not span.waits_for_done
            and span.duration_ms >= NEXT_UP_FROM_MS
        ):
            cue(span.end_ms - NEXT_UP_BEFORE_END_MS, f"Next up: {next_name}", "next_up")
        own: tuple[CustomCue, ...] = getattr(source, "say", ())
        for custom in own:
            starts = pending.rep_starts if custom.each == "rep" else pending.side_starts
            for number, (side, start, _end) in enumerate(starts, start=1):
                rep = ((number - 1) % max(span.reps, 1)) + 1 if custom.each == "rep" else ""
                filled = _fill(custom.say, {**values, "rep": rep, "side": side or ""})
                cue(start + custom.at, filled, "custom")
        return out

    def first_of_set(self, span: StepSpan) -> bool:
        before = self.pending[span.index - 1].span if span.index > 0 else None
        return before is None or before.set != span.set or before.block != span.block

    def announcement(self, pending: _Pending, next_name: str | None) -> str:
        span = pending.span
        if span.kind == "rest":
            words = [f"{span.name} for {spoken_duration(span.duration_ms)}", span.do or ""]
            if next_name:
                words.append(f"Next up: {next_name}")
            return _join(words)
        if span.kind == "instruction":
            return _join([span.do or ""])
        words = [span.name]
        if span.sides:
            words.append(f"{span.sides[0].capitalize()} side first")
        if span.reps > 1:
            words.append(f"{span.reps} times")
        if span.set <= 1:
            words.append(span.do or "")  # in later sets the name is enough
        if span.waits_for_done:
            words.append("Press done when you have finished")
        return _join(words)

    def exercise_cues(self, pending: _Pending, cue: _CueAdder, values: dict[str, object]) -> None:
        span, on = pending.span, pending.switches
        source = pending.source
        assert isinstance(source, Exercise)
        prepared = any(
            s.kind == "prepare" for s in self.segments[span.first_segment : span.first_segment + 1]
        )
        if prepared and not source.phases and pending.side_starts:
            side, start, _end = pending.side_starts[0]
            cue(start, f"Start with the {side} side" if side else "Start", "announce")
        for number, (side, start, end) in enumerate(pending.side_starts):
            if number > 0 and on["switch_sides"] and side:
                switch_start = start - source.switch
                cue(switch_start, f"Switch sides. {side.capitalize()} side next", "switch_sides")
                cue(start, f"{side.capitalize()} side", "switch_sides")
            if span.waits_for_done:
                continue
            if (
                on["halfway"]
                and span.reps <= 1
                and not source.phases
                and end - start >= HALFWAY_FROM_MS
            ):
                cue(start + (end - start) // 2000 * 1000, "Halfway", "halfway")
            # Counted down over the last segment only, so it never talks over reps or phases.
            last = next(s for s in reversed(pending.work) if s.end_ms == end)
            self.countdown(cue, on, last.start_ms, end)
        rep_starts = {start for _side, start, _end in pending.rep_starts}
        for segment in pending.work:
            if segment.start_ms in rep_starts and segment.rep > 1 and on["rep_count"]:
                cue(segment.start_ms, f"{segment.rep} of {segment.reps}", "rep_count")
            if segment.phase is not None and on["phases"]:
                phase = self.phase_named(source.phases, segment.phase)
                said = phase.say if phase and phase.say else segment.phase
                filled = _fill(
                    said, {**values, "rep": segment.rep or 1, "side": segment.side or ""}
                )
                cue(segment.start_ms, filled, "phase")

    @staticmethod
    def phase_named(phases: tuple[Phase, ...] | None, name: str) -> Phase | None:
        return next((p for p in phases or () if p.name == name), None)

    @staticmethod
    def countdown(cue: _CueAdder, on: dict[str, int], start: int, end: int) -> None:
        seconds = on["countdown"]
        if seconds <= 0 or end - start < (seconds + 3) * 1000:
            return
        for remaining in range(seconds, 0, -1):
            cue(end - remaining * 1000, str(remaining), "countdown")

    def merged(self, raw: list[_RawCue]) -> list[Cue]:
        """One cue per moment of a step: words due together are said as one sentence."""
        spans = [p.span for p in self.pending]
        groups: dict[tuple[int, int, int], list[_RawCue]] = {}
        for item in raw:
            segment = self.segment_in(spans[item.step], item.at_ms, item.kind)
            groups.setdefault((item.at_ms, item.step, segment), []).append(item)
        cues: list[Cue] = []
        for (at_ms, step, segment), items in groups.items():
            top = max(items, key=lambda c: PRIORITY[c.kind])
            kinds = "+".join(sorted({c.kind for c in items}))
            cues.append(
                Cue(
                    key=f"{segment}@{at_ms - self.segments[segment].start_ms}:{kinds}",
                    at_ms=at_ms,
                    text=_join([c.text for c in items]),
                    kind=top.kind,
                    priority=PRIORITY[top.kind],
                    step=step,
                    segment=segment,
                )
            )
        cues.sort(key=lambda c: c.order)
        return cues

    def segment_in(self, span: StepSpan, at_ms: int, kind: CueKind) -> int:
        """The segment a cue belongs to. A waiting segment keeps the cues due at its start,
        but not the call to switch sides, which comes once the person has said done."""
        for index in range(span.first_segment, span.last_segment + 1):
            segment = self.segments[index]
            if segment.kind == "wait":
                if segment.start_ms == at_ms and kind != "switch_sides":
                    return index
            elif segment.start_ms <= at_ms < segment.end_ms:
                return index
        return span.last_segment


def _speaking_ms(text: str) -> int:
    """About how long the voice takes to say ``text``."""
    return math.ceil(len(text.split()) / SPEAKING_WORDS_PER_SECOND * 1000)


def _clear_countdowns(cues: list[_RawCue]) -> list[_RawCue]:
    """Leave out countdown numbers that would cut off words still being said before them."""
    kept: list[_RawCue] = []
    said_until = 0
    for item in sorted(cues, key=lambda c: c.at_ms):
        if item.kind == "countdown":
            if item.at_ms >= said_until:
                kept.append(item)
            continue
        kept.append(item)
        said_until = max(said_until, item.at_ms + _speaking_ms(item.text))
    return kept


def _reading_ms(text: str, pad_ms: int = 3000) -> int:
    """Time to say ``text`` aloud at an unhurried pace, and ``pad_ms`` to act on it."""
    words = len(text.split())
    return math.ceil(words / WORDS_PER_SECOND) * 1000 + pad_ms


def compile_timeline(routine: Routine, choices: Choices | None = None) -> Timeline:
    """The whole session as a timeline. Raises ChoiceError for a choice out of range."""
    choices = choices or Choices()
    check_choices(routine, choices)
    compiler = _Compiler(routine, choices)
    compiler.lead_in()
    compiler.steps(routine.steps, (routine.cues,), (0, 0, None))
    cues = compiler.cues()
    return Timeline(
        title=routine.title,
        segments=tuple(compiler.segments),
        steps=tuple(p.span for p in compiler.pending),
        cues=tuple(cues),
        total_ms=compiler.now,
        reps_chosen=choices.reps,
    )
