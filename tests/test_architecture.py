"""The package's shape: parts in folders, imports only downward, no module too long.

The layers themselves are written once, as an import-linter contract in pyproject.toml;
these tests run it on the package as it is, and on a copy given one wrong-way import,
which it must catch.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "player"
MOST_LOOSE_MODULES = 6
LONGEST_MODULE_LINES = 500
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_imports_run_only_downward() -> None:
    done = _lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def _lint_a_copy_with(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """Run the contract on a copy of the package in which ``module`` has ``line`` added."""
    shutil.copytree(PACKAGE, tmp_path / "player", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    return _lint_imports(tmp_path)


def test_an_import_that_runs_the_wrong_way_is_caught(tmp_path: Path) -> None:
    """The routine format importing the window: the kind of slip the contract is for."""
    done = _lint_a_copy_with(tmp_path, "player.routine.values", "from player.window import theme")
    assert done.returncode == 1
    assert "0 kept, 1 broken" in done.stdout
    assert "player.routine.values -> player.window.theme" in done.stdout


def test_no_shell_knows_another(tmp_path: Path) -> None:
    done = _lint_a_copy_with(tmp_path, "player.terminal.render", "from player.speech import policy")
    assert done.returncode == 1
    assert "player.terminal.render -> player.speech.policy" in done.stdout


def test_few_modules_stay_loose_at_the_top() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MOST_LOOSE_MODULES, loose


def test_every_folder_says_what_it_is_and_what_it_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        text = init.read_text(encoding="utf-8")
        assert text.startswith('"""'), init
        assert "May import" in text, init


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(REPO)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE_LINES
    }
    assert long == {}
