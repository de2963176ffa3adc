"""The one place that reads the time, and a clock for tests that only moves when told."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> int:
        """Milliseconds on a clock that never goes backwards."""
        ...

    def sleep_until(self, when: int) -> None:
        """Wait until ``now()`` reaches ``when`` (or return at once if it has)."""
        ...


class MonotonicClock:
    """Real time, from ``time.monotonic``."""

    def now(self) -> int:
        return time.monotonic_ns() // 1_000_000

    def sleep_until(self, when: int) -> None:
        delay = when - self.now()
        if delay > 0:
            time.sleep(delay / 1000)


class FakeClock:
    """A clock that moves only when a test (or a sleep) moves it."""

    def __init__(self, start: int = 0) -> None:
        self._now = start

    def now(self) -> int:
        return self._now

    def advance(self, ms: int) -> None:
        if ms < 0:
            raise ValueError("a clock never goes backwards")
        self._now += ms

    def sleep_until(self, when: int) -> None:
        self._now = max(self._now, when)
