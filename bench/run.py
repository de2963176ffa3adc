"""The player's benchmark: `make bench` (or `python bench/run.py`). Not part of the tests.

It plays a one-minute session in the window at real speed, as a person would, and
measures what the targets speak of: time to the first frame, CPU share of one core,
cue lateness, the longest frame delay while a long sentence is spoken, drift at the
end of the session, the export of a 20-minute routine, and peak memory. Then it exports
the 20-minute routine in each format, several times each, for the time, the file's size
and the export's peak memory. It prints the tables and writes BENCHMARKS.md beside the
README. Linux only (it reads /proc).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUTINE = ROOT / "bench" / "one-minute.yaml"
EXPORT_ROUTINE = "partner-back-massage"
EXPORT_FORMATS = (".mp3", ".ogg", ".flac", ".wav")
EXPORT_RUNS = 7
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    name: str
    target: str
    measured: str
    met: bool
    note: str = ""


def now_ms() -> int:
    return time.monotonic_ns() // 1_000_000


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """A real X11 display under Xvfb when it is installed, else SDL's dummy driver."""
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield {**env, "SDL_VIDEODRIVER": "dummy"}
        return
    server = subprocess.Popen(
        [xvfb, ":97", "-screen", "0", "1280x800x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    try:
        yield {**env, "DISPLAY": ":97", "SDL_VIDEODRIVER": "x11"}
    finally:
        server.terminate()
        server.wait()


def read_events(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(child) for child in text)
    return found


def play_command(events: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "run.py"),
        "play",
        str(ROUTINE),
        "--ui",
        "window",
        "--close-at-end",
        "--no-warning-signs",
        "--events",
        str(events),
        *extra,
    ]


def first_frame_times(env: dict[str, str], runs: int = 5) -> list[int]:
    """Milliseconds from starting the process to its first frame on screen."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            events = Path(folder) / "events.jsonl"
            started = now_ms()
            process = subprocess.Popen(
                play_command(events),
                env={**env, "ROUTINE_PLAYER_HOME": folder},  # not the person's own history
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            shown = None
            while shown is None and process.poll() is None:
                shown = next((e for e in read_events(events) if e["event"] == "first_frame"), None)
                time.sleep(0.005)
            process.send_signal(signal.SIGTERM)
            process.wait()
            if shown is None:
                raise SystemExit("the window never showed its first frame")
            times.append(int(str(shown["clock_ms"])) - started)
    return times


@dataclass
class Playback:
    cpu_share: float
    lateness: list[int]
    drift_ms: int
    peak_kib: int
    speech_peak_kib: int
    seconds: float


def play_one_minute(env: dict[str, str]) -> Playback:
    with tempfile.TemporaryDirectory() as folder:
        events = Path(folder) / "events.jsonl"
        process = subprocess.Popen(
            play_command(events),
            env={**env, "ROUTINE_PLAYER_HOME": folder},  # a cold cache, not the person's history
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        first_cpu = first_at = None
        peak = speech_peak = 0
        last_cpu, last_at = 0, 0
        while process.poll() is None:
            try:
                if first_cpu is None and any(
                    e["event"] == "first_frame" for e in read_events(events)
                ):
                    first_cpu, first_at = cpu_ticks(process.pid), time.monotonic()
                last_cpu, last_at = cpu_ticks(process.pid), time.monotonic()
                peak = max(peak, peak_kib(process.pid))
                for child in children(process.pid):
                    speech_peak = max(speech_peak, peak_kib(child))
            except (FileNotFoundError, ProcessLookupError):
                break
            time.sleep(0.25)
        process.wait()
        if first_cpu is None or first_at is None:
            raise SystemExit("the session did not start: " + process.stderr.read().decode()[-500:])
        record = read_events(events)
    cues = [e for e in record if e["event"] == "cue"]
    lateness = sorted(int(str(e["actual_ms"])) - int(str(e["planned_ms"])) for e in cues)
    start = next(e for e in record if e["event"] == "step_started")
    finish = next(e for e in record if e["event"] == "finished")
    elapsed = int(str(finish["clock_ms"])) - int(str(start["clock_ms"]))
    drift = elapsed - int(str(finish["total_ms"]))
    share = (last_cpu - first_cpu) / TICKS / max(0.001, last_at - first_at)
    return Playback(share, lateness, drift, peak, speech_peak, last_at - first_at)


def frame_delays_while_speaking(env: dict[str, str]) -> tuple[int, int, int]:
    """The window loop run here with the real voice: while the long sentence is said,
    how late each due frame was (ms), the longest frame step (ms), and the sentence's length."""
    os.environ.update(env)

    from player.playback.clock import MonotonicClock
    from player.playback.engine import Engine
    from player.playback.session import Session
    from player.routine.loader import load_routine
    from player.speech.select import make_speaker
    from player.speech.synth import VoiceSettings
    from player.window.app import WindowApp

    routine = load_routine(ROUTINE).routine
    speaker = make_speaker(VoiceSettings(), lambda line: print(line, file=sys.stderr))
    session = Session(Engine(routine), speaker)
    clock = MonotonicClock()
    app = WindowApp(session, clock)
    long_cue = next(c for c in session.engine.timeline.cues if c.text.startswith("Long words"))
    words = len(long_cue.text.split())
    sentence_ms = round(words / 2.75 * 1000)
    late: list[int] = []
    longest_step = 0
    wake = clock.now()
    started = clock.now()
    try:
        while session.engine.state != "finished":
            now = clock.now()
            position = session.engine.frame(now).position_ms
            if position > long_cue.at_ms + sentence_ms + 1000:
                break
            speaking = long_cue.at_ms <= position
            before = clock.now()
            app.step(before)
            step_ms = clock.now() - before
            if speaking:
                late.append(max(0, before - wake))
                longest_step = max(longest_step, step_ms)
            wake = app.next_wake(clock.now())
            app.wait(wake)
            if clock.now() - started > 120_000:
                break
    finally:
        app.close()
        session.close()
    return max(late, default=0), longest_step, sentence_ms


def export_seconds(env: dict[str, str], cold: bool) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "session.mp3"
        cache = folder if cold else env.get("XDG_CACHE_HOME", "")
        run_env = {**env, "XDG_CACHE_HOME": cache} if cache else env
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(ROOT / "run.py"), "export", EXPORT_ROUTINE, "--audio", str(out)],
            env=run_env,
            capture_output=True,
            text=True,
            check=True,
        )
        said = done.stdout.strip().split(": ", 1)[-1]  # "20:04, 334 of 334 cues spoken"
        return time.perf_counter() - started, said


