"""The recordings the voice commands are tuned on and tested with.

The corpus: five synthetic speakers (flite's four voices, and festival's kal_diphone as
text2wave says it) each say every phrase, each after an ordinary sentence, at two speeds,
in three rooms: a quiet one, one with a room's noise 10 dB under the phrases, and one
where the player's own voice goes on as loud as the phrases. The negative set: the
exported session of every bundled routine, and ten minutes of the repository's own prose
read by flite's voices; no command is said in it.

Everything is made the same way each time: the speakers are programs, the noise comes
from a fixed seed. What is said and how is the data below. ``build_corpus`` makes the
corpus, ``negative_set`` the recordings of the negative set, ``hear_all`` listens to many
recordings on two processes, ``score`` and ``report`` say what was heard right.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
import subprocess
import sys
from array import array
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import soundfile

from player.listening.audio import RATE, read, resample, to_mono
from player.listening.heard import Heard
from player.listening.phrases import PHRASES, Phrase
from player.listening.spotting import heard_in
from tests.listening_prose import readings
from tests.listening_sounds import (
    Recording,
    Speaker,
    level,
    noise_level,
    room_noise,
    said,
    silence,
    squeezed,
    stretch,
    through_room,
    under,
)

REPO = Path(__file__).resolve().parent.parent

SPEAKERS = (
    Speaker("slt", "flite"),
    Speaker("kal16", "flite"),
    Speaker("awb", "flite"),
    Speaker("rms", "flite"),
    Speaker("kal_diphone", "festival"),
)

SPEEDS = {"normal": 1.0, "fast": 0.8}
"""Each speed's name, and how long each sound lasts against the speaker's usual."""


@dataclass(frozen=True)
class Noise:
    name: str
    bed: str
    """What is heard under the speech: ``""`` nothing, ``"room"`` the noise of a room,
    ``"player"`` the player's own voice saying a routine's cues one after another, as
    heard across a room (``through_room``); what it played is kept with the sample, as
    the player knows what it plays."""
    ratio_db: float = 0.0
    """How much louder the phrases are than the bed, in decibels: the root mean square of
    the phrases' frames that are not silence against that of the room's noise, or of the
    player's voice measured as the phrases are."""


NOISES = (Noise("clean", ""), Noise("room", "room", 10.0), Noise("player", "player", 0.0))

PLAYER_ROUTINE = "daily-back-care"
"""The routine whose exported session is the player's voice under the phrases."""

PLAYER_MINUTES = 2.5
"""How much of that session: its cues in these first minutes."""

LEAD_INS = (
    "Lie on your left side and breathe slowly.",
    "That feels a little better on my lower back.",
    "The oil is warm enough now, thank you.",
    "Could you press a bit more lightly on the shoulder?",
    "My hands are sticky, so I cannot touch the screen.",
    "I think the timer ran too quickly for me.",
    "Let me roll over onto my side for a moment.",
)
"""What the speaker says before each phrase (the first before the first phrase, and so
on), as someone in the room talks before she asks."""

OPENING, BEFORE, AFTER = 1.5, 1.0, 1.5
"""Seconds of quiet (or of the bed alone) at the start of a recording, between a lead-in
and its phrase, and after each phrase."""

TOLERANCE = 0.8
"""A command heard this many seconds or fewer from the end of its phrase is heard right."""

PROSE_MINUTES = 10
"""How much of the repository's prose the negative set reads aloud."""


@dataclass(frozen=True)
class Said:
    """A phrase said in a sample: its words, its command, and when it ends, in seconds."""

    words: str
    command: str
    end: float


@dataclass(frozen=True)
class Sample:
    """One recording of the corpus: a speaker saying every phrase at a speed in a room."""

    speaker: str
    speed: str
    noise: str
    samples: array[int]
    said: tuple[Said, ...]
    played: array[int] | None = None
    """What the player played meanwhile, from the first sample on; None: nothing."""

    @property
    def condition(self) -> str:
        return f"{self.speaker} {self.speed} {self.noise}"


def build_corpus(
    folder: Path,
    phrases: Sequence[Phrase] = PHRASES,
    noises: Sequence[Noise] = NOISES,
    processes: int = 2,
) -> list[Sample]:
    """Every speaker, speed and noise of the corpus, one sample each, in that order, made
    on ``processes`` processes at once. ``folder`` keeps the player's exported session
    (made when it is not there yet)."""
    voice = player_voice(folder)
    jobs = [
        _Job(speaker, speed, tuple(phrases), tuple(noises), voice, number)
        for number, (speaker, speed) in enumerate(itertools.product(SPEAKERS, SPEEDS))
    ]
    with _pool(processes) as pool:
        return [sample for samples in pool.map(_recordings, jobs) for sample in samples]


