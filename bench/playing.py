"""Playing a routine whole, as a person would, while its CPU time and memory (and its
speech process's) are read at a steady rate; then what the events file says.

It plays in one of the three places a session can be shown: the window, a full-screen
terminal (through a pseudo-terminal of 80x24, whose questions are answered with Enter
alone, as a person skips them, and which is closed with q at the end), or plain lines
written to a file (what the player shows when its output is no terminal, and what plays
the voice alone).

The player is started with a home folder of its own (an empty history, no clips cached:
a first session), the voice on, its sound to SDL's dummy driver, which plays in real time
to no device, and ``--events``: every cue's planned and actual routine time, each step's
start and the end, with the clock time each was written at.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import os
import pty
import struct
import subprocess
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bench.machine import (
    ROOT,
    answer_first_use,
    cpu_ticks,
    memory_kib,
    now_ms,
    player_command,
    speech_process,
)

Record = dict[str, Any]

WINDOW = "window"
TERMINAL = "terminal"
LINES = "lines"
WHERE = {
    WINDOW: "in the window",
    TERMINAL: "in a full-screen terminal of 80x24",
    LINES: "as plain lines to a file",
}
"""Where a session is shown, as the report says it."""
QUESTION_PROMPT = b"Enter alone skips"
"""The end of a question asked in the terminal; Enter alone skips it."""


@dataclass(frozen=True)
class Sample:
    """One reading of the player and its speech process (None before it starts)."""

    at_ms: int
    ticks: int
    rss_kib: int
    peak_kib: int
    speech_ticks: int | None
    speech_rss_kib: int | None
    speech_peak_kib: int | None


@dataclass(frozen=True)
class Played:
    routine: str
    speed: float
    started_ms: int
    ended_ms: int
    samples: list[Sample]
    events: list[Record]
    phases: list[tuple[int, int]]
    """Where the routine's steps in phases are (the breathing circle moves), in routine ms."""
    planned_total_ms: int
    ui: str = WINDOW


def routine_path(routine: str) -> Path:
    path = Path(routine)
    return path if path.suffix in (".yaml", ".yml") else ROOT / "routines" / f"{routine}.yaml"


def phase_spans(routine: str) -> tuple[list[tuple[int, int]], int]:
    """The stretches of the routine in which a phase plays (the breathing circle grows,
    holds or shrinks), in routine ms, and the routine's planned length, as the player
    plans it with the default choices."""
    from player.playback.compiler import compile_timeline
    from player.routine.loader import load_routine

    timeline = compile_timeline(load_routine(routine_path(routine)).routine)
    spans = [
        (s.start_ms, s.end_ms)
        for s in timeline.segments
        if s.kind == "work" and s.phase is not None and s.duration_ms > 0
    ]
    return spans, timeline.total_ms


def play_whole(
    env: dict[str, str], routine: str, speed: float, sample_s: float, ui: str = WINDOW
) -> Played:
    phases, total_ms = phase_spans(routine)
    limit_s = total_ms / 1000 / speed + 180
    shown = ["--ui", "window", "--close-at-end"] if ui == WINDOW else ["--ui", "text"]
    with tempfile.TemporaryDirectory(prefix="bench-play-") as home:
        answer_first_use(env, home)
        events = Path(home) / "events.jsonl"
        command = player_command(
            "play", str(routine_path(routine)), *shown,
            "--no-warning-signs", "--events", str(events), "--speed", f"{speed:g}",
        )
        said = Path(home) / "stderr.txt"
        with said.open("wb") as err, _shown(ui, Path(home)) as (stdin, stdout, at_end):
            started = now_ms()
            process = subprocess.Popen(
                command,
                env={**env, "ROUTINE_PLAYER_HOME": home, "TERM": "xterm-256color"},
                stdin=stdin,
                stdout=stdout,
                stderr=err,
                start_new_session=ui == TERMINAL,
            )
            samples = _sample_until_done(process, sample_s, limit_s, lambda: at_end(events))
            ended = now_ms()
        error = said.read_text(encoding="utf-8", errors="replace")
        if process.returncode != 0:
            raise SystemExit(f"playing {routine} failed ({process.returncode}): {error[-600:]}")
        record = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    if not any(r["event"] == "finished" for r in record):
        raise SystemExit(f"{routine} did not play to its end: {error[-600:]}")
    return Played(routine, speed, started, ended, samples, record, phases, total_ms, ui)


Streams = tuple[int | IO[bytes], int | IO[bytes], Callable[[Path], None]]


@contextlib.contextmanager
def _shown(ui: str, home: Path) -> Iterator[Streams]:
    """The player's standard input and output for ``ui``, and what to do once a sample
    finds the session's end in the events file."""
    if ui == TERMINAL:
        with _pseudo_terminal() as (screen, close):
            yield screen, screen, close
    elif ui == LINES:
        with (home / "stdout.txt").open("wb") as out:
            yield subprocess.DEVNULL, out, lambda _events: None
    else:
        yield subprocess.DEVNULL, subprocess.DEVNULL, lambda _events: None


