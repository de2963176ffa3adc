"""How much the benchmark does: the full run that writes BENCHMARKS.md, or quick stand-ins
that only show that every part of the benchmark still works."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench.machine import BENCH, ROOT

DAILY = "daily-back-care"
MASSAGE = "partner-back-massage"
LONG_REST = BENCH / "ten-minute-rest.yaml"
SPEAKING = BENCH / "one-minute.yaml"


@dataclass(frozen=True)
class Mode:
    name: str
    report: Path
    """Where the page is written."""
    runs: int
    """How many times each start-up measure is taken (after one run that is not counted)."""
    check_files: int
    """How many small routine files one ``check`` is given."""
    startup_patience_s: float = 1200.0
    """How long start-up waits, in all, for the machine to run at full speed."""
    speeds: dict[str, float] = field(default_factory=dict)
    """The speed each routine is played at, by part."""
    sample_s: float = 1.0
    """How often the player's CPU time and memory are read while it plays."""
    floor_runs: int = 3
    floor_seconds: float = 60.0
    export_runs: int = 5
    """Exports with no clips cached, and as many with them."""
    format_rounds: int = 7
    """Rounds of the export in each format."""


FULL = Mode(
    name="full",
    report=ROOT / "BENCHMARKS.md",
    runs=7,
    check_files=1000,
    speeds={"daily": 1.0, "terminal": 1.0, "massage": 1.0, "rest": 1.0, "listening": 1.0},
)

QUICK = Mode(
    name="quick",
    report=BENCH / "quick.md",
    runs=3,
    check_files=1000,
    speeds={"daily": 20.0, "terminal": 20.0, "massage": 60.0, "rest": 60.0, "listening": 4.0},
    sample_s=0.25,
    startup_patience_s=60.0,
    floor_runs=2,
    floor_seconds=5.0,
    export_runs=1,
    format_rounds=1,
)

PARTIAL_REPORT = BENCH / "partial.md"
"""Where a full-mode run of only some parts (``--only``) writes its page."""
