"""Room for every cue to be heard whole.

Most cues belong to a moment: a phase's word as the phase begins, a rep count, the last
seconds counted down. Two do not: "Next up" may come any time in the last stretch of a
step, and "Halfway" near the middle. Where such a cue would talk over another, or be cut
off by the next one, it is moved earlier to a moment with room for it; where there is
none in the step, it is left out rather than cut off while playing. How long words take
is ``announcements.speaking_ms``, an estimate checked against the voice's real clips.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from player.playback.announcements import join_words
from player.playback.timeline import Cue, CueKind, StepSpan, Timeline

if TYPE_CHECKING:
    from player.playback.cues import RawCue

MOVABLE: dict[CueKind, int] = {"next_up": 20_000, "halfway": 3_000}
"""The cues that may move, and how far earlier than their moment they may go."""
GAP_MS = 250
"""Quiet left between two cues, so that one sentence does not run into the next."""


def make_room(
    cues: Sequence[RawCue], span: StepSpan, speaking_ms: Callable[[str], int]
) -> list[RawCue]:
    """The cues of one step, with every movable cue at a moment where it is heard whole,
    or left out. The others stay where they are."""
    fixed = [cue for cue in cues if cue.kind not in MOVABLE]
    movable = [cue for cue in cues if cue.kind in MOVABLE]
    if not movable:  # nothing to make room for
        return sorted(fixed, key=lambda c: c.at_ms)
    taken = _spoken_spans(fixed, speaking_ms)
    placed: list[RawCue] = []
    for cue in sorted(movable, key=lambda c: -c.at_ms):
        length = speaking_ms(cue.text)
        moment = _moment_with_room(cue, length, span, taken)
        if moment is None:
            continue
        placed.append(type(cue)(moment, cue.text, cue.kind, cue.step))
        taken.append((moment, moment + length))
    return sorted([*fixed, *placed], key=lambda c: c.at_ms)


def _spoken_spans(
    cues: Sequence[RawCue], speaking_ms: Callable[[str], int]
) -> list[tuple[int, int]]:
    """When each moment's words are heard: cues due together are said as one sentence."""
    by_moment: dict[int, list[str]] = {}
    for cue in cues:
        by_moment.setdefault(cue.at_ms, []).append(cue.text)
    return [(at, at + speaking_ms(join_words(texts))) for at, texts in by_moment.items()]


def _moment_with_room(
    cue: RawCue, length: int, span: StepSpan, taken: list[tuple[int, int]]
) -> int | None:
    """The latest moment, no later than the cue's own and no earlier than it may move,
    where the cue is heard whole within its step without touching another; None if none."""
    earliest = max(span.start_ms, cue.at_ms - MOVABLE[cue.kind])
    # Its own moment, or just after other words end: the only moments worth trying.
    after_words = {stop + GAP_MS for _start, stop in taken}
    moments = sorted({cue.at_ms, *(m for m in after_words if earliest <= m < cue.at_ms)})
    for moment in reversed(moments):
        if moment + length <= span.end_ms and _free(moment, moment + length, taken):
            return moment
    return None


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end + GAP_MS <= begin or stop + GAP_MS <= start for begin, stop in taken)


@dataclass(frozen=True)
class CutShort:
    """A cue whose words would run into the next cue: cut off by it, or holding it back."""

    cue: Cue
    needs_ms: int
    """How long its words may take to say."""
    has_ms: int
    """How long until the next cue."""
    next: Cue


def cut_short(timeline: Timeline, speaking_ms: Callable[[str], int]) -> list[CutShort]:
    """Every cue of ``timeline`` without room for its words before the next cue. A step
    that waits for done between two cues leaves room (the person takes their time)."""
    waits = [s.start_ms for s in timeline.segments if s.kind == "wait"]
    found: list[CutShort] = []
    for cue, following in zip(timeline.cues, timeline.cues[1:], strict=False):
        has = following.at_ms - cue.at_ms
        needs = speaking_ms(cue.text)
        if needs <= has or any(cue.at_ms <= wait <= following.at_ms for wait in waits):
            continue
        found.append(CutShort(cue, needs, has, following))
    return found
