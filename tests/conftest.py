"""Shared test set-up: headless SDL, and a helper to write routine files."""

from __future__ import annotations

import os
import struct
import textwrap
import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from player.care.daily_check import record_checked
from player.history.opening import open_history
from player.history.records import SessionRecord
from player.home.settings import Settings, save_settings
from player.home.user_dirs import HOME_VARIABLE, UserDirs
from player.language import DEFAULT_LANGUAGE, use

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

REPO = Path(__file__).resolve().parent.parent
ROUTINES = REPO / "routines"

WriteFile = Callable[..., Path]


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of one's own for each test (settings, history, routines), so that nothing of
    the person's running the tests is read or changed. Child processes inherit it.

    In it, the warning signs were checked today and the first-use check was answered
    "not advised against exercise", as after a first session: the tests of the checks
    themselves start from a home where they were not (``unchecked_home``,
    ``unanswered_home``)."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_VARIABLE, str(home))
    dirs = UserDirs.under(home)
    record_checked(dirs.safety_file, date.today())
    save_settings(dirs.settings_file, Settings(advised_against_exercise=False))
    return home


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> object:
    """Each test starts in English whatever the locale of whoever runs the tests, and a
    command run with ``--language`` in one test leaves no language behind for the next."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use(DEFAULT_LANGUAGE)
    yield None
    use(DEFAULT_LANGUAGE)


@pytest.fixture
def unchecked_home(own_home: Path) -> Path:
    """A home where the warning signs have not been checked today."""
    UserDirs.under(own_home).safety_file.unlink()
    return own_home


@pytest.fixture
def unanswered_home(own_home: Path) -> Path:
    """A home with no settings file, nor a folder for it: the first-use check was never
    answered."""
    settings_file = UserDirs.under(own_home).settings_file
    settings_file.unlink()
    settings_file.parent.rmdir()
    return own_home


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """write("name.yaml", text) puts dedented text in a temporary folder and returns its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


def recorded_sessions(home: Path) -> list[SessionRecord]:
    """The sessions in the history of a home folder, as the player recorded them."""
    history = open_history(UserDirs.under(home).history_file, print, datetime.now().astimezone())
    try:
        return history.sessions()
    finally:
        history.close()


def png_bytes(width: int = 2, height: int = 2, note: str = "") -> bytes:
    """A real PNG file of ``width`` x ``height`` grey pixels; ``note`` goes in a text chunk,
    to tell two pictures apart."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    text = chunk(b"tEXt", b"Comment\x00" + note.encode("latin-1")) if note else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + text
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
