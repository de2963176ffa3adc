"""The machine's own speed, measured with a yardstick, so start-up is timed on a machine
running at its usual pace.

The start-up targets are tenths of a second, "on a quiet machine". This machine's speed
changes by itself from one minute to the next: with no load and no steal counted, the same
fixed piece of Python can take half as long again, or twice as long, for minutes on end.
The yardstick is that fixed piece of work (a loop in a fresh Python process, start-up
included). It is timed before the benchmark's first part, after every part, and just
before and just after each start-up run; a run counts when both of its yardsticks are
within ``FULL_SPEED`` of the fastest yardstick of the whole benchmark. Runs taken while
the machine was slower are kept and shown beside the counted ones, never hidden.
"""

from __future__ import annotations

import math
import subprocess
import sys
import time
from dataclasses import dataclass, field

WORK = "total = 0\nfor number in range(1_200_000):\n    total += number\n"
"""The yardstick: about 70 ms at full speed on the machine BENCHMARKS.md was written on,
long enough that starting its process weighs little in it."""
FULL_SPEED = 1.25
"""A yardstick at most this many times its fastest counts as the machine at full speed."""


@dataclass
class Yardstick:
    timings: list[float] = field(default_factory=list)
    """Every yardstick timed, in seconds, in order."""

    @property
    def fastest(self) -> float:
        return min(self.timings, default=math.inf)

    def measure(self) -> float:
        """Seconds the yardstick takes now, from starting its process to its end."""
        started = time.perf_counter()
        subprocess.run([sys.executable, "-S", "-c", WORK], check=True)
        seconds = time.perf_counter() - started
        self.timings.append(seconds)
        return seconds

    def sample(self, times: int = 3) -> None:
        for _ in range(times):
            self.measure()

    def at_full_speed(self, seconds: float) -> bool:
        """Whether a yardstick of ``seconds`` says the machine ran at its usual speed."""
        return seconds <= self.fastest * FULL_SPEED

    def pace(self, seconds: float) -> float:
        """How many times slower than its fastest a yardstick of ``seconds`` was."""
        return seconds / self.fastest


MACHINE = Yardstick()
"""The one yardstick of a benchmark run: bench/main.py samples it around every part."""
