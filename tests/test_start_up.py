"""What a command loads before it can answer: only what it uses.

The budget is counted in modules, not timed: ``--help`` shows the menu without loading
any command, the routine format, the window, the voice or the history. A command loads
its own module and what that module needs, nothing of the others.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

HEAVY = ("pydantic", "yaml", "pygame", "pyttsx3", "icalendar", "soundfile", "sqlite3", "numpy")
"""Libraries that take tens of milliseconds to load, each."""

HELP_BUDGET = 130
"""The most modules ``--help`` may load beyond what a bare Python has: the command line,
argparse and the standard library it uses, and the player's folders (about 100 today)."""


def _loaded_by(*args: str) -> tuple[list[str], int]:
    """The modules ``run.py ARGS`` loads in a fresh interpreter beyond a bare one's, and
    its exit code."""
    script = (
        "import io, json, sys\n"
        "bare = set(sys.modules)\n"
        "from player import cli\n"
        "code = cli.main(sys.argv[1:], out=io.StringIO())\n"
        "print(json.dumps([sorted(set(sys.modules) - bare), code]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded, code = json.loads(done.stdout.splitlines()[-1])
    return loaded, code


def _heavy(loaded: list[str]) -> list[str]:
    return [name for name in loaded if name.split(".")[0] in HEAVY]


def test_help_loads_no_command_and_no_heavy_library() -> None:
    loaded, code = _loaded_by("--help")
    assert code == 0
    assert _heavy(loaded) == []
    commands = [name for name in loaded if name.startswith("player.commands.")]
    assert sorted(commands) == [
        "player.commands.base",
        "player.commands.menu",
        "player.commands.program",
    ]
    assert len(loaded) <= HELP_BUDGET, f"{len(loaded)} modules: {loaded}"


@pytest.mark.parametrize(
    ("command", "not_needed"),
    [
        ("schema", ("pygame", "pyttsx3", "icalendar", "soundfile", "sqlite3")),
        ("safety", ("pygame", "pyttsx3", "icalendar", "soundfile", "sqlite3")),
    ],
)
def test_a_command_loads_only_what_it_uses(command: str, not_needed: tuple[str, ...]) -> None:
    loaded, code = _loaded_by(command)
    assert code == 0
    assert [name for name in _heavy(loaded) if name.split(".")[0] in not_needed] == []
    others = {"play", "export", "remind", "history", "voices", "new", "listing"}
    assert [name for name in loaded if name.rsplit(".", 1)[-1] in others] == []


@pytest.mark.parametrize("command", ["pack", "add"])
def test_the_help_of_sharing_loads_no_heavy_library(command: str) -> None:
    loaded, code = _loaded_by(command, "--help")
    assert code == 0
    assert _heavy(loaded) == []
    assert "zipfile" not in loaded


def test_a_session_in_the_window_loads_nothing_of_the_terminal() -> None:
    """What ``play`` and the window load before the first frame: the terminal's text
    fitting (and the wide-character tables under it) and the sharing of ``check`` are
    not among them."""
    script = (
        "import json, sys\n"
        # pygame-ce before 2.5.8 imports numpy when it is there (the tests' corpus needs
        # it), and numpy loads pickle: what is asked here is what the player loads.
        "sys.modules['numpy'] = None\n"
        "import player.commands.play, player.window.shell\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert "player.window.app" in loaded  # what was imported is the window's
    terminal = [name for name in loaded if name.startswith(("player.terminal.", "wcwidth"))]
    assert terminal == []
    assert "pickle" not in loaded
