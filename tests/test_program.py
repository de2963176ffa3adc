"""The player names itself as it was started: in its help, its hints and its calendar file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.commands.program import CALLED_AS_VARIABLE, absolute_command, called_as
from tests.conftest import REPO


def _command_on_path(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_a_script_is_named_with_the_interpreter_typed_before_it() -> None:
    assert called_as(["run.py", "list"], ["python3", "run.py", "list"], {}) == "python3 run.py"
    options = ["python3", "-X", "dev", "run.py", "list"]
    assert called_as(["run.py", "list"], options, {}) == "python3 run.py"
    assert called_as(["./run.py"], ["python3", "./run.py"], {}) == "python3 ./run.py"


def test_an_interpreter_by_its_path_is_named_as_on_the_path_when_the_path_reaches_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    python = _command_on_path(tmp_path / "bin", "python3")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert called_as(["run.py"], [str(python), "run.py"], {}) == "python3 run.py"
    monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
    assert called_as(["run.py"], [str(python), "run.py"], {}) == f"{python} run.py"


def test_the_installed_command_is_named_alone_when_the_path_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = _command_on_path(tmp_path / "venv bin", "routine-player")
    argv = [str(installed), "list"]
    orig = ["/usr/bin/python3", str(installed), "list"]
    monkeypatch.setenv("PATH", str(installed.parent))
    assert called_as(argv, orig, {}) == "routine-player"
    monkeypatch.setenv("PATH", str(tmp_path))
    assert called_as(argv, orig, {}) == f"'{installed}'"  # quoted: its path has a space


def test_a_name_passed_on_by_run_py_wins() -> None:
    passed = {CALLED_AS_VARIABLE: "python3 run.py"}
    assert called_as(["/abs/run.py"], ["/venv/bin/python", "/abs/run.py"], passed) == (
        "python3 run.py"
    )


def test_a_command_for_a_calendar_works_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert absolute_command("python3 run.py") == f"python3 {tmp_path / 'run.py'}"
    assert absolute_command(".venv/bin/python run.py") == (
        f"{tmp_path / '.venv/bin/python'} {tmp_path / 'run.py'}"
    )
    assert absolute_command("routine-player") == "routine-player"


def test_help_and_hints_name_python3_run_py_when_so_started(tmp_path: Path) -> None:
    env = {**os.environ, "ROUTINE_PLAYER_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "run.py", "list"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].endswith(" run.py new NAME' starts one.")
    usage = subprocess.run(
        [sys.executable, "run.py", "--help"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert usage.stdout.startswith("usage: ")
    assert usage.stdout.splitlines()[0].split(" [-h]")[0].endswith(" run.py")


def test_run_py_starts_again_in_the_checkouts_venv_when_its_python_lacks_the_libraries(
    tmp_path: Path,
) -> None:
    """-S leaves out every installed library, as a system Python without them would."""
    venv = REPO / ".venv"
    env = {**os.environ, "ROUTINE_PLAYER_HOME": str(tmp_path / "home")}
    env.pop(CALLED_AS_VARIABLE, None)
    done = subprocess.run(
        [sys.executable, "-S", "run.py", "--help"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (venv / "bin" / "python").exists(), "the tests run from the checkout's .venv"
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split(" [-h]")[0].endswith(" run.py")


def test_run_py_without_a_venv_says_how_to_set_one_up(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "run.py").write_bytes((REPO / "run.py").read_bytes())
    (checkout / "player").symlink_to(REPO / "player")
    done = subprocess.run(
        [sys.executable, "-S", "run.py", "list"],
        cwd=checkout,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"The player's libraries are not installed here ({_first_missing()} is missing). "
        f"Run 'make run' once in {checkout} (it sets up .venv), or 'pip install {checkout}'."
    ]


def _first_missing() -> str:
    """The first library player.cli imports that -S leaves out."""
    probe = subprocess.run(
        [sys.executable, "-S", "-c", "import player.cli"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    return probe.stderr.strip().splitlines()[-1].split("'")[1]