@dataclass(frozen=True)
class _Job:
    speaker: Speaker
    speed: str
    phrases: tuple[Phrase, ...]
    noises: tuple[Noise, ...]
    voice: array[int]
    number: int


def _recordings(job: _Job) -> list[Sample]:
    """The samples of one speaker at one speed: the same saying in each noise, each
    noise from its own moment of the room's noise and of the player's voice."""
    clean, said_in, reference = _saying(job.speaker, SPEEDS[job.speed], job.phrases)
    noise = room_noise()
    samples: list[Sample] = []
    for condition in job.noises:
        mixed, played = clean, None
        wanted = reference / 10 ** (condition.ratio_db / 20)
        if condition.bed == "room":
            start = RATE * 3 * job.number % len(noise)
            mixed = under(clean, noise, wanted / noise_level(noise), start)
        elif condition.bed == "player":
            start = RATE * 11 * job.number % len(job.voice)
            played = array("h", (round(value) for value in stretch(job.voice, len(clean), start)))
            heard = through_room(played)
            mixed = under(clean, heard, wanted / level([round(value) for value in heard]))
        samples.append(Sample(job.speaker.name, job.speed, condition.name, mixed, said_in, played))
    return samples


def _saying(
    speaker: Speaker, stretch: float, phrases: Sequence[Phrase]
) -> tuple[array[int], tuple[Said, ...], float]:
    """The lead-ins and phrases said one after another; when each phrase ends; and how
    loud the phrases are."""
    lead_ins = [LEAD_INS[number % len(LEAD_INS)] for number in range(len(phrases))]
    clips = said([*lead_ins, *(phrase.words for phrase in phrases)], speaker, stretch)
    samples = silence(OPENING)
    ends: list[Said] = []
    for lead_in, words, phrase in zip(
        clips[: len(phrases)], clips[len(phrases) :], phrases, strict=True
    ):
        samples += lead_in + silence(BEFORE) + words
        ends.append(Said(phrase.words, phrase.command, len(samples) / RATE))
        samples += silence(AFTER)
    return samples, tuple(ends), level(sum(clips[len(phrases) :], array("h")))


def _pool(processes: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))


def export(name: str, folder: Path) -> Path:
    """The session of the bundled routine ``name`` as ``run.py export`` writes it with its
    default options, in English, in ``folder`` (made once, then kept there)."""
    return export_all([name], folder)[0]


