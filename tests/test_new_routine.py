"""``run.py new``: a commented starting routine, or a copy of one that loads from its new place."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.home.user_dirs import UserDirs
from player.playback.compiler import compile_timeline
from player.routine.loader import load_routine
from player.routine.model import Routine
from player.routine.template import copy_routine, title_for
from tests.conftest import ROUTINES, png_bytes

BUNDLED = sorted(ROUTINES.glob("*.yaml"))


@pytest.fixture
def dirs(own_home: Path) -> UserDirs:
    return UserDirs.under(own_home)


def run(dirs: UserDirs, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(args), context=Context(out=out, dirs=dirs, err_stream=lambda: err))
    return code, out.getvalue(), err.getvalue()


def files_under(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


# -- the template -------------------------------------------------------------------------


def test_new_writes_a_commented_routine_that_passes_check(dirs: UserDirs) -> None:
    code, out, err = run(dirs, "new", "my-evening-stretch")
    path = dirs.routines / "my-evening-stretch.yaml"
    assert (code, err) == (0, "")
    assert out == (
        f"wrote {path} (a routine to change, every key explained)\n"
        "Change it in any text editor, then:\n"
        f"  routine-player check {path}\n"
        "  routine-player play my-evening-stretch\n"
    )
    loaded = load_routine(path)
    assert loaded.routine.title == "My evening stretch"
    assert compile_timeline(loaded.routine).total_ms > 60_000
    text = path.read_text(encoding="utf-8")
    for key in Routine.model_fields:
        # Every top-level key is there, explained by a comment on the lines just above it.
        match = re.search(rf"^(# )?{key}:", text, re.MULTILINE)
        assert match, key
        above = text[: match.start()].rstrip("\n").splitlines()[-1]
        assert above.startswith("#") and len(above) > 20, (key, above)
    assert run(dirs, "check", str(path)) == (0, "1 file checked: all good\n", "")


def test_the_new_routine_says_each_count_once(dirs: UserDirs) -> None:
    run(dirs, "new", "counted")
    loaded = load_routine(dirs.routines / "counted.yaml")
    said = [cue.text for cue in compile_timeline(loaded.routine).cues]
    assert "Squeeze and hold, 2 of 5" in said
    assert not [text for text in said if re.search(r"(\d+ of \d+).*\1", text)], said


def test_new_writes_the_schemas_editors_use_beside_it(dirs: UserDirs) -> None:
    run(dirs, "new", "mine")
    first_line = (dirs.routines / "mine.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=routine.schema.json"
    schema = json.loads((dirs.routines / "routine.schema.json").read_text(encoding="utf-8"))
    assert "steps" in schema["properties"]
    library = json.loads((dirs.routines / "exercises.schema.json").read_text(encoding="utf-8"))
    assert "exercises" in library["properties"]


@pytest.mark.parametrize(
    ("name", "title"), [("evening", "Evening"), ("my_back-2", "My back 2"), ("2025", "2025")]
)
def test_titles_come_from_names(name: str, title: str) -> None:
    assert title_for(name) == title


def test_a_name_of_digits_still_makes_a_title_of_text(dirs: UserDirs) -> None:
    assert run(dirs, "new", "2025")[0] == 0
    assert load_routine(dirs.routines / "2025.yaml").routine.title == "2025"


@pytest.mark.parametrize("name", ["my routine", "../evil", "a/b", "x-", "x--", "é", "a" * 65, ""])
def test_a_name_must_be_letters_digits_and_dashes(dirs: UserDirs, name: str) -> None:
    assert run(dirs, "new", name) == (
        2,
        "",
        "new: a routine's name is letters, digits and dashes, such as my-evening-stretch "
        f"(at most 64), found '{name}'\n",
    )
    assert files_under(dirs.routines) == []


def test_a_yaml_ending_is_taken_off_the_name(dirs: UserDirs) -> None:
    assert run(dirs, "new", "stretch.yaml")[0] == 0
    assert (dirs.routines / "stretch.yaml").is_file()


def test_new_never_overwrites(dirs: UserDirs) -> None:
    run(dirs, "new", "mine")
    path = dirs.routines / "mine.yaml"
    path.write_text("title: Changed\nsteps:\n  - rest: 5s\n", encoding="utf-8")
    for args in (("new", "mine"), ("new", "mine", "--from", "daily-back-care")):
        assert run(dirs, *args) == (
            2,
            "",
            f"new: you have a routine named 'mine' already, at {path}; choose another name, "
            "or change that file in a text editor\n",
        )
    assert path.read_text(encoding="utf-8") == "title: Changed\nsteps:\n  - rest: 5s\n"


# -- copies -------------------------------------------------------------------------------


@pytest.mark.parametrize("source", BUNDLED, ids=lambda p: p.stem)
def test_a_copy_of_each_bundled_routine_loads_and_plays_the_same(
    dirs: UserDirs, source: Path, tmp_path: Path
) -> None:
    original = load_routine(source)
    code, out, err = run(dirs, "new", "copy", "--from", source.stem)
    assert (code, err) == (0, "")
    copy = dirs.routines / "copy.yaml"
    assert out.splitlines()[0] == f"wrote {copy} (a copy of {source.stem})"
    # The text is the original's, comments and all.
    assert copy.read_bytes() == source.read_bytes()
    copied = load_routine(copy)
    assert copied.routine == original.routine
    assert compile_timeline(copied.routine).total_ms == compile_timeline(original.routine).total_ms
    # It stands on its own: it loads with no bundled routines folder to fall back on.
    nowhere = tmp_path / "no-bundled-routines"
    nowhere.mkdir()
    assert load_routine(copy, routines_dir=nowhere).routine == original.routine
    included = re.findall(r"^  - (exercises/\S+\.yaml)$", source.read_text(encoding="utf-8"), re.M)
    for item in included:
        assert (dirs.routines / item).read_bytes() == (ROUTINES / item).read_bytes()
        assert f"  and {dirs.routines / item}, which it uses" in out.splitlines()


def test_a_second_copy_shares_the_exercises_and_keeps_your_changes_to_them(
    dirs: UserDirs,
) -> None:
    run(dirs, "new", "one", "--from", "daily-back-care")
    shared = dirs.routines / "exercises" / "pregnancy-back.yaml"
    changed = shared.read_text(encoding="utf-8").replace("time: 30s", "time: 40s", 1)
    shared.write_text(changed, encoding="utf-8")
    code, out, err = run(dirs, "new", "two", "--from", "daily-back-care")
    assert (code, err) == (0, "")
    assert f"  it uses your {shared}, already there and left as it was" in out.splitlines()
    assert shared.read_text(encoding="utf-8") == changed
    original = compile_timeline(load_routine(ROUTINES / "daily-back-care.yaml").routine)
    assert compile_timeline(load_routine(dirs.routines / "two.yaml").routine).total_ms == (
        original.total_ms + 10_000
    )


def test_a_copy_brings_pictures_beside_it_and_points_at_what_cannot_follow(
    dirs: UserDirs,
) -> None:
    """A routine in a folder of your routines folder, with a shared file one folder up:
    the copy, made at the top, names that file by its full path, still among your
    routines."""
    folder = dirs.routines / "collection" / "mine"
    (folder / "art").mkdir(parents=True)
    (folder / "art" / "reach.png").write_bytes(png_bytes(note="reach"))
    shared = dirs.routines / "collection" / "shared.yaml"
    shared.write_text(
        "exercises:\n  hold:\n    exercise: Hold\n    time: 5s\n    picture: hold.png\n",
        encoding="utf-8",
    )
    (dirs.routines / "collection" / "hold.png").write_bytes(png_bytes(note="hold"))
    source = folder / "source.yaml"
    source.write_text(
        "# My routine, with notes.\n"
        "title: Source\n"
        "include:\n"
        "  - ../shared.yaml   # shared, one folder up\n"
        "steps:\n"
        "  - exercise: Reach\n"
        "    picture: art/reach.png   # beside this file\n"
        "    time: 10s\n"
        "  - use: hold\n"
        "  - rest: 5s\n"
        "    picture: pictures/seated-rest.png   # a bundled picture\n",
        encoding="utf-8",
    )
    original = load_routine(source, places=(dirs.routines,))
    code, out, err = run(dirs, "new", "copied", "--from", str(source))
    assert (code, err) == (0, "")
    copy = dirs.routines / "copied.yaml"
    assert copy.read_text(encoding="utf-8") == (
        "# My routine, with notes.\n"
        "title: Source\n"
        "include:\n"
        f"  - {json.dumps(str(shared.resolve()))}   # shared, one folder up\n"
        "steps:\n"
        "  - exercise: Reach\n"
        "    picture: art/reach.png   # beside this file\n"
        "    time: 10s\n"
        "  - use: hold\n"
        "  - rest: 5s\n"
        "    picture: pictures/seated-rest.png   # a bundled picture\n"
    )
    assert (dirs.routines / "art" / "reach.png").read_bytes() == png_bytes(note="reach")
    assert "  '../shared.yaml' now names its full path, since it is not beside the copy" in (
        out.splitlines()
    )
    copied = load_routine(copy, places=(dirs.routines,))
    assert compile_timeline(copied.routine).total_ms == compile_timeline(original.routine).total_ms
    pictures = [getattr(step, "picture", None) for step in copied.routine.steps]
    assert pictures == [
        str((dirs.routines / "art" / "reach.png").resolve()),
        str((dirs.routines / "collection" / "hold.png").resolve()),
        str((ROUTINES.parent / "media" / "pictures" / "seated-rest.png").resolve()),
    ]


def test_a_copy_keeps_its_figures_as_names_and_brings_no_file_for_them(
    dirs: UserDirs, tmp_path: Path
) -> None:
    text = (
        "title: Figures\n"
        "steps:\n"
        "  - rest: 20s\n"
        "    figure: seated-rest   # a bundled figure\n"
        "  - exercise: Tilt\n"
        "    figure: pelvic-tilt-all-fours\n"
        "    time: 10s\n"
    )
    source = tmp_path / "elsewhere" / "figures.yaml"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    code, _out, err = run(dirs, "new", "copied", "--from", str(source))
    assert (code, err) == (0, "")
    assert (dirs.routines / "copied.yaml").read_text(encoding="utf-8") == text
    assert files_under(dirs.routines) == sorted(
        ["copied.yaml", "exercises.schema.json", "routine.schema.json"]
    )
    copied = load_routine(dirs.routines / "copied.yaml")
    figures = [span.figure for span in compile_timeline(copied.routine).steps[1:]]
    assert figures == ["seated-rest", "pelvic-tilt-all-fours"]


def test_a_routine_reaching_outside_its_places_is_not_copied(
    dirs: UserDirs, tmp_path: Path
) -> None:
    folder = tmp_path / "elsewhere" / "mine"
    folder.mkdir(parents=True)
    (tmp_path / "elsewhere" / "shared.yaml").write_text(
        "exercises:\n  hold:\n    exercise: Hold\n    time: 5s\n", encoding="utf-8"
    )
    source = folder / "source.yaml"
    source.write_text(
        "title: Source\ninclude: [../shared.yaml]\nsteps:\n  - use: hold\n", encoding="utf-8"
    )
    code, _out, err = run(dirs, "new", "copied", "--from", str(source))
    assert code == 2
    assert err.splitlines()[0] == (
        f"{source}:2:11: include[0]: '../shared.yaml' is outside the folders a routine's files "
        "may come from: the folder of source.yaml and the folders in it, your routines "
        "folder, or the bundled routines; copy the file there"
    )
    assert not (dirs.routines / "copied.yaml").exists()


def test_a_copy_of_your_own_routine_beside_it(dirs: UserDirs) -> None:
    run(dirs, "new", "first", "--from", "posture-drills")
    before = files_under(dirs.routines)
    code, out, err = run(dirs, "new", "second", "--from", "first")
    assert (code, err) == (0, "")
    words = [f"translations/{tag}/second.yaml" for tag in ("es", "vi", "zh-Hans")]
    assert files_under(dirs.routines) == sorted([*before, "second.yaml", *words])
    assert (dirs.routines / "second.yaml").read_bytes() == (
        dirs.routines / "first.yaml"
    ).read_bytes()
    # Its shared exercises are there already; only its words in each language are new.
    uses = [line for line in out.splitlines() if "which it uses" in line]
    assert len(uses) == len(words) and all("/translations/" in line for line in uses)


def test_copy_routine_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "here.yaml"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        copy_routine(ROUTINES / "warm-compress.yaml", target)
    assert target.read_text(encoding="utf-8") == "mine"


def test_copying_an_unknown_or_broken_routine_writes_nothing(
    dirs: UserDirs, tmp_path: Path
) -> None:
    code, _out, err = run(dirs, "new", "mine", "--from", "daily-bak-care")
    assert code == 2
    assert err.startswith("no routine file or routine named 'daily-bak-care'; did you mean")
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: B\nsteps:\n  - rest: 0\n", encoding="utf-8")
    code, _out, err = run(dirs, "new", "mine", "--from", str(broken))
    assert code == 2
    assert "steps[0].rest: a duration must be more than zero" in err
    assert files_under(dirs.routines) == []


def test_a_routine_of_yours_with_a_bundled_name_is_played_instead(dirs: UserDirs) -> None:
    code, out, _err = run(dirs, "new", "warm-compress", "--from", "warm-compress")
    assert code == 0
    assert (
        "  it is played instead of the bundled 'warm-compress' ('routine-player list' shows "
        "which is used)" in out.splitlines()
    )
    path = dirs.routines / "warm-compress.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: Warm compress and warm-shower relief", "title: My warm compress"
        ),
        encoding="utf-8",
    )
    code, out, _err = run(dirs, "plan", "warm-compress")
    assert (code, out.splitlines()[0]) == (0, "My warm compress")
