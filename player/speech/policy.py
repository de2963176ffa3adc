"""Who speaks when: the one rule shared by the live voice and the audio export.

Two cues never talk over each other. A cue of the same or a higher priority cuts off
the one being said, so a countdown is never late because a long sentence is still
playing. A lower-priority cue waits for the current one to end, if that is soon enough
to still make sense; otherwise it is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

STALE_MS = 1_500
"""A cue that would start later than this after its moment is not said at all."""

Decision = Literal["play", "wait", "drop"]


@dataclass(frozen=True)
class Playing:
    """What is being said: its priority and when it ends (clock milliseconds)."""

    priority: int
    ends_at: int


def decide(playing: Playing | None, priority: int, now: int, due_at: int) -> Decision:
    """What to do with a cue of ``priority`` that fell due at ``due_at``, at ``now``."""
    if now - due_at > STALE_MS:
        return "drop"
    if playing is None or playing.ends_at <= now or priority >= playing.priority:
        return "play"
    if playing.ends_at - due_at <= STALE_MS:
        return "wait"
    return "drop"


@dataclass(frozen=True)
class Spoken:
    """One clip as it is heard: from ``start_ms`` to ``end_ms`` (cut short or whole)."""

    index: int
    start_ms: int
    end_ms: int


def lay_out(cues: list[tuple[int, int, int]]) -> list[Spoken]:
    """Where each clip is heard, for cues of (due_ms, priority, clip_ms) in time order.

    The same decisions the live voice makes: cut off, wait, or drop.
    """
    heard: list[Spoken] = []
    playing: Playing | None = None
    waiting: tuple[int, int, int, int] | None = None  # index, due, priority, length
    for index, (due, priority, length) in enumerate(cues):
        if waiting is not None and playing is not None and playing.ends_at <= due:
            w_index, w_due, w_priority, w_length = waiting
            waiting = None
            start = playing.ends_at
            if decide(None, w_priority, start, w_due) == "play":
                heard.append(Spoken(w_index, start, start + w_length))
                playing = Playing(w_priority, start + w_length)
        decision = decide(playing, priority, due, due)
        if decision == "play":
            if heard and playing is not None and heard[-1].end_ms > due:
                last = heard[-1]
                heard[-1] = Spoken(last.index, last.start_ms, due)
            heard.append(Spoken(index, due, due + length))
            playing = Playing(priority, due + length)
            waiting = None
        elif decision == "wait":
            waiting = (index, due, priority, length)
    if waiting is not None and playing is not None:
        w_index, w_due, w_priority, w_length = waiting
        start = playing.ends_at
        if decide(None, w_priority, start, w_due) == "play":
            heard.append(Spoken(w_index, start, start + w_length))
    return heard
