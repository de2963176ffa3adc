"""The routine as typed values: what a routine file means once it has been read.

These models are the single description of the file format: the loader validates
against them, and ``python run.py schema`` turns them into a JSON Schema for editors.
They hold data only; nothing here reads files or the clock.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from player.routine.values import (
    MAX_COUNT,
    Count,
    WeekRange,
    check_placeholders,
    parse_count,
    parse_countdown,
    parse_duration,
    parse_pause,
    parse_sides,
    parse_trimesters,
    parse_weeks,
)

_DURATION_PATTERN = (
    r"^(?=.*\d)\s*(\d+(\.\d+)?\s*h)?\s*(\d+(\.\d+)?\s*m(in)?)?\s*(\d+(\.\d+)?\s*(s(ec)?)?)?\s*$"
)

Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "description": "A duration: 30s, 1m30s, 2m, or a number of seconds.",
            "anyOf": [
                {"type": "number", "exclusiveMinimum": 0},
                {"type": "string", "pattern": _DURATION_PATTERN},
            ],
        }
    ),
]
"""A duration in milliseconds, written as ``30s``, ``1m30s`` or plain seconds."""

CountValue = Annotated[
    Count,
    BeforeValidator(parse_count),
    WithJsonSchema(
        {
            "description": "How many times: 8, a range such as 5-10 (the person chooses), "
            "or {min, max, default}.",
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_COUNT},
                {"type": "string", "pattern": r"^\s*\d+\s*(-|to|\u2013)\s*\d+\s*$"},
                {
                    "type": "object",
                    "properties": {
                        "min": {"type": "integer", "minimum": 1},
                        "max": {"type": "integer", "maximum": MAX_COUNT},
                        "default": {"type": "integer"},
                    },
                    "required": ["min", "max"],
                    "additionalProperties": False,
                },
            ],
        }
    ),
]

Weeks = Annotated[
    WeekRange,
    BeforeValidator(parse_weeks),
    WithJsonSchema(
        {
            "description": "Pregnancy weeks, such as 12-40.",
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 42},
                {"type": "string", "pattern": r"^\s*\d+\s*(-|to|\u2013)\s*\d+\s*$"},
            ],
        }
    ),
]

Trimesters = Annotated[
    WeekRange,
    BeforeValidator(parse_trimesters),
    WithJsonSchema(
        {
            "description": "A trimester (1, 2, 3) or a range such as 2-3.",
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 3},
                {"type": "string", "pattern": r"^\s*[1-3]\s*(-|to|\u2013)\s*[1-3]\s*$"},
                {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 3}},
            ],
        }
    ),
]

Sides = Annotated[
    tuple[str, ...],
    BeforeValidator(parse_sides),
    WithJsonSchema(
        {
            "description": "both (left then right), or a list such as [right, left].",
            "anyOf": [
                {"type": "boolean"},
                {"enum": ["both", "left", "right"]},
                {"type": "array", "items": {"enum": ["left", "right"]}, "minItems": 1},
            ],
        }
    ),
]

Pause = Annotated[
    int,
    BeforeValidator(parse_pause),
    WithJsonSchema(
        {
            "description": "A duration such as 5s, or 0 for none.",
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "boolean", "const": False},
                {"type": "string", "pattern": _DURATION_PATTERN},
            ],
        }
    ),
]
"""Like Duration, but zero is allowed and means none."""

Text = Annotated[str, Field(min_length=1)]

Switch = Annotated[bool, Strict()]
"""``true`` or ``false``: ``yes``, ``no``, ``on`` and ``off`` are text in YAML 1.2, as editors
read it, and are refused rather than guessed at."""

Countdown = Annotated[
    int,
    BeforeValidator(parse_countdown),
    WithJsonSchema(
        {"anyOf": [{"type": "boolean"}, {"type": "integer", "minimum": 0, "maximum": 10}]}
    ),
]
"""Seconds of spoken countdown: ``true`` means 3, ``false`` means none."""

Position = Literal[
    "standing", "sitting", "kneeling", "all-fours", "side-lying", "lying-on-back", "squatting"
]

LYING_ON_BACK = "lying-on-back"

DEFAULT_SWITCH_MS = 5_000
DEFAULT_LEAD_IN_MS = 10_000


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Suits(_Strict):
    """Who a routine or step suits. Give weeks or trimesters, not both."""

    weeks: Weeks | None = None
    trimesters: Trimesters | None = None
    note: str | None = Field(default=None, description="Anything else about who it suits.")

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


class CueSwitches(_Strict):
    """Which automatic cues speak. Left out means: as the routine (or the player) says."""

    announce: Switch | None = Field(None, description="Say the step's name and what to do.")
    next_up: Switch | None = Field(None, description="Say 'Next up: ...' before the step ends.")
    halfway: Switch | None = Field(None, description="Say 'Halfway' on longer timed steps.")
    countdown: Countdown | None = Field(
        None, description="Count down the last seconds: true (3), false, or 1 to 10 seconds."
    )
    switch_sides: Switch | None = Field(None, description="Say 'Switch sides' between sides.")
    rep_count: Switch | None = Field(None, description="Count repetitions: '3 of 8'.")
    phases: Switch | None = Field(None, description="Say each phase's name: 'Squeeze', 'Relax'.")


class CustomCue(_Strict):
    """Words of your own, spoken at a moment of each side (or of each repetition)."""

    at: Duration = Field(description="When, from the start of the side (or repetition).")
    say: Text = Field(
        description="What to say; may use {rep}, {reps}, {side}, {set}, {sets}, {step}, {next}."
    )
    each: Literal["side", "rep"] = Field(
        "side", description="Measure 'at' from the start of each side, or of each repetition."
    )

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
    say: str | None = Field(None, description="Words for the phase; its name when left out.")

    @field_validator("say")
    @classmethod
    def _placeholders(cls, value: str | None) -> str | None:
        return None if value is None else check_placeholders(value)


class _StepBase(_Strict):
    do: str | None = Field(None, description="What to do, in a sentence or two; read out.")
    picture: str | None = Field(
        None, description="A picture file, beside the routine or under media/."
    )
    cues: CueSwitches = Field(default_factory=CueSwitches)
    say: tuple[CustomCue, ...] = Field(default=(), description="Cues of your own.")
    position: Position | None = Field(None, description="The body position of the step.")
    suits: Suits | None = None
    alternative: AlternativeStep | None = Field(
        None,
        description="For a step done lying on the back: what to do instead from the second "
        "trimester on, usually the same movement lying on the side.",
    )

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

    exercise: Text = Field(description="The step's name, shown large and read out.")
    time: Duration | None = Field(
        None, description="How long: the whole step, or one repetition when reps is given."
    )
    reps: CountValue | None = Field(None, description="How many repetitions.")
    phases: tuple[Phase, ...] | None = Field(
        None, min_length=1, description="The parts of one repetition, in order."
    )
    sides: Sides = Field(default=(), description="Do the step on each side in turn.")
    switch: Duration = Field(DEFAULT_SWITCH_MS, description="The pause to change sides.")
    prepare: Pause | None = Field(
        None,
        description="Time to get into position while the step is announced; by default, "
        "as long as the announcement takes to say. 0 for none.",
    )

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

    rest: Duration = Field(description="How long to rest.")
    name: Text = "Rest"

    @model_validator(mode="after")
    def _own_cues_fit(self) -> Rest:
        _check_cue_offsets(self.say, self.rest, self.rest)
        return self


class Instruction(_StepBase):
    """Words read out, such as how to get into position."""

    instruction: Text = Field(description="The words to read out and show.")
    name: Text = "Get into position"
    time: Duration | None = Field(
        None, description="How long to leave for it; by default, time to read it out and act."
    )

    @model_validator(mode="after")
    def _own_cues_fit(self) -> Instruction:
        if self.say and self.time is None:
            raise ValueError("give the instruction a time so that its 'say' cues have a place")
        if self.time is not None:
            _check_cue_offsets(self.say, self.time, self.time)
        return self


class UseExercise(_StepBase):
    """An exercise defined under 'exercises' (here or in an included file), with changes."""

    use: Text = Field(description="The exercise's key under 'exercises'.")
    exercise: Text | None = None
    time: Duration | None = None
    reps: CountValue | None = None
    phases: tuple[Phase, ...] | None = Field(None, min_length=1)
    sides: Sides | None = None
    switch: Duration | None = None
    prepare: Pause | None = None


class Block(_Strict):
    """Steps done as a set, repeated, with a rest between sets (none after the last)."""

    block: Text = Field(description="The block's name.")
    sets: CountValue = Field(default_factory=lambda: Count(1, 1, 1), description="How many sets.")
    rest: Duration | None = Field(None, description="The rest between two sets.")
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
    summary: str | None = None
    suits: Suits | None = None
    sources: tuple[Text, ...] = Field(
        default=(), description="What the routine is based on: documents, sections, guidelines."
    )
    safety: tuple[Text, ...] = Field(default=(), description="Safety notes shown before playing.")
    stop_if: tuple[Text, ...] = Field(
        default=(), description="Warning signs: stop and call a doctor or midwife."
    )
    lead_in: Pause = Field(DEFAULT_LEAD_IN_MS, description="The get-ready time at the start.")
    prepare: Pause | None = Field(
        None,
        description="Time to get into position before each exercise, while it is announced; "
        "by default, as long as the announcement takes to say. 0 for none.",
    )
    cues: CueSwitches = Field(default_factory=CueSwitches)
    include: tuple[Text, ...] = Field(
        default=(), description="Files of shared exercises to use here."
    )
    exercises: dict[str, Exercise] = Field(
        default_factory=dict, description="Exercises to use by key in steps: use: KEY."
    )
    steps: tuple[Step, ...] = Field(min_length=1)


class ExerciseLibrary(_Strict):
    """A file of exercises shared by several routines."""

    title: str | None = None
    include: tuple[Text, ...] = ()
    exercises: dict[str, Exercise] = Field(min_length=1)


for _model in (Exercise, Rest, Instruction, UseExercise, Block, Routine, ExerciseLibrary):
    _model.model_rebuild()
