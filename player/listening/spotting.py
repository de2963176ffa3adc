"""Finding the phrases in a recording with pocketsphinx's keyword spotting, fed 100 ms at
a time as a microphone would feed it. pocketsphinx is loaded only here, when listening."""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from player.language import _
from player.listening import audio
from player.listening.heard import Heard, Hit, commands_heard
from player.listening.phrases import PHRASES, Phrase, keyword_list
from player.system.failures import Failure

CHUNK = audio.RATE // 10
"""Samples fed at a time: 100 ms."""

FRAMES_A_SECOND = 100
"""The recogniser's frames: one every 10 ms."""


TAIL = 16_000
"""A second of silence heard after a recording ends: a phrase at its very end is told
only once the frames after it are searched, as a microphone would go on giving them."""


def heard_in(recording: Path | array[int], phrases: Sequence[Phrase] = PHRASES) -> list[Heard]:
    """The commands heard in a recording (a file, or samples at 16 000 a second in one
    channel), each at the time its phrase ended."""
    samples = audio.read(recording) if isinstance(recording, Path) else recording
    return commands_heard(_hits(samples, phrases), phrases)


def _hits(samples: array[int], phrases: Sequence[Phrase]) -> Iterator[Hit]:
    with tempfile.TemporaryDirectory(prefix="routine-player-") as folder:
        keywords = Path(folder) / "phrases.kws"
        keywords.write_text(keyword_list(phrases), encoding="utf-8")
        decoder = _decoder(keywords)
        decoder.start_utt()
        found: set[tuple[str, int]] = set()
        heard = samples + array("h", bytes(2 * TAIL))  # the end of a file, as if heard on
        for first in range(0, len(heard), CHUNK):
            decoder.process_raw(heard[first : first + CHUNK].tobytes(), False, False)
            if decoder.hyp() is None:
                continue
            for segment in decoder.seg():
                if (segment.word, segment.end_frame) not in found:
                    found.add((segment.word, segment.end_frame))
                    yield Hit(segment.word, segment.end_frame / FRAMES_A_SECOND)
        decoder.end_utt()


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
