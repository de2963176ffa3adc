"""Closed standard streams: a player started with no input, no output or no error stream
says so in one line, or does its work, and never shows a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.test_end_to_end import command, environment


def _run_closing(fd: int, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` with descriptor ``fd`` closed, as ``<&-``, ``>&-`` or ``2>&-`` would."""
    pipes = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    pipes[("stdin", "stdout", "stderr")[fd]] = None  # left to the shell, which closes it
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {fd}>&-', "sh", *argv],
        env=environment(),
        text=True,
        timeout=120,
        **pipes,  # type: ignore[call-overload]
    )


def test_the_terminal_view_with_stdin_closed_plays_in_plain_lines(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    done = _run_closing(0, command("pelvic-strength", "text", events))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["event"] == "finished"
    # Steps that wait for done move on by themselves, and say why.
    assert "(no keyboard input: moving on)" in done.stdout


def test_a_command_whose_output_is_the_point_refuses_a_closed_stdout() -> None:
    done = _run_closing(1, [sys.executable, str(REPO / "run.py"), "list"])
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Standard output is closed, so 'list' has nowhere to show what it finds; give it a "
        "terminal, a file or a pipe."
    ]


def test_play_with_stdout_closed_still_plays(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    done = _run_closing(1, command("daily-back-care", "none", events))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(events.read_text(encoding="utf-8").splitlines()[-1])["event"] == "finished"


def test_a_command_with_stderr_closed_does_its_work() -> None:
    done = _run_closing(2, [sys.executable, str(REPO / "run.py"), "plan", "daily-back-care"])
    assert done.returncode == 0
    assert done.stdout.startswith("Daily back care")
