"""Named pipes, devices, sockets, folders, looping links and unreadable files, wherever a
path comes in: each is told in one line, and nothing waits for ever or shows a traceback.

Opening a named pipe for reading waits until something writes to it, so a test that
would wait is stopped by an alarm and fails, instead of holding up the whole run.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from player import catalog
from player.loader import load_routine
from player.problems import Problem, RoutineError
from tests.conftest import WriteFile

TINY = "title: T\nsteps:\n  - rest: 5s\n"
ALARM_SECONDS = 20

WORDS = {
    "fifo": "a named pipe (FIFO)",
    "socket": "a socket",
    "loop": "a symbolic link that leads round in a loop",
    "folder": "a folder",
    "/dev/null": "a device",
    "/dev/zero": "a device",
}
MADE = ("fifo", "socket", "loop", "folder")
EVERY_KIND = tuple(WORDS)


@pytest.fixture(autouse=True)
def no_waiting() -> Iterator[None]:
    """Fail a test that waits (on a named pipe, a device) instead of letting it hang."""

    def waited(_signal: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"waited more than {ALARM_SECONDS} s")

    before = signal.signal(signal.SIGALRM, waited)
    signal.alarm(ALARM_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def make(kind: str, path: Path) -> Path:
    """Put ``kind`` at ``path`` (a device is the real one, wherever ``path`` is)."""
    if kind.startswith("/dev/"):
        return Path(kind)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        _bind_socket(path)
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "folder":
        path.mkdir()
    else:
        raise ValueError(kind)
    return path


def _bind_socket(path: Path) -> None:
    # A socket's address is short: bind it by its name, from its own folder.
    before = Path.cwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as listener:
            listener.bind(path.name)
    finally:
        os.chdir(before)


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Path]:
    """unreadable(path): opening that file is refused, as chmod 000 does for anyone but
    root (the tests may run as root, for whom it does nothing)."""
    refused: set[str] = set()
    real_open = os.open

    def guarded_open(path: object, flags: int, *args: int, **kwargs: object) -> int:
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)

    def make_unreadable(path: Path) -> Path:
        refused.add(os.fspath(path))
        return path

    return make_unreadable


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    bundled = tmp_path / "bundled"
    media = tmp_path / "media"
    bundled.mkdir()
    media.mkdir()
    return {"routines_dir": bundled, "media_dir": media}


def problems(path: Path, folders: dict[str, Path]) -> list[Problem]:
    with pytest.raises(RoutineError) as caught:
        load_routine(path, **folders)
    return caught.value.problems


# -- routine files ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_a_routine_file_that_is_no_file_is_one_problem_at_its_start(
    kind: str, tmp_path: Path, folders: dict[str, Path]
) -> None:
    path = make(kind, tmp_path / "routine.yaml")

    [problem] = problems(path, folders)

    assert (problem.file, problem.line, problem.column, problem.path) == (str(path), 1, 1, "")
    assert problem.message.startswith(f"this is {WORDS[kind]}, not a routine file")


def test_a_named_pipe_is_refused_even_with_a_writer_waiting(
    tmp_path: Path, folders: dict[str, Path]
) -> None:
    path = make("fifo", tmp_path / "routine.yaml")
    writer = os.open(path, os.O_RDWR)  # holds the pipe open, as a program writing to it would
    try:
        os.write(writer, TINY.encode())
        [problem] = problems(path, folders)
    finally:
        os.close(writer)
    assert problem.message.startswith("this is a named pipe (FIFO), not a routine file")


def test_a_link_to_a_routine_file_loads(write: WriteFile, folders: dict[str, Path]) -> None:
    target = write("real.yaml", TINY)
    link = target.with_name("link.yaml")
    link.symlink_to(target.name)
    assert load_routine(link, **folders).routine.title == "T"


def test_an_unreadable_routine_file(
    write: WriteFile, folders: dict[str, Path], unreadable: Callable[[Path], Path]
) -> None:
    path = unreadable(write("routine.yaml", TINY))

    assert problems(path, folders) == [
        Problem(
            str(path),
            1,
            1,
            "",
            "cannot read the file: permission denied: change its permissions, or use a copy",
        )
    ]


def test_a_routine_file_inside_a_file(write: WriteFile, folders: dict[str, Path]) -> None:
    inside = write("plain.txt", "words") / "routine.yaml"
    assert problems(inside, folders) == [
        Problem(
            str(inside), 1, 1, "", f"cannot read the file: {inside.parent} is a file, not a folder"
        )
    ]


# -- what a routine names: included files and pictures ------------------------------------


@pytest.mark.parametrize("kind", MADE)
def test_an_include_that_is_no_file(kind: str, write: WriteFile, folders: dict[str, Path]) -> None:
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - rest: 5s\n")
    make(kind, path.with_name("lib.yaml"))

    [problem] = problems(path, folders)

    assert (problem.file, problem.line, problem.column, problem.path) == (
        str(path),
        2,
        11,
        "include[0]",
    )
    assert problem.message.startswith(f"'lib.yaml' is {WORDS[kind]}")
    assert "a file of exercises" in problem.message


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_an_include_that_is_a_device(
    device: str, write: WriteFile, folders: dict[str, Path]
) -> None:
    path = write("r.yaml", f"title: R\ninclude: [{device}]\nsteps:\n  - rest: 5s\n")
    assert problems(path, folders) == [
        Problem(
            str(path),
            2,
            11,
            "include[0]",
            f"'{device}' is a device, not a file of exercises; name a file of exercises instead",
        )
    ]


def test_an_unreadable_include(
    write: WriteFile, folders: dict[str, Path], unreadable: Callable[[Path], Path]
) -> None:
    path = write("r.yaml", "title: R\ninclude: [lib.yaml]\nsteps:\n  - rest: 5s\n")
    unreadable(write("lib.yaml", "exercises: {}\n"))
    assert problems(path, folders) == [
        Problem(
            str(path),
            2,
            11,
            "include[0]",
            "cannot read 'lib.yaml': permission denied: change its permissions, or use a copy",
        )
    ]


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_a_picture_that_is_no_file(
    kind: str, write: WriteFile, folders: dict[str, Path], tmp_path: Path
) -> None:
    picture = make(kind, tmp_path / "p.png")
    path = write("r.yaml", f"title: R\nsteps:\n  - rest: 5s\n    picture: {picture}\n")

    [problem] = problems(path, folders)

    assert (problem.file, problem.line, problem.column, problem.path) == (
        str(path),
        4,
        14,
        "steps[0].picture",
    )
    assert problem.message.startswith(f"'{picture}' is {WORDS[kind]}")
    assert "a picture file" in problem.message


def test_an_unreadable_picture(
    write: WriteFile, folders: dict[str, Path], unreadable: Callable[[Path], Path]
) -> None:
    unreadable(write("p.png", b"\x89PNG\r\n\x1a\n"))
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 5s\n    picture: p.png\n")
    assert problems(path, folders) == [
        Problem(
            str(path),
            4,
            14,
            "steps[0].picture",
            "cannot read 'p.png': permission denied: change its permissions, or use a copy",
        )
    ]


# -- names found through the catalog ------------------------------------------------------


@pytest.mark.parametrize("kind", MADE)
def test_a_name_in_your_folder_that_is_no_file_is_found_and_refused(
    kind: str, tmp_path: Path
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    folders = (catalog.Folder(own, catalog.YOURS),)
    made = make(kind, own / "mine.yaml")

    if kind == "folder":  # a folder with a routine's ending is no routine of that name
        assert catalog.named_routine("mine", folders) is None
        assert catalog.routine_files(own) == []
        return
    assert catalog.named_routine("mine", folders) == made
    assert catalog.routine_files(own) == [made]
    [problem] = problems(made, {})
    assert problem.message.startswith(f"this is {WORDS[kind]}, not a routine file")


@pytest.mark.parametrize("kind", EVERY_KIND)
def test_a_path_given_that_is_no_file_is_kept_for_loading_to_refuse(
    kind: str, tmp_path: Path
) -> None:
    path = make(kind, tmp_path / "given.yaml")
    folders = (catalog.Folder(tmp_path / "none", catalog.YOURS),)
    assert catalog.find_routine(str(path), folders) == path


def test_a_folder_in_the_way_does_not_hide_a_routine_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "stretch.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "stretch").mkdir()
    monkeypatch.chdir(tmp_path)
    assert catalog.find_routine("stretch", (catalog.Folder(own, catalog.YOURS),)) == (
        own / "stretch.yaml"
    )
