"""A window only where a display answers: an unreachable one falls back within two seconds."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from pathlib import Path

import pygame
import pytest

from player.window.probe import (
    X11_HELLO,
    Place,
    answers,
    wayland_place,
    why_no_display,
    x11_place,
)
from tests.test_end_to_end import command, environment

LONGEST_FALLBACK_S = 2.0


@pytest.mark.parametrize(
    ("display", "place"),
    [
        (":0", Place(path="/tmp/.X11-unix/X0")),
        (":1.0", Place(path="/tmp/.X11-unix/X1")),
        ("unix:2", Place(path="/tmp/.X11-unix/X2")),
        ("localhost:10.0", Place(host="localhost", port=6010)),
        ("192.0.2.7:0", Place(host="192.0.2.7", port=6000)),
        (
            "/private/tmp/com.apple.launchd.x/org.xquartz:0",
            Place(path="/private/tmp/com.apple.launchd.x/org.xquartz"),
        ),
    ],
)
def test_where_an_x_display_listens(display: str, place: Place) -> None:
    assert x11_place(display) == place


@pytest.mark.parametrize("display", ["", "nonsense", ":", ":x"])
def test_a_display_name_that_cannot_be_read(display: str) -> None:
    assert x11_place(display) is None


def test_where_a_wayland_display_listens() -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1000"}
    assert wayland_place(environ) == Place(path="/run/user/1000/wayland-0")
    assert wayland_place({"WAYLAND_DISPLAY": "/tmp/w"}) == Place(path="/tmp/w")
    assert wayland_place({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert wayland_place({}) is None


def _server(path: Path, reply: bytes | None) -> threading.Thread:
    """A display server at ``path`` that takes one connection, reads the greeting and
    answers ``reply``, or says nothing at all (None)."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(1)

    def serve() -> None:
        with listener:
            connection, _ = listener.accept()
            with connection:
                connection.recv(64)
                if reply is not None:
                    connection.sendall(reply)
                else:
                    time.sleep(3)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def test_a_display_that_answers_its_greeting_answers(tmp_path: Path) -> None:
    _server(tmp_path / "X5", b"\x01")
    assert answers(Place(path=str(tmp_path / "X5")), X11_HELLO)
    assert not answers(Place(path=str(tmp_path / "X6")), X11_HELLO)


def test_a_display_that_accepts_and_says_nothing_does_not_answer_and_is_not_waited_for(
    tmp_path: Path,
) -> None:
    _server(tmp_path / "X7", None)
    started = time.monotonic()
    assert not answers(Place(path=str(tmp_path / "X7")), X11_HELLO, timeout_s=0.5)
    assert time.monotonic() - started < 1.0


def test_why_no_display_names_what_was_missing(tmp_path: Path) -> None:
    assert why_no_display({}) == "DISPLAY is not set"
    assert why_no_display({"DISPLAY": "nonsense"}) == "DISPLAY=nonsense is not a display name"
    free = next(n for n in range(197, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    assert why_no_display({"DISPLAY": f":{free}"}) == f"nothing answers at DISPLAY=:{free}"
    assert why_no_display({"SDL_VIDEODRIVER": "dummy"}) is None  # asked for by name
    gone = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert why_no_display(gone) == "the Wayland display wayland-9 does not answer"


def _free_display_number() -> int:
    number = 97
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number -= 1
    return number


def _fall_back(tmp_path: Path, display: str) -> tuple[float, str]:
    """Play in a window with ``DISPLAY=display``: how long it took to begin playing
    somewhere else, and what it said on standard error."""
    events = tmp_path / "events.jsonl"
    env = environment()
    del env["SDL_VIDEODRIVER"]
    env.pop("WAYLAND_DISPLAY", None)
    env["DISPLAY"] = display
    started = time.monotonic()
    process = subprocess.Popen(
        command("daily-back-care", "window", events, speed="1"),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while not (events.exists() and "step_started" in events.read_text(encoding="utf-8")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() - started < 30
            time.sleep(0.02)
        playing_after = time.monotonic() - started
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=10)
    return playing_after, err


def test_an_unreachable_display_falls_back_to_plain_lines_within_two_seconds(
    tmp_path: Path,
) -> None:
    display = f":{_free_display_number()}"
    playing_after, err = _fall_back(tmp_path, display)
    assert err.splitlines()[0] == (
        f"No display (nothing answers at DISPLAY={display}): playing in plain lines instead."
    )
    assert "XDG_RUNTIME_DIR" not in err
    assert playing_after < LONGEST_FALLBACK_S


def test_screenshots_with_no_display_are_drawn_off_screen(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    shots = tmp_path / "shots"
    env = environment()
    del env["SDL_VIDEODRIVER"]
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        command("daily-back-care", "window", events, "--close-at-end", "--screenshots", str(shots)),
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        "No display (DISPLAY is not set): drawing off screen for the screenshots."
    )
    assert (shots / "end.png").exists()
    # The first step, drawn: its name in its own words, the countdown, a picture; not black.
    first = pygame.image.load(str(sorted(shots.glob("0*.png"))[0]))
    colours = {first.get_at((x, y))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
    assert len(colours) > 3


def test_a_display_that_hangs_falls_back_within_two_seconds(tmp_path: Path) -> None:
    """A forwarded display whose far end is gone: the port takes the connection and never
    answers. The player must not wait on it where no signal can reach."""
    with socket.create_server(("127.0.0.1", 0)) as listener:  # a free port, above 6000
        display = f"127.0.0.1:{listener.getsockname()[1] - 6000}"
        playing_after, err = _fall_back(tmp_path, display)
    assert err.splitlines()[0] == (
        f"No display (nothing answers at DISPLAY={display}): playing in plain lines instead."
    )
    assert playing_after < LONGEST_FALLBACK_S
