"""The recogniser's process: ``python -m player.listening.server KEYWORDS_FILE``.

pocketsphinx holds Python's lock while it loads its model (a quarter of a second here)
and while it searches, so it runs in a process of its own, where it can never hold up
the window's frames. It reads pieces of audio on standard input, each a 4-byte length
(little-endian) and that many bytes of 16-bit samples at 16 000 a second in one channel;
a length of 0 ends it. For each piece it writes one JSON line on standard output: the
phrases found, ``[[words, seconds], ...]``, each with when its last word ended, from
the first sample read. Its first line, once the model has loaded, is ``{"ready": true}``,
or ``{"error": why}`` when it cannot load.
"""

from __future__ import annotations

import json
import os
import struct
import sys
from array import array
from pathlib import Path
from typing import BinaryIO, TextIO

from player.listening.spotting import Spotter

LENGTH = struct.Struct("<I")


def serve(keywords: Path, requests: BinaryIO, answers: TextIO) -> None:
    try:
        spotter = Spotter(keywords)
    except Exception as error:  # any failure to load is told, as one line
        answers.write(json.dumps({"error": str(error)}) + "\n")
        answers.flush()
        return
    answers.write(json.dumps({"ready": True}) + "\n")
    answers.flush()
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
        answers.write(json.dumps([[hit.words, hit.end] for hit in hits]) + "\n")
        answers.flush()
    spotter.close()


def _answers() -> TextIO:
    """The real standard output, for answers alone; anything else printed goes nowhere."""
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    return answers


if __name__ == "__main__":
    serve(Path(sys.argv[1]), sys.stdin.buffer, _answers())
