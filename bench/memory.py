"""Memory over a whole routine: the resident set read at a steady rate, summed up as the
size after the first minute, at half-way and at the end, the peak, and how fast it grows.

Times are minutes of the routine (at real speed, minutes on the clock), so that a run at a
faster speed reads the same way. MB here is 2^20 bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.machine import slope
from bench.playing import Played, Sample, first, position_ms

MIB = 1024


@dataclass(frozen=True)
class Curve:
    at_1_min: float
    at_half: float
    at_end: float
    peak: float
    """The kernel's high-water mark (VmHWM): the most the process held at any moment,
    from its start to the last reading, end screen included."""
    growth_per_min: float
    """The least-squares slope of the resident size after the first minute, MB a minute."""
    per_minute: tuple[float, ...]
    """The resident size at the start of the routine and after each whole minute."""

    def summary(self) -> str:
        return (
            f"{self.at_1_min:.1f} MB after 1 min, {self.at_half:.1f} MB half-way, "
            f"{self.at_end:.1f} MB at the end; peak {self.peak:.1f} MB; "
            f"{self.growth_per_min:+.2f} MB a minute after the first"
        )

    def brief(self) -> str:
        """The peak first, for the targets table."""
        return (
            f"peak {self.peak:.1f} MB (resident {self.at_1_min:.1f} after 1 min, "
            f"{self.at_half:.1f} half-way, {self.at_end:.1f} at the end; "
            f"{self.growth_per_min:+.2f} MB a minute after the first)"
        )

    def minutes(self) -> str:
        return ", ".join(f"{mb:.1f}" for mb in self.per_minute)


def curve(played: Played, speech: bool = False) -> Curve | None:
    """The player's curve, or its speech process's; None when nothing was read."""
    rss: Callable[[Sample], int | None] = (
        (lambda s: s.speech_rss_kib) if speech else (lambda s: s.rss_kib)
    )
    peak: Callable[[Sample], int | None] = (
        (lambda s: s.speech_peak_kib) if speech else (lambda s: s.peak_kib)
    )
    start = int(first(played.events, "step_started")["clock_ms"])
    finished = int(first(played.events, "finished")["clock_ms"])
    points: list[tuple[float, float]] = []
    for sample in played.samples:
        size = rss(sample)
        if size is not None and start <= sample.at_ms <= finished:
            points.append((position_ms(played, sample.at_ms) / 60_000, size / MIB))
    peaks = [p for p in map(peak, played.samples) if p is not None]
    if not points or not peaks:
        return None
    total_min = int(first(played.events, "finished")["total_ms"]) / 60_000
    later = [p for p in points if p[0] >= 1.0] or points
    return Curve(
        at_1_min=_nearest(points, 1.0),
        at_half=_nearest(points, total_min / 2),
        at_end=points[-1][1],
        peak=max(peaks) / MIB,
        growth_per_min=slope(later),
        per_minute=tuple(_nearest(points, m) for m in range(int(total_min) + 1)),
    )


def _nearest(points: list[tuple[float, float]], minute: float) -> float:
    return min(points, key=lambda p: abs(p[0] - minute))[1]
