"""The benchmark's parts, run in turn, and the page they make.

Parts, in the order the page shows them (``startup`` runs last, see ``RUN_ORDER``):

- startup: ``--help``, ``list``, ``check`` of one file and of 1,000 small files, and the
  time to the first frame, each repeated (fastest, median, slowest);
- floor: the CPU share of bench/floor.py, a bare pygame window with the mixer that only
  waits for input at the player's wake-up rate; the player's CPU is also given against it;
- daily: ``daily-back-care`` played whole at real speed in the window, with the voice:
  every cue's lateness from the events file, the CPU share while phases play (the breathing
  animation) and while not, and the memory of the player and its speech process over time;
- terminal: ``daily-back-care`` played whole at real speed in a full-screen terminal of
  80x24, then as plain lines: every cue's lateness, and the end's drift;
- massage: ``partner-back-massage`` (20 minutes) played whole at real speed, for memory
  over time;
- rest: bench/ten-minute-rest.yaml played whole at real speed: memory, and the CPU share
  of a routine without phases;
- speaking: how late frames come while the voice says a long sentence;
- export: the 20-minute routine exported with the speech cache really emptied, and with
  it kept; then in each format;
- listening: voice commands recognised over the corpus, false commands an hour over the
  player's own sessions and ordinary speech, the latency from a phrase's end to its action
  in a session played with ``--listen-from``, and the listener's CPU share.

The full run (``make bench``) plays in real time and takes about 65 minutes; it writes
BENCHMARKS.md. ``--quick`` plays faster and repeats less (about 3 minutes), to check the
benchmark itself; it writes bench/quick.md, never BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench import exports, idle, listening, sessions, speaking, startup
from bench.machine import (
    QUIET_LOAD,
    Display,
    compile_player,
    describe_machine,
    display,
    load,
    wait_for_quiet,
)
from bench.modes import FULL, PARTIAL_REPORT, QUICK, Mode
from bench.report import PartLoad, PartResult, console, page, write
from bench.yardstick import MACHINE

Part = Callable[[Mode, Display, dict[str, float]], PartResult]


def _startup(mode: Mode, shown: Display, figures: dict[str, float]) -> PartResult:
    return startup.measure(mode, shown.env)


@dataclass(frozen=True)
class PartInfo:
    name: str
    run: Part
    about: str


PARTS = (
    PartInfo("startup", _startup, "--help, list, check, check of 1,000 files, first frame"),
    PartInfo("floor", idle.measure, "the CPU floor: a bare pygame window with the mixer"),
    PartInfo("daily", sessions.daily, "daily-back-care whole: cue timing, CPU, memory"),
    PartInfo("terminal", sessions.terminal, "daily-back-care whole in a terminal and as lines"),
    PartInfo("massage", sessions.massage, "partner-back-massage whole (20 min): memory"),
    PartInfo("rest", sessions.rest, "a 10-minute rest whole: memory, CPU without phases"),
    PartInfo("speaking", speaking.measure, "frame delays while a long sentence is said"),
    PartInfo("export", exports.measure, "export, cold and warm cache, and in each format"),
    PartInfo("listening", listening.measure, "voice commands: recognition, false, latency, CPU"),
)
NAMES = tuple(part.name for part in PARTS)
RUN_ORDER = (*NAMES[1:], NAMES[0])
"""``startup`` runs last. Its figures are tenths of a second of process start-up, which
the minutes after setting up the environment slow by half or more (files still being
written out, the disk cache not yet settled), though the load average has fallen by
then; by the end of the sessions played, nothing of that is left."""


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="Measure the player: start-up, cue timing, CPU, memory, export. The full "
        "run plays in real time (about 65 minutes) and writes BENCHMARKS.md.",
        epilog="Parts: " + "; ".join(f"{p.name}: {p.about}" for p in PARTS),
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="short stand-ins of every part (faster speeds, fewer runs), to check that the "
        "benchmark works; writes bench/quick.md, not BENCHMARKS.md",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=NAMES,
        metavar="PART",
        help=f"run only this part (again for more): {', '.join(NAMES)}; "
        "writes bench/partial.md, not BENCHMARKS.md",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    mode = QUICK if args.quick else FULL
    chosen = [p for p in PARTS if not args.only or p.name in args.only]
    chosen.sort(key=lambda part: RUN_ORDER.index(part.name))
    report = mode.report if len(chosen) == len(PARTS) else PARTIAL_REPORT
    if args.quick:
        report = QUICK.report
    print(
        f"Benchmark, {mode.name} run: {', '.join(p.name for p in chosen)}. "
        f"Load average {load():.2f}.",
        flush=True,
    )
    results: dict[str, PartResult] = {}
    loads: list[PartLoad] = []
    figures: dict[str, float] = {}
    compile_player()
    MACHINE.sample()  # the machine's speed, sampled around every part: see bench/yardstick.py
    started_at = load()
    began = time.monotonic()
    with display() as shown:
        for part in chosen:
            if part.name == "startup" and not args.quick:  # timed in seconds: on a quiet machine
                waited = wait_for_quiet()
                print(f"[{part.name}] waited {waited:.0f} s for a load under {QUIET_LOAD}")
            before, started = load(), time.monotonic()
            print(f"[{part.name}] {part.about}; load {before:.2f}", flush=True)
            result = part.run(mode, shown, figures)
            seconds, after = time.monotonic() - started, load()
            print(f"[{part.name}] done in {seconds:.0f} s; load {after:.2f}", flush=True)
            for line in console(result.targets):
                print("    " + line, flush=True)
            figures.update(result.figures)
            results[part.name] = result
            MACHINE.sample()
            print(f"[{part.name}] yardstick {min(MACHINE.timings[-3:]) * 1000:.0f} ms "
                  f"(fastest so far {MACHINE.fastest * 1000:.0f} ms)", flush=True)
            loads.append(PartLoad(part.name, seconds, before, after))
    minutes = (time.monotonic() - began) / 60
    machine = (
        f"{describe_machine()}, window on {shown.where}, sound to SDL's dummy audio driver "
        f"(which plays in real time, to no device); load average over one minute {started_at:.2f} "
        f"at the start and {load():.2f} at the end; the player's Python bytecode cached, as after "
        "its first start"
    )
    shown_results = [results[part.name] for part in PARTS if part.name in results]
    text = page(
        title_note=_title_note(mode, chosen, minutes),
        machine=machine,
        targets=[t for r in shown_results for t in r.targets],
        loads=loads,
        sections=[r.section for r in shown_results],
    )
    write(report, text)
    print(f"wrote {report} ({minutes:.1f} minutes)")
    return 0


def _title_note(mode: Mode, chosen: Sequence[PartInfo], minutes: float) -> str:
    ran = ", ".join(p.name for p in chosen)
    if mode.name == "quick":
        return (
            f"Made by `python bench/run.py --quick` in {minutes:.1f} minutes: short stand-ins "
            "(routines played faster than real time, fewer repeats) that show the benchmark "
            "works. They are not the targets' conditions: a yes or a no here says only what "
            "these stand-ins measured. BENCHMARKS.md, from `make bench`, is the verdict."
        )
    only = "" if len(chosen) == len(PARTS) else f" Only these parts ran: {ran}."
    return (
        f"Made by `make bench` (bench/run.py) in {minutes:.0f} minutes: the player started as "
        "a person starts it, bundled routines played whole at real speed in the window with "
        f"the voice on; numbers vary a little from run to run.{only}"
    )
