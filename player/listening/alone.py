"""Whether a phrase the recogniser found was said on its own.

A command is said on its own, with a breath of quiet before and after it; the same words
inside a sentence ("it starts again inside", "the next press of that button") are talk,
not a command. The recogniser cannot tell them apart at any threshold, but loudness can:
around a command the room is back to its own level, around talk it is not.

Loudness is measured in the recogniser's frames (10 ms, counted from the first sample
heard), as the root mean square of each frame's samples. Everything here is pure: it is
given the frames' levels and the phrase's first and last frame, and says yes, no, or that
it must hear more first.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from collections.abc import Sequence

FRAME = 160
"""Samples in a frame: 10 ms at 16 000 a second."""

BEFORE = (20, 2)
"""The quiet before a phrase: the frames from 0.2 s to 0.02 s before its first frame, so
that the pause at a comma is enough: "okay, next step", "stop! stop now!". Half of them
must be quiet: a pause of about a tenth of a second, longer than the gaps between words."""

AFTER = (10, 40)
"""The quiet after a phrase: the frames from 0.1 s to 0.4 s after its sound ends. Long
enough to outlast the pause at a comma or a colon inside a sentence: the player's own
"Next up: Rest on your side" pauses a quarter of a second after "Next", and was heard as
"stop now" said on its own when the quiet after it was counted to 0.3 s."""

REACH = 40
"""How long a phrase's sound may go on after the last frame the recogniser gives it: its
last word is often longer than the recogniser says. Its sound ends at the first ``PAUSE``
of frames under ``STILL_SOUNDING`` of its loudness, and that must begin within 0.4 s;
sound going on longer is more talk ("stop now and rest"), and the phrase is not alone."""

STILL_SOUNDING = 0.5

PAUSE = 10
"""A tenth of a second: longer than the gap inside a phrase ("stop now")."""

ROOM = 1000
"""The room's own level: the quietest fifth of the frames in the 10 s before a phrase."""

ROOM_SHARE = 0.2

ABOVE_ROOM = 3.0
"""Quiet is no louder than three times the room's level (10 dB above it), or ..."""

UNDER_PHRASE = 0.2
"""... no louder than a fifth of the phrase's loudness (14 dB under it), whichever is more.
The phrase's loudness is its loudest tenth of frames.

Tuned on the corpus of tests/listening_corpus.py: every phrase heard there in quiet and in
a room's noise 10 dB under it is at most 2 times the room's level around it; the words
heard as phrases in prose read aloud, and in the room's noise, are 4 times or more."""

LOUDEST_QUIET = 0.4
"""Whatever the room, quiet is never louder than this share of the phrase's loudness (8 dB
under it): in a room as loud as talk, talk is not taken for quiet."""

KEPT = ROOM + 500
"""The frames kept: the room's 10 s before a phrase, and the phrase and what follows it."""


def said_alone(levels: Sequence[float], first: int, start: int, end: int) -> bool | None:
    """Whether the phrase from frame ``start`` to frame ``end`` (its last) was said on its
    own, or None while the frames after it are not all heard yet. ``levels`` are the
    frames' levels from frame ``first`` on; frames before those kept count as quiet."""

    def window(begin: int, stop: int) -> list[float]:
        return list(levels[max(begin - first, 0) : max(stop - first, 0)])

    heard = first + len(levels)
    loudness = _share(window(start, end + 1), 0.9)
    sound_ends = None
    for frame in range(end + 1, end + 1 + REACH):
        if heard < frame + PAUSE:
            return None
        if all(level < STILL_SOUNDING * loudness for level in window(frame, frame + PAUSE)):
            sound_ends = frame
            break
    if sound_ends is None:
        return False  # talk goes on after it
    if heard < sound_ends + AFTER[1]:
        return None
    after = window(sound_ends + AFTER[0], sound_ends + AFTER[1])
    room = _share(window(start - ROOM, start), ROOM_SHARE)
    quiet = min(max(ABOVE_ROOM * room, UNDER_PHRASE * loudness), LOUDEST_QUIET * loudness)
    before = window(start - BEFORE[0], start - BEFORE[1])
    return _share(before, 0.5) <= quiet and _share(after, 0.5) <= quiet


def _share(levels: list[float], share: float) -> float:
    """The level that ``share`` of ``levels`` are under (0 for none)."""
    if not levels:
        return 0.0
    ordered = sorted(levels)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Levels:
    """The levels of the frames heard, the last ``KEPT`` of them, fed any number of
    samples at a time."""

    def __init__(self) -> None:
        self.kept: deque[float] = deque(maxlen=KEPT)
        self.heard = 0
        """How many frames have been heard in all."""
        self._part = array("h")

    @property
    def first(self) -> int:
        """The number of the first frame kept."""
        return self.heard - len(self.kept)

    def add(self, samples: array[int]) -> None:
        part = self._part + samples
        whole = len(part) - len(part) % FRAME
        for begin in range(0, whole, FRAME):
            frame = part[begin : begin + FRAME]
            self.kept.append(math.sqrt(sum(value * value for value in frame) / FRAME))
        self.heard += whole // FRAME
        self._part = part[whole:]

    def at(self, frame: int) -> float:
        """How loud frame ``frame`` was (0 when it is not kept)."""
        index = frame - self.first
        return self.kept[index] if 0 <= index < len(self.kept) else 0.0

    def loudest(self, start: int, end: int, share: float = 0.9) -> float:
        """How loud frames ``start`` to ``end`` (its last) are: the level ``share`` of them
        are under (the loudest tenth of them; with 1, the loudest)."""
        first = self.first
        return _share(list(self.kept)[max(start - first, 0) : max(end + 1 - first, 0)], share)

    def alone(self, start: int, end: int) -> bool | None:
        """``said_alone`` for a phrase from frame ``start`` to ``end`` of those heard."""
        return said_alone(list(self.kept), self.first, start, end)


TAKEN_OUT_FRAMES = 200
"""How far back the canceller's work is measured: the last 2 s of frames where the
player's sound could be heard. Short, so that it says how well the canceller works now,
not while it was still learning the room."""

FRAMES_BEFORE_TRUSTED = 100
"""Until it has been measured over a second of the player's sound, the canceller is not
trusted at all."""

RESIDUAL_SHARE = 0.2
"""What the canceller leaves of the echo: the level a fifth of the measured frames are
under. She may be talking over the voice for much of those frames (her words are left
whole, which would make the canceller seem to take out little); in a fifth of them at
least, the echo is heard alone."""

HEARD_AT_ALL = 30.0
"""A frame heard more quietly than this (of 32 768) tells nothing of what was taken out."""


class TakenOut:
    """How much of the player's echo the echo canceller leaves, measured as it works:
    for each frame where the player's sound could be heard, how loud it is after the
    canceller against before."""

    def __init__(self) -> None:
        self._shares: deque[float] = deque(maxlen=TAKEN_OUT_FRAMES)

    def add(self, heard: float, cleaned: float) -> None:
        """A frame heard ``heard`` loud, and ``cleaned`` loud once the echo was taken out."""
        if heard > HEARD_AT_ALL:
            self._shares.append(cleaned / heard)

    def residual(self) -> float | None:
        """The share of the echo's loudness the canceller leaves now; None until it has
        been measured over a second of the player's sound."""
        if len(self._shares) < FRAMES_BEFORE_TRUSTED:
            return None
        return _share(list(self._shares), RESIDUAL_SHARE)
