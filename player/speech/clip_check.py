"""Whether a saved voice clip is whole, told from its header and its size alone.

A clip in the folder of voice clips can be damaged (a full disk, a crash, a copy cut
short): the player finds out before playing it by reading its first bytes, never the
sound. A whole clip is what the speech process writes: a WAV file of 16-bit mono sound
at 22,050 Hz whose sound runs exactly to the end of the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from player.language import _

CLIP_RATE = 22_050
CLIP_CHANNELS = 1
CLIP_SAMPLE_BITS = 16
PCM = 1
HEAD_BYTES = 4096
"""Read this much of a clip to find its sound; the player's own header is 44 bytes."""


def _number(data: bytes, start: int, size: int) -> int:
    return int.from_bytes(data[start : start + size], "little")


def _format_problem(fmt: bytes) -> str | None:
    """What is wrong with the sound's format (a WAV "fmt " chunk), or None."""
    if len(fmt) < 16:
        return _("its format is cut short")
    shape = (_number(fmt, 0, 2), _number(fmt, 2, 2), _number(fmt, 4, 4), _number(fmt, 14, 2))
    if shape != (PCM, CLIP_CHANNELS, CLIP_RATE, CLIP_SAMPLE_BITS):
        return _("not {bits:d}-bit mono sound at {rate:d} Hz").format(
            bits=CLIP_SAMPLE_BITS, rate=CLIP_RATE
        )
    return None


def _sound_problem(start: int, length: int, file_size: int) -> str | None:
    """What is wrong with where the sound (a WAV "data" chunk) lies in the file, or None."""
    if length == 0:
        return _("no sound in it")
    end = start + length + length % 2
    if end > file_size:
        return _("cut short")
    if end < file_size:
        return _("longer than its header says")
    return None


def wav_problem(head: bytes, file_size: int) -> str | None:
    """What is wrong with a clip, from its first bytes and its size; None when it is whole."""
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return _("not a WAV file")
    if _number(head, 4, 4) + 8 > file_size:
        return _("cut short")
    fmt: bytes | None = None
    at = 12
    while at + 8 <= len(head):
        kind, length, body = head[at : at + 4], _number(head, at + 4, 4), at + 8
        if kind == b"fmt ":
            fmt = head[body : body + length]
        elif kind == b"data":
            if fmt is None:
                return _("no sound format before the sound")
            return _format_problem(fmt) or _sound_problem(body, length, file_size)
        at = body + length + length % 2
    return _("no sound in it")


MISSING = "no such clip"
"""Not a word for people: what ``clip_problem`` answers for a clip not made yet."""


def clip_problem(path: Path) -> str | None:
    """What is wrong with the clip at ``path`` (``MISSING`` when there is none); None when
    it is whole.

    Its bytes and its size come from one open file, so a clip being replaced by another
    player at the same moment is seen whole, old or new."""
    try:
        with path.open("rb") as clip:
            head = clip.read(HEAD_BYTES)
            size = os.fstat(clip.fileno()).st_size
    except FileNotFoundError:
        return MISSING
    except OSError as error:
        return _("unreadable: {reason}").format(reason=error.strerror or error)
    return wav_problem(head, size)
