"""Sounds for the voice command corpus, made with flite, festival's text2wave and plain
Python: a line said by a synthetic speaker at a speed, silence, a room's noise, and one
sound laid under another at a signal-to-noise ratio. Every sound is 16 kHz, one channel,
16-bit, and the same each time it is made (the noise comes from a fixed seed)."""

from __future__ import annotations

import functools
import math
import operator
import random
import shutil
import subprocess
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy

from player.listening.audio import RATE, read

FRAME = RATE // 100
"""10 ms of samples: the step at which loudness is measured."""

QUIET = 0.03
"""A frame quieter than this share of the loudest frame (30 dB below it) is silence."""

INSTALL = "sudo apt-get install flite festival festvox-kallpc16k"


@dataclass(frozen=True)
class Speaker:
    """A synthetic speaker: one of flite's voices, or one of festival's."""

    name: str
    program: str
    """``flite`` or ``festival``."""


@dataclass(frozen=True)
class Recording:
    """A recording and its name; for speech read aloud, when each text began, in seconds;
    for the player's voice heard across a room, what it played."""

    name: str
    sound: Path | array[int]
    texts: tuple[tuple[float, str], ...] = ()
    played: array[int] | None = None

    def text_at(self, seconds: float) -> str:
        """The text being read ``seconds`` from the start (or just read): "" if none."""
        begun = [text for start, text in self.texts if start <= seconds]
        return begun[-1] if begun else ""


def missing_programs() -> str | None:
    """What must be installed for the speakers to speak, in one line; None when all is."""
    missing = [program for program in ("flite", "festival") if shutil.which(program) is None]
    festival = shutil.which("festival")
    if festival is not None:
        tried = subprocess.run([festival, "-b", "(voice_kal_diphone)"], capture_output=True)
        if tried.returncode != 0:
            missing.append("festival's kal_diphone voice")
    if not missing:
        return None
    return (
        f"{' and '.join(missing)} missing: the voice command tests speak with flite's "
        f"voices and festival's kal_diphone ({INSTALL})"
    )


def said(texts: Sequence[str], speaker: Speaker, stretch: float) -> list[array[int]]:
    """Each of ``texts`` said by ``speaker``, each sound lasting ``stretch`` times its usual
    length (0.8 is a fifth faster), without the silence the synthesiser leaves around it.
    Festival says them all in one run (as text2wave would, one at a time)."""
    program = shutil.which(speaker.program)
    if program is None:
        raise RuntimeError(missing_programs())
    with tempfile.TemporaryDirectory(prefix="routine-player-") as folder:
        outs = [Path(folder) / f"said-{number}.wav" for number in range(len(texts))]
        if speaker.program == "flite":
            for text, out in zip(texts, outs, strict=True):
                command = [program, "-voice", speaker.name, "--setf", f"duration_stretch={stretch}"]
                subprocess.run([*command, "-t", text, "-o", str(out)], check=True, timeout=120)
        else:
            script = Path(folder) / "say.scm"
            script.write_text(_festival_script(texts, outs, speaker, stretch), encoding="utf-8")
            done = subprocess.run([program, "-b", str(script)], capture_output=True, timeout=120)
            if done.returncode != 0 or not all(out.exists() for out in outs):
                raise RuntimeError(
                    f"festival could not say the lines as {speaker.name} ({INSTALL}): "
                    + done.stderr.decode(errors="replace").strip()
                )
        return [trimmed(read(out)) for out in outs]


def _festival_script(
    texts: Sequence[str], outs: Sequence[Path], speaker: Speaker, stretch: float
) -> str:
    lines = [f"(voice_{speaker.name})", f"(Parameter.set 'Duration_Stretch {stretch})"]
    for text, out in zip(texts, outs, strict=True):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'(utt.save.wave (utt.synth (Utterance Text "{quoted}")) "{out}" \'riff)')
    return "\n".join(lines) + "\n"


def silence(seconds: float) -> array[int]:
    return array("h", bytes(2 * round(seconds * RATE)))


def frames(samples: Sequence[int]) -> list[int]:
    """The loudness of each 10 ms frame: its largest sample either side of zero."""
    return [
        max(max(samples[start : start + FRAME]), -min(samples[start : start + FRAME]))
        for start in range(0, len(samples) - FRAME + 1, FRAME)
    ]


def trimmed(samples: array[int]) -> array[int]:
    """The samples from the first loud frame to the end of the last."""
    loudness = frames(samples)
    if not loudness:
        return samples
    floor = max(loudness) * QUIET
    loud = [index for index, value in enumerate(loudness) if value > floor]
    return samples[loud[0] * FRAME : (loud[-1] + 1) * FRAME]


