"""Named pipes, devices, sockets, folders, looping links and unreadable files, wherever a
path comes in: each is told in one line, and nothing waits for ever or shows a traceback.

Opening a named pipe for reading waits until something writes to it, so a test that
would wait is stopped by an alarm and fails, instead of holding up the whole run.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

import pygame
import pytest

from player import cli
from player.care import daily_check
from player.commands.base import Context
from player.history.chart import save_chart
from player.history.opening import NullHistory, open_history
from player.home import catalog
from player.home.settings import SettingsError, load_settings
from player.home.user_dirs import HOME_VARIABLE, UserDirs
from player.playback.compiler import compile_timeline
from player.playback.session import EventLog
from player.routine.loader import load_routine
from player.routine.model import Routine
from player.routine.problems import Problem, RoutineError, shown_path
from player.speech.clips import CHIME_DIR
from player.speech.export import ExportError, export_audio
from player.window.screenshots import Screenshots, save_screenshot
from tests.conftest import REPO, WriteFile, recorded_sessions
from tests.read_only import read_only

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


# -- what a command writes ----------------------------------------------------------------

OUTPUT_KINDS = (*MADE, "/dev/null")
NOT_A_FILE = {
    **{kind: f"this is {WORDS[kind]}, not a file" for kind in OUTPUT_KINDS},
    "folder": "this is a folder, not a file",
}


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), context=Context(out=out, err_stream=lambda: err))
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def unraisable() -> Iterator[list[Any]]:
    """Exceptions that Python could only print (such as one in a __del__), collected while
    inside, and after a garbage collection at the end. Set in the test itself, since pytest
    puts its own hook in place around each test's body."""
    found: list[Any] = []
    before = sys.unraisablehook
    sys.unraisablehook = found.append
    try:
        yield found
        gc.collect()
    finally:
        sys.unraisablehook = before


def a_short_timeline() -> Any:
    routine = Routine.model_validate(
        {"title": "Export", "lead_in": 0, "prepare": 0, "steps": [{"rest": "5s"}]}
    )
    return compile_timeline(routine)


def chime(_cue: object) -> Path:
    return CHIME_DIR / "soft.wav"


def export_failure(out: Path) -> str:
    """The message of the ExportError that exporting to ``out`` raises. Nothing of the
    failure is kept (its traceback holds what was made), so that it can be collected."""
    with pytest.raises(ExportError) as caught:
        export_audio(a_short_timeline(), out, chime)
    return str(caught.value)


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_the_audio_track_is_written_only_into_a_file(kind: str, tmp_path: Path) -> None:
    out = make(kind, tmp_path / "session.wav")

    with unraisable() as complaints:
        message = export_failure(out)

    assert message == f"cannot write {out}: {NOT_A_FILE[kind]}"
    assert complaints == []


def test_the_audio_track_in_a_missing_folder_leaves_nothing_behind_to_complain(
    tmp_path: Path,
) -> None:
    out = tmp_path / "nowhere" / "session.wav"

    with unraisable() as complaints:
        message = export_failure(out)

    assert message == (
        f"cannot write {out}: there is no folder {out.parent}; make it first, or choose another"
    )
    assert complaints == []  # wave's Wave_write.__del__ once complained here


def test_a_file_that_may_not_be_written(tmp_path: Path, unreadable: Callable[[Path], Path]) -> None:
    out = unreadable(tmp_path / "session.wav")
    events = unreadable(tmp_path / "events.jsonl")
    why = "permission denied: choose a place where you may write"

    assert export_failure(out) == f"cannot write {out}: {why}"
    with pytest.raises(OSError) as caught:
        EventLog(events)
    assert str(caught.value) == f"cannot write the events to {events}: {why}"


def test_a_clip_that_is_a_named_pipe_is_refused(tmp_path: Path) -> None:
    clip = make("fifo", tmp_path / "clip.wav")
    with pytest.raises(ExportError, match=r"^clip\.wav: cannot read it: this is a named pipe"):
        export_audio(a_short_timeline(), tmp_path / "out.wav", lambda _cue: clip)


@pytest.mark.parametrize("kind", [*OUTPUT_KINDS, "missing folder"])
def test_export_says_in_one_line_that_the_track_cannot_be_written_before_rendering_it(
    kind: str, tmp_path: Path
) -> None:
    if kind == "missing folder":
        out = tmp_path / "nowhere" / "session.wav"
        why = f"there is no folder {out.parent}; make it first, or choose another"
    else:
        out = make(kind, tmp_path / "session.wav")
        why = {"folder": "this is a folder: give the name of a file to write in it"}.get(
            kind, NOT_A_FILE[kind]
        )

    code, out_text, err = run_cli("export", "daily-back-care", "--audio", str(out))

    assert code == cli.EXIT_FAILED
    assert out_text == ""
    assert err.splitlines() == [f"error: --audio {out}: {why}"]


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_the_event_log_is_written_only_into_a_file(kind: str, tmp_path: Path) -> None:
    path = make(kind, tmp_path / "events.jsonl")
    with pytest.raises(OSError) as caught:
        EventLog(path)
    assert str(caught.value) == f"cannot write the events to {path}: {NOT_A_FILE[kind]}"


