"""What the player played, on the clock, so that the echo canceller (``echo.py``) can be
given it beside what the microphone heard over the same moments.

The player plays one sound at a time (a spoken clip or a chime), each from the moment it
began until it ended or the next one cut it off. Everything here is pure: it is told
each sound and when it began, and gives back the samples that sounded over any span.
"""

from __future__ import annotations

from array import array
from collections import deque
from dataclasses import dataclass

from player.listening.audio import RATE, to_mono

SAMPLES_A_MS = RATE // 1000

KEPT_MS = 60_000
"""Sounds that ended longer ago than this are forgotten."""


@dataclass
class _Sound:
    begun: int
    """The sample (16 000 a second) it began at, counted from the clock's zero."""
    samples: array[int]
    rate: int
    """Its own samples a second: it is changed to 16 000 only where asked for, so that
    being told a long sound takes no time."""
    ends: int
    """The sample (16 000 a second) after its last: its end, or where the next sound cut
    it off."""

    def part(self, first: int, stop: int) -> array[int]:
        """Its samples ``first`` to ``stop`` (not included), at 16 000 a second, counted
        from its start: each on the straight line between the two of its own around it."""
        samples, rate = self.samples, self.rate
        if rate == RATE:
            return samples[first:stop]
        last = len(samples) - 1
        out = array("h")
        for index in range(first, stop):
            whole, part = divmod(index * rate, RATE)
            before = samples[min(whole, last)]
            after = samples[min(whole + 1, last)]
            out.append(before + (after - before) * part // RATE)
        return out


class Played:
    """The sounds played: ``play`` when one begins (cutting off the one before),
    ``stop`` when the player stops sounding; ``span`` the samples over any moments."""

    def __init__(self) -> None:
        self._sounds: deque[_Sound] = deque()

    def play(self, samples: array[int], at_ms: int, rate: int = RATE) -> None:
        """A sound (one channel, ``rate`` samples a second) begins at ``at_ms`` on the
        clock."""
        begun = at_ms * SAMPLES_A_MS
        self.stop(at_ms)
        self._sounds.append(_Sound(begun, samples, rate, begun + len(samples) * RATE // rate))
        while self._sounds and self._sounds[0].ends < begun - KEPT_MS * SAMPLES_A_MS:
            self._sounds.popleft()

    def stop(self, at_ms: int) -> None:
        """Nothing sounds from ``at_ms`` on (until the next sound)."""
        if self._sounds:
            last = self._sounds[-1]
            last.ends = max(last.begun, min(last.ends, at_ms * SAMPLES_A_MS))

    def span(self, end_ms: float, count: int) -> array[int]:
        """The ``count`` samples played up to ``end_ms`` on the clock: silence where
        nothing sounded."""
        last = round(end_ms * SAMPLES_A_MS)
        first = last - count
        out = array("h", bytes(2 * count))
        for sound in self._sounds:
            start, stop = max(first, sound.begun), min(last, sound.ends)
            if start < stop:
                out[start - first : stop - first] = sound.part(
                    start - sound.begun, stop - sound.begun
                )
        return out


def one_channel(raw: bytes, channels: int) -> array[int]:
    """A sound in the mixer's format (16-bit samples, ``channels`` interleaved) as one
    channel, at its own rate."""
    samples = array("h")
    samples.frombytes(raw[: len(raw) - len(raw) % 2])
    return to_mono(samples, channels)
