"""What each part of the benchmark hands back, and the Markdown page made of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Target:
    """One target and what was measured against it."""

    name: str
    target: str
    measured: str
    met: bool


@dataclass
class PartResult:
    """What one part measured: its rows in the targets table, its own section of the page
    and the figures other parts compare with (such as CPU shares, for the floor)."""

    targets: list[Target] = field(default_factory=list)
    section: list[str] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class PartLoad:
    name: str
    seconds: float
    before: float
    after: float


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def mark(met: bool) -> str:
    return "yes" if met else "**no**"


def page(
    *,
    title_note: str,
    machine: str,
    targets: Sequence[Target],
    loads: Sequence[PartLoad],
    sections: Sequence[Sequence[str]],
) -> str:
    rows = [(t.name, t.target, t.measured, mark(t.met)) for t in targets]
    load_rows = [
        (p.name, f"{p.seconds / 60:.1f} min", f"{p.before:.2f}", f"{p.after:.2f}") for p in loads
    ]
    lines = [
        "# Benchmarks",
        "",
        title_note,
        "",
        f"Measured on: {machine}.",
        "",
        "## Targets",
        "",
        *table(("measure", "target", "measured", "met"), rows),
        "",
        "A target is met or not by the figures measured in this run, never by a number written "
        "in; repeated measures are judged by their median.",
        "",
        "## The machine's load while each part ran",
        "",
        "The load average over one minute when each part began and ended. The cores are shared: "
        "other work on the machine slows the figures, and the timings mean most at a load near 0.",
        "",
        *table(("part", "took", "load before", "load after"), load_rows),
        "",
    ]
    for section in sections:
        lines.extend([*section, ""])
    return "\n".join(lines)


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def console(targets: Sequence[Target]) -> list[str]:
    if not targets:
        return []
    width = max(len(t.name) for t in targets)
    return [
        f"{t.name.ljust(width)}  {t.measured}  [{'met' if t.met else 'MISSED'}: {t.target}]"
        for t in targets
    ]
