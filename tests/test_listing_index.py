"""``list`` keeps what it found in a small index, and uses a row again only while
everything the row came from is as it was."""

from __future__ import annotations

import io
import json
import os
import re
import time
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.home import listing_index
from player.home.listing_index import INDEX_NAME, Kept, Row, read_index, settled, write_index
from player.home.settings import Settings, save_settings
from player.home.user_dirs import UserDirs
from tests.test_start_up import _loaded_by

LONG_AGO_NS = 1_700_000_000 * 10**9


def run(dirs: UserDirs, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(args), context=Context(out=out, dirs=dirs, err_stream=lambda: err))
    return code, out.getvalue(), err.getvalue()


def rows(out: str) -> dict[str, list[str]]:
    table = out.split("\n\n")[0].splitlines()[1:]
    return {cells[0]: cells[1:] for cells in (re.split(r"\s{2,}", line) for line in table)}


def settle(path: Path, seconds: int = 0) -> None:
    """Give ``path`` a time long past, as a file saved a while ago has."""
    when = LONG_AGO_NS + seconds * 10**9
    os.utime(path, ns=(when, when))


def own(dirs: UserDirs, name: str, text: str) -> Path:
    path = dirs.routines / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    settle(path)
    settle(path.parent)
    settle(dirs.routines)
    return path


@pytest.fixture
def dirs(own_home: Path) -> UserDirs:
    return UserDirs.under(own_home)


def test_a_second_list_shows_the_same_from_the_index(dirs: UserDirs) -> None:
    own(dirs, "mine.yaml", "title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n")
    first = run(dirs, "list")
    index = json.loads((dirs.cache / INDEX_NAME).read_text(encoding="utf-8"))
    assert str(dirs.routines / "mine.yaml") in index["rows"]
    assert run(dirs, "list") == first
    assert rows(first[1])["mine"] == ["yours", "Mine", "0:30", "any time"]


def test_a_list_from_the_index_loads_no_routine_format(dirs: UserDirs) -> None:
    def loaded() -> list[str]:
        modules, code = _loaded_by("list")
        assert code == 0
        return [m for m in modules if m.split(".")[0] in ("pydantic", "yaml", "player")]

    cold = loaded()
    assert "pydantic" in cold and "player.routine.model" in cold
    warm = loaded()
    assert [m for m in warm if m.split(".")[0] in ("pydantic", "yaml")] == []
    assert "player.routine.model" not in warm
    assert "player.playback.compiler" not in warm


def test_a_changed_routine_is_read_again(dirs: UserDirs) -> None:
    path = own(dirs, "mine.yaml", "title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n")
    run(dirs, "list")
    path.write_text("title: Mine, longer\nlead_in: 0\nsteps:\n  - rest: 45s\n", encoding="utf-8")
    settle(path, 10)
    assert rows(run(dirs, "list")[1])["mine"] == ["yours", "Mine, longer", "0:45", "any time"]


def test_a_changed_include_is_read_again(dirs: UserDirs) -> None:
    library = own(
        dirs,
        "exercises/moves.yaml",
        "exercises:\n  roll:\n    exercise: Roll\n    time: 20s\n",
    )
    own(
        dirs,
        "mine.yaml",
        "title: Mine\nlead_in: 0\ninclude: [exercises/moves.yaml]\nsteps:\n  - use: roll\n",
    )
    assert rows(run(dirs, "list")[1])["mine"][2] == "0:23"  # with its 3 s to get ready
    assert str(dirs.routines / "mine.yaml") in read_index_rows(dirs)
    library.write_text("exercises:\n  roll:\n    exercise: Roll\n    time: 50s\n", encoding="utf-8")
    settle(library, 10)
    assert rows(run(dirs, "list")[1])["mine"][2] == "0:53"


def read_index_rows(dirs: UserDirs) -> dict[str, object]:
    rows: dict[str, object] = json.loads((dirs.cache / INDEX_NAME).read_bytes())["rows"]
    return rows


def test_a_new_week_in_the_settings_marks_what_does_not_suit_it(dirs: UserDirs) -> None:
    own(
        dirs,
        "early.yaml",
        "title: Early\nlead_in: 0\nsuits:\n  weeks: 1-13\nsteps:\n  - rest: 30s\n",
    )
    assert "not for week" not in rows(run(dirs, "list")[1])["early"][-1]
    save_settings(dirs.settings_file, Settings(advised_against_exercise=False, week=30))
    code, out, _err = run(dirs, "list")
    assert code == 0
    assert rows(out)["early"][-1] == "weeks 1-13 (! not for week 30)"
    assert "Your week: 30." in out


def test_a_routine_with_problems_is_said_to_have_them_until_it_is_mended(dirs: UserDirs) -> None:
    path = own(dirs, "mine.yaml", "title: Mine\nsteps:\n  - rest: 30 parsecs\n")
    for _ in range(2):
        assert rows(run(dirs, "list")[1])["mine"][1].startswith("(has problems")
    path.write_text("title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n", encoding="utf-8")
    settle(path, 10)
    assert rows(run(dirs, "list")[1])["mine"] == ["yours", "Mine", "0:30", "any time"]


@pytest.mark.parametrize(
    "damage", [b"", b"{not json", b"[]", b'{"format": 1, "context": 3}', b"\xff\xfe"]
)
def test_a_damaged_index_is_made_again(dirs: UserDirs, damage: bytes) -> None:
    own(dirs, "mine.yaml", "title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n")
    expected = run(dirs, "list")
    (dirs.cache / INDEX_NAME).write_bytes(damage)
    assert run(dirs, "list") == expected
    assert json.loads((dirs.cache / INDEX_NAME).read_text(encoding="utf-8"))["format"] == 1


def test_an_index_that_cannot_be_written_changes_nothing(dirs: UserDirs) -> None:
    own(dirs, "mine.yaml", "title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n")
    dirs.cache.parent.mkdir(parents=True, exist_ok=True)
    dirs.cache.write_text("a file where the cache folder should be", encoding="utf-8")
    code, out, err = run(dirs, "list")
    assert (code, err) == (0, "")
    assert rows(out)["mine"] == ["yours", "Mine", "0:30", "any time"]


def test_a_row_is_not_kept_while_its_files_may_still_change_unseen(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("x", encoding="utf-8")
    marks = listing_index.stamps([path, tmp_path / "missing.yaml"])
    now = time.time_ns()
    assert not settled(marks, now)
    assert settled(marks, marks[0][2] + listing_index.SETTLING_NS)


def test_an_index_is_used_only_in_its_own_context_and_only_while_its_files_stand(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("x", encoding="utf-8")
    file = tmp_path / INDEX_NAME
    row = Row("r", "R", "0:30", "any time")
    write_index(file, "here", 12, {str(path): Kept(row, listing_index.stamps([path]))})
    assert read_index(file, "elsewhere") is None
    index = read_index(file, "here")
    assert index is not None and index.week == 12
    assert index.fresh(path) == row
    path.write_text("xy", encoding="utf-8")
    assert index.fresh(path) is None
    assert index.fresh(tmp_path / "other.yaml") is None


def test_the_players_own_code_is_part_of_the_context(tmp_path: Path) -> None:
    code = tmp_path / "player"
    code.mkdir()
    (code / "a.py").write_text("A = 1\n", encoding="utf-8")
    before = listing_index.player_fingerprint(code)
    assert listing_index.player_fingerprint(code) == before
    (code / "a.py").write_text("A = 22\n", encoding="utf-8")
    assert listing_index.player_fingerprint(code) != before