@dataclass
class FormatRow:
    suffix: str
    seconds: list[float]
    size: int
    peak_kib: int
    track_s: float


def export_once(env: dict[str, str], out: Path) -> tuple[float, int]:
    """Seconds the export of the 20-minute routine to ``out`` took, and its peak memory
    (KiB) as the kernel counted it for that process alone."""
    command = [sys.executable, str(ROOT / "run.py"), "export", EXPORT_ROUTINE, "--audio", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"export to {out.name} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss


def export_formats(env: dict[str, str]) -> list[FormatRow]:
    """Each format in turn, EXPORT_RUNS rounds, after one export that makes every clip:
    what is timed is laying out the track and encoding it, not the speech engine."""
    import soundfile

    with tempfile.TemporaryDirectory() as folder:
        run_env = {**env, "ROUTINE_PLAYER_HOME": folder}  # its own clips and settings
        export_once(run_env, Path(folder) / "warm-up.mp3")
        rows = {suffix: FormatRow(suffix, [], 0, 0, 0.0) for suffix in EXPORT_FORMATS}
        for _round in range(EXPORT_RUNS):
            for suffix, row in rows.items():
                out = Path(folder) / f"session{suffix}"
                seconds, peak = export_once(run_env, out)
                row.seconds.append(seconds)
                row.peak_kib = max(row.peak_kib, peak)
                row.size = out.stat().st_size
                row.track_s = soundfile.info(str(out)).duration
                out.unlink()
    return list(rows.values())


def format_table(rows: list[FormatRow], load: tuple[float, float]) -> list[str]:
    lines = [
        "## Export in each format",
        "",
        f"`{EXPORT_ROUTINE}` ({rows[0].track_s / 60:.0f} minutes) exported once to make every "
        f"clip, then in each format in turn, {EXPORT_RUNS} rounds: the median time of the whole "
        "command with the fastest and the slowest run, the file's size and average bit rate, "
        "and the export process's peak memory (the speech process's not included). Load "
        f"average over one minute: {load[0]:.2f} before, {load[1]:.2f} after.",
        "",
        "| format | time, median (fastest-slowest) | size | average bit rate | peak memory |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        median = statistics.median(row.seconds)
        rate = row.size * 8 / row.track_s / 1000
        lines.append(
            f"| {row.suffix} | {median:.2f} s ({min(row.seconds):.2f}-{max(row.seconds):.2f}) "
            f"| {row.size / 1_000_000:.1f} MB | {rate:.0f} kbit/s | {row.peak_kib / 1024:.0f} MB |"
        )
    return lines


def percentile(values: list[int], share: float) -> int:
    if not values:
        return 0
    index = min(len(values) - 1, round(share * (len(values) - 1)))
    return sorted(values)[index]


def main() -> int:
    print("Benchmarking; this takes about five minutes.", flush=True)
    load_at_start = os.getloadavg()[0]
    results: list[Result] = []
    with display() as env:
        where = "Xvfb (X11)" if env.get("SDL_VIDEODRIVER") == "x11" else "SDL dummy video driver"
        frames = first_frame_times(env)
        first = statistics.median(frames)
        results.append(
            Result(
                "time to first frame",
                "< 0.5 s",
                f"{first / 1000:.2f} s (median of {len(frames)}; "
                f"{min(frames) / 1000:.2f}-{max(frames) / 1000:.2f})",
                first < 500,
            )
        )
        playback = play_one_minute(env)
        results.append(
            Result(
                "CPU share of one core, real-speed playback in the window",
                "< 2%",
                f"{playback.cpu_share * 100:.2f}% over {playback.seconds:.0f} s",
                playback.cpu_share < 0.02,
                "from the first frame to the end; the speech process renders ahead at the start",
            )
        )
        p50, p99 = percentile(playback.lateness, 0.5), percentile(playback.lateness, 0.99)
        worst = max(playback.lateness, default=0)
        results.append(
            Result(
                "cue lateness (actual - planned), p50 / p99 / max",
                "p99 < 5 ms",
                f"{p50} / {p99} / {worst} ms over {len(playback.lateness)} cues",
                p99 < 5,
            )
        )
        delay, longest, sentence = frame_delays_while_speaking(env)
        results.append(
            Result(
                "longest frame delay while a long sentence is spoken",
                "< 50 ms",
                f"{delay} ms late at worst; longest frame {longest} ms "
                f"(sentence about {sentence / 1000:.0f} s)",
                delay < 50 and longest < 50,
                "how late each frame that was due came, and the longest time one frame took, "
                "while the voice said a 19-second sentence",
            )
        )
        results.append(
            Result(
                "session end drift",
                "< 10 ms",
                f"{playback.drift_ms} ms",
                abs(playback.drift_ms) < 10,
                "clock time from the first step to the end, minus the planned length",
            )
        )
        cold, said = export_seconds(env, cold=True)
        warm, _ = export_seconds(env, cold=False)
        results.append(
            Result(
                "export of a 20-minute routine",
                "< 10 s",
                f"{cold:.1f} s with no clips cached, {warm:.1f} s with them ({said})",
                cold < 10,
            )
        )
        results.append(
            Result(
                "peak memory",
                "< 80 MB",
                f"{playback.peak_kib / 1024:.0f} MB player; "
                f"{playback.speech_peak_kib / 1024:.0f} MB speech process",
                playback.peak_kib / 1024 < 80,
            )
        )
        load_before = os.getloadavg()[0]
        formats = export_formats(env)
        load = (load_before, os.getloadavg()[0])
    write_report(results, where, format_table(formats, load), load_at_start)
    return 0


def write_report(results: list[Result], where: str, formats: list[str], load: float) -> None:
    machine = (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, window on {where}, sound to SDL's dummy audio "
        "driver (which plays in real time, to no device); load average over one minute "
        f"{load:.2f} at the start (the cores are shared, and other work slows the figures)"
    )
    rows = [
        "| measure | target | measured | met |",
        "| --- | --- | --- | --- |",
        *(
            f"| {r.name} | {r.target} | {r.measured} | {'yes' if r.met else '**no**'} |"
            for r in results
        ),
    ]
    notes = [f"- {r.name}: {r.note}" for r in results if r.note]
    text = "\n".join(
        [
            "# Benchmarks",
            "",
            "Made by `make bench` (bench/run.py), which plays bench/one-minute.yaml in the window",
            "at real speed with the voice on, as a person would; numbers vary a little per run.",
            "",
            f"Measured on: {machine}.",
            "",
            *rows,
            "",
            "Notes:",
            *notes,
            "",
            *formats,
            "",
        ]
    )
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    width = max(len(r.name) for r in results)
    for r in results:
        print(f"{r.name.ljust(width)}  {r.measured}  [{'met' if r.met else 'MISSED'}: {r.target}]")
    print("\n".join(formats[4:]))
    print("wrote BENCHMARKS.md")


if __name__ == "__main__":
    sys.exit(main())
