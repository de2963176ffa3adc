"""The segments of a timeline: each step laid out in time, one stretch after another.

``SegmentBuilder`` walks a routine's steps (blocks once per set, a lying-on-back step's
alternative where the week asks for it) and lays down every segment: the lead-in, the
time to get into position, each repetition and phase, each side and the pause to switch,
rests and instructions. It keeps, for each step, what its cues will need to know
(``PendingStep``); ``cues`` then places the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from player.language import _, pgettext
from player.playback.announcements import (
    announcement,
    join_words,
    reading_ms,
    set_words,
    speaking_ms,
)
from player.playback.timeline import (
    MAX_SEGMENTS,
    MAX_SESSION_MS,
    Choices,
    Segment,
    SegmentKind,
    SessionTooLong,
    StepKind,
    StepSpan,
)
from player.routine.model import (
    LYING_ON_BACK,
    Block,
    CueSwitches,
    Exercise,
    Instruction,
    Rest,
    Routine,
    Step,
    step_name,
)
from player.routine.values import DEFAULT_COUNTDOWN_S, Count, WeekRange, format_duration

MIN_ADJUSTED_MS = 1_000
"""The shortest a segment can be made by taking time from it."""
INSTRUCTION_MIN_MS = 5_000
PREPARE_MIN_MS = 3_000


def cue_switches(*layers: CueSwitches | None) -> dict[str, int]:
    """Which cues are on (1) or off (0), and how many seconds are counted down: the
    defaults, then each layer given (routine, block, step) in turn."""
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
        for name, value in layer.__dict__.items():  # its fields, without copying them
            if value is not None:
                merged[name] = int(value)
    return merged


def chosen_count(count: Count | None, choices: Choices) -> int:
    """The number of repetitions or sets played: the person's choice where the count is a
    range, else the count's own."""
    if count is None:
        return 1
    if count.is_choice and choices.reps is not None:
        return choices.reps
    return count.default


@dataclass
class PendingStep:
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


def shown_name(name: str) -> str:
    """A step's name as shown and said: the names the format gives a rest and an
    instruction that have none of their own, in the language in use."""
    if name == Rest.model_fields["name"].default:
        return pgettext("step name", "Rest")
    if name == Instruction.model_fields["name"].default:
        # TRANSLATORS: the name of a step that tells the person what to do, such as kneel
        return pgettext("step name", "Get into position")
    return name


