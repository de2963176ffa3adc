"""What the engine tells its shells: the events that became due, and a frame to draw.

Plain frozen values. Every event knows its kind and turns itself into one line of the
events file; a ``Frame`` is everything a shell needs to show the session at one moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from player.playback.timeline import Segment, StepSpan

State = Literal["ready", "playing", "paused", "waiting", "finished"]


# -- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """Something that happened at ``actual_ms`` of routine time."""

    actual_ms: int

    kind = "event"

    def record(self) -> dict[str, Any]:
        """The event as one line of the events file."""
        fields = {k: v for k, v in self.__dict__.items() if v is not None}
        return {"event": self.kind, **fields}


@dataclass(frozen=True)
class StepStarted(Event):
    step: int
    name: str
    planned_ms: int
    kind = "step_started"


@dataclass(frozen=True)
class CueDue(Event):
    """Words to say now. ``planned_ms`` is where the timeline put them."""

    planned_ms: int
    text: str
    cue: str
    priority: int
    step: int
    key: str
    kind = "cue"


@dataclass(frozen=True)
class Paused(Event):
    kind = "paused"


@dataclass(frozen=True)
class Resumed(Event):
    lead_in_ms: int
    kind = "resumed"


@dataclass(frozen=True)
class Skipped(Event):
    from_step: int
    to_step: int
    to_ms: int
    kind = "skipped"


@dataclass(frozen=True)
class Waiting(Event):
    """A step that waits for done has been reached."""

    step: int
    kind = "waiting"


@dataclass(frozen=True)
class DoneSaid(Event):
    step: int
    kind = "done"


@dataclass(frozen=True)
class Adjusted(Event):
    step: int
    segment: int
    delta_ms: int
    kind = "adjusted"


@dataclass(frozen=True)
class SpeedChanged(Event):
    speed: float
    kind = "speed"


@dataclass(frozen=True)
class Stopped(Event):
    """The person stopped the session at once, part way, for ``reason`` (such as
    "something is wrong"): nothing more is played or said."""

    reason: str
    kind = "stopped"


@dataclass(frozen=True)
class Finished(Event):
    total_ms: int
    kind = "finished"


# -- what a shell draws -------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """Everything a shell needs to show the session at one moment."""

    state: State
    position_ms: int
    total_ms: int
    step: StepSpan
    segment: Segment
    next_step: StepSpan | None
    get_ready_ms: int
    """What is left of the get-ready after a resume, in routine milliseconds."""
    speed: float

    @property
    def segment_remaining_ms(self) -> int:
        return max(0, self.segment.end_ms - self.position_ms)

    @property
    def step_remaining_ms(self) -> int:
        return max(0, self.step.end_ms - self.position_ms)

    @property
    def step_elapsed_ms(self) -> int:
        return max(0, self.position_ms - self.step.start_ms)

    @property
    def progress(self) -> float:
        return self.position_ms / self.total_ms if self.total_ms else 1.0