@pytest.mark.parametrize("kind", [*OUTPUT_KINDS, "missing folder"])
def test_play_says_in_one_line_that_the_events_cannot_be_written_before_playing(
    kind: str, tmp_path: Path, write: WriteFile
) -> None:
    routine = write("tiny.yaml", TINY)
    events = (
        tmp_path / "nowhere" / "events.jsonl"
        if kind == "missing folder"
        else make(kind, tmp_path / "events.jsonl")
    )

    code, out, err = run_cli("play", str(routine), "--ui", "none", "--events", str(events))

    assert code == cli.EXIT_FAILED
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith(f"error: --events {events}: ")


@pytest.mark.parametrize("kind", ["fifo", "socket", "loop", "/dev/null", "file", "inside a file"])
def test_play_says_in_one_line_that_screenshots_cannot_be_saved_before_playing(
    kind: str, tmp_path: Path, write: WriteFile
) -> None:
    routine = write("tiny.yaml", TINY)
    if kind == "file":
        shots = write("shots", "a file")
    elif kind == "inside a file":
        shots = write("plain.txt", "a file") / "shots"
    else:
        shots = make(kind, tmp_path / "shots")

    code, out, err = run_cli("play", str(routine), "--ui", "window", "--screenshots", str(shots))

    assert code == cli.EXIT_FAILED
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith(f"error: --screenshots {shots}: ")
    assert line.endswith(
        f"{shots.parent} is a file, not a folder" if kind == "inside a file" else "not a folder"
    )


def test_events_that_may_not_be_written_are_one_line_and_no_session_recorded(
    own_home: Path, tmp_path: Path, write: WriteFile
) -> None:
    routine = write("tiny.yaml", TINY)
    closed = tmp_path / "closed"
    closed.mkdir()
    events = closed / "x.jsonl"

    with read_only(closed):
        code, out, err = run_cli(
            "play", str(routine), "--ui", "none", "--no-warning-signs", "--events", str(events)
        )

    assert code == cli.EXIT_FAILED
    assert out == ""
    assert err.splitlines() == [
        f"error: --events {events}: permission denied: choose a place where you may write"
    ]
    assert recorded_sessions(own_home) == []
    assert list(closed.iterdir()) == []


@pytest.mark.parametrize("made", [False, True], ids=["to be made", "there already"])
def test_screenshots_that_may_not_be_written_are_one_line_and_no_session_recorded(
    made: bool, own_home: Path, tmp_path: Path, write: WriteFile
) -> None:
    routine = write("tiny.yaml", TINY)
    closed = tmp_path / "closed"
    shots = closed / "shots"
    shots.mkdir(parents=True) if made else closed.mkdir()
    events = tmp_path / "events.jsonl"
    refused = shots if made else closed

    with read_only(refused):
        code, out, err = run_cli(
            "play",
            str(routine),
            "--ui",
            "window",
            "--no-warning-signs",
            "--screenshots",
            str(shots),
            "--events",
            str(events),
        )

    assert code == cli.EXIT_FAILED
    assert out == ""
    assert err.splitlines() == [
        f"error: --screenshots {shots}: the folder {refused} may not be written"
    ]
    assert recorded_sessions(own_home) == []
    assert not events.exists()  # the folder is proven before the events file is made
    assert list(refused.iterdir()) == []  # nothing left of the proof


@pytest.mark.parametrize("ui", ["none", "text"])
def test_screenshots_without_a_window_are_one_line_and_the_session_plays(
    ui: str, own_home: Path, tmp_path: Path, write: WriteFile
) -> None:
    routine = write("tiny.yaml", TINY)
    shots = tmp_path / "shots"

    code, _out, err = run_cli(
        "play", str(routine), "--ui", ui, "--speed", "100", "--screenshots", str(shots)
    )

    assert code == cli.EXIT_OK
    assert [line for line in err.splitlines() if "creenshot" in line] == [
        f"Screenshots are made only by the window (--ui window): none will be saved in {shots}."
    ]
    assert [s.outcome for s in recorded_sessions(own_home)] == ["finished"]
    assert not shots.exists()


