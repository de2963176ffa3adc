"""The CPU floor, measured: bench/floor.py run in the same window and sound set-up as the
player, its CPU share read from /proc over a stretch after its first frame."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.machine import BENCH, TICKS, Display, Spread, cpu_ticks
from bench.modes import Mode
from bench.report import PartResult, plural, table
from player.window.display import INPUT_POLL_MS

FLOOR = BENCH / "floor.py"


def floor_share(display: Display, seconds: float) -> float:
    """The floor program's share of one core over ``seconds`` after its first frame."""
    process = subprocess.Popen(
        [sys.executable, str(FLOOR), str(seconds + 30)],
        env=display.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        if process.stdout is None or process.stdout.readline().strip() != "shown":
            raise SystemExit("the floor program did not show its window")
        before, started = cpu_ticks(process.pid), time.monotonic()
        time.sleep(seconds)
        after, ended = cpu_ticks(process.pid), time.monotonic()
    finally:
        process.terminate()
        process.wait()
    return (after - before) / TICKS / (ended - started)


def measure(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    spread = Spread(tuple(floor_share(display, mode.floor_seconds) for _ in range(mode.floor_runs)))
    result = PartResult(figures={"floor": spread.median})
    rows = [
        (
            f"run {number}",
            f"{share * 100:.2f}% of a core over {mode.floor_seconds:g} s",
        )
        for number, share in enumerate(spread.values, 1)
    ]
    rows.append(("median", f"{spread.median * 100:.2f}%"))
    result.section = [
        "## The CPU floor",
        "",
        "`bench/floor.py` is a bare pygame window of the player's size with the mixer open as "
        "the player opens it, sound to the same dummy driver, doing nothing but looking for "
        f"keys and clicks every {INPUT_POLL_MS} ms, as the player's window does while it "
        "waits (`INPUT_POLL_MS`). Any pygame program that answers a key that fast pays this "
        "much; the player's CPU shares are also given as a multiple of its median. Its CPU share "
        f"is read over {mode.floor_seconds:g} s after its first frame, "
        f"{plural(mode.floor_runs, 'time')}.",
        "",
        *table(("floor", "CPU share"), rows),
    ]
    return result
