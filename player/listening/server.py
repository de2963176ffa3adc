"""The recogniser's process: ``python -m player.listening.server KEYWORDS_FILE``, or with
``--microphone`` to hear the microphone itself.

pocketsphinx holds Python's lock while it loads its model (a quarter of a second here)
and while it searches, and SDL's capture thread needs that lock too, so both live in a
process of their own, where they can never hold up the window's frames.

Fed: it reads pieces of audio on standard input, each a 4-byte length (little-endian) and
that many bytes of 16-bit samples at 16 000 a second in one channel; a length of 0 ends
it. For each piece it writes one JSON line on standard output: the phrases found,
``[[words, start, end], ...]``, in seconds from the first sample read.

With ``--microphone``: it hears the default capture device and writes a JSON line for
each phrase found, ``{"words": ..., "start_ms": ..., "end_ms": ...}`` on the player's
clock (``time.monotonic``); it ends when its standard input closes.

Either way its first line, once ready, is ``{"ready": true}``, or ``{"error": why}``.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import threading
from array import array
from pathlib import Path
from typing import BinaryIO, TextIO

from player.listening.spotting import Spotter

LENGTH = struct.Struct("<I")
RATE = 16_000


def serve(keywords: Path, requests: BinaryIO, answers: TextIO) -> None:
    spotter = _ready(keywords, answers)
    if spotter is None:
        return
    while True:
        head = requests.read(LENGTH.size)
        if len(head) < LENGTH.size:
            break
        (size,) = LENGTH.unpack(head)
        if size == 0:
            break
        samples = array("h")
        samples.frombytes(requests.read(size))
        hits = spotter.feed(samples)
        _say(answers, [[hit.words, hit.start, hit.end] for hit in hits])
    spotter.close()


def serve_microphone(keywords: Path, requests: BinaryIO, answers: TextIO) -> None:
    """Hear the microphone until ``requests`` closes; then end at once, the device left
    open (closing it could wait on SDL's thread, which waits on this process's lock)."""
    from player.listening.capture import Capture

    try:
        microphone = Capture()
    except Exception as error:  # whatever stops it is told, as one line
        _say(answers, {"error": str(error), "about": "microphone"})
        return
    spotter = _ready(keywords, answers)
    if spotter is None:
        return
    threading.Thread(target=_end_when_closed, args=(requests,), daemon=True).start()
    fed = 0
    while True:
        samples, ends_at = microphone.read()
        hits = spotter.feed(samples)
        fed += len(samples)
        for hit in hits:
            start, end = (
                ends_at - (fed - seconds * RATE) * 1000 / RATE for seconds in (hit.start, hit.end)
            )
            _say(answers, {"words": hit.words, "start_ms": round(start), "end_ms": round(end)})


def _end_when_closed(requests: BinaryIO) -> None:
    while requests.read(1):
        pass
    os._exit(0)


def _ready(keywords: Path, answers: TextIO) -> Spotter | None:
    try:
        spotter = Spotter(keywords)
    except Exception as error:  # any failure to load is told, as one line
        _say(answers, {"error": str(error)})
        return None
    _say(answers, {"ready": True})
    return spotter


def _say(answers: TextIO, answer: object) -> None:
    answers.write(json.dumps(answer) + "\n")
    answers.flush()


def _answers() -> TextIO:
    """The real standard output, for answers alone; anything else printed goes nowhere."""
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    return answers


if __name__ == "__main__":
    listen = serve_microphone if "--microphone" in sys.argv[2:] else serve
    listen(Path(sys.argv[1]), sys.stdin.buffer, _answers())