def test_screenshots_are_not_taken_into_a_file_given_as_their_folder(write: WriteFile) -> None:
    folder = write("shots", "a file")
    with pytest.raises(OSError) as caught:
        Screenshots(folder, 3)
    assert str(caught.value) == (
        f"cannot save screenshots in {folder}: this is a file, not a folder"
    )


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_a_screenshot_is_saved_only_into_a_file(kind: str, tmp_path: Path) -> None:
    path = make(kind, tmp_path / "01-step.png")
    with pytest.raises(OSError) as caught:
        save_screenshot(pygame.Surface((8, 8)), path)
    assert str(caught.value) == f"cannot save the screenshot {path}: {NOT_A_FILE[kind]}"


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_the_chart_is_saved_only_into_a_file(kind: str, tmp_path: Path) -> None:
    from datetime import date

    path = make(kind, tmp_path / "weeks.png")
    with pytest.raises(OSError) as caught:
        save_chart(path, {}, date(2025, 3, 12))
    assert str(caught.value) == NOT_A_FILE[kind]


@pytest.mark.parametrize("kind", [*MADE, "missing folder"])  # a chart's name ends in .png
def test_history_says_in_one_line_that_the_chart_cannot_be_written(
    kind: str, tmp_path: Path
) -> None:
    chart = (
        tmp_path / "nowhere" / "weeks.png"
        if kind == "missing folder"
        else make(kind, tmp_path / "weeks.png")
    )

    code, _out, err = run_cli("history", "--chart", str(chart))

    assert code == cli.EXIT_FAILED
    [line] = err.splitlines()
    assert line.startswith(f"The chart could not be written to {chart}: ")


# -- the person's own folders -------------------------------------------------------------


@pytest.mark.parametrize("kind", MADE)
def test_a_settings_file_that_is_no_file_is_told_and_the_defaults_used(
    kind: str, unanswered_home: Path
) -> None:
    path = UserDirs.under(unanswered_home).settings_file
    path.parent.mkdir(parents=True)
    make(kind, path)
    told = f"{shown_path(path)}: this is {WORDS[kind]}, not a settings file"

    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value) == told

    code, _out, err = run_cli("settings")
    assert code == cli.EXIT_INVALID
    assert err.splitlines() == [
        f"{told}; remove or rename it, and 'routine-player settings set KEY VALUE' will "
        "write a new one."
    ]

    code, out, err = run_cli("plan", "daily-back-care")
    assert code == cli.EXIT_OK
    assert "Total: " in out
    assert err.splitlines() == [
        f"Settings not used: {told}. Going on with the defaults; "
        "'routine-player settings' shows what to fix."
    ]


def test_a_settings_file_that_is_a_device_is_one_line_saying_what_to_do(
    unanswered_home: Path,
) -> None:
    path = UserDirs.under(unanswered_home).settings_file
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/null")

    code, out, err = run_cli("settings", "set", "rate", "150")

    assert (code, out) == (cli.EXIT_INVALID, "")
    assert err.splitlines() == [
        f"{shown_path(path)}: this is a device, not a settings file; remove or rename it, and "
        "'routine-player settings set KEY VALUE' will write a new one."
    ]
    assert path.is_symlink()  # left as it was


def test_settings_in_a_folder_that_may_not_be_written_are_one_line(unanswered_home: Path) -> None:
    config = UserDirs.under(unanswered_home).settings_file.parent
    config.mkdir(parents=True)

    with read_only(config):
        code, out, err = run_cli("settings", "set", "rate", "150")

    assert (code, out) == (cli.EXIT_FAILED, "")
    assert err.splitlines() == [
        f"The settings could not be saved in {config / 'settings.yaml'}: the folder {config} "
        "may not be written."
    ]
    assert list(config.iterdir()) == []


def test_an_unreadable_settings_file(
    unanswered_home: Path, unreadable: Callable[[Path], Path]
) -> None:
    path = UserDirs.under(unanswered_home).settings_file
    path.parent.mkdir(parents=True)
    path.write_text("rate: 150\n", encoding="utf-8")
    unreadable(path)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value) == (
        f"{shown_path(path)}: cannot read the settings file: permission denied: "
        "change its permissions, or use a copy"
    )


