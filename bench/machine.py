"""What the benchmark reads of the machine: processes in /proc, the load, the display.

Linux only: CPU time and memory come from /proc, as the kernel counts them.
"""

from __future__ import annotations

import os
import platform
import select
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout: run.py, routines/ and bench/ are here."""
BENCH = ROOT / "bench"
TICKS = os.sysconf("SC_CLK_TCK")
"""CPU time in /proc/PID/stat is counted in these per second."""
SCREEN = (1280, 720)


def now_ms() -> int:
    """The clock the player writes in its events file (``time.monotonic``), in ms."""
    return time.monotonic_ns() // 1_000_000


def player_command(*args: str) -> list[str]:
    """The player as a person starts it from the checkout."""
    return [sys.executable, str(ROOT / "run.py"), *args]


def answer_first_use(env: dict[str, str], home: Path | str) -> None:
    """Answer, in ``home``'s settings, the question the player asks once before its first
    exercise routine: no doctor or midwife advised against exercise."""
    subprocess.run(
        player_command("settings", "set", "advised-against-exercise", "no"),
        env={**env, "ROUTINE_PLAYER_HOME": str(home)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
    )


def load() -> float:
    """The load average over the last minute."""
    return os.getloadavg()[0]


QUIET_LOAD = 0.3
"""The one-minute load average under which the machine counts as quiet."""


def wait_for_quiet(longest_s: float = 180.0) -> float:
    """Wait until the load average falls under ``QUIET_LOAD`` (what ran just before, such
    as setting up the virtual environment, weighs on it for a minute or two), or
    ``longest_s`` have passed; the seconds waited."""
    started = time.monotonic()
    while load() >= QUIET_LOAD and time.monotonic() - started < longest_s:
        time.sleep(1.0)
    return time.monotonic() - started


def describe_machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


# -- processes ------------------------------------------------------------------------------


def cpu_ticks(pid: int) -> int:
    """CPU time the process has used so far, all its threads, user and system."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def memory_kib(pid: int) -> tuple[int, int]:
    """The process's resident memory now (VmRSS) and its peak so far (VmHWM), in KiB."""
    rss = peak = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1])
    return rss, peak


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend(int(child) for child in (task / "children").read_text().split())
    return found


def command_line(pid: int) -> list[str]:
    raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def speech_process(pid: int) -> int | None:
    """The player's speech process (player/speech/server.py), once it has started."""
    for child in children(pid):
        try:
            if "player.speech.server" in command_line(child):
                return child
        except OSError:
            continue
    return None


# -- statistics -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """Repeated measures of one thing: the fastest, the median and the slowest."""

    values: tuple[float, ...]

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def text(self, scale: float = 1.0, unit: str = "", digits: int = 2) -> str:
        """``median (low-high)``, each times ``scale``."""
        m, lo, hi = (f"{v * scale:.{digits}f}" for v in (self.median, self.low, self.high))
        return f"{m}{unit} ({lo}-{hi}{unit}, median of {len(self.values)})"


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the least value that ``share`` of them are at or under."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil(n * share), at least 1
    return ordered[int(rank) - 1]


def slope(points: Sequence[tuple[float, float]]) -> float:
    """The least-squares slope of y over x; 0 with fewer than two distinct x."""
    if len({x for x, _y in points}) < 2:
        return 0.0
    mean_x = statistics.fmean(x for x, _y in points)
    mean_y = statistics.fmean(y for _x, y in points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _y in points)
    return num / den


# -- the display ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Display:
    env: dict[str, str]
    """The environment to start the player in: its display, dummy sound."""
    where: str
    """Where the window is drawn, in words."""


def base_env() -> dict[str, str]:
    """The environment the player starts in: a person's, with sound to SDL's dummy driver.

    Python's bytecode is cached as it is on a person's machine: a shell that turns the
    cache off (``PYTHONDONTWRITEBYTECODE``) would have every start compile the player
    again, which no person's start does after the first.
    """
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    for name in (
        "ROUTINE_PLAYER_HOME", "DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    return env


def compile_player() -> None:
    """Write the player's bytecode cache before anything is timed, as its first start does."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "player"), str(ROOT / "run.py")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextmanager
def display() -> Iterator[Display]:
    """A real X11 server of its own (Xvfb, 1280x720, on the first free display number)
    when Xvfb is installed, else SDL's dummy video driver."""
    env = base_env()
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield Display({**env, "SDL_VIDEODRIVER": "dummy"}, "SDL's dummy video driver (no Xvfb)")
        return
    reading, writing = os.pipe()
    width, height = SCREEN
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(writing), "-screen", "0", f"{width}x{height}x24", "-nolisten",
         "tcp"],
        pass_fds=(writing,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writing)
    try:
        number = _read_display_number(reading)
        where = f"Xvfb (X11), a {width}x{height} screen"
        yield Display({**env, "DISPLAY": f":{number}", "SDL_VIDEODRIVER": "x11"}, where)
    finally:
        os.close(reading)
        server.terminate()
        server.wait()


def _read_display_number(descriptor: int, timeout_s: float = 10.0) -> str:
    text = b""
    deadline = time.monotonic() + timeout_s
    while not text.endswith(b"\n"):
        left = deadline - time.monotonic()
        ready, _w, _x = select.select([descriptor], [], [], max(0.0, left))
        chunk = os.read(descriptor, 64) if ready else b""
        if not chunk:
            raise SystemExit("Xvfb did not start")
        text += chunk
    return text.decode().strip()
