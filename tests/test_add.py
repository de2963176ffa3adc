"""``run.py add``: a shared routine is refused, in one line, for anything unsafe or not as
its manifest says, and for anything ``check`` refuses; else it goes into the routines
folder, all at once, never over a file of yours unless asked."""

from __future__ import annotations

import io
import itertools
import os
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.home import installing
from player.home.routine_archive import MAX_MEMBER_BYTES, TooLarge, copy_limited, manifest_bytes
from player.home.user_dirs import UserDirs
from tests.conftest import png_bytes

ROUTINE = b"title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n    picture: pics/mine.png\n"
PICTURE = png_bytes(note="mine")
FILES = {"mine.yaml": ROUTINE, "pics/mine.png": PICTURE}


@pytest.fixture
def dirs(own_home: Path) -> UserDirs:
    return UserDirs.under(own_home)


def run(dirs: UserDirs, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(args), context=Context(out=out, dirs=dirs, err_stream=lambda: err))
    return code, out.getvalue(), err.getvalue()


def member(name: str, mode: int = stat.S_IFREG | 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def archive(
    path: Path,
    files: Mapping[str, bytes] = FILES,
    *,
    listed: Mapping[str, bytes] | None = None,
    extra: Mapping[str, bytes] = {},
    routine: str = "mine.yaml",
) -> Path:
    """A shared routine at ``path`` holding ``files`` and ``extra``, its manifest listing
    ``listed`` (by default, ``files``)."""
    with zipfile.ZipFile(path, "w") as out:
        manifest = manifest_bytes(routine, list((files if listed is None else listed).items()))
        out.writestr(member("routine-manifest.json"), manifest)
        for name, data in itertools.chain(files.items(), extra.items()):
            out.writestr(member(name), data)
    return path


def claiming(data: bytes, name: str, size: int) -> bytes:
    """An archive's bytes, with the file ``name`` said to hold ``size`` bytes in its local
    header and in the central directory."""
    encoded = name.encode()
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(encoded)] != encoded:
        local = data.index(b"PK\x03\x04", local + 4)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.index(b"PK\x01\x02", central + 4)
    patched = bytearray(data)
    patched[local + 22 : local + 26] = size.to_bytes(4, "little")
    patched[central + 24 : central + 28] = size.to_bytes(4, "little")
    return bytes(patched)


def refused(dirs: UserDirs, path: Path, *args: str) -> str:
    """The one line ``add`` refuses ``path`` with; nothing written in the routines folder."""
    before = listing(dirs.routines)
    code, out, err = run(dirs, "add", str(path), *args)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert listing(dirs.routines) == before
    return err.rstrip("\n")


def listing(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"/"
        for path in sorted(folder.rglob("*"))
    }


def test_a_shared_routine_goes_into_a_routines_folder_that_is_made(
    dirs: UserDirs, tmp_path: Path
) -> None:
    shared = archive(tmp_path / "mine.routine.zip")
    assert not dirs.routines.exists()
    code, out, err = run(dirs, "add", str(shared))
    assert (code, err) == (0, "")
    assert out == (
        f"added 'mine' to your routines folder {dirs.routines} (2 new, 0 replaced, 0 already "
        "there)\nPlay it with:\n  routine-player play mine\n"
    )
    assert listing(dirs.routines) == {"mine.yaml": ROUTINE, "pics": b"/", "pics/mine.png": PICTURE}
    assert run(dirs, "check", str(dirs.routines / "mine.yaml"))[0] == 0


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("../evil.yaml", "a path with '..', '.' or an empty part"),
        ("pics/../../evil.yaml", "a path with '..', '.' or an empty part"),
        ("/tmp/evil.yaml", 'a full path, or a name with one of \\ : * ? " < > |'),
        ("C:\\evil.yaml", 'a full path, or a name with one of \\ : * ? " < > |'),
        ("pics\\..\\..\\evil.yaml", 'a full path, or a name with one of \\ : * ? " < > |'),
    ],
)
def test_a_file_that_would_land_elsewhere_is_refused(
    dirs: UserDirs, tmp_path: Path, name: str, said: str
) -> None:
    shared = archive(tmp_path / "evil.routine.zip", {**FILES, name: b"title: Evil\n"})
    line = refused(dirs, shared)
    assert line == f"{shared}: it holds a file named {name!r}: {said}"
    assert not (tmp_path / "evil.yaml").exists()


def test_a_symbolic_link_is_refused(dirs: UserDirs, tmp_path: Path) -> None:
    shared = tmp_path / "link.routine.zip"
    archive(shared)
    with zipfile.ZipFile(shared, "a") as out:
        out.writestr(member("pics/link.png", stat.S_IFLNK | 0o777), "/etc/passwd")
    assert refused(dirs, shared) == (
        f"{shared}: pics/link.png is a symbolic link; a shared routine holds none"
    )