class SegmentBuilder:
    """Lays a routine's steps out in time; ``segments`` and ``pending`` are the result."""

    def __init__(
        self, routine: Routine, choices: Choices, paced: Sequence[int] | None = None
    ) -> None:
        self.routine = routine
        self.choices = choices
        self.paced = paced
        """The planned length of each segment, when another timeline sets them: that of
        the routine as written, for its words in another language (``compile_timeline``)."""
        self.now = 0
        self.segments: list[Segment] = []
        self.pending: list[PendingStep] = []
        self.lead_in_ms = 0
        """The get-ready before the first step, which the session's bound leaves out."""

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
        if self.paced is not None and index < len(self.paced):
            duration_ms = self.paced[index]
        planned_ms = duration_ms
        if kind != "wait":
            extra = self.choices.extra_ms.get(index, 0)
            duration_ms = max(MIN_ADJUSTED_MS, duration_ms + extra)
        made = Segment(index, kind, self.now, duration_ms, step, rep, reps, side, phase, planned_ms)
        self.segments.append(made)
        self.now += duration_ms
        if self.now - self.lead_in_ms > MAX_SESSION_MS:
            raise SessionTooLong(
                f"the session would last more than {format_duration(MAX_SESSION_MS)}, the "
                "longest a session may be"
            )
        if len(self.segments) > MAX_SEGMENTS:
            raise SessionTooLong(
                f"the session would have more than {MAX_SEGMENTS} parts (repetitions, "
                "phases, sides and rests), the most a session may have"
            )
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
    ) -> PendingStep:
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
        pending = PendingStep(span, source, switches)
        self.pending.append(pending)
        return pending

    def end(self, pending: PendingStep) -> None:
        pending.span = replace(pending.span, end_ms=self.now, last_segment=len(self.segments) - 1)

    # -- steps ----------------------------------------------------------------------------

    def lead_in(self) -> None:
        duration = (
            self.routine.lead_in if self.choices.lead_in_ms is None else self.choices.lead_in_ms
        )
        if self.choices.opening:  # the time it takes to say, before the get-ready's own
            duration += speaking_ms(self.choices.opening, self.choices.words_per_minute)
        if duration <= 0:
            return
        switches = cue_switches(self.routine.cues)
        # TRANSLATORS: the name of the get-ready before the first step, shown and kept in
        # the history
        pending = self.begin("lead_in", _("Get ready"), None, switches)
        self.lead_in_ms = self.segment("lead_in", duration, pending.span.index).duration_ms
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
        where: tuple[str | int, ...] = ("steps",),
    ) -> None:
        for index, written in enumerate(steps):
            step, facts = self.in_place_of(written, weeks)
            facts["path"] = (*where, index, *(("alternative",) if step is not written else ()))
            if isinstance(step, Block):
                block_weeks = step.suits.week_range if step.suits else weeks
                self.block(step, layers, set_info, block_weeks, (*where, index))
            elif isinstance(step, Exercise):
                self.exercise(step, cue_switches(*layers, step.cues), set_info, facts)
            elif isinstance(step, Rest):
                pending = self.begin(
                    "rest",
                    shown_name(step.name),
                    step,
                    cue_switches(*layers, step.cues),
                    do=step.do,
                    picture=step.picture,
                    figure=step.figure,
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
                    shown_name(step.name),
                    step,
                    cue_switches(*layers, step.cues),
                    do=step.instruction,
                    picture=step.picture,
                    figure=step.figure,
                    set_info=set_info,
                    position=step.position,
                    **facts,
                )
                rate = self.choices.words_per_minute
                reading = reading_ms(step.instruction, words_per_minute=rate)
                duration = step.time or max(INSTRUCTION_MIN_MS, reading)
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
        where: tuple[str | int, ...],
    ) -> None:
        sets = chosen_count(block.sets, self.choices)
        inner_layers = (*layers, block.cues)
        for number in range(1, sets + 1):
            set_info = (number, sets, block.block)
            self.steps(block.steps, inner_layers, set_info, weeks, (*where, "steps"))
            if number < sets and block.rest:
                pending = self.begin(
                    "set_rest",
                    # TRANSLATORS: the name of the rest between two sets of a block, shown
                    # as a step's name and kept in the history
                    pgettext("step name", "Rest"),
                    None,
                    cue_switches(*inner_layers),
                    set_info=set_info,
                    path=(*where, "rest"),
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
        reps = chosen_count(step.reps, self.choices)
        sides: tuple[str | None, ...] = step.sides or (None,)
        pending = self.begin(
            "exercise",
            step.exercise,
            step,
            switches,
            do=step.do,
            picture=step.picture,
            figure=step.figure,
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

    def prepare_ms(self, step: Exercise, pending: PendingStep) -> int:
        """Time to get into position while the step is announced."""
        if step.prepare is not None:
            return step.prepare
        if self.routine.prepare is not None:
            return self.routine.prepare
        if not pending.switches["announce"]:
            return 0
        opening = announcement(pending.span, None)
        if pending.span.sets > 1 and first_of_set(self.pending, pending.span):
            opening = join_words([set_words(pending.span), opening])
        rate = self.choices.words_per_minute
        return max(PREPARE_MIN_MS, reading_ms(opening, pad_ms=1000, words_per_minute=rate))


def first_of_set(pending: Sequence[PendingStep], span: StepSpan) -> bool:
    """Whether ``span`` opens a set of its block (and "Set 2 of 3" is said with it)."""
    before = pending[span.index - 1].span if span.index > 0 else None
    return before is None or before.set != span.set or before.block != span.block
