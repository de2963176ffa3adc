"""``run.py pack``: a routine and every file it takes with it, as one zip any tool opens;
and the round trip through ``add`` into another home."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.home import routine_archive
from player.home.user_dirs import UserDirs
from player.routine.packing import PackedFile, files_to_pack, member_problem
from player.routine.words import texts
from player.routine.yaml_source import read_document
from tests.conftest import REPO, png_bytes

ROUTINE = """\
title: My stretch
include: [exercises/mine.yaml]
steps:
  - use: reach
  - exercise: Cat stretch
    do: Round your back like a cat.
    picture: pics/cat.png
    reps: 3
    time: 3s
  - rest: 20s
    figure: sit-back-on-heels
"""

LIBRARY = """\
exercises:
  reach:
    exercise: Reach
    do: Reach one arm forward.
    picture: reach.png
    reps: 4
    time: 2s
"""

EXPECTED = [
    "my-stretch.yaml",
    "translations/es/my-stretch.yaml",
    "exercises/mine.yaml",
    "exercises/translations/es/mine.yaml",
    "exercises/reach.png",
    "pics/cat.png",
]


def run(home: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=UserDirs.under(home), err_stream=lambda: err)
    code = cli.main(list(args), context=context)
    return code, out.getvalue(), err.getvalue()


def spanish_words(file: Path) -> None:
    """A Spanish words file for ``file``, every text translated."""
    doc = read_document(file, [])
    assert doc is not None
    words = {text: f"ES {text}" for text in texts(doc.data)}
    target = file.parent / "translations" / "es" / file.name
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"language": "es", "words": words}), encoding="utf-8")


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    """A routine with an include, a picture of its own, and one of the included file's,
    each file with its Spanish words."""
    folder = tmp_path / "sender"
    (folder / "exercises").mkdir(parents=True)
    (folder / "pics").mkdir()
    path = folder / "my-stretch.yaml"
    path.write_text(ROUTINE, encoding="utf-8")
    (folder / "exercises" / "mine.yaml").write_text(LIBRARY, encoding="utf-8")
    (folder / "exercises" / "reach.png").write_bytes(png_bytes(note="reach"))
    (folder / "pics" / "cat.png").write_bytes(png_bytes(note="cat"))
    (folder / "unrelated.txt").write_text("not the routine's", encoding="utf-8")
    spanish_words(path)
    spanish_words(folder / "exercises" / "mine.yaml")
    return path


def test_pack_takes_the_routine_its_includes_pictures_and_words(
    routine: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "my-stretch.routine.zip"
    code, out, err = run(tmp_path / "home", "pack", str(routine), str(archive))
    assert (code, err) == (0, ""), err
    assert out.startswith(f"wrote {archive} (")
    assert "my-stretch.yaml and 5 files it takes with it" in out
    assert out.endswith(f"  routine-player add {archive}\n")
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == ["routine-manifest.json", *EXPECTED]
        manifest = json.loads(opened.read("routine-manifest.json"))
        contents = {name: opened.read(name) for name in EXPECTED}
    assert manifest["format"] == "routine-player routine"
    assert manifest["version"] == 1
    assert manifest["routine"] == "my-stretch.yaml"
    folder = routine.parent
    assert manifest["files"] == [
        {
            "path": name,
            "size": (folder / name).stat().st_size,
            "sha256": hashlib.sha256((folder / name).read_bytes()).hexdigest(),
        }
        for name in EXPECTED
    ]
    assert contents["pics/cat.png"] == (folder / "pics" / "cat.png").read_bytes()


def test_the_archive_opens_in_another_reader(routine: Path, tmp_path: Path) -> None:
    archive = tmp_path / "my-stretch.routine.zip"
    assert run(tmp_path / "home", "pack", str(routine), str(archive))[0] == 0
    tested = subprocess.run(
        [sys.executable, "-m", "zipfile", "-t", str(archive)], capture_output=True, text=True
    )
    assert tested.returncode == 0, tested.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "zipfile", "-l", str(archive)], capture_output=True, text=True
    )
    assert "pics/cat.png" in listed.stdout


def test_packing_twice_gives_the_same_bytes(routine: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.routine.zip", tmp_path / "b.routine.zip"
    assert run(tmp_path / "home", "pack", str(routine), str(first))[0] == 0
    assert run(tmp_path / "home", "pack", str(routine), str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_shared_routine_added_elsewhere_checks_and_plans_as_the_original(
    routine: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "my-stretch.routine.zip"
    assert run(tmp_path / "sender-home", "pack", str(routine), str(archive))[0] == 0
    home = tmp_path / "receiver-home"
    code, out, err = run(home, "add", str(archive))
    folder = UserDirs.under(home).routines
    assert (code, err) == (0, ""), err
    assert out == (
        f"added 'my-stretch' to your routines folder {folder} (6 new, 0 replaced, 0 already "
        "there)\nPlay it with:\n  routine-player play my-stretch\n"
    )
    for name in EXPECTED:
        assert (folder / name).read_bytes() == (routine.parent / name).read_bytes(), name
    assert not (folder / "unrelated.txt").exists()
    installed = folder / "my-stretch.yaml"
    assert run(home, "check", str(installed)) == (0, "1 file checked: all good\n", "")
    for language in ("en", "es"):
        original = run(tmp_path / "sender-home", "--language", language, "plan", str(routine))
        shared = run(home, "--language", language, "plan", "my-stretch")
        assert shared[0] == 0
        assert shared == original
    assert "ES Cat stretch" in run(home, "--language", "es", "plan", "my-stretch")[1]
    assert run(home, "settings", "set", "advised-against-exercise", "no")[0] == 0
    code, out, err = run(
        home,
        "play",
        "my-stretch",
        "--ui",
        "none",
        "--mute",
        "--speed",
        "1000",
        "--no-warning-signs",
    )
    assert code == 0, err


def test_pack_refuses_a_routine_check_refuses(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Bad\nsteps:\n  - rest: forever\n", encoding="utf-8")
    archive = tmp_path / "bad.routine.zip"
    code, out, err = run(tmp_path / "home", "pack", str(bad), str(archive))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"{bad}:3:11: steps[0].rest: ")
    assert lines[-1] == (
        f"pack: {bad} was not packed: it has 1 problem; fix it, then pack it again"
    )
    assert "Traceback" not in err
    assert not archive.exists()


def test_pack_refuses_a_file_named_outside_the_routines_folder(tmp_path: Path) -> None:
    example = REPO / "docs" / "example" / "my-back-routine.yaml"
    archive = tmp_path / "example.routine.zip"
    code, out, err = run(tmp_path / "home", "pack", str(example), str(archive))
    assert (code, out) == (2, "")
    written = example.read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, text in enumerate(written) if "../../routines/exercises" in text)
    assert err.endswith(
        f":{line}:5: '../../routines/exercises/pregnancy-back.yaml' is outside the folder of "
        "my-back-routine.yaml, so it cannot be shared with it: copy it into that folder (or "
        "a folder in it) and name it from there\n"
    )
    assert err.count("\n") == 1
    assert not archive.exists()


@pytest.mark.parametrize("name", ["my-stretch.zip", "my-stretch", ".routine.zip"])
def test_the_archive_name_must_end_in_routine_zip(routine: Path, tmp_path: Path, name: str) -> None:
    code, out, err = run(tmp_path / "home", "pack", str(routine), str(tmp_path / name))
    assert (code, out) == (2, "")
    assert err.startswith("pack: the file's name must end in .routine.zip, such as ")
    assert not (tmp_path / name).exists()


def test_an_archive_that_fails_half_way_leaves_the_old_one_and_no_scraps(
    routine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "out" / "my-stretch.routine.zip"
    archive.parent.mkdir()
    archive.write_bytes(b"the old archive")
    written: list[str] = []
    real = routine_archive._write_member

    def stopped_at_the_third(opened: zipfile.ZipFile, member: str, data: bytes) -> None:
        written.append(member)
        if len(written) == 3:
            raise KeyboardInterrupt
        real(opened, member, data)

    monkeypatch.setattr(routine_archive, "_write_member", stopped_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        run(tmp_path / "home", "pack", str(routine), str(archive))
    assert archive.read_bytes() == b"the old archive"
    assert list(archive.parent.iterdir()) == [archive]


def test_a_bundled_picture_stays_behind_and_an_included_bundled_file_goes(
    tmp_path: Path,
) -> None:
    media, bundled = tmp_path / "media", tmp_path / "bundled"
    (media / "pictures").mkdir(parents=True)
    (media / "pictures" / "wall.png").write_bytes(png_bytes())
    (bundled / "exercises").mkdir(parents=True)
    (bundled / "exercises" / "shared.yaml").write_text(LIBRARY, encoding="utf-8")
    (bundled / "exercises" / "reach.png").write_bytes(png_bytes(note="bundled reach"))
    folder = tmp_path / "mine"
    folder.mkdir()
    path = folder / "wall.yaml"
    path.write_text(
        "title: Wall\ninclude: [exercises/shared.yaml]\nsteps:\n  - use: reach\n"
        "  - rest: 10s\n    picture: pictures/wall.png\n",
        encoding="utf-8",
    )
    found = files_to_pack(path, routines_dir=bundled, media_dir=media)
    assert found == [
        PackedFile("wall.yaml", path),
        PackedFile("exercises/shared.yaml", bundled / "exercises" / "shared.yaml"),
        PackedFile("exercises/reach.png", bundled / "exercises" / "reach.png"),
    ]


@pytest.mark.parametrize(
    ("name", "fine"),
    [
        ("mine.yaml", True),
        ("exercises/translations/zh-Hans/mine.yaml", True),
        ("../mine.yaml", False),
        ("a/../../mine.yaml", False),
        ("/etc/passwd", False),
        ("C:\\Users\\mine.yaml", False),
        ("C:mine.yaml", False),
        ("a\\..\\..\\mine.yaml", False),
        ("a//mine.yaml", False),
        ("./mine.yaml", False),
        ("mine.yaml\x00.png", False),
        ("trailing /mine.yaml", False),
        ("", False),
        ("a" * 300, False),
    ],
)
def test_which_names_a_shared_file_may_have(name: str, fine: bool) -> None:
    assert (member_problem(name) is None) == fine


def test_a_file_with_the_manifests_name_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "sender"
    folder.mkdir()
    (folder / "routine-manifest.json").write_bytes(png_bytes())
    path = folder / "odd.yaml"
    path.write_text(
        "title: Odd\nsteps:\n  - rest: 10s\n    picture: routine-manifest.json\n",
        encoding="utf-8",
    )
    archive = tmp_path / "odd.routine.zip"
    code, out, err = run(tmp_path / "home", "pack", str(path), str(archive))
    assert (code, out) == (2, "")
    assert err == (
        f"{folder / 'routine-manifest.json'} has the name of the manifest, "
        "routine-manifest.json; rename it\n"
    )
    assert not archive.exists()
