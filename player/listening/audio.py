"""A recording as the recogniser hears it: 16-bit samples, one channel, 16 000 a second.

Any rate and any number of channels are read: the channels are averaged into one and the
rate is changed by straight lines between neighbouring samples, which keeps what speech
needs (below 8 kHz) without any library beyond ``soundfile``.
"""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

from player.language import _
from player.system.failures import Failure, InvalidInput
from player.system.regular_files import open_regular, reason

RATE = 16_000
"""Samples a second the recogniser's model was trained on."""


def to_mono(samples: array[int], channels: int) -> array[int]:
    """Interleaved samples of ``channels`` channels as one channel, their average."""
    if channels == 1:
        return samples
    frames = len(samples) // channels
    parts = [samples[channel::channels][:frames] for channel in range(channels)]
    return array("h", (sum(values) // channels for values in zip(*parts, strict=True)))


def resample(samples: array[int], rate: int, to: int = RATE) -> array[int]:
    """One channel's samples at ``rate`` a second, as ``to`` a second: each new sample on
    the straight line between the two old ones around it."""
    if rate == to or not samples:
        return samples
    padded = samples + samples[-1:]
    count = len(samples) * to // rate
    return array(
        "h",
        [
            padded[index] + (padded[index + 1] - padded[index]) * part // to
            for index, part in (divmod(step, to) for step in range(0, count * rate, rate))
        ],
    )


def read(path: Path) -> array[int]:
    """The recording in ``path`` at 16 000 samples a second in one channel; InvalidInput
    saying why when it cannot be read or is not audio."""
    soundfile = _soundfile()
    try:
        with open_regular(path) as handle, soundfile.SoundFile(handle) as sound:
            channels, rate = sound.channels, sound.samplerate
            samples = array("h")
            samples.frombytes(bytes(sound.buffer_read(dtype="int16")))
    except OSError as error:
        raise InvalidInput(
            _("cannot read {path}: {reason}").format(path=path, reason=reason(error, path))
        ) from None
    except (RuntimeError, ValueError, TypeError):
        raise InvalidInput(
            _("{path} is not a recording that can be read (WAV, FLAC, Ogg or MP3)").format(
                path=path
            )
        ) from None
    return resample(to_mono(samples, channels), rate)


def _soundfile() -> Any:
    try:
        import soundfile
    except (ImportError, OSError) as error:
        raise Failure(
            _("cannot read audio ({error}); try: {fix}").format(
                error=error, fix="pip install --force-reinstall soundfile"
            )
        ) from None
    return soundfile
