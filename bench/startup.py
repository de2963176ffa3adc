"""Start-up: how long a person waits for ``--help``, ``list``, ``check`` and the first frame.

Each command is timed whole, from starting the process to its end (or, for ``play``, to
the first frame on screen, as the player writes it in its events file), as many times as
the mode says, after one run that is not counted (it fills the disk cache). Each run is
counted only when the machine ran at its usual speed, as bench/yardstick.py tells, around it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.machine import ROOT, Spread, answer_first_use, now_ms, player_command
from bench.modes import DAILY, Mode
from bench.report import PartResult, Target, plural, table
from bench.yardstick import FULL_SPEED, MACHINE
from player.home.listing_index import INDEX_NAME

SMALL_ROUTINE = """\
title: Small routine {number}
steps:
  - exercise: Shoulder rolls {number}
    do: Roll your shoulders back slowly.
    time: 30s
  - rest: 10s
  - exercise: Neck stretch
    sides: both
    time: 20s
"""


def timed(command: list[str], env: dict[str, str], expect: str = "") -> float:
    """Seconds the command took, start to end; it must succeed and say ``expect``."""
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0 or expect not in done.stdout:
        raise SystemExit(
            f"{' '.join(command[1:4])}... failed ({done.returncode}): "
            f"{(done.stdout + done.stderr)[-400:]}"
        )
    return seconds


ONE_CORE = ["taskset", "-c", "0"]
"""The command on one core: ``check`` then shares no work with a copy of itself."""


def list_afresh(env: dict[str, str]) -> float:
    """``list`` with nothing kept from the last one: every routine read and compiled."""
    (Path(env["ROUTINE_PLAYER_HOME"]) / "cache" / INDEX_NAME).unlink(missing_ok=True)
    return timed(player_command("list"), env, DAILY)


PAUSE_S = 5.0
"""How long to wait after a run taken on a slow machine before the next try."""


@dataclass(frozen=True)
class Timed:
    """Every run of one measure: its seconds, and the slower of the yardsticks timed just
    before and just after it."""

    runs: tuple[tuple[float, float], ...]

    def every(self) -> Spread:
        return Spread(tuple(seconds for seconds, _yardstick in self.runs))

    def at_full_speed(self) -> tuple[float, ...]:
        return tuple(s for s, yardstick in self.runs if MACHINE.at_full_speed(yardstick))

    def counted(self) -> Spread:
        """The runs taken at full speed; every run if the machine never was."""
        return Spread(self.at_full_speed() or self.every().values)

    def slowest_pace(self) -> float:
        """How many times slower than its fastest the yardstick was, at worst, around a
        counted run."""
        paces = [MACHINE.pace(yardstick) for _seconds, yardstick in self.runs]
        fast = [pace for pace in paces if pace <= FULL_SPEED]
        return max(fast or paces)


def repeat(runs: int, measure: Callable[[], float], deadline: float) -> Timed:
    """``runs`` runs of ``measure`` at full speed, trying again after a pause while the
    machine runs slower, until the monotonic ``deadline``; then what was taken."""
    measure()  # not counted: it fills the disk cache
    taken: list[tuple[float, float]] = []
    while True:
        before = MACHINE.measure()
        seconds = measure()
        after = MACHINE.measure()
        taken.append((seconds, max(before, after)))
        timed = Timed(tuple(taken))
        if len(timed.at_full_speed()) >= runs:
            return timed
        if time.monotonic() >= deadline and len(taken) >= runs:
            return timed
        if not MACHINE.at_full_speed(max(before, after)) and time.monotonic() < deadline:
            time.sleep(PAUSE_S)


def small_routines(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"small-{number:04d}.yaml"
        path.write_text(SMALL_ROUTINE.format(number=number), encoding="utf-8")
        paths.append(str(path))
    return paths


def first_frame_ms(env: dict[str, str], home: Path) -> float:
    """Milliseconds from starting ``play`` to its first frame in the window."""
    events = home / "first-frame.jsonl"
    events.unlink(missing_ok=True)
    answer_first_use(env, home)  # as after a first start; no clips are made by it
    command = player_command(
        "play", DAILY, "--ui", "window", "--close-at-end", "--no-warning-signs",
        "--events", str(events),
    )
    started = now_ms()
    process = subprocess.Popen(
        command,
        env={**env, "ROUTINE_PLAYER_HOME": str(home)},
        stdin=subprocess.DEVNULL,  # whatever the benchmark was given is not the player's
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    shown: int | None = None
    try:
        while shown is None and process.poll() is None:
            shown = _first_frame(events)
            time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait()
    if shown is None:
        raise SystemExit("the window never showed its first frame")
    return float(shown - started)


def _first_frame(events: Path) -> int | None:
    try:
        text = events.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    for line in text.splitlines():
        if line.endswith("}"):
            record = json.loads(line)
            if record.get("event") == "first_frame":
                return int(record["clock_ms"])
    return None


def measure(mode: Mode, env: dict[str, str]) -> PartResult:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        base = Path(folder)
        home_env = {**env, "ROUTINE_PLAYER_HOME": str(base / "home")}
        one = str(ROOT / "routines" / f"{DAILY}.yaml")
        many = small_routines(base / "many", mode.check_files)
        count = len(many)

        def first_frame_cold() -> float:
            with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
                return first_frame_ms(env, Path(home))

        warm_home = base / "warm-home"
        warm_home.mkdir()
        MACHINE.sample()
        deadline = time.monotonic() + mode.startup_patience_s

        def again(measure: Callable[[], float]) -> Timed:
            return repeat(mode.runs, measure, deadline)

        def check_many(*prefix: str) -> float:
            return timed([*prefix, *player_command("check", *many)], home_env,
                         f"{count} files checked")

        timings = {
            "help": again(lambda: timed(player_command("--help"), home_env, "usage")),
            "list": again(lambda: timed(player_command("list"), home_env, DAILY)),
            "list afresh": again(lambda: list_afresh(home_env)),
            "check": again(lambda: timed(player_command("check", one), home_env, "all good")),
            "check many": again(check_many),
            "check many, one core": again(lambda: check_many(*ONE_CORE)),
            "first frame": again(lambda: first_frame_ms(env, warm_home) / 1000),
            "first frame cold": again(lambda: first_frame_cold() / 1000),
        }
    return _result(timings, mode, count)


def _result(timings: dict[str, Timed], mode: Mode, count: int) -> PartResult:
    measures: list[tuple[str, str, float | None]] = [
        ("help", "`--help`", 0.15),
        ("list", "`list`, as every time after the first (what it found is kept)", 0.15),
        ("list afresh", "`list` with its index emptied, as after a change to every routine", None),
        ("check", f"`check` of one file (`{DAILY}`, with its include)", 0.3),
        ("check many", f"`check` of {count} small files in one command", 0.5),
        ("check many, one core", f"the same {count} files on one core (`taskset -c 0`)", None),
        ("first frame", f"time to first frame (`play {DAILY}`, its clips cached)", 0.3),
        ("first frame cold", "time to first frame, first start (an empty home, no clips)", 0.3),
    ]
    result = PartResult()
    rows = []
    for key, name, limit in measures:
        timing = timings[key]
        spread = timing.counted()
        if limit is not None:
            result.targets.append(
                Target(name, f"< {limit:g} s", spread.text(unit=" s"), spread.median < limit)
            )
        fast = len(timing.at_full_speed())
        rows.append((
            name,
            f"{spread.low:.3f} s",
            f"{spread.median:.3f} s",
            f"{spread.high:.3f} s",
            f"{fast} of {len(timing.runs)}, at worst {timing.slowest_pace():.2f}x",
            f"{timing.every().median:.3f} s",
        ))
        result.figures[f"startup {key}"] = spread.median
    every = MACHINE.timings
    result.section = [
        "## Start-up",
        "",
        "Each command timed whole, from starting the process until it ended (for `play`, "
        "until the first frame was on screen, as its events file says), after one run that "
        "is not counted. The small files are routines of three steps, made for the benchmark.",
        "",
        "The targets are for a quiet machine, and this machine's speed changes by itself: "
        "with no load and no steal counted, the same fixed Python can take half as long "
        "again, or twice as long, for minutes on end. So a yardstick (bench/yardstick.py: "
        "a fixed loop in a fresh Python process) is timed just before and just after every "
        f"run, and a run counts when both are within {FULL_SPEED:g} times the fastest "
        "yardstick of the whole benchmark; runs on a slower machine are tried again after a "
        f"pause, until {plural(mode.runs, 'run')} count or "
        f"{mode.startup_patience_s / 60:.0f} minutes have passed. The last column gives the "
        "median of every run taken, counted or not. "
        f"The yardstick: fastest {MACHINE.fastest * 1000:.0f} ms, median "
        f"{Spread(tuple(every)).median * 1000:.0f} ms, slowest {max(every) * 1000:.0f} ms "
        f"over {len(every)} timings in this benchmark.",
        "",
        *table(
            ("command", "fastest", "median", "slowest", "runs counted, yardstick",
             "median of every run"),
            rows,
        ),
    ]
    return result
