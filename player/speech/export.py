"""A whole guided session as one audio track: every cue spoken at its planned offset.

The clips are the very ones the live voice plays, and the same rule decides what is
cut off, what waits and what is dropped, so the track sounds like the session. A step
that waits for done gets a fixed pause in the track, since a recording cannot wait.
The track is written in the format its file's name asks for (``encode``), a clip or a
stretch of silence at a time; a track that could not be written whole is removed.
"""

from __future__ import annotations

import contextlib
import io
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from player.language import _
from player.playback.timeline import Cue, Timeline
from player.speech.encode import (
    EncoderError,
    TrackFormat,
    TrackWriter,
    UnknownFormat,
    track_format,
)
from player.speech.policy import lay_out
from player.system.failures import Failure
from player.system.regular_files import open_for_writing, open_regular, output_problem, reason

SAMPLE_RATE = 22_050
WAIT_ALLOWANCE_MS = 30_000
_CHUNK = SAMPLE_RATE * 10


class ExportError(Failure):
    """The track could not be made; the message says why."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    duration_ms: int
    cues: int
    spoken: int
    cut_short: int = 0
    """Of the ``spoken`` cues, how many were cut off by the next before their end."""

    @property
    def whole(self) -> int:
        """The cues heard from their first word to their last."""
        return self.spoken - self.cut_short

    @property
    def left_out(self) -> int:
        """The cues not heard at all: their moment had passed before they could start."""
        return self.cues - self.spoken


def _read_clip(path: Path) -> bytes:
    try:
        with open_regular(path) as handle:
            data = handle.read()
    except OSError as error:
        raise ExportError(
            _("{name}: cannot read it: {reason}").format(name=path.name, reason=reason(error, path))
        ) from None
    try:
        with wave.open(io.BytesIO(data), "rb") as clip:
            if clip.getnchannels() != 1 or clip.getsampwidth() != 2:
                raise ExportError(_("{name}: expected 16-bit mono sound").format(name=path.name))
            if clip.getframerate() != SAMPLE_RATE:
                raise ExportError(
                    _("{name}: expected {rate:d} Hz sound").format(name=path.name, rate=SAMPLE_RATE)
                )
            return clip.readframes(clip.getnframes())
    except (wave.Error, EOFError) as error:
        raise ExportError(
            _("{name}: not a readable WAV file ({error})").format(name=path.name, error=error)
        ) from None


def _length_ms(data: bytes) -> int:
    """How long a clip of 16-bit mono samples lasts."""
    return len(data) * 1000 // (2 * SAMPLE_RATE)


def _frames(ms: int) -> int:
    return ms * SAMPLE_RATE // 1000


def export_audio(
    timeline: Timeline,
    out: Path,
    clip_for: Callable[[Cue], Path | None],
    *,
    wait_allowance_ms: int = WAIT_ALLOWANCE_MS,
) -> ExportResult:
    """Write the session to ``out`` in the format its name asks for (UnknownFormat for a
    name that asks for none, before any work). ``clip_for`` gives each cue's sound."""
    fmt = _format_of(out)
    waits_before = _waits_before(timeline)
    placed: list[tuple[int, int, bytes]] = []
    clips: dict[Path, bytes] = {}
    for cue in timeline.cues:
        clip = clip_for(cue)
        if clip is None:
            continue
        if clip not in clips:
            clips[clip] = _read_clip(clip)
        at = cue.at_ms + wait_allowance_ms * waits_before[cue.segment]
        placed.append((at, cue.priority, clips[clip]))
    placed.sort(key=lambda item: item[0])
    heard = lay_out([(at, priority, _length_ms(data)) for at, priority, data in placed])
    total_ms = timeline.total_ms + wait_allowance_ms * timeline.waits
    try:
        handle = open_for_writing(out)
    except OSError as error:
        raise ExportError(_cannot_write(out, reason(error, out))) from None
    try:
        with handle, TrackWriter(handle, fmt, SAMPLE_RATE) as track:
            written = 0
            for spoken in heard:
                start = _frames(spoken.start_ms)
                written = _silence(track, written, start)
                data = placed[spoken.index][2]
                length = min(len(data) // 2, _frames(spoken.end_ms) - start)
                track.write(data[: length * 2])
                written += length
            _silence(track, written, _frames(total_ms))
    except BaseException as error:
        with contextlib.suppress(OSError):
            out.unlink()  # never a file cut short under a name that promises a track
        if isinstance(error, EncoderError):
            raise ExportError(_cannot_write(out, str(error))) from None
        if isinstance(error, OSError):
            raise ExportError(_cannot_write(out, reason(error, out))) from None
        raise
    cut_short = sum(
        1
        for spoken in heard
        if spoken.end_ms - spoken.start_ms < _length_ms(placed[spoken.index][2])
    )
    return ExportResult(out, total_ms, len(timeline.cues), len(heard), cut_short)


def _format_of(out: Path) -> TrackFormat:
    """The format ``out``'s name asks for. What is at ``out`` is told first when it is no
    file to write (a device, a folder): that is the first thing to change."""
    try:
        return track_format(out)
    except UnknownFormat:
        problem = output_problem(out)
        if problem is not None:
            raise ExportError(_cannot_write(out, problem)) from None
        raise


def _cannot_write(out: Path, why: str) -> str:
    return _("cannot write {path}: {reason}").format(path=out, reason=why)


def _silence(track: TrackWriter, written: int, until: int) -> int:
    while written < until:
        count = min(_CHUNK, until - written)
        track.write(bytes(2 * count))
        written += count
    return written


def _waits_before(timeline: Timeline) -> list[int]:
    """For each segment, how many waiting segments come before it."""
    counts: list[int] = []
    seen = 0
    for segment in timeline.segments:
        counts.append(seen)
        if segment.kind == "wait":
            seen += 1
    return counts