def test_a_special_file_is_refused(dirs: UserDirs, tmp_path: Path) -> None:
    shared = tmp_path / "pipe.routine.zip"
    archive(shared)
    with zipfile.ZipFile(shared, "a") as out:
        out.writestr(member("pics/pipe", stat.S_IFIFO | 0o644), "")
    assert refused(dirs, shared).endswith(
        "pics/pipe is a special file (a device, a pipe or a socket)"
    )


def test_too_many_files_are_refused_before_they_are_read(dirs: UserDirs, tmp_path: Path) -> None:
    many = {f"pics/{index}.png": PICTURE for index in range(1000)}
    shared = archive(tmp_path / "many.routine.zip", {**FILES, **many})
    assert refused(dirs, shared) == (
        f"{shared}: it holds 1003 files; a shared routine holds at most 1000"
    )


def test_a_file_that_really_inflates_past_the_limit_is_refused(
    dirs: UserDirs, tmp_path: Path
) -> None:
    big = bytes(MAX_MEMBER_BYTES + 1)  # a few kilobytes once compressed
    shared = archive(tmp_path / "big.routine.zip", {**FILES, "pics/big.png": big})
    assert shared.stat().st_size < 100_000
    assert refused(dirs, shared) == (
        f"{shared}: pics/big.png is larger than 8 MB, more than any file of a routine"
    )


def test_a_file_claiming_a_gigabyte_is_refused(dirs: UserDirs, tmp_path: Path) -> None:
    shared = archive(tmp_path / "gigabyte.routine.zip", {**FILES, "pics/huge.png": PICTURE})
    shared.write_bytes(claiming(shared.read_bytes(), "pics/huge.png", 1 << 30))
    assert refused(dirs, shared) == (
        f"{shared}: pics/huge.png is larger than 8 MB, more than any file of a routine"
    )


def test_a_file_whose_header_claims_less_than_it_holds_is_refused(
    dirs: UserDirs, tmp_path: Path
) -> None:
    hidden = bytes(MAX_MEMBER_BYTES * 2)
    shared = archive(tmp_path / "liar.routine.zip", {**FILES, "pics/liar.png": hidden})
    shared.write_bytes(claiming(shared.read_bytes(), "pics/liar.png", 100))
    line = refused(dirs, shared)
    assert line.startswith(f"{shared}: pics/liar.png is damaged (Bad CRC-32")


