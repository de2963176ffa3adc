"""Finding the phrases in audio with pocketsphinx's keyword spotting, fed 100 ms at a time
as a microphone feeds it. pocketsphinx is loaded only here, when listening."""

from __future__ import annotations

import contextlib
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from player.language import _
from player.listening import audio
from player.listening.alone import Levels
from player.listening.heard import Heard, Hit, commands_heard
from player.listening.phrases import PHRASES, Phrase, keyword_list
from player.system.failures import Failure

CHUNK = audio.RATE // 10
"""Samples fed at a time: 100 ms."""

FRAMES_A_SECOND = 100
"""The recogniser's frames: one every 10 ms."""

TAIL = audio.RATE
"""A second of silence heard after a recording ends: a phrase at its very end is told
only once the frames after it are searched, as a microphone would go on giving them."""


class Spotter:
    """The phrases found in audio fed a piece at a time, each at the time its last word
    ended, in seconds from the first sample fed: those said on their own (``alone.py``),
    each told once the moment after it has been heard.

    The search is one long utterance, as the phrases' thresholds were tuned on: starting
    afresh after each phrase found hears less (its sense of the room's level starts over).
    Its memory stays flat over hours; it keeps only the phrases found. Raises Failure,
    saying what to install, when the recogniser cannot be loaded."""

    def __init__(self, keywords: Path) -> None:
        """``keywords``: a file of the phrases, as ``keyword_list`` writes them."""
        self._decoder = _decoder(keywords)  # reads the list while loading
        self._decoder.start_utt()
        self._found: set[tuple[str, int]] = set()
        self._levels = Levels()
        self._waiting: list[tuple[Hit, int, int]] = []

    def feed(self, samples: array[int]) -> list[Hit]:
        """Search ``samples`` (16 000 a second, one channel) after those fed before."""
        decoder = self._decoder
        heard = _as_heard(samples)
        decoder.process_raw(heard.tobytes(), False, False)
        self._levels.add(heard)
        if decoder.hyp() is not None:
            for segment in decoder.seg():
                if (segment.word, segment.end_frame) not in self._found:
                    self._found.add((segment.word, segment.end_frame))
                    words = " ".join(segment.word.split())
                    start, end = segment.start_frame, segment.end_frame
                    hit = Hit(words, end / FRAMES_A_SECOND, start / FRAMES_A_SECOND)
                    self._waiting.append((hit, start, end))
        told, waiting = [], []
        for hit, start, end in self._waiting:
            alone = self._levels.alone(start, end)
            if alone is None:
                waiting.append((hit, start, end))
            elif alone:
                told.append(hit)
        self._waiting = waiting
        return told

    def close(self) -> None:
        self._decoder.end_utt()


SILENT_PEAK = 2
"""A piece of audio no louder than this (of 32 768) is silence, searched as exact silence.

A microphone that is muted, or that cuts out the room between words, gives a signal of
one step or two, and the recogniser, which evens out loudness, hears phrases in it ("stop
now" every few seconds); in exact silence it hears nothing. A quiet room is tens of steps
loud, and speech thousands: nothing else is changed."""


def _as_heard(samples: array[int]) -> array[int]:
    if samples and max(samples) <= SILENT_PEAK and min(samples) >= -SILENT_PEAK:
        return array("h", bytes(2 * len(samples)))
    return samples


def heard_in(recording: Path | array[int], phrases: Sequence[Phrase] = PHRASES) -> list[Heard]:
    """The commands heard in a recording (a file, or samples at 16 000 a second in one
    channel), each at the time its phrase ended."""
    samples = audio.read(recording) if isinstance(recording, Path) else recording
    samples = samples + array("h", bytes(2 * TAIL))  # the end of a file, as if heard on
    with keywords_file(phrases) as keywords:
        spotter = Spotter(keywords)
    hits = [
        hit
        for first in range(0, len(samples), CHUNK)
        for hit in spotter.feed(samples[first : first + CHUNK])
    ]
    spotter.close()
    return commands_heard(hits, phrases)


@contextlib.contextmanager
def keywords_file(phrases: Sequence[Phrase]) -> Iterator[Path]:
    """The phrases written as the recogniser reads them, in a file there while in use."""
    with tempfile.TemporaryDirectory(prefix="routine-player-") as folder:
        keywords = Path(folder) / "phrases.kws"
        keywords.write_text(keyword_list(phrases), encoding="utf-8")
        yield keywords


def _decoder(keywords: Path) -> Any:
    try:
        from pocketsphinx import Decoder
    except (ImportError, OSError) as error:
        raise Failure(
            _("cannot listen ({error}); try: {fix}").format(
                error=error, fix="pip install pocketsphinx"
            )
        ) from None
    return Decoder(kws=str(keywords), loglevel="FATAL")
