"""The recogniser's process: ``python -m player.listening.server KEYWORDS_FILE``, with
``--microphone`` to hear the microphone itself, and ``--echo`` to take what the player
plays out of what is heard (``echo.py``).

pocketsphinx holds Python's lock while it loads its model (a quarter of a second here)
and while it searches, and SDL's capture thread needs that lock too, so both live in a
process of their own, where they can never hold up the window's frames. Taking the
player's voice out of what is heard is done here too.

It reads messages on standard input, each a kind (one byte), a length (4 bytes,
little-endian) and that many bytes; it ends when its input ends or a message of kind
``E`` comes:

- ``A``, audio heard: the clock time (``time.monotonic``, in ms, 8 bytes) its last sample
  was heard, then 16-bit samples at 16 000 a second in one channel. The answer is one
  JSON line: the phrases found, ``[[words, start, end, over_the_voice], ...]``, in seconds
  from the first sample heard (``over_the_voice``: see ``heard.Hit``).
- ``P``, the player began a sound: its clock time (8 bytes), its rate (4 bytes), its
  channels (2 bytes), then its 16-bit samples. No answer.
- ``S``, the player stopped sounding: its clock time (8 bytes). No answer.

With ``--microphone``, no audio is sent: it hears the default capture device and writes a
JSON line for each phrase found, ``{"words": ..., "start_ms": ..., "end_ms": ...,
"over_the_voice": ...}`` on the clock.

Either way its first line, once ready, is ``{"ready": true, "echo": ...}`` (whether the
player's voice is taken out; if asked and it cannot be, ``"echo_problem"`` says why), or
``{"error": why}``.
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

from player.listening.heard import Hit
from player.listening.played import Played, one_channel
from player.listening.spotting import Spotter
from player.system.failures import Failure

HEAD = struct.Struct("<cI")
"""A message's kind and length."""
CLOCK = struct.Struct("<q")
SOUND = struct.Struct("<qIH")
"""A sound's clock time, rate and channels."""
RATE = 16_000

ECHO_LEAD_MS = 10
"""What was played is given to the echo canceller this much before the clock says it
sounded. The canceller takes out an echo that comes after what it was given, up to its
``TAIL`` (256 ms) after, never one that comes before. The player's clock stamps a sound
when it is handed to the mixer, before it sounds, and a microphone's samples when they
were heard (``capture.SampleClock``); so every echo comes after, and this lead covers only
the rounding of the times to whole ms. The sound device's delay and the room's echoes
together must fit in the tail: a device that takes longer than about 150 ms to play a
sound leaves the echo uncancelled, and then the canceller is not trusted (``spotting``):
phrases said over the voice are not taken, as where there is no canceller."""


def message(kind: bytes, body: bytes) -> bytes:
    """A message to this process, as ``serve`` reads it."""
    return HEAD.pack(kind, len(body)) + body


class _Ears:
    """The spotter, and what the player played: messages in, phrases found out."""

    def __init__(self, keywords: Path, echo: bool, answers: TextIO) -> None:
        self.answers = answers
        self.played: Played | None = None
        self.lock = threading.Lock()
        self.spotter: Spotter | None = None
        try:
            self.spotter = Spotter(keywords)
        except Exception as error:  # any failure to load is told, as one line
            _say(answers, {"error": str(error)})
            return
        ready: dict[str, object] = {"ready": True, "echo": False}
        if echo:
            problem = self.spotter.cancel_echo()
            if problem is None:
                self.played = Played()
                ready["echo"] = True
            else:
                ready["echo_problem"] = problem
        _say(answers, ready)

    def take(self, kind: bytes, body: bytes) -> None:
        """A message other than audio heard."""
        if self.played is None:
            return
        if kind == b"P":
            at, rate, channels = SOUND.unpack_from(body)
            sound = one_channel(body[SOUND.size :], channels)
            with self.lock:
                self.played.play(sound, at, rate)
        elif kind == b"S":
            (at,) = CLOCK.unpack_from(body)
            with self.lock:
                self.played.stop(at)

    def hear(self, samples: array[int], ends_at: int) -> list[Hit]:
        """Phrases found once ``samples``, whose last was heard at ``ends_at``, are heard."""
        assert self.spotter is not None
        played = None
        if self.played is not None:
            with self.lock:
                played = self.played.span(ends_at + ECHO_LEAD_MS, len(samples))
        return self.spotter.feed(samples, played)


def serve(keywords: Path, requests: BinaryIO, answers: TextIO, *, echo: bool = False) -> None:
    ears = _Ears(keywords, echo, answers)
    if ears.spotter is None:
        return
    while (read := _read(requests)) is not None:
        kind, body = read
        if kind == b"A":
            (ends_at,) = CLOCK.unpack_from(body)
            samples = array("h")
            samples.frombytes(body[CLOCK.size :])
            hits = ears.hear(samples, ends_at)
            _say(answers, [[hit.words, hit.start, hit.end, hit.over_the_voice] for hit in hits])
        else:
            ears.take(kind, body)
    ears.spotter.close()


def serve_microphone(
    keywords: Path, requests: BinaryIO, answers: TextIO, *, echo: bool = False
) -> None:
    """Hear the microphone until ``requests`` ends; then end at once, the device left
    open (closing it could wait on SDL's thread, which waits on this process's lock)."""
    from player.listening.capture import Capture

    try:
        microphone = Capture()
    except Exception as error:  # whatever stops it is told, as one line
        _say(answers, {"error": str(error), "about": "microphone"})
        return
    ears = _Ears(keywords, echo, answers)
    if ears.spotter is None:
        return
    threading.Thread(target=_take_until_closed, args=(ears, requests), daemon=True).start()
    fed = 0
    while True:
        samples, ends_at = microphone.read()
        hits = ears.hear(samples, ends_at)
        fed += len(samples)
        for hit in hits:
            start, end = (
                ends_at - (fed - second * RATE) * 1000 / RATE for second in (hit.start, hit.end)
            )
            found = {"words": hit.words, "start_ms": round(start), "end_ms": round(end)}
            _say(answers, {**found, "over_the_voice": hit.over_the_voice})


def _take_until_closed(ears: _Ears, requests: BinaryIO) -> None:
    while (read := _read(requests)) is not None:
        ears.take(*read)
    os._exit(0)


def _read(requests: BinaryIO) -> tuple[bytes, bytes] | None:
    """The next message's kind and body; None at the end."""
    head = requests.read(HEAD.size)
    if len(head) < HEAD.size:
        return None
    kind, size = HEAD.unpack(head)
    body = requests.read(size)
    if kind == b"E" or len(body) < size:
        return None
    return kind, body


def _say(answers: TextIO, answer: object) -> None:
    answers.write(json.dumps(answer) + "\n")
    answers.flush()


def _answers() -> TextIO:
    """The real standard output, for answers alone; anything else printed goes nowhere."""
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    return answers


def main(arguments: list[str]) -> None:
    listen = serve_microphone if "--microphone" in arguments[1:] else serve
    try:
        listen(Path(arguments[0]), sys.stdin.buffer, _answers(), echo="--echo" in arguments[1:])
    except Failure as failure:
        print(failure, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
