"""Where a figure is in its motion, as its scene reads it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from player.window.figures.canvas import Colour


@dataclass(frozen=True)
class Values:
    """Where a figure is in its motion: ``v["tilt"]`` is a number of its key poses, blended
    for this moment; ``breath`` and ``turn`` run from 0 to 1 through a breath and through
    one turn of a looping figure."""

    numbers: Mapping[str, float] = field(default_factory=dict)
    breath: float = 0.0
    turn: float = 0.0

    def __getitem__(self, name: str) -> float:
        return self.numbers[name]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )
