"""From the recogniser's hits to the commands heard: each phrase's command, at the time
its last word ended, a phrase heard again within a moment counted once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from player.listening.phrases import Phrase

REPEAT_SECONDS = 1.0
"""A phrase heard again this soon after it ended is the same saying, heard twice."""


@dataclass(frozen=True)
class Hit:
    """A phrase the recogniser found, and when it ended, in seconds from the start."""

    words: str
    end: float


@dataclass(frozen=True)
class Heard:
    """A command, and when its phrase ended, in seconds from the start of the audio."""

    seconds: float
    command: str


def commands_heard(hits: Iterable[Hit], phrases: Sequence[Phrase]) -> list[Heard]:
    """The commands the hits mean, in order of time; hits of no phrase are left out."""
    meaning = {phrase.words: phrase.command for phrase in phrases}
    heard: list[Heard] = []
    last_end: dict[str, float] = {}
    for hit in sorted(hits, key=lambda hit: hit.end):
        words = " ".join(hit.words.split())
        command = meaning.get(words)
        if command is None:
            continue
        before = last_end.get(words)
        last_end[words] = hit.end
        if before is not None and hit.end - before < REPEAT_SECONDS:
            continue
        heard.append(Heard(hit.end, command))
    return heard
