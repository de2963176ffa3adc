"""A session's outline: each step as the routine writes it, once, with how often it is
played, for a page that lists the steps rather than plays them.

A step inside a block is played once per set, and its side-lying alternative in place of
a step on the back; the outline lists the step played, once, under its block (with the
block's sets and the rest between them), and says how many times it comes. One
repetition's phases and their lengths, or one side's time, are what a person needs to do
it without the player. Pure: from a routine and its timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from player.playback.segments import chosen_count
from player.playback.timeline import Choices, StepSpan, Timeline
from player.routine.model import Block, Routine, Step

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class OutlineBlock:
    """A block of steps done in sets."""

    name: str
    sets: int
    rest_ms: int
    """The rest between two sets; 0 for none."""
    depth: int
    """How many blocks it is inside."""


@dataclass(frozen=True)
class OutlineStep:
    """One step as written, with what it takes to do it once."""

    span: StepSpan
    """Its first playing: name, what to do, figure or picture, repetitions, sides."""
    times: int
    """How many times the session plays it (once in each set of its blocks)."""
    depth: int
    """How many blocks it is inside."""
    phases: tuple[tuple[str, int], ...]
    """One repetition's phases, each with its length in milliseconds; empty without."""
    each_ms: int | None
    """Without phases, how long it lasts: one repetition on one side, or the whole of a
    rest or an instruction; None for a step that waits for done."""


OutlineItem = OutlineBlock | OutlineStep


def outline(routine: Routine, timeline: Timeline) -> tuple[OutlineItem, ...]:
    """The steps ``timeline`` plays, in order, each once, under the blocks they are in.

    ``routine`` is the one the timeline was compiled from (its blocks' names and rests)."""
    items: list[OutlineItem] = []
    where: dict[Path, int] = {}
    choices = Choices(reps=timeline.reps_chosen)
    for span in timeline.steps:
        if span.kind in ("lead_in", "set_rest"):
            continue
        blocks = _block_paths(span.path)
        for depth, path in enumerate(blocks):
            if path not in where:
                block = _block_at(routine, path)
                if block is not None:
                    where[path] = len(items)
                    sets = chosen_count(block.sets, choices)
                    items.append(OutlineBlock(block.block, sets, block.rest or 0, depth))
        key: Path = span.path or ("played", span.index)
        if key in where:
            found = items[where[key]]
            assert isinstance(found, OutlineStep)
            items[where[key]] = replace(found, times=found.times + 1)
            continue
        where[key] = len(items)
        phases = _phases(timeline, span)
        each = None if phases or span.waits_for_done else _each_ms(timeline, span)
        items.append(OutlineStep(span, 1, len(blocks), phases, each))
    return tuple(items)


def _block_paths(path: Path) -> list[Path]:
    """The paths of the blocks a step at ``path`` is in, outermost first:
    ``("steps", 1, "steps", 0)`` is in the block at ``("steps", 1)``."""
    return [path[:at] for at in range(1, len(path)) if path[at] == "steps"]


def _block_at(routine: Routine, path: Path) -> Block | None:
    steps: tuple[Step, ...] = routine.steps
    found: Step | None = None
    for part in path:
        if isinstance(part, int):
            found = steps[part] if 0 <= part < len(steps) else None
        elif part == "steps" and found is not None:
            if not isinstance(found, Block):
                return None
            steps = found.steps
    return found if isinstance(found, Block) else None


def _segments(timeline: Timeline, span: StepSpan) -> list[tuple[str, str | None, int, int]]:
    """The step's segments that are done (not getting into position, not switching
    sides): kind, phase, repetition and planned length, on its first side."""
    found: list[tuple[str, str | None, int, int]] = []
    side: str | None = None
    for segment in timeline.segments[span.first_segment : span.last_segment + 1]:
        if segment.kind in ("prepare", "switch", "lead_in"):
            continue
        if not found:
            side = segment.side
        if segment.side != side:
            break
        length = segment.planned_ms or segment.duration_ms
        found.append((segment.kind, segment.phase, segment.rep, length))
    return found


def _phases(timeline: Timeline, span: StepSpan) -> tuple[tuple[str, int], ...]:
    segments = _segments(timeline, span)
    first_rep = segments[0][2] if segments else 0
    return tuple(
        (phase, length)
        for kind, phase, rep, length in segments
        if kind == "work" and phase is not None and rep == first_rep
    )


def _each_ms(timeline: Timeline, span: StepSpan) -> int | None:
    segments = _segments(timeline, span)
    return segments[0][3] if segments else None
