"""A bundled routine played from the command line in every UI, checked through its events.

Each run is a real process: `run.py play` at high speed with `--events`, then the file
must show every step started once and in order, every cue of the timeline said once,
and the end.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from player.history.opening import open_history
from player.home.catalog import find_routine
from player.home.user_dirs import UserDirs
from player.playback.compiler import compile_timeline
from player.routine.loader import load_routine
from tests.conftest import REPO, recorded_sessions

SPEED = "200"
NO_WAITS = "daily-back-care"
WITH_WAITS = "pelvic-strength"


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "TERM": "xterm-256color",
    }


def command(routine: str, ui: str, events: Path, *extra: str, speed: str = SPEED) -> list[str]:
    return [
        sys.executable,
        str(REPO / "run.py"),
        "play",
        routine,
        "--ui",
        ui,
        "--speed",
        speed,
        "--mute",
        "--events",
        str(events),
        *extra,
    ]


def check_events(events: Path, routine: str) -> list[dict[str, object]]:
    timeline = compile_timeline(load_routine(find_routine(routine)).routine)
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    started = [r["step"] for r in records if r["event"] == "step_started"]
    assert started == list(range(len(timeline.steps)))
    said = [r["key"] for r in records if r["event"] == "cue"]
    assert said == [cue.key for cue in timeline.cues]
    for record in records:
        if record["event"] == "cue":
            assert int(str(record["actual_ms"])) >= int(str(record["planned_ms"]))
    assert records[-1]["event"] == "finished"
    assert records[-1]["total_ms"] == timeline.total_ms
    return records


def test_the_window_plays_a_routine_to_the_end(tmp_path: Path) -> None:
    events = tmp_path / "window.jsonl"
    shots = tmp_path / "shots"
    done = subprocess.run(
        # Slow enough that every step is on screen for at least one frame, for its picture.
        command(
            NO_WAITS, "window", events, "--close-at-end", "--screenshots", str(shots), speed="30"
        ),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    records = check_events(events, NO_WAITS)
    assert any(r["event"] == "first_frame" for r in records)
    steps = len(compile_timeline(load_routine(find_routine(NO_WAITS)).routine).steps)
    assert len(list(shots.glob("*.png"))) == steps + 1  # one per step, and the end screen


BEFORE = b"How does your back feel right now?"
AFTER = b"And how does your back feel now?"


def test_the_terminal_plays_a_routine_to_the_end_in_a_real_terminal(
    tmp_path: Path, own_home: Path
) -> None:
    home = own_home
    done_earlier_today(home)
    events = tmp_path / "text.jsonl"
    main, side = pty.openpty()
    process = subprocess.Popen(
        command(NO_WAITS, "text", events),
        env=environment(),
        stdin=side,
        stdout=side,
        stderr=side,
        close_fds=True,
    )
    os.close(side)
    screen = b""
    pressed_q = skipped_before = answered_after = False
    try:
        while process.poll() is None:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    screen += os.read(main, 65536)
                except OSError:
                    break
            if BEFORE in screen and not skipped_before:
                os.write(main, b"\n")  # Enter alone skips the pain score
                skipped_before = True
            ended = events.exists() and '"finished"' in events.read_text(encoding="utf-8")
            if ended and not pressed_q:
                os.write(main, b"q")  # the end screen stays until the person closes it
                pressed_q = True
            if AFTER in screen and not answered_after:
                os.write(main, b"2\n")
                answered_after = True
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert process.returncode == 0, screen[-2000:].decode(errors="replace")
    check_events(events, NO_WAITS)
    assert b"Stand tall" in screen  # drawn by curses, not printed as lines
    assert b"[0:" not in screen
    assert b"End of the preview" in screen and b"Well done" not in screen
    assert b"A new streak starts today" in screen  # the streak, on the end screen
    _earlier, session = recorded_sessions(home)
    assert (session.outcome, session.pain_before, session.pain_after) == ("finished", None, 2)
    assert session.speed == float(SPEED)


def done_earlier_today(home: Path) -> None:
    """A session of a minute, played whole earlier today, in the history of ``home``."""
    history = open_history(UserDirs.under(home).history_file, print, datetime.now().astimezone())
    began = datetime.now().astimezone()
    sid = history.begin_session(
        routine="short", digest="d", path="p", reps=None, planned_ms=60_000, started=began
    )
    history.record_step(
        sid, 0, "Stretch", planned_ms=60_000, done_ms=60_000, skipped=False, ended=began
    )
    history.end_session(sid, "finished", began)
    history.close()


def test_a_player_whose_terminal_disappears_stops_by_itself(tmp_path: Path) -> None:
    events = tmp_path / "gone.jsonl"
    main, side = pty.openpty()
    process = subprocess.Popen(
        command(NO_WAITS, "text", events, speed="1"),
        env=environment(),
        stdin=side,
        stdout=side,
        stderr=side,
        close_fds=True,
    )
    os.close(side)
    try:
        screen = b""
        while not (
            (events.exists() and "step_started" in events.read_text(encoding="utf-8"))
            or process.poll() is not None
        ):
            select.select([main], [], [], 0.1)
            with contextlib.suppress(OSError):
                screen += os.read(main, 65536)
            if BEFORE in screen:
                os.write(main, b"s\n")
                screen = b""
        os.close(main)  # the terminal window is closed
        # It stops by itself (its last words to a terminal that is gone fail: exit 1),
        # rather than spinning on a dead terminal or needing to be killed.
        assert process.wait(timeout=30) in (0, 1)
    finally:
        if process.poll() is None:
            process.kill()
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["event"] != "finished"  # it stopped part-way, as a quit


@pytest.mark.parametrize("ui", ["text", "none"])
def test_without_a_terminal_a_routine_with_waits_plays_to_the_end(tmp_path: Path, ui: str) -> None:
    events = tmp_path / f"{ui}.jsonl"
    done = subprocess.run(
        command(WITH_WAITS, ui, events),
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    records = check_events(events, WITH_WAITS)
    assert sum(1 for r in records if r["event"] == "waiting") == sum(
        1 for r in records if r["event"] == "done"
    )
    lines = done.stdout.splitlines()
    if ui == "text":
        end = "Finished. End of the preview. At 200 times the speed, it is not counted."
        assert any(line.endswith(end) for line in lines)
    else:
        assert not any("Finished" in line for line in lines)


def test_with_no_display_the_window_falls_back_to_the_terminal_and_says_so(
    tmp_path: Path,
) -> None:
    events = tmp_path / "fallback.jsonl"
    env = environment()
    del env["SDL_VIDEODRIVER"]
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        command(NO_WAITS, "window", events),
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        "No display (DISPLAY is not set): playing in plain lines instead."
    )
    check_events(events, NO_WAITS)


LEAVE_FULL_SCREEN = b"\x1b[?1049l"
"""What curses sends an xterm as it gives the terminal back (the screen before returns)."""


def test_something_wrong_in_a_real_terminal_leaves_what_to_do_and_exits_with_1(
    tmp_path: Path, own_home: Path
) -> None:
    events = tmp_path / "wrong.jsonl"
    main, side = pty.openpty()
    process = subprocess.Popen(
        command(NO_WAITS, "text", events, speed="1"),
        env=environment(),
        stdin=side,
        stdout=side,
        stderr=side,
        close_fds=True,
    )
    os.close(side)
    screen = b""
    skipped_before = False
    pressed_x_at: float | None = None
    pressed_esc = False
    try:
        while process.poll() is None:
            ready, _, _ = select.select([main], [], [], 0.1)
            if ready:
                try:
                    screen += os.read(main, 65536)
                except OSError:
                    break
            if BEFORE in screen and not skipped_before:
                os.write(main, b"\n")
                skipped_before = True
            playing = events.exists() and "step_started" in events.read_text(encoding="utf-8")
            if playing and pressed_x_at is None:
                os.write(main, b"x")
                pressed_x_at = time.monotonic()
            settled = pressed_x_at is not None and time.monotonic() - pressed_x_at > 1.5
            if settled and not pressed_esc:  # past the time the screen takes no key
                os.write(main, b"\x1b")
                pressed_esc = True
        process.wait(timeout=60)
        with contextlib.suppress(OSError):
            while select.select([main], [], [], 0.2)[0]:
                screen += os.read(main, 65536)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    shown = screen.decode(errors="replace")
    assert process.returncode == 1, shown[-2000:]
    last = json.loads(events.read_text(encoding="utf-8").splitlines()[-1])
    assert (last["event"], last["reason"]) == ("stopped", "something is wrong")
    assert LEAVE_FULL_SCREEN in screen
    after = screen[screen.rindex(LEAVE_FULL_SCREEN) :].decode(errors="replace")
    plain = [line.rstrip("\r") for line in after.splitlines()]
    assert "Stopped. What to do now" in plain
    assert "Call your local emergency number now:" in plain
    assert "- Chest pain" in plain
    assert "None of these? Rest" in after