def squeezed(samples: array[int], longest_pause: float) -> array[int]:
    """The samples with every pause cut to ``longest_pause`` seconds at most."""
    loudness = frames(samples)
    floor = max(loudness, default=0) * QUIET
    kept = array("h")
    quiet_run = 0
    allowed = round(longest_pause * 100)
    for index, value in enumerate(loudness):
        quiet_run = quiet_run + 1 if value <= floor else 0
        if quiet_run <= allowed:
            kept += samples[index * FRAME : (index + 1) * FRAME]
    return kept


def level(samples: Sequence[int]) -> float:
    """How loud speech is: the root mean square of the frames that are not silence."""
    loudness = frames(samples)
    floor = max(loudness, default=0) * QUIET
    total, count = 0, 0
    for index, value in enumerate(loudness):
        if value > floor:
            frame = samples[index * FRAME : (index + 1) * FRAME]
            total += sum(map(operator.mul, frame, frame))
            count += FRAME
    return math.sqrt(total / count) if count else 0.0


@functools.cache
def room_noise(seconds: float = 30.0, seed: int = 2024) -> array[float]:
    """A room's noise at a root mean square of 1: a fan's or a street's hiss, its power
    falling with pitch (white noise through three low-pass filters, each stronger and
    lower), and the hum of the mains at 50 Hz and its next two harmonics."""
    rng = random.Random(seed)
    period = RATE // 50
    hum = [
        sum(
            amount * math.sin(2 * math.pi * pitch * index / RATE)
            for pitch, amount in ((50, 0.05), (100, 0.03), (150, 0.015))
        )
        for index in range(period)
    ]
    low = lower = lowest = 0.0
    noise = array("d")
    for index in range(round(seconds * RATE)):
        white = rng.gauss(0.0, 1.0)
        low = 0.96900 * low + 0.1538520 * white
        lower = 0.99332 * lower + 0.0750759 * white
        lowest = 0.99886 * lowest + 0.0555179 * white
        noise.append(low + lower + lowest + 0.1 * white + hum[index % period])
    scale = math.sqrt(len(noise) / sum(map(operator.mul, noise, noise)))
    return array("d", (value * scale for value in noise))


def noise_level(noise: Sequence[float]) -> float:
    """How loud a steady noise is: the root mean square of all of it."""
    return math.sqrt(sum(map(operator.mul, noise, noise)) / len(noise)) if noise else 0.0


def stretch(bed: Sequence[float], length: int, start: int = 0) -> list[float]:
    """``length`` samples of ``bed`` from sample ``start`` on, going round to its beginning
    when it ends."""
    laid: list[float] = []
    while len(laid) < length:
        laid.extend(bed[start : start + length - len(laid)])
        start = 0
    return laid


ROOM_PATH = ((40, 0.8), (47, 0.35), (58, -0.25), (73, 0.18), (95, -0.12), (130, 0.08), (180, -0.05))
"""How the player's voice reaches the microphone, in ms after it was played and how much
of it: the sound device's delay and the way straight from the laptop's speaker (40 ms),
then the walls, the floor and the ceiling, each later and fainter."""


SPEAKER_AVERAGE = 35


def through_room(played: Sequence[float]) -> list[float]:
    """``played`` as the microphone hears it across the room (``ROOM_PATH``), through a
    laptop's small speaker, which gives little under 200 Hz."""
    path = numpy.zeros(ROOM_PATH[-1][0] * RATE // 1000 + 1)
    for delay_ms, amount in ROOM_PATH:
        path[delay_ms * RATE // 1000] = amount
    heard = numpy.convolve(numpy.asarray(played, dtype=float), path)[: len(played)]
    # Less of what changes slowly: what is left once the average of the last 35 samples
    # (2 ms) is taken away, which halves the power at 200 Hz and below.
    sums = numpy.concatenate(([0.0], numpy.cumsum(heard)))
    low = (sums[SPEAKER_AVERAGE:] - sums[:-SPEAKER_AVERAGE]) / SPEAKER_AVERAGE
    low = numpy.concatenate((heard[: SPEAKER_AVERAGE - 1] * 0, low))
    return (heard - low).tolist()


def under(speech: array[int], bed: Sequence[float], gain: float, start: int = 0) -> array[int]:
    """``speech`` with ``bed`` times ``gain`` laid under it, from sample ``start`` of
    ``bed`` (going round to its beginning when it ends); when the sum would not fit in 16
    bits, all of it a little quieter."""
    laid = stretch(bed, len(speech), start)
    mixed = [round(value + gain * below) for value, below in zip(speech, laid, strict=True)]
    peak = max(max(mixed, default=0), -min(mixed, default=0))
    if peak > 32_767:
        mixed = [value * 32_767 // peak for value in mixed]
    return array("h", mixed)
