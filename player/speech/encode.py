"""Sound written to a file in the format its name asks for, a piece at a time.

The format comes from the file's ending alone (``.mp3``, ``.ogg``, ``.flac``, ``.wav``),
so that a file is always what its name says; any other ending is refused before any
work is done. The encoding is libsndfile's, through the ``soundfile`` package, whose
wheels carry libsndfile with its MP3, Vorbis and FLAC encoders. It is imported only
when a track is written, so that no other command pays for loading it.

The sound is 16-bit mono, written as it comes: a track of hours never has to be held
in memory whole.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from player.language import _


@dataclass(frozen=True)
class TrackFormat:
    """One kind of file a track can be written as."""

    suffix: str
    words: str
    """What it is, for people."""
    container: str
    """libsndfile's major format."""
    codec: str
    """libsndfile's subtype."""


FORMATS: tuple[TrackFormat, ...] = (
    # libsndfile's own settings for each encoder: MP3 at a variable bit rate (LAME's
    # quality 4) and Vorbis at its default quality, so that the long silences of a
    # session cost next to nothing; FLAC and WAV keep every sample.
    TrackFormat(".mp3", "MP3", "MP3", "MPEG_LAYER_III"),
    TrackFormat(".ogg", "Ogg Vorbis", "OGG", "VORBIS"),
    TrackFormat(".flac", "FLAC", "FLAC", "PCM_16"),
    TrackFormat(".wav", "WAV", "WAV", "PCM_16"),
)

WRITE_FRAMES = 8192
"""The most samples handed to the encoder at once. libvorbis takes stack space in
proportion to what one write gives it, and a write of minutes can overflow the stack."""


class UnknownFormat(ValueError):
    """A file name whose ending names no format a track can be written as."""


class EncoderError(Exception):
    """The encoder could not be loaded, or failed while writing; the message says why."""


def endings() -> str:
    """The endings a track may have, for people: ``.mp3, .ogg, .flac or .wav``, the list
    written as the language in use writes one."""
    from babel.lists import format_list

    from player.language.formats import babel_locale

    return str(format_list([f.suffix for f in FORMATS], style="or", locale=babel_locale()))


def track_format(path: Path) -> TrackFormat:
    """The format ``path``'s ending asks for; UnknownFormat, in one line, for any other."""
    suffix = path.suffix.lower()
    for candidate in FORMATS:
        if candidate.suffix == suffix:
            return candidate
    if path.suffix:
        said = _(
            "{path}: a track is written as {endings}, told by the file's ending; "
            "this name has '{ending}'"
        )
    else:
        said = _(
            "{path}: a track is written as {endings}, told by the file's ending; "
            "this name has no ending"
        )
    raise UnknownFormat(said.format(path=path, endings=endings(), ending=path.suffix))


def _soundfile() -> Any:
    """The soundfile module; EncoderError when it or its libsndfile cannot be loaded."""
    try:
        import soundfile
    except (ImportError, OSError) as error:
        raise EncoderError(
            _("the sound encoder could not be loaded ({error}); reinstall it: {fix}").format(
                error=error, fix="pip install --force-reinstall soundfile"
            )
        ) from None
    return soundfile


class TrackWriter:
    """A track being written: 16-bit mono samples in, the encoded file out."""

    def __init__(self, handle: BinaryIO, fmt: TrackFormat, sample_rate: int) -> None:
        soundfile = _soundfile()
        try:
            self._file = soundfile.SoundFile(
                handle.fileno(),
                "w",
                samplerate=sample_rate,
                channels=1,
                format=fmt.container,
                subtype=fmt.codec,
                closefd=False,
            )
        except (RuntimeError, ValueError, TypeError) as error:
            raise EncoderError(
                _("the {format} encoder did not start ({error})").format(
                    format=fmt.words, error=error
                )
            ) from None

    def write(self, samples: bytes) -> None:
        """Add 16-bit little-endian mono samples to the track."""
        step = 2 * WRITE_FRAMES
        whole = memoryview(samples)
        try:
            for start in range(0, len(whole), step):
                self._file.buffer_write(whole[start : start + step], dtype="int16")
        except RuntimeError as error:  # libsndfile's errors
            raise EncoderError(_failed(error)) from None

    def close(self) -> None:
        """Finish the file (the encoder's last frames, the header's lengths)."""
        try:
            self._file.close()
        except RuntimeError as error:  # libsndfile's errors
            raise EncoderError(_failed(error)) from None

    def __enter__(self) -> TrackWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:  # the file is removed anyway: only let go of the encoder
            with contextlib.suppress(RuntimeError):
                self._file.close()


def _failed(error: BaseException) -> str:
    return _("writing stopped part-way ({error}; is the disk full?)").format(
        error=str(error).strip().rstrip(".")
    )