@pytest.mark.parametrize(("kind", "words"), [("file", "a file"), ("fifo", WORDS["fifo"])])
def test_a_home_that_is_no_folder(
    kind: str, words: str, write: WriteFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = write("odd", "not a folder") if kind == "file" else make(kind, tmp_path / "odd")
    monkeypatch.setenv(HOME_VARIABLE, str(home))
    in_the_way = f"{home} is {words}, not a folder"

    code, _out, err = run_cli("settings")
    assert code == cli.EXIT_INVALID
    assert err.splitlines()[0].endswith(f"cannot read the settings file: {in_the_way}")

    code, out, err = run_cli("new", "mine")
    assert code == cli.EXIT_FAILED
    assert out == ""
    assert err.splitlines() == [
        f"error: cannot make your routines folder {home}/data/routines: {in_the_way}"
    ]

    code, out, _err = run_cli("plan", "daily-back-care")
    assert code == cli.EXIT_OK
    assert "Total: " in out


def test_a_day_checked_file_that_is_a_named_pipe_is_no_day(own_home: Path) -> None:
    path = UserDirs.under(own_home).safety_file
    path.unlink()
    make("fifo", path)
    assert daily_check.last_checked(path) is None


@pytest.mark.parametrize("kind", MADE)
def test_a_history_file_that_is_no_file_is_told_in_one_line(kind: str, own_home: Path) -> None:
    path = UserDirs.under(own_home).history_file
    make(kind, path)
    warnings: list[str] = []

    history = open_history(path, warnings.append, datetime.now().astimezone())

    assert isinstance(history, NullHistory)
    assert warnings == [
        f"Your session history at {path} could not be opened (this is {WORDS[kind]}, "
        "not a file): nothing will be recorded this time."
    ]


@pytest.mark.parametrize("kind", ["fifo", "socket", "folder", "loop"])
def test_history_says_it_cannot_read_a_history_file_that_is_no_file_and_play_cannot_record(
    kind: str, own_home: Path, write: WriteFile
) -> None:
    path = make(kind, UserDirs.under(own_home).history_file)

    code, out, err = run_cli("history", "--chart", str(own_home / "weeks.png"))

    assert (code, out) == (cli.EXIT_FAILED, "")
    assert err.splitlines() == [
        f"Your session history at {path} cannot be read: this is {WORDS[kind]}, not a file."
    ]
    assert not (own_home / "weeks.png").exists()

    code, _out, err = run_cli(
        "play", str(write("tiny.yaml", TINY)), "--ui", "none", "--speed", "100"
    )

    assert code == cli.EXIT_OK
    assert [line for line in err.splitlines() if "history" in line] == [
        f"Your session history at {path} could not be opened (this is {WORDS[kind]}, "
        "not a file): nothing will be recorded this time."
    ]


def test_a_routine_of_yours_that_is_a_named_pipe_is_told_by_name(own_home: Path) -> None:
    own = UserDirs.under(own_home).routines
    own.mkdir(parents=True)
    path = make("fifo", own / "mine.yaml")
    told = (
        f"{shown_path(path)}:1:1: this is a named pipe (FIFO), not a routine file; "
        "give the path of a routine's .yaml file"
    )

    for argv in (
        ("play", "mine", "--ui", "none"),
        ("plan", "mine"),
        ("export", "mine", "--audio", str(own_home / "mine.wav")),
        ("new", "copy", "--from", "mine"),
        ("remind", "mine", "--daily", "08:00"),
    ):
        code, out, err = run_cli(*argv)
        assert (code, out, err.splitlines()) == (cli.EXIT_INVALID, "", [told]), argv


def test_a_schema_beside_your_routines_that_is_a_named_pipe(own_home: Path) -> None:
    own = UserDirs.under(own_home).routines
    own.mkdir(parents=True)
    schema = make("fifo", own / "routine.schema.json")

    code, _out, err = run_cli("new", "mine")

    assert code == cli.EXIT_FAILED
    assert err.splitlines() == [
        f"error: cannot write {schema}: this is a named pipe (FIFO), not a file"
    ]


# -- in a real process, with a time limit -------------------------------------------------


def run_py(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``run.py ARGV`` in a process of its own, from ``folder``; a wait fails the test."""
    return subprocess.run(
        [sys.executable, str(REPO / "run.py"), *argv],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("kind", "told"),
    [
        (
            "fifo",
            "routine.yaml:1:1: this is a named pipe (FIFO), not a routine file; "
            "give the path of a routine's .yaml file",
        ),
        (
            "loop",
            "routine.yaml:1:1: this is a symbolic link that leads round in a loop, not a "
            "routine file; point the link at a routine file",
        ),
    ],
)
def test_check_tells_a_named_pipe_or_a_looping_link_in_one_line(
    kind: str, told: str, tmp_path: Path
) -> None:
    make(kind, tmp_path / "routine.yaml")

    done = run_py(tmp_path, "check", "routine.yaml")

    assert done.returncode == cli.EXIT_INVALID
    assert done.stdout.splitlines() == [told, "1 problem in 1 of 1 file"]
    assert done.stderr == ""


def test_export_into_a_missing_folder_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "x.wav"

    done = run_py(tmp_path, "export", "daily-back-care", "--audio", str(out))

    assert done.returncode == cli.EXIT_FAILED
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: --audio {out}: there is no folder {out.parent}; make it first, or choose another"
    ]
    assert not out.parent.exists()
