"""The export of the 20-minute routine: with no clips cached and with them, then in each
format for the time, the file's size and the export's peak memory.

"No clips cached" means the speech cache the player really uses is empty: the benchmark
gives the player a home folder of its own (ROUTINE_PLAYER_HOME), asks the player's own
UserDirs where that puts the speech cache, empties that folder before each cold export,
and checks afterwards that the export filled it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.machine import Display, Spread, player_command
from bench.modes import MASSAGE, Mode
from bench.report import PartResult, Target, plural, table
from player.home.user_dirs import UserDirs

FORMATS = (".mp3", ".ogg", ".flac", ".wav")
LIMIT_S = 10.0


def export_once(env: dict[str, str], out: Path) -> tuple[float, int, str]:
    """Seconds the export to ``out`` took, its peak memory in KiB as the kernel counted it
    (the largest of the export and the processes it waited for), and what it said it wrote."""
    with tempfile.TemporaryFile() as said, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            player_command("export", MASSAGE, "--audio", str(out)),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=said,
            stderr=errors,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        said.seek(0)
        errors.seek(0)
        text = said.read().decode(errors="replace").strip()
        if process.returncode != 0:
            why = errors.read().decode(errors="replace")[-400:]
            raise SystemExit(f"export to {out.name} failed ({process.returncode}): {why}")
    # "wrote FILE: 20:35, 334 of 334 cues spoken whole"
    return elapsed, usage.ru_maxrss, text.rsplit(": ", 1)[-1]


def clips_in(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.wav")) if folder.exists() else 0


@dataclass
class FormatRow:
    suffix: str
    seconds: list[float] = field(default_factory=list)
    size: int = 0
    peak_kib: int = 0
    track_s: float = 0.0


def cold_and_warm(mode: Mode, env: dict[str, str], base: Path) -> tuple[Spread, Spread, str, int]:
    """Exports with the speech cache emptied first, then as many with it kept."""
    home = base / "home"
    run_env = {**env, "ROUTINE_PLAYER_HOME": str(home)}
    cache = UserDirs.from_environment(run_env).speech_cache
    cold: list[float] = []
    said = ""
    made = 0
    for _ in range(mode.export_runs):
        shutil.rmtree(cache, ignore_errors=True)
        seconds, _peak, said = export_once(run_env, base / "cold.mp3")
        made = clips_in(cache)
        if made == 0:
            raise SystemExit(f"the export made no clips in {cache}: the cache is elsewhere")
        cold.append(seconds)
    warm = [export_once(run_env, base / "warm.mp3")[0] for _ in range(mode.export_runs)]
    if clips_in(cache) != made:
        raise SystemExit("an export with every clip cached still made new clips")
    return Spread(tuple(cold)), Spread(tuple(warm)), said, made


def formats(mode: Mode, env: dict[str, str], base: Path) -> list[FormatRow]:
    """Each format in turn, after one export that makes every clip: what is timed is
    laying out the track and encoding it, not the speech engine."""
    import soundfile

    run_env = {**env, "ROUTINE_PLAYER_HOME": str(base / "formats-home")}
    export_once(run_env, base / "warm-up.mp3")
    rows = {suffix: FormatRow(suffix) for suffix in FORMATS}
    for _round in range(mode.format_rounds):
        for suffix, row in rows.items():
            out = base / f"session{suffix}"
            seconds, peak, _said = export_once(run_env, out)
            row.seconds.append(seconds)
            row.peak_kib = max(row.peak_kib, peak)
            row.size = out.stat().st_size
            row.track_s = soundfile.info(str(out)).duration
            out.unlink()
    return list(rows.values())


def measure(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    env = {key: value for key, value in display.env.items() if key != "XDG_CACHE_HOME"}
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        base = Path(folder)
        cold, warm, said, made = cold_and_warm(mode, env, base)
        rows = formats(mode, env, base)
    format_rows = []
    for row in rows:
        spread = Spread(tuple(row.seconds))
        rate = row.size * 8 / row.track_s / 1000 if row.track_s else 0.0
        format_rows.append(
            (
                row.suffix,
                f"{spread.median:.2f} s ({spread.low:.2f}-{spread.high:.2f})",
                f"{row.size / 1_000_000:.1f} MB",
                f"{rate:.0f} kbit/s",
                f"{row.peak_kib / 1024:.0f} MB",
            )
        )
    minutes = rows[0].track_s / 60 if rows else 0.0
    return PartResult(
        targets=[
            Target(
                f"export of a 20-minute routine (`{MASSAGE}` to .mp3), no clips cached",
                f"< {LIMIT_S:g} s",
                f"{cold.text(unit=' s')}; with its clips cached {warm.text(unit=' s')} ({said})",
                cold.median < LIMIT_S,
            )
        ],
        section=[
            "## Export",
            "",
            f"`export {MASSAGE} --audio FILE.mp3`, {plural(mode.export_runs, 'time')} with the "
            "speech cache emptied first, then as many with it kept. The cache emptied is the one "
            "the player uses: the benchmark gives it a home folder of its own "
            "(ROUTINE_PLAYER_HOME), empties the speech cache the player's UserDirs puts there, "
            f"and checks that the export filled it again ({made} clips each time).",
            "",
            *table(
                ("clips", "fastest", "median", "slowest"),
                [
                    (name, *(f"{v:.2f} s" for v in (s.low, s.median, s.high)))
                    for name, s in (("none cached", cold), ("all cached", warm))
                ],
            ),
            "",
            "### In each format",
            "",
            f"`{MASSAGE}` ({minutes:.0f} minutes) exported once to make every clip, then in "
            f"each format in turn, {plural(mode.format_rounds, 'round')}: the median time of "
            "the whole command with the fastest and the slowest run, the file's size and "
            "average bit rate, and the peak memory the kernel counted for the export (the "
            "largest of the export and the speech process it waited for).",
            "",
            *table(
                (
                    "format",
                    "time, median (fastest-slowest)",
                    "size",
                    "average bit rate",
                    "peak memory",
                ),
                format_rows,
            ),
        ],
    )