def export_all(names: Sequence[str], folder: Path, processes: int = 2) -> list[Path]:
    """The sessions of the bundled routines ``names``, exported ``processes`` at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES"}
    }
    environment.update(LANG="C.UTF-8", ROUTINE_PLAYER_HOME=str(folder / "home"))
    paths = [folder / f"{name}.wav" for name in names]
    waiting = [(name, path) for name, path in zip(names, paths, strict=True) if not path.exists()]
    running: list[tuple[str, subprocess.Popen[bytes]]] = []
    while waiting or running:
        while waiting and len(running) < processes:
            name, path = waiting.pop(0)
            partial = path.with_suffix(".part.wav")
            command = [sys.executable, str(REPO / "run.py"), "export", name, "--audio"]
            process = subprocess.Popen(
                [*command, str(partial)],
                env=environment,
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            running.append((name, process))
        name, process = running.pop(0)
        _, error = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"run.py export {name} failed: {error.decode(errors='replace')}")
        (folder / f"{name}.part.wav").rename(folder / f"{name}.wav")
    return paths


def player_voice(folder: Path) -> array[int]:
    """The player's own voice saying the cues of the first minutes of ``PLAYER_ROUTINE``
    one after another, the pauses between them cut to a third of a second."""
    with soundfile.SoundFile(export(PLAYER_ROUTINE, folder)) as sound:
        channels, rate = sound.channels, sound.samplerate
        first = sound.buffer_read(round(PLAYER_MINUTES * 60 * rate), dtype="int16")
    samples = array("h", bytes(first))
    return squeezed(resample(to_mono(samples, channels), rate), 0.3)


def routine_names() -> list[str]:
    return sorted(path.stem for path in (REPO / "routines").glob("*.yaml"))


def negative_set(folder: Path, phrases: Sequence[Phrase] = PHRASES) -> list[Recording]:
    """What no command is said in: the session of every bundled routine (exported to
    ``folder``), as it is and as the microphone hears it across a room with what the
    player played beside it; and the prose read aloud, a recording a voice, less the
    sentences that say one of ``phrases``."""
    names = routine_names()
    routines = export_all(names, folder)
    prose = readings(
        REPO,
        [speaker for speaker in SPEAKERS if speaker.program == "flite"],
        PROSE_MINUTES * 60,
        [phrase.words for phrase in phrases],
    )
    sessions = [Recording(name, path) for name, path in zip(names, routines, strict=True)]
    echoed = []
    for name, path in zip(names, routines, strict=True):
        played = read(path)
        heard = array(
            "h", (min(max(round(value), -32_768), 32_767) for value in through_room(played))
        )
        echoed.append(Recording(f"{name} across a room", heard, played=played))
    return [*sessions, *echoed, *prose]


def hear_all(
    recordings: Sequence[Path | array[int]],
    phrases: Sequence[Phrase] = PHRASES,
    processes: int = 2,
    played: Sequence[array[int] | None] | None = None,
) -> list[list[Heard]]:
    """The commands heard in each recording, listening for ``phrases``, on ``processes``
    processes at once, the longest recording first; ``played``: for each recording, what
    the player played meanwhile (or None), its echo taken out."""
    order = sorted(range(len(recordings)), key=lambda index: -_length(recordings[index]))
    playing = list(played) if played is not None else [None] * len(recordings)
    with _pool(processes) as pool:
        heard = list(
            pool.map(
                functools.partial(_hear, tuple(phrases)),
                [recordings[index] for index in order],
                [playing[index] for index in order],
            )
        )
    found: list[list[Heard]] = [[] for _ in recordings]
    for index, commands in zip(order, heard, strict=True):
        found[index] = commands
    return found


def _hear(
    phrases: Sequence[Phrase], recording: Path | array[int], played: array[int] | None
) -> list[Heard]:
    return heard_in(recording, phrases, played)


def _length(recording: Path | array[int]) -> int:
    return recording.stat().st_size // 2 if isinstance(recording, Path) else len(recording)


@dataclass(frozen=True)
class Outcome:
    """What was heard in a sample: how many of its phrases were heard right (their own
    command, within ``TOLERANCE`` of their end), those that were not, and the commands
    heard that no phrase said there (a wrong command is both)."""

    sample: Sample
    right: int
    missed: tuple[Said, ...]
    wrong: tuple[Heard, ...]


def score(sample: Sample, heard: Sequence[Heard]) -> Outcome:
    """What was heard right and wrong in ``sample``: each command heard matches the phrase
    of that command ending nearest it, within ``TOLERANCE``, not matched before."""
    waiting = list(sample.said)
    wrong: list[Heard] = []
    for item in heard:
        near = [
            one
            for one in waiting
            if one.command == item.command and abs(one.end - item.seconds) <= TOLERANCE
        ]
        match = min(near, key=lambda one: abs(one.end - item.seconds), default=None)
        if match is None:
            wrong.append(item)
        else:
            waiting.remove(match)
    right = len(sample.said) - len(waiting)
    return Outcome(sample, right, tuple(waiting), tuple(wrong))


def rate(outcomes: Sequence[Outcome]) -> float:
    """The share of the phrases said that were heard right."""
    said_in = sum(len(outcome.sample.said) for outcome in outcomes)
    return sum(outcome.right for outcome in outcomes) / said_in if said_in else 0.0


def report(outcomes: Sequence[Outcome]) -> str:
    """The share heard right over all; by speaker, speed, noise, and speaker in each
    noise; and of each phrase; then each phrase missed and each command heard wrongly,
    with the sample it was in."""
    said_in = sum(len(outcome.sample.said) for outcome in outcomes)
    lines = [f"heard right: {rate(outcomes):.1%} of {said_in} phrases said"]
    for label in ("speaker", "speed", "noise"):
        groups: dict[str, list[Outcome]] = {}
        for outcome in outcomes:
            groups.setdefault(getattr(outcome.sample, label), []).append(outcome)
        lines.append(f"by {label}: " + ", ".join(f"{n} {rate(g):.0%}" for n, g in groups.items()))
    for noise in dict.fromkeys(outcome.sample.noise for outcome in outcomes):
        shares = [
            f"{o.sample.speaker} {o.sample.speed} {o.right}/{len(o.sample.said)}"
            for o in outcomes
            if o.sample.noise == noise
        ]
        lines.append(f"in {noise}: " + ", ".join(shares))
    said_each = Counter(one.words for outcome in outcomes for one in outcome.sample.said)
    missed_each = Counter(one.words for outcome in outcomes for one in outcome.missed)
    lines.append(
        "each phrase: " + ", ".join(f"{w} {n - missed_each[w]}/{n}" for w, n in said_each.items())
    )
    for outcome in outcomes:
        for phrase in outcome.missed:
            lines.append(
                f"missed: {outcome.sample.condition}: {phrase.words!r} at {phrase.end:.1f}s"
            )
        for item in outcome.wrong:
            lines.append(
                f"wrong: {outcome.sample.condition}: {item.command} at {item.seconds:.1f}s"
            )
    return "\n".join(lines)
