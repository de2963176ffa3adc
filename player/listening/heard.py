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
    start: float = 0.0
    """When its first word began, in seconds from the start."""
    over_the_voice: bool = False
    """Said while the player played a sound, and known for hers: the echo canceller,
    known to work, left it whole."""


@dataclass(frozen=True)
class Heard:
    """A command, and when its phrase ended, in seconds from the start of the audio."""

    seconds: float
    command: str


class Meaning:
    """Hits to commands as they come: each phrase's command, a phrase found again within
    ``REPEAT_SECONDS`` of its last end left out as the same saying."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self._phrases = {phrase.words: phrase for phrase in phrases}
        self._last_end: dict[str, float] = {}

    def of(self, hit: Hit) -> tuple[Phrase, Heard] | None:
        """The phrase found and the command heard, or None for a hit of no phrase, or
        the same saying found again."""
        phrase = self._phrases.get(" ".join(hit.words.split()))
        if phrase is None:
            return None
        before = self._last_end.get(phrase.words)
        self._last_end[phrase.words] = hit.end
        if before is not None and hit.end - before < REPEAT_SECONDS:
            return None
        return phrase, Heard(hit.end, phrase.command)


def commands_heard(hits: Iterable[Hit], phrases: Sequence[Phrase]) -> list[Heard]:
    """The commands the hits mean, in order of time; hits of no phrase are left out."""
    meaning = Meaning(phrases)
    found = (meaning.of(hit) for hit in sorted(hits, key=lambda hit: hit.end))
    return [heard for _phrase, heard in filter(None, found)]
