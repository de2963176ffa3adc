"""One gate: every bad routine in tests/bad_routines.py is refused at its place in under
five seconds, or plays to the end; checking them all, and playing each one that passes,
stays under a gigabyte.

Each runs in a process of its own, whose peak memory the kernel reports when it ends.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.bad_routines import CASES, Case, write_case
from tests.conftest import REPO
from tests.test_end_to_end import environment

MOST_SECONDS = 5.0
MOST_BYTES = 1024**3
LOCATED = re.compile(r"^.+:\d+:\d+: ")
PLAYS = [case for case in CASES if case.expect == "plays"]


def run_measured(argv: list[str], timeout: float) -> tuple[int, str, str, int]:
    """Run ``argv``: its exit code, output, errors and its own peak memory in bytes (from
    wait4). A process past four gigabytes is stopped by the kernel, not the machine."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4 * MOST_BYTES, 4 * MOST_BYTES))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            argv,
            cwd=REPO,
            env=environment(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=limit,
        )
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                pytest.fail(f"{argv} took more than {timeout} s")
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            usage.ru_maxrss * 1024,
        )


def test_the_corpus_holds_at_least_sixty_bad_routines() -> None:
    assert len([case for case in CASES if case.expect == "refused"]) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


def test_each_bad_routine_is_refused_at_its_place_quickly_or_passes(tmp_path: Path) -> None:
    code, out, err, peak = run_measured(
        [
            sys.executable,
            "-c",
            "import sys; from tests.bad_routines import probe; probe(sys.argv[1])",
            str(tmp_path),
        ],
        timeout=60 + MOST_SECONDS * len(CASES),
    )
    assert code == 0, err
    records = {r["name"]: r for r in map(json.loads, out.splitlines())}
    assert set(records) == {case.name for case in CASES}
    for case in CASES:
        record = records[case.name]
        assert record["seconds"] < MOST_SECONDS, case.name
        if case.expect == "refused":
            assert record["problems"], f"{case.name}: passed check"
            for problem in record["problems"]:
                assert LOCATED.match(problem), problem
                assert "Traceback" not in problem
        else:
            assert record["problems"] == [], case.name
    assert peak < MOST_BYTES


@pytest.mark.parametrize("case", PLAYS, ids=[case.name for case in PLAYS])
def test_what_check_passes_plans_and_plays_to_the_end(case: Case, tmp_path: Path) -> None:
    path = write_case(case, tmp_path)
    run_py = str(REPO / "run.py")
    code, out, err, peak = run_measured(
        [sys.executable, run_py, "plan", str(path)], timeout=MOST_SECONDS * 6
    )
    assert (code, err) == (0, ""), err
    assert out.splitlines()[0] in ("Bad", "Fine")  # the plan opens with the title
    assert peak < MOST_BYTES
    events = tmp_path / "events.jsonl"
    argv = [run_py, "play", str(path), "--ui", "none", "--speed", "1000", "--mute"]
    code, _out, err, peak = run_measured(
        [sys.executable, *argv, "--no-warning-signs", "--events", str(events)], timeout=120
    )
    assert code == 0, err
    assert "Traceback" not in err
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["event"] == "finished"
    assert peak < MOST_BYTES