def test_the_bytes_that_come_out_are_counted_whatever_was_claimed() -> None:
    class Endless(io.RawIOBase):
        """A file that never ends, as a member that lies about its size may."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = bytes(len(buffer))
            return len(buffer)

    out = io.BytesIO()
    with pytest.raises(TooLarge) as caught:
        copy_limited(io.BufferedReader(Endless()), out, 1000, 10_000, "pics/endless.png")
    assert str(caught.value) == (
        "pics/endless.png is larger than 8 MB, more than any file of a routine"
    )
    assert len(out.getvalue()) <= 1000
    out = io.BytesIO()
    with pytest.raises(TooLarge, match="its files come to more than 64 MB"):
        copy_limited(io.BufferedReader(Endless()), out, 1_000_000, 100_000, "pics/e.png")
    assert len(out.getvalue()) <= 100_000


def test_two_files_with_one_name_are_refused(dirs: UserDirs, tmp_path: Path) -> None:
    shared = archive(tmp_path / "twice.routine.zip")
    with zipfile.ZipFile(shared, "a") as out, pytest.warns(UserWarning):
        out.writestr(member("pics/mine.png"), b"another picture")
    assert refused(dirs, shared) == f"{shared}: it holds two files named pics/mine.png"


def test_two_names_one_computer_takes_for_one_file_are_refused(
    dirs: UserDirs, tmp_path: Path
) -> None:
    shared = archive(tmp_path / "case.routine.zip", {**FILES, "pics/MINE.png": PICTURE})
    assert refused(dirs, shared) == (
        f"{shared}: it holds pics/mine.png and pics/MINE.png, which some computers take for "
        "one file"
    )


def test_a_zip_without_a_manifest_or_not_a_zip_at_all_is_refused(
    dirs: UserDirs, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.routine.zip"
    with zipfile.ZipFile(plain, "w") as out:
        out.writestr(member("mine.yaml"), ROUTINE)
    not_zip = tmp_path / "text.routine.zip"
    not_zip.write_text("title: not a zip\n", encoding="utf-8")
    expected = "it is not a shared routine: a zip archive made by 'pack' was expected"
    assert refused(dirs, plain) == f"{plain}: {expected}"
    assert refused(dirs, not_zip) == f"{not_zip}: {expected}"
    assert refused(dirs, tmp_path / "missing.routine.zip") == (
        f"{tmp_path / 'missing.routine.zip'}: there is no such file"
    )
    assert refused(dirs, tmp_path) == f"{tmp_path}: this is a folder, not a file"


def test_a_manifest_that_disagrees_is_refused(dirs: UserDirs, tmp_path: Path) -> None:
    changed = archive(
        tmp_path / "changed.routine.zip", listed={**FILES, "mine.yaml": ROUTINE + b"# more\n"}
    )
    assert refused(dirs, changed) == (
        f"{changed}: mine.yaml is not the file its manifest describes (it was damaged or changed)"
    )
    unlisted = archive(tmp_path / "unlisted.routine.zip", extra={"pics/other.png": PICTURE})
    assert refused(dirs, unlisted) == (
        f"{unlisted}: it holds pics/other.png, which its manifest does not list"
    )
    missing = archive(tmp_path / "missing.routine.zip", listed={**FILES, "pics/gone.png": b""})
    assert refused(dirs, missing) == (
        f"{missing}: its manifest lists pics/gone.png, which is not in it"
    )


def test_a_file_the_routine_does_not_use_is_refused(dirs: UserDirs, tmp_path: Path) -> None:
    shared = archive(tmp_path / "more.routine.zip", {**FILES, "notes.yaml": b"title: x\n"})
    assert refused(dirs, shared) == (
        f"{shared}: it holds files the routine does not use: notes.yaml"
    )


def test_a_routine_check_refuses_is_told_at_its_place_in_the_archive(
    dirs: UserDirs, tmp_path: Path
) -> None:
    bad = b"title: Bad\nsteps:\n  - rest: forever\n"
    shared = archive(tmp_path / "bad.routine.zip", {"bad.yaml": bad}, routine="bad.yaml")
    code, out, err = run(dirs, "add", str(shared))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == f"add: {shared} was not added: the routine in it has 1 problem:"
    assert lines[1].startswith("bad.yaml:3:11: steps[0].rest: ")
    assert len(lines) == 2
    assert not dirs.routines.exists()


def test_a_file_of_yours_that_differs_is_left_unless_replace_is_given(
    dirs: UserDirs, tmp_path: Path
) -> None:
    shared = archive(tmp_path / "mine.routine.zip")
    (dirs.routines / "pics").mkdir(parents=True)
    (dirs.routines / "pics" / "mine.png").write_bytes(b"my own picture")
    line = refused(dirs, shared)
    assert line == (
        f"these files of yours differ from those it brings, and were left as they are: "
        f"{dirs.routines / 'pics' / 'mine.png'}; add --replace to replace them"
    )
    assert not (dirs.routines / "mine.yaml").exists()
    code, out, err = run(dirs, "add", str(shared), "--replace")
    assert (code, err) == (0, "")
    assert "(1 new, 1 replaced, 0 already there)" in out
    assert f"  replaced {dirs.routines / 'pics' / 'mine.png'}\n" in out
    assert (dirs.routines / "pics" / "mine.png").read_bytes() == PICTURE


def test_the_same_file_already_there_is_fine(dirs: UserDirs, tmp_path: Path) -> None:
    shared = archive(tmp_path / "mine.routine.zip")
    (dirs.routines / "pics").mkdir(parents=True)
    (dirs.routines / "pics" / "mine.png").write_bytes(PICTURE)
    code, out, err = run(dirs, "add", str(shared))
    assert (code, err) == (0, "")
    assert "(1 new, 0 replaced, 1 already there)" in out


def test_a_failure_half_way_leaves_the_folder_as_it_was(
    dirs: UserDirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {**FILES, "pics/deep/other.png": PICTURE}
    routine = ROUTINE + b"  - rest: 10s\n    picture: pics/deep/other.png\n"
    shared = archive(tmp_path / "mine.routine.zip", {**files, "mine.yaml": routine})
    (dirs.routines / "pics").mkdir(parents=True)
    (dirs.routines / "pics" / "mine.png").write_bytes(b"my own picture")
    before = listing(dirs.routines)
    real = os.replace
    calls: list[object] = []

    def fails_at_the_third(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(installing.os, "replace", fails_at_the_third)
    code, out, err = run(dirs, "add", str(shared), "--replace")
    monkeypatch.setattr(installing.os, "replace", real)
    assert (code, out) == (1, "")
    assert err == f"error: cannot write {calls[2]}: no space left on device\n"
    assert listing(dirs.routines) == before
