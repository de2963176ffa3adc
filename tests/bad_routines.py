"""Bad routines, each a way a shared file could go wrong, for tests/test_bad_routines.py.

Every case is written into a folder of its own: the routine as ``home/r.yaml``, its
neighbours beside it, and files that should be out of its reach in ``outside/``. A case
either must be refused (with ``FILE:LINE:COL``) or must play to the end.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tests.conftest import png_bytes

Outcome = Literal["refused", "plays"]
Maker = Callable[[Path], None]
"""Given the case's folder, makes something a text file cannot be (a pipe, a link)."""


@dataclass(frozen=True)
class Case:
    name: str
    routine: str | bytes
    expect: Outcome
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Other files, by their path under the case's folder (``home/...``, ``outside/...``)."""
    make: Maker | None = None


def huge_png(width: int, height: int) -> bytes:
    """A small file claiming a huge picture: the header says so, the data is a stub."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 4096))
        + chunk(b"IEND", b"")
    )


def huge_jpeg(width: int, height: int) -> bytes:
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame + b"\xff\xd9"


def fifo(name: str) -> Maker:
    def make(folder: Path) -> None:
        os.mkfifo(folder / name)

    return make


def symlink(name: str, target: str) -> Maker:
    def make(folder: Path) -> None:
        (folder / name).symlink_to(target)

    return make


def steps(body: str, title: str = "Bad") -> str:
    """A routine with ``body`` as its steps (each line already indented by two)."""
    return f"title: {title}\nsteps:\n{body}"


EXERCISE = "  - exercise: Reach\n    time: 5s\n"

CASES: list[Case] = [
    # -- durations -----------------------------------------------------------------------
    Case("zero time", steps("  - exercise: Reach\n    time: 0s\n"), "refused"),
    Case("negative time", steps("  - exercise: Reach\n    time: -5s\n"), "refused"),
    Case("five hours", steps("  - exercise: Reach\n    time: 5h\n"), "refused"),
    Case("a billion seconds", steps("  - exercise: Reach\n    time: 1e9\n"), "refused"),
    Case("minutes in words", steps("  - exercise: Reach\n    time: 5 minutes\n"), "refused"),
    Case("empty time", steps("  - exercise: Reach\n    time: ''\n"), "refused"),
    Case("a rest of nothing", steps("  - rest: 0\n"), "refused"),
    Case("lead-in of five hours", "title: Bad\nlead_in: 5h\nsteps:\n" + EXERCISE, "refused"),
    Case("negative prepare", steps(EXERCISE + "    prepare: -1s\n"), "refused"),
    Case("a switch of an hour", steps(EXERCISE + "    sides: both\n    switch: 4h\n"), "refused"),
    # -- counts --------------------------------------------------------------------------
    Case("no repetitions", steps(EXERCISE + "    reps: 0\n"), "refused"),
    Case("too many repetitions", steps(EXERCISE + "    reps: 1001\n"), "refused"),
    Case("a range backwards", steps(EXERCISE + "    reps: 10-5\n"), "refused"),
    Case("repetitions in words", steps(EXERCISE + "    reps: many\n"), "refused"),
    Case("half a repetition", steps(EXERCISE + "    reps: 2.5\n"), "refused"),
    Case(
        "a default outside its range",
        steps(EXERCISE + "    reps: {min: 1, max: 10, default: 11}\n"),
        "refused",
    ),
    Case("no sets", steps("  - block: B\n    sets: 0\n    steps:\n" + "  " + EXERCISE), "refused"),
    # -- counts that multiply ------------------------------------------------------------
    Case(
        "sets times repetitions",
        steps(
            "  - block: B\n    sets: 1000\n    steps:\n"
            "      - exercise: Reach\n        time: 1s\n        reps: 1000\n"
        ),
        "refused",
    ),
    Case(
        "blocks in blocks",
        steps(
            "  - block: A\n    sets: 100\n    steps:\n"
            "      - block: B\n        sets: 100\n        steps:\n"
            "          - block: C\n            sets: 100\n            steps:\n"
            "              - exercise: Reach\n                time: 1s\n"
        ),
        "refused",
    ),
    Case(
        "sides, phases and repetitions",
        steps(
            "  - exercise: Reach\n    sides: both\n    reps: 1000\n    phases:\n"
            + "".join(f"      - {{name: P{i}, time: 1s}}\n" for i in range(20))
        ),
        "refused",
    ),
    Case(
        "a range whose top is too long",
        steps(
            "  - block: B\n    sets: 1-1000\n    steps:\n      - exercise: R\n        time: 4h\n"
        ),
        "refused",
    ),
    Case(
        "four million hours",
        steps(
            "  - block: A\n    sets: 1000\n    steps:\n"
            "      - block: B\n        sets: 1000\n        steps:\n"
            "          - exercise: Reach\n            time: 4h\n"
        ),
        "refused",
    ),
    Case(
        "a long but fair session",
        steps(
            "  - block: B\n    sets: 3\n    rest: 10s\n    steps:\n"
            "      - exercise: Squeeze\n        reps: 10\n        phases:\n"
            "          - {name: Squeeze, time: 5s}\n          - {name: Relax, time: 5s}\n"
        ),
        "plays",
    ),
    # -- placeholders and braces ---------------------------------------------------------
    Case(
        "a format on a side", steps(EXERCISE + "    say: [{at: 1s, say: '{side:d}'}]\n"), "refused"
    ),
    Case(
        "a set number padded",
        steps(EXERCISE + "    say: [{at: 1s, say: '{set:02d}'}]\n"),
        "refused",
    ),
    Case(
        "a placeholder in a format",
        steps(EXERCISE + "    say: [{at: 1s, say: '{step:{next}}'}]\n"),
        "refused",
    ),
    Case(
        "an overflowing width",
        steps(EXERCISE + "    say: [{at: 1s, say: '{rep:>99999999999}'}]\n"),
        "refused",
    ),
    Case(
        "a two gigabyte width",
        steps(EXERCISE + "    say: [{at: 1s, say: '{side:>2000000000}'}]\n"),
        "refused",
    ),
    Case("a conversion", steps(EXERCISE + "    say: [{at: 1s, say: '{rep!r}'}]\n"), "refused"),
    Case("an attribute", steps(EXERCISE + "    say: [{at: 1s, say: '{step.upper}'}]\n"), "refused"),
    Case("an index", steps(EXERCISE + "    say: [{at: 1s, say: '{step[0]}'}]\n"), "refused"),
    Case(
        "an unknown placeholder",
        steps(EXERCISE + "    say: [{at: 1s, say: '{hard}'}]\n"),
        "refused",
    ),
    Case("a brace alone", steps(EXERCISE + "    say: [{at: 1s, say: 'Reach {rep'}]\n"), "refused"),
    Case(
        "a phase's words with a format",
        steps(
            "  - exercise: Hold\n    phases:\n      - {name: Squeeze, time: 5s, say: '{rep:x}'}\n"
        ),
        "refused",
    ),
    Case(
        "a phase named with braces",
        steps(
            "  - exercise: Hold\n    reps: 2\n    phases:\n      - {name: 'Squeeze {hard}', time: 5s}\n"
        ),
        "plays",
    ),
    Case(
        "a step named with braces",
        steps("  - exercise: 'Reach {up} {rep:d}'\n    time: 5s\n  - rest: 5s\n"),
        "plays",
    ),
    Case(
        "plain braces written double",
        steps(EXERCISE + "    say: [{at: 1s, say: 'A {{brace}} and {step}'}]\n"),
        "plays",
    ),
    # -- includes outside their places ---------------------------------------------------
    Case(
        "including the password file",
        "title: Bad\ninclude: [/etc/passwd]\nsteps:\n" + EXERCISE,
        "refused",
    ),
    Case(
        "including by climbing out",
        "title: Bad\ninclude: [../../../../../../etc/passwd]\nsteps:\n" + EXERCISE,
        "refused",
    ),
    Case(
        "including a file one folder up",
        "title: Bad\ninclude: [../outside/lib.yaml]\nsteps:\n  - use: reach\n",
        "refused",
        files={"outside/lib.yaml": "exercises:\n  reach: {exercise: Reach, time: 5s}\n"},
    ),
    Case(
        "including through a link that leaves",
        "title: Bad\ninclude: [lib.yaml]\nsteps:\n  - use: reach\n",
        "refused",
        files={"outside/lib.yaml": "exercises:\n  reach: {exercise: Reach, time: 5s}\n"},
        make=symlink("home/lib.yaml", "../outside/lib.yaml"),
    ),
    Case(
        "an include cycle",
        "title: Bad\ninclude: [a.yaml]\nsteps:\n  - use: reach\n",
        "refused",
        files={
            "home/a.yaml": "include: [b.yaml]\nexercises:\n  reach: {exercise: Reach, time: 5s}\n",
            "home/b.yaml": "include: [a.yaml]\nexercises:\n  other: {exercise: Other, time: 5s}\n",
        },
    ),
    Case("including itself", "title: Bad\ninclude: [r.yaml]\nsteps:\n" + EXERCISE, "refused"),
    Case(
        "including a named pipe",
        "title: Bad\ninclude: [pipe.yaml]\nsteps:\n" + EXERCISE,
        "refused",
        make=fifo("home/pipe.yaml"),
    ),
    Case(
        "including a folder",
        "title: Bad\ninclude: [folder]\nsteps:\n" + EXERCISE,
        "refused",
        files={"home/folder/x.txt": "x"},
    ),
    Case(
        "including a picture",
        "title: Bad\ninclude: [p.png]\nsteps:\n" + EXERCISE,
        "refused",
        files={"home/p.png": png_bytes()},
    ),
    Case(
        "a shared file beside it, used well",
        "title: Fine\ninclude: [shared/lib.yaml]\nsteps:\n  - use: reach\n",
        "plays",
        files={
            "home/shared/lib.yaml": (
                "exercises:\n  reach: {exercise: Reach, time: 5s, picture: reach.png}\n"
            ),
            "home/shared/reach.png": png_bytes(),
        },
    ),
    # -- pictures outside their places, fake or huge -------------------------------------
    Case(
        "a picture of the password file",
        steps(EXERCISE + "    picture: ../../../../../../etc/passwd\n"),
        "refused",
    ),
    Case("a picture by a full path", steps(EXERCISE + "    picture: /etc/hostname\n"), "refused"),
    Case(
        "a shared exercise showing the shadow file",
        "title: Bad\ninclude: [lib.yaml]\nsteps:\n  - use: reach\n",
        "refused",
        files={
            "home/lib.yaml": "exercises:\n  reach: {exercise: R, time: 5s, picture: /etc/shadow}\n"
        },
    ),
    Case(
        "a text file named like a picture",
        steps(EXERCISE + "    picture: notes.png\n"),
        "refused",
        files={"home/notes.png": "these are my notes, not a picture\n"},
    ),
    Case(
        "a picture claiming 20000 pixels a side",
        steps(EXERCISE + "    picture: big.png\n"),
        "refused",
        files={"home/big.png": huge_png(20_000, 20_000)},
    ),
    Case(
        "a picture claiming 46000 pixels a side",
        steps(EXERCISE + "    picture: bigger.png\n"),
        "refused",
        files={"home/bigger.png": huge_png(46_000, 46_000)},
    ),
    Case(
        "a JPEG claiming 60000 pixels a side",
        steps(EXERCISE + "    picture: big.jpg\n"),
        "refused",
        files={"home/big.jpg": huge_jpeg(60_000, 60_000)},
    ),
    Case(
        "a picture of no pixels",
        steps(EXERCISE + "    picture: none.png\n"),
        "refused",
        files={"home/none.png": huge_png(0, 0)},
    ),
    Case(
        "a picture of nine megabytes",
        steps(EXERCISE + "    picture: heavy.png\n"),
        "refused",
        files={"home/heavy.png": png_bytes() + b"\x00" * (9 * 1024 * 1024)},
    ),
    Case(
        "a picture that is a named pipe",
        steps(EXERCISE + "    picture: pipe.png\n"),
        "refused",
        make=fifo("home/pipe.png"),
    ),
    Case(
        "a picture through a link that leaves",
        steps(EXERCISE + "    picture: away.png\n"),
        "refused",
        files={"outside/away.png": png_bytes()},
        make=symlink("home/away.png", "../outside/away.png"),
    ),
    Case(
        "a picture beside it",
        steps(EXERCISE + "    picture: mine.png\n"),
        "plays",
        files={"home/mine.png": png_bytes(64, 48)},
    ),
    # -- figures: names of bundled ones, never files -------------------------------------
    Case(
        "a figure naming the password file",
        steps(EXERCISE + "    figure: ../../../../../../etc/passwd\n"),
        "refused",
    ),
    Case(
        "a figure named by its picture file",
        steps(EXERCISE + "    figure: pictures/arm-reach.png\n"),
        "refused",
    ),
    Case(
        "a figure beside a picture of a shared exercise",
        "title: Bad\ninclude: [lib.yaml]\nsteps:\n  - use: reach\n    figure: arm-reach\n",
        "refused",
        files={
            "home/lib.yaml": "exercises:\n  reach: {exercise: R, time: 5s, picture: mine.png}\n",
            "home/mine.png": png_bytes(),
        },
    ),
    Case("a bundled figure", steps(EXERCISE + "    figure: arm-reach\n"), "plays"),
    # -- control characters --------------------------------------------------------------
    Case(
        "a title that clears the screen", steps(EXERCISE, title='"Back\\e[2J\\e[Hcare"'), "refused"
    ),
    Case(
        "a title that retitles the terminal", steps(EXERCISE, title='"x\\e]0;owned\\a"'), "refused"
    ),
    Case("a bell in a name", steps('  - rest: 5s\n    name: "Rest\\a now"\n'), "refused"),
    Case("a C1 escape in words", steps(EXERCISE + '    do: "Reach \\x9b2J up"\n'), "refused"),
    Case("a carriage return in words", steps(EXERCISE + '    do: "Reach\\rDone"\n'), "refused"),
    Case("a direction override in a title", 'title: "a\\u202eb"\nsteps:\n' + EXERCISE, "refused"),
    Case(
        "a direction isolate in a source",
        'title: B\nsources: [{title: "a\\u2067b"}]\nsteps:\n' + EXERCISE,
        "refused",
    ),
    Case(
        "a NUL in a source",
        'title: Bad\nsources: [{title: "a\\0b"}]\nsteps:\n' + EXERCISE,
        "refused",
    ),
    Case(
        "a backspace in cue words",
        steps(EXERCISE + '    say: [{at: 1s, say: "Up\\b"}]\n'),
        "refused",
    ),
    # -- the YAML itself -----------------------------------------------------------------
    Case(
        "an alias bomb",
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}]\n"
            for i in range(8)
        )
        + "title: Bomb\nsteps:\n"
        + EXERCISE,
        "refused",
    ),
    Case("deep nesting", "title: Deep\nsteps: " + "[" * 5000 + "\n", "refused"),
    Case("a python tag", "title: !!python/object:os.system ls\nsteps:\n" + EXERCISE, "refused"),
    Case("a key twice", "title: A\ntitle: B\nsteps:\n" + EXERCISE, "refused"),
    Case(
        "a merge key",
        "base: &b {exercise: R, time: 5s}\ntitle: M\nsteps:\n  - <<: *b\n",
        "refused",
    ),
    Case("two documents", "title: A\nsteps:\n" + EXERCISE + "---\ntitle: B\n", "refused"),
    Case("not UTF-8", b"title: Caf\xe9\nsteps:\n" + EXERCISE.encode(), "refused"),
    Case("an empty file", "", "refused"),
    Case("a tab for indent", "title: T\nsteps:\n\t- rest: 5s\n", "refused"),
    Case(
        "too large",
        "title: Big\nsummary: " + "x" * (600 * 1024) + "\nsteps:\n" + EXERCISE,
        "refused",
    ),
    # -- the shape of steps --------------------------------------------------------------
    Case("an unknown kind of step", steps("  - stretch: Reach\n    time: 5s\n"), "refused"),
    Case("two kinds in one step", steps("  - exercise: R\n    rest: 5s\n"), "refused"),
    Case("words after the end", steps(EXERCISE + "    say: [{at: 9s, say: Late}]\n"), "refused"),
    Case(
        "an alternative for a step not on the back",
        steps(EXERCISE + "    alternative: {exercise: Other, time: 5s, position: side-lying}\n"),
        "refused",
    ),
    Case(
        "an alternative on the back",
        steps(
            EXERCISE + "    position: lying-on-back\n"
            "    alternative: {exercise: O, time: 5s, position: lying-on-back}\n"
        ),
        "refused",
    ),
    Case("time and phases", steps(EXERCISE + "    phases: [{name: P, time: 2s}]\n"), "refused"),
    Case(
        "an instruction of ten thousand words",
        steps("  - instruction: " + "word " * 10_000 + "\n"),
        "refused",
    ),
    # -- the routine file itself ---------------------------------------------------------
    Case("the routine is a named pipe", "", "refused", make=fifo("home/pipe-routine.yaml")),
    Case(
        "the routine is a looping link", "", "refused", make=symlink("home/loop.yaml", "loop.yaml")
    ),
]
"""The cases; a case whose routine text is empty and that makes a file checks that file
(``pipe-routine.yaml``, ``loop.yaml``) instead of ``r.yaml``."""


def write_case(case: Case, folder: Path) -> Path:
    """Write ``case`` under ``folder``; the path of the routine to check."""
    home = folder / "home"
    (folder / "outside").mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    routine = home / "r.yaml"
    if isinstance(case.routine, bytes):
        routine.write_bytes(case.routine)
    else:
        routine.write_text(case.routine, encoding="utf-8")
    if case.make is not None:
        case.make(folder)
        if not case.routine:
            made = sorted(p for p in home.iterdir() if p.name != "r.yaml")
            return made[-1]
    return routine


def probe(folder: str) -> None:
    """Write every case under ``folder`` and check each, printing one JSON line per case:
    its name, how long ``check`` took, and the problems it found. Run in a process of its
    own, so that its peak memory can be measured."""
    import json
    import time

    from player.commands import routines
    from player.home.user_dirs import UserDirs

    dirs = UserDirs.under(Path(folder) / "person")
    for number, case in enumerate(CASES):
        path = write_case(case, Path(folder) / f"case-{number:03d}")
        started = time.monotonic()
        problems = routines.check([path], dirs)
        took = time.monotonic() - started
        record = {"name": case.name, "seconds": took, "problems": [str(p) for p in problems]}
        print(json.dumps(record), flush=True)
