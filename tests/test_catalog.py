"""Finding routines: your folder before the bundled one, and 'list' saying which is which."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.commands.routines import open_routine
from player.home import catalog
from player.home.user_dirs import HOME_VARIABLE, UserDirs
from tests.conftest import ROUTINES
from tests.read_only import unreadable

BUNDLED = sorted(ROUTINES.glob("*.yaml"))
NAMES = [path.stem for path in BUNDLED]


@pytest.fixture
def dirs(tmp_path: Path) -> UserDirs:
    dirs = UserDirs.under(tmp_path / "home")
    dirs.routines.mkdir(parents=True)
    return dirs


def own(dirs: UserDirs, name: str, title: str) -> Path:
    path = dirs.routines / name
    path.write_text(f"title: {title}\nlead_in: 0\nsteps:\n  - rest: 30s\n", encoding="utf-8")
    return path


def test_the_search_order_is_yours_then_bundled(dirs: UserDirs) -> None:
    assert catalog.search_folders(dirs) == (
        catalog.Folder(dirs.routines, "yours"),
        catalog.Folder(ROUTINES, "bundled"),
    )


def test_without_folders_the_search_follows_the_environment(
    dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_VARIABLE, str(dirs.config.parent))
    mine = own(dirs, "daily-back-care.yaml", "My daily one")
    assert catalog.search_folders()[0] == catalog.Folder(dirs.routines, "yours")
    assert catalog.find_routine("daily-back-care") == mine
    assert open_routine("daily-back-care").routine.title == "My daily one"


def test_a_routine_of_yours_hides_the_bundled_one_of_the_same_name(dirs: UserDirs) -> None:
    folders = catalog.search_folders(dirs)
    mine = own(dirs, "daily-back-care.yaml", "My daily one")
    extra = own(dirs, "aaa-first.yml", "Mine too")
    assert catalog.find_routine("daily-back-care", folders) == mine
    assert catalog.find_routine("aaa-first", folders) == extra
    assert catalog.find_routine("pelvic-strength", folders) == ROUTINES / "pelvic-strength.yaml"
    listed = catalog.all_routines(folders)
    assert listed[:2] == [
        catalog.Listed(extra, "yours"),
        catalog.Listed(mine, "yours", hides=ROUTINES / "daily-back-care.yaml"),
    ]
    assert [(entry.name, entry.origin) for entry in listed[2:]] == [
        (name, "bundled") for name in NAMES if name != "daily-back-care"
    ]
    assert catalog.bundled_routines() == BUNDLED


def test_a_path_is_used_as_it_is(dirs: UserDirs, tmp_path: Path) -> None:
    elsewhere = tmp_path / "daily-back-care.yaml"
    elsewhere.write_text("title: x\nsteps:\n  - rest: 1s\n", encoding="utf-8")
    own(dirs, "daily-back-care.yaml", "My daily one")
    assert catalog.find_routine(str(elsewhere), catalog.search_folders(dirs)) == elsewhere


def test_an_unknown_name_lists_yours_and_the_bundled_ones(dirs: UserDirs) -> None:
    folders = catalog.search_folders(dirs)
    own(dirs, "my-stretch.yaml", "Stretch")
    with pytest.raises(catalog.RoutineNotFound) as caught:
        catalog.find_routine("my-strech", folders)
    assert str(caught.value) == (
        "no routine file or routine named 'my-strech'; did you mean 'my-stretch'? "
        f"(yours: my-stretch; bundled: {', '.join(NAMES)})"
    )


def test_a_missing_folder_of_yours_is_no_routines(tmp_path: Path) -> None:
    dirs = UserDirs.under(tmp_path / "nobody")
    folders = catalog.search_folders(dirs)
    assert [entry.origin for entry in catalog.all_routines(folders)] == ["bundled"] * len(NAMES)
    assert catalog.find_routine("posture-drills", folders) == ROUTINES / "posture-drills.yaml"


def run(dirs: UserDirs, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(args), context=Context(out=out, dirs=dirs, err_stream=lambda: err))
    return code, out.getvalue(), err.getvalue()


def test_list_says_where_each_routine_comes_from_and_which_hide_bundled_ones(
    dirs: UserDirs,
) -> None:
    own(dirs, "daily-back-care.yaml", "My daily one")
    own(dirs, "evening.yaml", "Evening")
    code, out, err = run(dirs, "list")
    assert (code, err) == (0, "")
    table, footer = out.split("\n\n")
    rows = [re.split(r"\s{2,}", line) for line in table.splitlines()]
    assert rows[0] == ["name", "from", "title", "length", "suits"]
    assert rows[1:3] == [
        ["daily-back-care", "yours, hides bundled", "My daily one", "0:30", "any time"],
        ["evening", "yours", "Evening", "0:30", "any time"],
    ]
    assert [row[:2] for row in rows[3:]] == [
        [name, "bundled"] for name in NAMES if name != "daily-back-care"
    ]
    assert footer == (
        f"yours: your own routines, in {dirs.routines}\n"
        "  a routine of yours with a bundled routine's name is played instead of it\n"
    )


def test_plan_by_name_plays_yours(dirs: UserDirs) -> None:
    own(dirs, "posture-drills.yaml", "My posture drills")
    code, out, _err = run(dirs, "plan", "posture-drills")
    assert code == 0
    assert out.splitlines()[0] == "My posture drills"


# -- a folder of yours that cannot be read ------------------------------------------------


@contextmanager
def your_folder_unreadable(dirs: UserDirs, how: str) -> Iterator[str]:
    """Your routines folder, holding mine.yaml, made unreadable (mode 000) or replaced by
    a file; within, why it cannot be read."""
    if how == "file":
        dirs.routines.rmdir()
        dirs.routines.write_text("not a folder\n", encoding="utf-8")
        yield "this is a file, not a folder"
        return
    own(dirs, "mine.yaml", "Mine")
    own(dirs, "daily-back-care.yaml", "My daily one")
    with unreadable(dirs.routines):
        yield "permission denied"


HOW = ["mode 000", "file"]


@pytest.mark.parametrize("how", HOW)
def test_list_says_your_folder_cannot_be_read_and_lists_the_bundled_routines(
    dirs: UserDirs, how: str
) -> None:
    with your_folder_unreadable(dirs, how) as why:
        code, out, err = run(dirs, "list")

    assert code == cli.EXIT_OK
    assert err.splitlines() == [f"Your routines folder {dirs.routines} cannot be read: {why}."]
    rows = [re.split(r"\s{2,}", line) for line in out.split("\n\n")[0].splitlines()[1:]]
    assert [row[:2] for row in rows] == [[name, "bundled"] for name in NAMES]
    assert "Your own routines go in" not in out


@pytest.mark.parametrize("how", HOW)
def test_check_says_your_folder_cannot_be_read_and_checks_the_bundled_routines(
    dirs: UserDirs, how: str
) -> None:
    with your_folder_unreadable(dirs, how) as why:
        code, out, err = run(dirs, "check")

    assert code == cli.EXIT_FAILED
    assert err.splitlines() == [f"Your routines folder {dirs.routines} cannot be read: {why}."]
    assert out.splitlines() == [f"{len(NAMES)} files checked: all good"]


@pytest.mark.parametrize("how", HOW)
def test_a_name_looked_up_past_your_folder_says_it_cannot_be_read(dirs: UserDirs, how: str) -> None:
    with your_folder_unreadable(dirs, how) as why:
        mine = run(dirs, "plan", "mine")
        bundled = run(dirs, "plan", "daily-back-care")

    assert mine == (
        cli.EXIT_INVALID,
        "",
        f"no routine file or routine named 'mine' (bundled: {', '.join(NAMES)}); "
        f"your routines folder {dirs.routines} cannot be read: {why}\n",
    )
    code, out, err = bundled
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "Daily back care"
    assert err.splitlines() == [f"Your routines folder {dirs.routines} cannot be read: {why}."]
