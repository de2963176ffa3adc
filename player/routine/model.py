"""The routine as typed values: what a routine file means once it has been read.

These models are the single description of the file format: the loader validates
against them, and ``python run.py schema`` turns them into a JSON Schema for editors, with
the words an editor shows for each key from ``editor_text``. They hold data only; nothing
here reads files or the clock.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from player.routine.editor_text import describe_for_editors
from player.routine.value_types import (
    LYING_ON_BACK as LYING_ON_BACK,
)
from player.routine.value_types import (
    Countdown,
    CountValue,
    Duration,
    LanguageTag,
    Pause,
    Position,
    Sides,
    Switch,
    Trimesters,
    Weeks,
    told,
)
from player.routine.values import Count, WeekRange, check_placeholders, describe

Text = Annotated[str, Field(min_length=1)]

DEFAULT_SWITCH_MS = 5_000
DEFAULT_LEAD_IN_MS = 10_000


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=describe_for_editors)

    @field_validator("*", mode="before")
    @classmethod
    def _written_out(cls, value: Any, info: ValidationInfo) -> Any:
        """A key written with nothing after it: the key may be left out, but not empty."""
        if value is None and info.field_name is not None:
            if cls.model_fields[info.field_name].is_required():
                raise ValueError(f"write a value after '{info.field_name}:'")
            raise ValueError(f"write a value after '{info.field_name}:', or remove the key")
        return value


class Suits(_Strict):
    """Who a routine or step suits. Give weeks or trimesters, not both."""

    weeks: Weeks | None = None
    trimesters: Trimesters | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_range(self) -> Suits:
        if self.weeks is not None and self.trimesters is not None:
            raise ValueError("give weeks or trimesters, not both")
        return self

    @property
    def week_range(self) -> WeekRange | None:
        return self.weeks or self.trimesters

    def describe(self) -> str:
        weeks = self.week_range
        parts = [weeks.describe()] if weeks else []
        if self.note:
            parts.append(self.note)
        return "; ".join(parts) or "any time"


class RoutineSuits(Suits):
    """Who a whole routine suits: a step's ``suits`` and, besides, whether the routine is
    still suitable for someone a doctor or midwife advised not to exercise."""

    advised_against_exercise: Switch = False
    """True for a routine that is no exercise (a massage, warmth) and whose sources give it
    apart from exercise: the player still plays it to someone who said she was advised not
    to exercise. Every other routine is exercise, and is not played to her."""


ADDRESS = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$"
"""A web address a reader can open: http or https, a host with a dot, no spaces."""


def _web_address(value: object) -> object:
    if isinstance(value, str) and len(value) <= 500 and re.fullmatch(ADDRESS, value):
        return value
    raise ValueError(
        f"{describe(value)} is not a web address; write it in full, such as "
        "https://www.nhs.uk/pregnancy/keeping-well/exercise/"
    )


FIRST_YEAR, LAST_YEAR = 1800, 2100


def _year(value: object) -> object:
    whole = isinstance(value, int) and not isinstance(value, bool)
    if whole and isinstance(value, int) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    raise ValueError(
        f"{describe(value)} is not a year a document was published in; write one such as "
        f"2020 (from {FIRST_YEAR} to {LAST_YEAR})"
    )


Year = Annotated[
    int,
    BeforeValidator(_year),
    WithJsonSchema(
        told(
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            "Write the year it was published, such as 2020.",
        )
    ),
]


Address = Annotated[
    str,
    BeforeValidator(_web_address),
    WithJsonSchema(
        told(
            {"type": "string", "pattern": ADDRESS, "maxLength": 500},
            "Write the web address in full, starting https://.",
        )
    ),
]


class Source(_Strict):
    """Where a routine's advice comes from, written so a reader can find it: a title, who
    wrote or published it, its year, the section followed, and its address."""

    title: Text
    authors: Text | None = None
    publisher: Text | None = None
    year: Year | None = None
    section: Text | None = None
    address: Address | None = None
    about: Text | None = None
    """What the routine takes from it."""

    @model_validator(mode="before")
    @classmethod
    def _a_mapping(cls, value: Any) -> Any:
        if isinstance(value, str):
            raise ValueError(
                "write a source as a mapping a reader can follow: title:, then authors: or "
                "publisher:, year:, section: and address: where there are ones"
            )
        return value


class CueSwitches(_Strict):
    """Which automatic cues speak. Left out means: as the routine (or the player) says."""

    announce: Switch | None = None
    next_up: Switch | None = None
    halfway: Switch | None = None
    countdown: Countdown | None = None
    switch_sides: Switch | None = None
    rep_count: Switch | None = None
    phases: Switch | None = None


class CustomCue(_Strict):
    """Words of your own, spoken at a moment of each side (or of each repetition)."""

    at: Duration
    say: Text
    each: Literal["side", "rep"] = "side"

    @field_validator("say")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        return check_placeholders(value)


def _check_cue_offsets(cues: tuple[CustomCue, ...], rep_ms: int, side_ms: int) -> None:
    for index, cue in enumerate(cues):
        span = rep_ms if cue.each == "rep" else side_ms
        if cue.at >= span:
            raise ValueError(
                f"say[{index}] is at {cue.at / 1000:g}s, but each {cue.each} lasts only "
                f"{span / 1000:g}s; give it an earlier 'at'"
            )


class Phase(_Strict):
    """One part of a repetition, such as 'Squeeze' for 5s then 'Relax' for 5s."""

    name: Text
    time: Duration
    say: str | None = None

    @field_validator("say")
    @classmethod
    def _placeholders(cls, value: str | None) -> str | None:
        return None if value is None else check_placeholders(value)


class _StepBase(_Strict):
    do: str | None = None
    picture: str | None = None
    figure: str | None = None
    """A bundled figure that moves with the session (``player.routine.figures``)."""
    cues: CueSwitches = Field(default_factory=CueSwitches)
    say: tuple[CustomCue, ...] = ()
    position: Position | None = None
    suits: Suits | None = None
    alternative: AlternativeStep | None = None

    @field_validator("alternative")
    @classmethod
    def _alternative_fits(cls, other: _StepBase | None, info: ValidationInfo) -> _StepBase | None:
        if other is None:
            return other
        if info.data.get("position") != LYING_ON_BACK:
            raise ValueError(
                "'alternative' replaces a step done lying on the back; give this step "
                f"position: {LYING_ON_BACK}, or remove its alternative"
            )
        if other.position == LYING_ON_BACK:
            raise ValueError(
                "the alternative is played when lying on the back is not advised, so it "
                "cannot be lying on the back too; give it position: side-lying"
            )
        if other.alternative is not None:
            raise ValueError("an alternative cannot have an alternative of its own")
        return other


class Exercise(_StepBase):
    """A step to do: timed, counted in repetitions, in phases, on both sides."""

    exercise: Text
    time: Duration | None = None
    reps: CountValue | None = None
    phases: tuple[Phase, ...] | None = Field(None, min_length=1)
    sides: Sides = ()
    switch: Duration = DEFAULT_SWITCH_MS
    prepare: Pause | None = None

    @model_validator(mode="after")
    def _time_or_phases(self) -> Exercise:
        if self.time is not None and self.phases is not None:
            raise ValueError("give time or phases, not both: phases already set the time")
        return self

    @property
    def waits_for_done(self) -> bool:
        """With neither time nor phases, the step lasts until the person says done."""
        return self.time is None and self.phases is None

    @property
    def rep_ms(self) -> int | None:
        """How long one repetition lasts (the whole side when there are no reps)."""
        if self.phases is not None:
            return sum(phase.time for phase in self.phases)
        return self.time

    @model_validator(mode="after")
    def _own_cues_fit(self) -> Exercise:
        rep_ms = self.rep_ms
        if rep_ms is None:
            if self.say:
                raise ValueError(
                    "this step waits for done, so it has no clock for 'say' cues at a time; "
                    "give it a time or phases, or move the words into 'do'"
                )
            return self
        fewest_reps = self.reps.low if self.reps else 1
        _check_cue_offsets(self.say, rep_ms, rep_ms * fewest_reps)
        return self


class Rest(_StepBase):
    """A pause between steps."""

    rest: Duration
    name: Text = "Rest"

    @model_validator(mode="after")
    def _own_cues_fit(self) -> Rest:
        _check_cue_offsets(self.say, self.rest, self.rest)
        return self


class Instruction(_StepBase):
    """Words read out, such as how to get into position."""

    instruction: Text
    name: Text = "Get into position"
    time: Duration | None = None

    @model_validator(mode="after")
    def _own_cues_fit(self) -> Instruction:
        if self.say and self.time is None:
            raise ValueError("give the instruction a time so that its 'say' cues have a place")
        if self.time is not None:
            _check_cue_offsets(self.say, self.time, self.time)
        return self


class UseExercise(_StepBase):
    """An exercise defined under 'exercises' (here or in an included file), with changes."""

    use: Text
    exercise: Text | None = None
    time: Duration | None = None
    reps: CountValue | None = None
    phases: tuple[Phase, ...] | None = Field(None, min_length=1)
    sides: Sides | None = None
    switch: Duration | None = None
    prepare: Pause | None = None


class Block(_Strict):
    """Steps done as a set, repeated, with a rest between sets (none after the last)."""

    block: Text
    sets: CountValue = Field(default_factory=lambda: Count(1, 1, 1))
    rest: Duration | None = None
    steps: tuple[Step, ...] = Field(min_length=1)
    cues: CueSwitches = Field(default_factory=CueSwitches)
    suits: Suits | None = None


STEP_KINDS = ("exercise", "rest", "instruction", "block", "use")


def step_name(step: _StepBase | Block) -> str:
    """The name a step is shown and announced by."""
    if isinstance(step, Block):
        return step.block
    if isinstance(step, Exercise):
        return step.exercise
    if isinstance(step, UseExercise):
        return step.exercise or step.use
    if isinstance(step, (Rest, Instruction)):
        return step.name
    return type(step).__name__


def step_kind(value: Any) -> str | None:
    """Which kind of step a mapping is, told by the key that names it.

    ``use`` and ``block`` win over the others, since a used exercise may rename itself
    with ``exercise:`` and a block has a ``rest:`` between its sets.
    """
    if isinstance(value, BaseModel):
        kinds = ("use", "block", "exercise", "rest", "instruction")
        return next((k for k in kinds if k in type(value).model_fields), None)
    if not isinstance(value, dict):
        return None
    for leading in ("use", "block"):
        if leading in value:
            return leading
    found = [kind for kind in ("exercise", "rest", "instruction") if kind in value]
    return found[0] if len(found) == 1 else None


AlternativeStep = Annotated[
    Annotated[Exercise, Tag("exercise")]
    | Annotated[Rest, Tag("rest")]
    | Annotated[Instruction, Tag("instruction")]
    | Annotated[UseExercise, Tag("use")],
    Discriminator(step_kind),
]
"""A step played in place of another: any step but a block."""

Step = Annotated[
    Annotated[Exercise, Tag("exercise")]
    | Annotated[Rest, Tag("rest")]
    | Annotated[Instruction, Tag("instruction")]
    | Annotated[Block, Tag("block")]
    | Annotated[UseExercise, Tag("use")],
    Discriminator(step_kind),
]


class Routine(_Strict):
    """A whole routine file."""

    title: Text
    language: LanguageTag = "en"
    summary: str | None = None
    suits: RoutineSuits | None = None
    sources: tuple[Source, ...] = ()
    safety: tuple[Text, ...] = ()
    stop_if: tuple[Text, ...] = ()
    lead_in: Pause = DEFAULT_LEAD_IN_MS
    prepare: Pause | None = None
    cues: CueSwitches = Field(default_factory=CueSwitches)
    include: tuple[Text, ...] = ()
    exercises: dict[str, Exercise] = Field(default_factory=dict)
    steps: tuple[Step, ...] = Field(min_length=1)


class ExerciseLibrary(_Strict):
    """A file of exercises shared by several routines."""

    title: str | None = None
    language: LanguageTag = "en"
    include: tuple[Text, ...] = ()
    exercises: dict[str, Exercise] = Field(min_length=1)


for _model in (Exercise, Rest, Instruction, UseExercise, Block, Routine, ExerciseLibrary):
    _model.model_rebuild()
