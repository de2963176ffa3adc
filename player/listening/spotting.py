"""Finding the phrases in audio with pocketsphinx's keyword spotting, fed 100 ms at a time
as a microphone feeds it. pocketsphinx is loaded only here, when listening."""

from __future__ import annotations

import contextlib
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from player.language import _
from player.listening import audio
from player.listening.alone import Levels, TakenOut
from player.listening.echo import EchoCanceller
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
    saying what to install, when the recogniser cannot be loaded.

    Fed with what the player played over the same moments, it first takes the player's
    voice out of what was heard (``echo.py``), measures as it goes how much it takes out
    (``alone.TakenOut``), and tells of a phrase said over that sound only when it is
    known for hers (``Hit.over_the_voice``); one that may be the player's is not told."""

    def __init__(self, keywords: Path) -> None:
        """``keywords``: a file of the phrases, as ``keyword_list`` writes them."""
        self._decoder = _decoder(keywords)  # reads the list while loading
        self._decoder.start_utt()
        self._found: set[tuple[str, int]] = set()
        self._levels = Levels()
        self._waiting: list[tuple[Hit, int, int]] = []
        self._echo: EchoCanceller | None = None
        self._before_echo = Levels()
        """With the echo taken out: the levels of what was heard before it was ..."""
        self._played = Levels()
        """... and of what was played meanwhile."""
        self._taken_out = TakenOut()

    def cancel_echo(self) -> str | None:
        """Start the echo canceller now; why it cannot start, or None."""
        try:
            self._echo = self._echo or EchoCanceller()
        except Failure as failure:
            return str(failure)
        return None

    def feed(self, samples: array[int], played: array[int] | None = None) -> list[Hit]:
        """Search ``samples`` (16 000 a second, one channel) after those fed before;
        ``played``, as many samples, is what the player played meanwhile, taken out first.
        Raises Failure when it is given and libspeexdsp is missing."""
        decoder = self._decoder
        if played is None and self._echo is not None:
            played = array("h", bytes(2 * len(samples)))
        if played is not None:
            if self._echo is None:
                self._echo = EchoCanceller()
            self._before_echo.add(samples)
            self._played.add(played)
            samples = self._echo.cancel(samples, played)
        heard = _as_heard(samples)
        decoder.process_raw(heard.tobytes(), False, False)
        before = self._levels.heard
        self._levels.add(heard)
        if self._echo is not None:
            self._measure_taken_out(self._levels.heard - before)
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
                over_the_voice = self._over_the_voice(start, end)
                if over_the_voice is not False:
                    told.append(replace(hit, over_the_voice=bool(over_the_voice)))
        self._waiting = waiting
        return told

    def _measure_taken_out(self, frames: int) -> None:
        """How much of what was heard the canceller took out in the last ``frames``
        frames, in those where only the player's echo could be heard."""
        cleaned, heard, played = self._levels, self._before_echo, self._played
        for frame in range(cleaned.heard - frames, cleaned.heard):
            if played.loudest(frame - ECHO_FRAMES, frame, share=1.0) > PLAYED_SOUNDING:
                self._taken_out.add(heard.at(frame), cleaned.at(frame))

    def _over_the_voice(self, start: int, end: int) -> bool | None:
        """For a phrase from frame ``start`` to ``end``: True when it was said over the
        player's sound and the canceller, known to work, left it as her words; False when
        it was said over the player's sound and may be its echo; None when the player
        played nothing then (as far as the spotter was told)."""
        if self._echo is None:
            return None
        if self._played.loudest(start - ECHO_FRAMES, end, share=1.0) <= PLAYED_SOUNDING:
            return None
        residual = self._taken_out.residual()
        if residual is None or residual > TRUSTED_RESIDUAL:
            return False  # not learned yet, or not taking the voice out: it may be the voice
        kept = kept_share(self._levels, self._before_echo, start, end)
        return kept >= max(KEPT_OF_HER_VOICE, OVER_RESIDUAL * residual)

    def close(self) -> None:
        self._decoder.end_utt()
        if self._echo is not None:
            self._echo.close()


PLAYED_SOUNDING = 100.0
"""A frame of what was played louder than this (of 32 768: 50 dB under the loudest) is
sound: speech, or a chime."""

TRUSTED_RESIDUAL = 0.3
"""The canceller is trusted while it leaves at most this share of the echo's loudness
(it takes out 10 dB or more); otherwise a phrase said over the player's sound is never
taken, as where there is no canceller. It leaves 0.01 to 0.03 of the bundled routines'
sessions heard across a room, and under 0.26 when she talks over the voice for half the
time from the voice's first seconds on (the corpus)."""

OVER_RESIDUAL = 3.0
"""A phrase said over the player's sound is hers only if the canceller left at least
three times the share of its loudness that it leaves of the echo: the player's own words
are the echo, and are left no louder than it."""

ECHO_FRAMES = 30
"""How long after it was played the player's sound may still be heard: 0.3 s."""

KEPT_OF_HER_VOICE = 0.25
"""And whatever the canceller leaves of the echo, a phrase heard while the player played
something is hers only if the canceller left at least this share of its loudness (it is
at most 12 dB quieter than before).

Her words are not in what was played, so they are left as they were (over the player's
voice as loud as hers, the corpus's phrases kept 0.49 of their loudness at least, most
0.6 to 0.9); the player's own words are taken away but for a trace, which the recogniser,
hearing loudness evened out, can still mishear (the "Start" of the first-trimester
routine, kept at 0.01, was heard as "stop now")."""


def kept_share(after: Levels, before: Levels, start: int, end: int) -> float:
    """How loud the frames from ``start`` to ``end`` are after the echo was taken out,
    against before: the loudest tenth of each."""
    cleaned, heard = after.loudest(start, end), before.loudest(start, end)
    return cleaned / heard if heard else 1.0


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


def heard_in(
    recording: Path | array[int],
    phrases: Sequence[Phrase] = PHRASES,
    played: array[int] | None = None,
) -> list[Heard]:
    """The commands heard in a recording (a file, or samples at 16 000 a second in one
    channel), each at the time its phrase ended; with ``played``, what the player played
    from the recording's first sample on, its echo taken out first."""
    samples = audio.read(recording) if isinstance(recording, Path) else recording
    samples = samples + array("h", bytes(2 * TAIL))  # the end of a file, as if heard on
    if played is not None:
        played = (played + array("h", bytes(2 * len(samples))))[: len(samples)]
    with keywords_file(phrases) as keywords:
        spotter = Spotter(keywords)
    hits = [
        hit
        for first in range(0, len(samples), CHUNK)
        for hit in spotter.feed(
            samples[first : first + CHUNK],
            None if played is None else played[first : first + CHUNK],
        )
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
