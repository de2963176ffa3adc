"""Closed standard streams: a player started with no input, no output or no error stream
says so in one line, or does its work, and never shows a traceback."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_a_full_disk_under_standard_output_is_named(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, str(REPO / "run.py"), "list"],
            env=environment(),
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: cannot write to standard output (No space left on device)"
    ]


def test_commands_whose_work_is_a_file_run_with_stdout_closed(tmp_path: Path) -> None:
    done = _run_closing(1, [sys.executable, str(REPO / "run.py"), "settings", "set", "rate", "180"])
    assert (done.returncode, done.stderr) == (0, "")
    shown = subprocess.run(
        [sys.executable, str(REPO / "run.py"), "settings"],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "rate" in shown.stdout and "180" in shown.stdout


def test_an_input_that_never_ends_a_line_is_read_a_line_at_a_time(
    tmp_path: Path, unchecked_home: Path
) -> None:
    """/dev/zero as standard input: the safety question gets three answers that are no
    answer, and the session does not start; memory stays small."""
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [sys.executable, str(REPO / "run.py"), "play", "posture-drills", "--ui", "none"],
            env=environment(),
            stdin=zeros,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3,) * 2),
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith("Not started: the warning signs were not checked today.")
    )
    assert done.stdout.count("is not one of the answers.") == 3


@pytest.mark.parametrize("after_s", [0.05, 0.15, 0.25, 0.35])
def test_ctrl_c_while_starting_up_ends_quietly(after_s: float) -> None:
    process = subprocess.Popen(
        [sys.executable, str(REPO / "run.py"), "plan", "partner-back-massage"],
        env=environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(after_s)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=30)
    assert "Traceback" not in err
    # Finished already; or stopped as shells expect: exit 130, or ended by the signal itself
    # when it comes as the interpreter shuts down, which a shell also reports as 130.
    assert process.returncode in (0, 130, -signal.SIGINT)
