"""Voice commands: how many phrases are heard, how often ordinary sound is heard as one,
how soon a command acts after its phrase ends, and what listening costs.

- recognition: the corpus of tests/listening_corpus.py (five synthetic speakers, two
  speeds, three noise levels), each phrase heard right or not;
- false commands an hour: the exported session of every bundled routine (the player's own
  voice, as it is and heard across a room with its echo taken out) and ten minutes of
  ordinary speech, none of which says a phrase;
- latency: ``daily-back-care`` played in the window with ``--listen-from`` a recording of
  phrases at known times; from each phrase's end to its action in the events file;
- CPU: the listener (its thread and the recogniser's process) hearing a recording in
  step with the clock, its CPU time over the seconds of sound heard: the player's own
  session heard across a room, and taken out (at real time; a quick run goes faster,
  where nothing is taken out).
"""

from __future__ import annotations

import json
import resource
import subprocess
import tempfile
import time
from array import array
from dataclasses import dataclass
from pathlib import Path

import soundfile

from bench.machine import Display, answer_first_use, percentile, player_command
from bench.modes import DAILY, Mode
from bench.report import PartResult, Target, table
from player.listening.audio import RATE
from player.listening.listener import Listener, RecordingSound
from player.listening.phrases import PHRASES
from player.playback.clock import MonotonicClock
from tests import listening_corpus as corpus
from tests.listening_sounds import through_room
from tests.test_listening import silence, spoken

RECOGNISED = 0.90
FALSE_AN_HOUR = 0.0
LATENCY_P95_MS = 800
LISTENER_CPU = 0.05
WORDS = {phrase.command: phrase.words for phrase in PHRASES}
ASKED = ("pause", "go-on") * 6 + ("next", "stop", "stop")
"""What the latency recording says, in order: a pause and a go-on six times, a next, then
"stop now" twice, which ends the session."""
ACTION_EVENTS = {"toggle_pause": ("paused", "resumed"), "next": ("skipped",), "done": ("done",)}
GAP_S = 6.0


@dataclass(frozen=True)
class Latency:
    late_ms: list[float]
    asked: int
    heard: int


@dataclass(frozen=True)
class Recognition:
    rate: float
    """Over the whole corpus."""
    said: int
    by_noise: dict[str, float]
    report: str


def recognition(folder: Path) -> Recognition:
    samples = corpus.build_corpus(folder)
    heard = corpus.hear_all(
        [sample.samples for sample in samples], played=[sample.played for sample in samples]
    )
    outcomes = [corpus.score(s, found) for s, found in zip(samples, heard, strict=True)]
    said = sum(len(outcome.sample.said) for outcome in outcomes)
    noises = {outcome.sample.noise for outcome in outcomes}
    by_noise = {
        noise: corpus.rate([o for o in outcomes if o.sample.noise == noise])
        for noise in sorted(noises)
    }
    return Recognition(corpus.rate(outcomes), said, by_noise, corpus.report(outcomes))


def _seconds(sound: Path | array[int]) -> float:
    if isinstance(sound, Path):
        return float(soundfile.info(str(sound)).duration)
    return len(sound) / RATE


def false_commands(folder: Path) -> tuple[int, float, list[str]]:
    """Commands heard in the negative set, its hours, and where each was heard."""
    recordings = corpus.negative_set(folder)
    sounds = [recording.sound for recording in recordings]
    heard = corpus.hear_all(sounds, played=[recording.played for recording in recordings])
    seconds = sum(_seconds(sound) for sound in sounds)
    where = [
        f"{recording.name} at {item.seconds:.1f} s: {item.command}"
        for recording, found in zip(recordings, heard, strict=True)
        for item in found
    ]
    return len(where), seconds / 3600, where


def latency_recording(folder: Path) -> tuple[Path, list[float]]:
    """The phrases of ``ASKED`` in turn by flite's voices, ``GAP_S`` apart, as a WAV file;
    and when each ends, in seconds."""
    voices = ("slt", "kal16", "awb", "rms")
    samples, ends = silence(GAP_S), []
    for number, command in enumerate(ASKED):
        samples += spoken(WORDS[command], voices[number % len(voices)], folder)
        ends.append(len(samples) / RATE)
        samples += silence(GAP_S)
    path = folder / "asked.wav"
    with soundfile.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        out.buffer_write(samples.tobytes(), dtype="int16")
    return path, ends


