"""The parts that play a routine whole: ``daily-back-care`` for cue timing and CPU, in the
window and then in the terminal and as plain lines; ``partner-back-massage`` (20 minutes)
and a routine with a 10-minute rest for memory."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from bench.machine import TICKS, Display, percentile
from bench.memory import Curve, curve
from bench.modes import DAILY, LONG_REST, MASSAGE, Mode
from bench.playing import (
    LINES,
    TERMINAL,
    WHERE,
    WINDOW,
    CpuShare,
    Played,
    cpu_shares,
    cut_short,
    drift_ms,
    lateness_ms,
    play_whole,
)
from bench.report import PartResult, Target, table

PLAYER_PEAK_MB = 80
SPEECH_PEAK_MB = 25
CUE_P99_MS = 5
CUE_MAX_MS = 10
DRIFT_MS = 10
CPU_NO_PHASES = 0.01
CPU_BREATHING = 0.02
"""Over a whole routine with the breathing animation: its phases and the steps between."""
CPU_MOVING = 0.03
"""While phases play, the figure moves between its key poses and the breathing circle
grows and shrinks."""
MOVING_PEAK_MB = 100


@dataclass(frozen=True)
class Figures:
    label: str
    played: Played
    late: list[float]
    drift: float
    cpu: dict[str, CpuShare]
    player: Curve | None
    speech: Curve | None


def play(
    mode: Mode, display: Display, part: str, routine: str, label: str, ui: str = WINDOW
) -> Figures:
    played = play_whole(display.env, routine, mode.speeds[part], mode.sample_s, ui)
    return Figures(
        label,
        played,
        lateness_ms(played),
        drift_ms(played),
        cpu_shares(played, TICKS),
        curve(played),
        curve(played, speech=True),
    )


def floor_words(share: float, figures: dict[str, float]) -> str:
    floor = figures.get("floor")
    if floor is None:
        return "(the floor was not measured in this run)"
    if floor <= 0:
        return f"floor {floor * 100:.2f}%"
    return f"floor {floor * 100:.2f}%, {share / floor:.1f} times the floor"


def elsewhere(f: Figures) -> str:
    """Where the session was shown, when it was not the window (which most parts use)."""
    return "" if f.played.ui == WINDOW else f", {WHERE[f.played.ui]}"


def lateness_target(f: Figures) -> Target:
    p50, p99 = percentile(f.late, 0.5), percentile(f.late, 0.99)
    worst = max(f.late, default=0.0)
    return Target(
        f"cue lateness, {f.label} whole{elsewhere(f)} (p50 / p99 / max)",
        f"p99 < {CUE_P99_MS} ms, max < {CUE_MAX_MS} ms",
        f"{p50:.0f} / {p99:.0f} / {worst:.0f} ms over {len(f.late)} cues",
        p99 < CUE_P99_MS and worst < CUE_MAX_MS,
    )


def drift_target(f: Figures) -> Target:
    return Target(
        f"end drift, {f.label} whole{elsewhere(f)}",
        f"< {DRIFT_MS} ms",
        f"{f.drift:+.0f} ms",
        abs(f.drift) < DRIFT_MS,
    )


def cpu_target(f: Figures, key: str, name: str, limit: float, figures: dict[str, float]) -> Target:
    share = f.cpu[key]
    return Target(
        name,
        f"< {limit * 100:g}% of a core",
        f"{share.share * 100:.2f}% over {share.clock_s / 60:.1f} min; "
        f"{floor_words(share.share, figures)}",
        share.clock_s > 0 and share.share < limit,
    )


def memory_targets(f: Figures) -> list[Target]:
    rows = []
    if f.player is not None:
        rows.append(
            Target(
                f"peak memory of the player, {f.label} whole, window 1280x720",
                f"< {PLAYER_PEAK_MB} MB",
                f.player.brief(),
                f.player.peak < PLAYER_PEAK_MB,
            )
        )
    if f.speech is not None:
        rows.append(
            Target(
                f"peak memory of the speech process, {f.label} whole",
                f"< {SPEECH_PEAK_MB} MB",
                f.speech.brief(),
                f.speech.peak < SPEECH_PEAK_MB,
            )
        )
    return rows


def section(f: Figures, why: str) -> list[str]:
    played = f.played
    speed = (
        "at real speed"
        if played.speed == 1
        else f"at --speed {played.speed:g} (a quick stand-in: CPU shares and lateness are "
        "per clock second of a faster run, not the targets' conditions)"
    )
    minutes = (played.ended_ms - played.started_ms) / 60_000
    p50, p99 = percentile(f.late, 0.5), percentile(f.late, 0.99)
    rows = [
        ("planned length", f"{played.planned_total_ms / 60_000:.1f} min"),
        ("cues said", f"{len(f.late)} ({cut_short(played)} cut short by a cue that came next)"),
        (
            "cue lateness, p50 / p99 / max",
            f"{p50:.1f} / {p99:.1f} / {max(f.late, default=0.0):.1f} ms",
        ),
        ("end drift", f"{f.drift:+.0f} ms"),
    ]
    names = {
        "all": "player CPU, first frame to the end",
        "phases": "player CPU while a phase plays (the figure and the breathing circle move)",
        "no phases": "player CPU while no phase plays (a figure only breathes)",
        "speech": "speech process CPU, first frame to the end",
    }
    if played.ui != WINDOW:
        names = {
            "all": "player CPU, first step to the end",
            "speech": "speech process CPU, first step to the end",
        }
    for key, name in names.items():
        share = f.cpu[key]
        if share.clock_s:
            rows.append((name, f"{share.share * 100:.2f}% of a core over {share.clock_s:.0f} s"))
    for who, c in (("player", f.player), ("speech process", f.speech)):
        if c is not None:
            rows.append((f"{who} memory", c.summary()))
            rows.append((f"{who} resident size at each minute, MB", c.minutes()))
    return [
        f"### {f.label}, played whole{elsewhere(f)}",
        "",
        f"{why} Played {speed} {WHERE[played.ui]} with the voice on; it took {minutes:.1f} min "
        f"from starting the process to its end. Memory is the resident set (VmRSS) read "
        f"every {_sample_s(played):g} s; the peak is the kernel's high-water mark (VmHWM).",
        "",
        *table(("measure", "value"), rows),
    ]


def _sample_s(played: Played) -> float:
    gaps = [b.at_ms - a.at_ms for a, b in itertools.pairwise(played.samples)]
    return round(sorted(gaps)[len(gaps) // 2] / 1000, 2) if gaps else 0.0


# -- the parts ------------------------------------------------------------------------------


def daily(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    f = play(mode, display, "daily", DAILY, f"`{DAILY}`")
    result = PartResult(
        targets=[
            lateness_target(f),
            cpu_target(
                f,
                "all",
                f"CPU of the player with the breathing animation, window 1280x720 (`{DAILY}` "
                "whole)",
                CPU_BREATHING,
                figures,
            ),
            cpu_target(
                f,
                "phases",
                f"CPU of the player with the figures moving, window 1280x720 (`{DAILY}`, "
                "while phases play)",
                CPU_MOVING,
                figures,
            ),
            *_moving_peak(f),
            drift_target(f),
        ],
        section=section(
            f,
            "For cue timing, and the CPU share and memory with the figures moving: the share "
            "while a phase plays is taken over the readings that fall in the steps in phases, "
            "where the figure moves between its key poses ten times a second and the "
            "breathing circle twelve.",
        ),
    )
    result.figures.update({f"daily cpu {k}": v.share for k, v in f.cpu.items()})
    return result


def _moving_peak(f: Figures) -> list[Target]:
    if f.player is None:
        return []
    return [
        Target(
            f"peak memory of the player with the figures moving, {f.label} whole, "
            "window 1280x720",
            f"< {MOVING_PEAK_MB} MB",
            f.player.brief(),
            f.player.peak < MOVING_PEAK_MB,
        )
    ]


def massage(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    f = play(mode, display, "massage", MASSAGE, f"`{MASSAGE}`")
    result = PartResult(
        targets=[*memory_targets(f), lateness_target(f), drift_target(f)],
        section=section(f, "For memory over the longest bundled routine."),
    )
    result.figures.update({f"massage cpu {k}": v.share for k, v in f.cpu.items()})
    return result


def rest(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    label = f"`{LONG_REST.stem}`"
    f = play(mode, display, "rest", str(LONG_REST), label)
    result = PartResult(
        targets=[
            *memory_targets(f),
            cpu_target(
                f,
                "all",
                f"CPU of the player, a routine without phases ({label} whole)",
                CPU_NO_PHASES,
                figures,
            ),
            lateness_target(f),
            drift_target(f),
        ],
        section=section(
            f,
            f"`bench/{LONG_REST.name}`: a 10-minute rest between two short instructions, no "
            "phases. For memory and CPU through a long stretch in which only the countdown "
            "moves.",
        ),
    )
    result.figures.update({f"rest cpu {k}": v.share for k, v in f.cpu.items()})
    return result


def terminal(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    """Cue timing where there is no window: the full-screen terminal's own loop, and the
    plain lines' (which also plays the voice alone)."""
    result = PartResult(targets=[], section=[])
    for ui in (TERMINAL, LINES):
        f = play(mode, display, "terminal", DAILY, f"`{DAILY}`", ui)
        result.targets.extend([lateness_target(f), drift_target(f)])
        result.section.extend(
            [
                *section(
                    f,
                    "For cue timing without the window: its own loop waits for keys and "
                    "draws, and so must say every cue on time.",
                ),
                "",
            ]
        )
        result.figures.update({f"{ui} cpu {k}": v.share for k, v in f.cpu.items()})
    result.section.pop()
    return result