@contextlib.contextmanager
def _pseudo_terminal() -> Iterator[tuple[int, Callable[[Path], None]]]:
    """A terminal of 80x24 for the player: what it draws is read and dropped, each
    question is skipped with Enter, and q closes it once the events file says finished."""
    keyboard, screen = pty.openpty()
    fcntl.ioctl(screen, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def read_all() -> None:
        seen = b""
        while True:
            try:
                data = os.read(keyboard, 65536)
            except OSError:  # the player has gone: no terminal is left open on it
                return
            if not data:
                return
            seen = seen[1 - len(QUESTION_PROMPT) :] + data  # a prompt split between reads
            for _ in range(seen.count(QUESTION_PROMPT)):
                os.write(keyboard, b"\n")

    closed = False

    def close_at_end(events: Path) -> None:
        nonlocal closed
        if not closed and b'"event": "finished"' in _read(events):
            os.write(keyboard, b"q")
            closed = True

    reader = threading.Thread(target=read_all, daemon=True)
    reader.start()
    try:
        yield screen, close_at_end
    finally:
        os.close(screen)
        reader.join(timeout=5)
        os.close(keyboard)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def _sample_until_done(
    process: subprocess.Popen[bytes], every_s: float, limit_s: float, each: Callable[[], None]
) -> list[Sample]:
    samples: list[Sample] = []
    speech: int | None = None
    deadline = time.monotonic() + limit_s
    wake = time.monotonic()
    while process.poll() is None:
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise SystemExit(f"the player took longer than {limit_s:.0f} s; stopped")
        try:
            at = now_ms()
            ticks = cpu_ticks(process.pid)
            rss, peak = memory_kib(process.pid)
            speech = speech if speech is not None else speech_process(process.pid)
        except (FileNotFoundError, ProcessLookupError):
            break
        speech_ticks = speech_rss = speech_peak = None
        if speech is not None:
            try:
                speech_ticks = cpu_ticks(speech)
                speech_rss, speech_peak = memory_kib(speech)
            except (FileNotFoundError, ProcessLookupError):
                speech_ticks = speech_rss = speech_peak = None
        samples.append(Sample(at, ticks, rss, peak, speech_ticks, speech_rss, speech_peak))
        each()
        wake += every_s
        time.sleep(max(0.0, wake - time.monotonic()))
    process.wait()
    return samples


# -- what the run says ----------------------------------------------------------------------


def first(events: list[Record], kind: str) -> Record:
    return next(r for r in events if r["event"] == kind)


def lateness_ms(played: Played) -> list[float]:
    """How late each cue of the timeline came, in clock ms: the routine time the player
    said it at, less the time it was planned for (a resume's get-ready words excluded)."""
    return [
        (int(r["actual_ms"]) - int(r["planned_ms"])) / played.speed
        for r in played.events
        if r["event"] == "cue" and not str(r.get("key", "")).startswith("resume")
    ]


def cut_short(played: Played) -> int:
    return sum(1 for r in played.events if r["event"] == "cue_cut")


def drift_ms(played: Played) -> float:
    """Clock time from the first step to the end, less the planned length (in clock time)."""
    start = first(played.events, "step_started")
    finish = first(played.events, "finished")
    elapsed = int(finish["clock_ms"]) - int(start["clock_ms"])
    return elapsed - int(finish["total_ms"]) / played.speed


def position_ms(played: Played, clock_ms: int) -> float:
    """Where in the routine play was at ``clock_ms``, from the last step start before it
    (no pauses or skips here: play moves at ``speed``)."""
    anchors = [r for r in played.events if r["event"] in ("step_started", "finished")]
    anchor = anchors[0]
    for record in anchors:
        if int(record["clock_ms"]) <= clock_ms:
            anchor = record
    return int(anchor["actual_ms"]) + (clock_ms - int(anchor["clock_ms"])) * played.speed


def in_phases(played: Played, position: float) -> bool:
    return any(start <= position < end for start, end in played.phases)


@dataclass(frozen=True)
class CpuShare:
    """Share of one core: CPU seconds over clock seconds."""

    cpu_s: float
    clock_s: float

    @property
    def share(self) -> float:
        return self.cpu_s / self.clock_s if self.clock_s else 0.0


def cpu_shares(played: Played, ticks_per_s: int) -> dict[str, CpuShare]:
    """The player's CPU share from its first frame (or, with no window, its first step) to
    the end of the routine: over all of it ("all"), while a phase plays and the breathing
    circle moves ("phases"), and the rest of the time ("no phases"); and the speech
    process's over all of it ("speech")."""
    opening = "first_frame" if played.ui == WINDOW else "step_started"
    shown = int(first(played.events, opening)["clock_ms"])
    finished = int(first(played.events, "finished")["clock_ms"])
    totals = {name: [0.0, 0.0] for name in ("all", "phases", "no phases", "speech")}
    span = [s for s in played.samples if shown <= s.at_ms <= finished]
    for before, after in itertools.pairwise(span):
        seconds = (after.at_ms - before.at_ms) / 1000
        cpu = (after.ticks - before.ticks) / ticks_per_s
        middle = position_ms(played, (before.at_ms + after.at_ms) // 2)
        part = "phases" if in_phases(played, middle) else "no phases"
        for name in ("all", part):
            totals[name][0] += cpu
            totals[name][1] += seconds
        if before.speech_ticks is not None and after.speech_ticks is not None:
            totals["speech"][0] += (after.speech_ticks - before.speech_ticks) / ticks_per_s
            totals["speech"][1] += seconds
    return {name: CpuShare(cpu, clock) for name, (cpu, clock) in totals.items()}