def latency(mode: Mode, display: Display, folder: Path) -> Latency:
    """Each phrase's end to its action, in ms of real time, from the events file."""
    said, ends = latency_recording(folder)
    speed = mode.speeds.get("listening", 1.0)
    events = folder / "events.jsonl"
    home = folder / "home"
    answer_first_use(display.env, home)
    subprocess.run(
        player_command(
            "play",
            DAILY,
            "--mute",
            "--close-at-end",
            "--no-warning-signs",
            "--speed",
            f"{speed:g}",
            "--events",
            str(events),
            "--listen-from",
            str(said),
        ),
        env={**display.env, "ROUTINE_PLAYER_HOME": str(home)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
        timeout=len(ASKED) * GAP_S * 3 + 120,
    )
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    begun = next(r["clock_ms"] for r in records if r["event"] == "step_started")
    heard = [r for r in records if r["event"] == "heard"]
    late = []
    for record in heard:
        end = min(ends, key=lambda end: abs(begun + end * 1000 / speed - record["said_ms"]))
        acted = next(
            (
                r["clock_ms"]
                for r in records
                if r["event"] in ACTION_EVENTS.get(str(record["action"]), ())
                and r["clock_ms"] >= record["clock_ms"]
            ),
            record["clock_ms"],
        )
        late.append(acted - (begun + end * 1000 / speed))
    return Latency(late, len(ASKED), len(heard))


def listener_cpu(mode: Mode, folder: Path) -> tuple[float, float]:
    """The listener's CPU time over the seconds of sound it heard, in step with the clock
    (faster in a quick run), and those seconds: the player's own session as the sound."""
    seconds = 300.0 if mode.name == "full" else 60.0
    pace = 1.0 if mode.name == "full" else 10.0
    with soundfile.SoundFile(corpus.export(DAILY, folder)) as sound:
        rate, channels = sound.samplerate, sound.channels
        raw = array("h", bytes(sound.buffer_read(round(seconds * rate), dtype="int16")))
    from player.listening.audio import resample, to_mono

    played = resample(to_mono(raw, channels), rate)
    heard = array("h", (min(max(round(v), -32_768), 32_767) for v in through_room(played)))
    clock = MonotonicClock()
    sound_in = RecordingSound(heard, clock, pace)
    before = time.process_time(), _children_cpu()
    ears = Listener(sound_in, now=clock.now)
    ears.played(played.tobytes(), RATE, 1)
    ears.begin(clock.now())
    heard_s = len(sound_in.samples) / RATE
    time.sleep(heard_s / pace + 1)
    ears.close()
    spent = time.process_time() - before[0] + _children_cpu() - before[1]
    return spent / heard_s, heard_s


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    with tempfile.TemporaryDirectory(prefix="bench-listening-") as kept:
        folder = Path(kept)
        heard_right = recognition(folder)
        false, hours, where = false_commands(folder)
        lag = latency(mode, display, folder)
        cpu, heard_s = listener_cpu(mode, folder)
    p50, p95 = percentile(lag.late_ms, 0.5), percentile(lag.late_ms, 0.95)
    targets = [
        Target(
            "voice commands recognised, the corpus (5 speakers, 2 speeds, 3 noise levels)",
            f">= {RECOGNISED:.0%}",
            f"{heard_right.rate:.1%} of {heard_right.said} ("
            + ", ".join(f"{noise} {share:.0%}" for noise, share in heard_right.by_noise.items())
            + ")",
            heard_right.rate >= RECOGNISED,
        ),
        Target(
            "false voice commands, the player's own sessions and ordinary speech",
            "0 an hour",
            f"{false / hours:.1f} an hour ({false} in {hours:.2f} h)",
            false / hours <= FALSE_AN_HOUR,
        ),
        Target(
            "from a phrase's end to its action (p50 / p95), `--listen-from` in the window",
            f"p95 < {LATENCY_P95_MS} ms",
            f"{p50:.0f} / {p95:.0f} ms over the {lag.heard} of {lag.asked} phrases heard",
            p95 < LATENCY_P95_MS,
        ),
        Target(
            "CPU of the listener (its thread and the recogniser's process)",
            f"< {LISTENER_CPU:.0%} of a core",
            f"{cpu:.2%} over {heard_s / 60:.1f} min of sound",
            cpu < LISTENER_CPU,
        ),
    ]
    section = [
        "## Voice commands",
        "",
        "Recognition over the corpus of tests/listening_corpus.py, by speaker, speed and "
        "noise, then each phrase missed:",
        "",
        "```",
        *heard_right.report.splitlines(),
        "```",
        "",
        f"False commands: {false} in {hours * 60:.0f} minutes of the bundled routines' "
        "exported sessions and ordinary speech read by flite" + (":" if where else "."),
        *(["", *table(["where"], [[w] for w in where])] if where else []),
        "",
        "The corpus's `player` noise is the player's own voice heard across a room "
        "(`ROOM_PATH` in tests/listening_sounds.py), as loud as the phrases, with what was "
        "played beside it, lined up sample for sample; the live player lines it up by the "
        "clock instead. No real room, sound device or microphone was measured here.",
        "",
        f"Latency: `{DAILY}` played in the window with `--listen-from` a recording of "
        f"{lag.asked} phrases {GAP_S:.0f} s apart (pause, keep going, next, stop twice), "
        f"the voice muted; {lag.heard} heard. From each phrase's end (as recorded) to the "
        "events line of its action, in ms of real time: "
        + ", ".join(f"{late:.0f}" for late in lag.late_ms)
        + ".",
    ]
    return PartResult(targets=targets, section=section, figures={"listener_cpu": cpu})
