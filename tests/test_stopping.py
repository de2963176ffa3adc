"""Ctrl-C (INT), kill (TERM) and a closed terminal (HUP) stop a real player in every UI.

Each run is a real process playing a routine slowly; once a step has started, the signal
is sent, and the player must be gone within a second, with the exit code shells expect
(128 + the signal) and the session in the history as stopped.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from player.care.something_wrong import REASON
from player.playback.session import EventLog
from player.system.stopping import StopSignal, stop_on_signals
from tests.conftest import recorded_sessions
from tests.test_end_to_end import BEFORE, command, environment
from tests.test_something_wrong import T0, S, make_session

ROUTINE = "daily-back-care"
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
STOP_WITHIN_S = 1.0
REASONS = {
    signal.SIGINT: "an INT signal",
    signal.SIGTERM: "a TERM signal",
    signal.SIGHUP: "a HUP signal",
}


def _started(events: Path) -> bool:
    return events.exists() and "step_started" in events.read_text(encoding="utf-8")


def _wait_until_playing(process: subprocess.Popen[bytes], events: Path, answer: int | None) -> None:
    """Wait for the first step; ``answer`` is a terminal to answer the pain score on."""
    screen = b""
    deadline = time.monotonic() + 60
    while not _started(events):
        assert process.poll() is None, "the player ended before it began"
        assert time.monotonic() < deadline, "the player never began"
        if answer is None:
            time.sleep(0.05)
            continue
        ready, _, _ = select.select([answer], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                screen += os.read(answer, 65536)
        if BEFORE in screen:
            os.write(answer, b"\n")  # Enter skips the pain score
            screen = b""


def _stop_and_time(process: subprocess.Popen[bytes], signum: int, drain: int | None) -> float:
    """Send ``signum``; how long the player took to exit."""
    sent = time.monotonic()
    process.send_signal(signum)
    while process.poll() is None:
        assert time.monotonic() - sent < 10, "the player did not stop"
        if drain is not None:
            ready, _, _ = select.select([drain], [], [], 0.02)
            if ready:
                with contextlib.suppress(OSError):
                    os.read(drain, 65536)
        else:
            time.sleep(0.01)
    return time.monotonic() - sent


def _check_stopped(own_home: Path, events: Path, took: float, code: int, signum: int) -> None:
    assert code == 128 + signum
    assert took < STOP_WITHIN_S
    [session] = recorded_sessions(own_home)
    assert session.outcome == "stopped"
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert all(record["event"] != "finished" for record in records)
    last = records[-1]  # the events file ends with the stop, and why, as the history does
    assert (last["event"], last["reason"]) == ("stopped", REASONS[signum])
    assert set(last) == {"event", "actual_ms", "reason", "clock_ms"}
    began = next(record for record in records if record["event"] == "step_started")
    assert last["clock_ms"] >= began["clock_ms"]


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("ui", ["none", "window"])
def test_a_signal_stops_the_voice_alone_and_the_window(
    tmp_path: Path, own_home: Path, ui: str, signum: int
) -> None:
    events = tmp_path / "events.jsonl"
    extra = ["--close-at-end"] if ui == "window" else []
    process = subprocess.Popen(
        command(ROUTINE, ui, events, *extra, speed="1"),
        env=environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_playing(process, events, answer=None)
        took = _stop_and_time(process, signum, drain=None)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.stderr is not None
    said = process.stderr.read().decode()
    _check_stopped(own_home, events, took, process.returncode, signum)
    assert said.strip().splitlines()[-1].startswith("Stopped (")
    assert "Traceback" not in said


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_stops_the_terminal_view_and_gives_the_terminal_back(
    tmp_path: Path, own_home: Path, signum: int
) -> None:
    events = tmp_path / "events.jsonl"
    main, side = pty.openpty()
    process = subprocess.Popen(
        command(ROUTINE, "text", events, speed="1"),
        env=environment(),
        stdin=side,
        stdout=side,
        stderr=side,
        close_fds=True,
    )
    os.close(side)
    try:
        _wait_until_playing(process, events, answer=main)
        took = _stop_and_time(process, signum, drain=main)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    _check_stopped(own_home, events, took, process.returncode, signum)


def test_the_speech_process_goes_with_the_player(tmp_path: Path) -> None:
    """Not muted, so the voice's own process starts; after TERM nothing is left running."""
    events = tmp_path / "events.jsonl"
    argv = [word for word in command(ROUTINE, "none", events, speed="1") if word != "--mute"]
    process = subprocess.Popen(
        argv, env=environment(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
    )
    try:
        _wait_until_playing(process, events, answer=None)
        time.sleep(0.5)
        children = _children(process.pid)
        assert children, "the speech process had not started"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=5) == 128 + signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
    deadline = time.monotonic() + 2
    while any(_alive(child) for child in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [child for child in children if _alive(child)]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_handlers_before_are_put_back_after() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with stop_on_signals():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_signal_inside_raises_stop_signal_with_the_shell_exit_code() -> None:
    with pytest.raises(StopSignal) as stopped, stop_on_signals():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs here, in the main thread
    assert (stopped.value.exit_code, stopped.value.name) == (143, "a TERM signal")
    assert stopped.value.reason == "a TERM signal"


def test_a_session_stopped_from_outside_ends_its_events_file_with_why(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    session = make_session(EventLog(path))
    heard: list[object] = []
    session.listeners.append(lambda event, now: heard.append(event))
    session.start(T0)
    session.tick(T0 + 12 * S)
    told = len(heard)
    session.interrupted(StopSignal(signal.SIGINT).reason, T0 + 12 * S + 400)
    session.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[-1] == {
        "event": "stopped",
        "actual_ms": 12 * S,
        "reason": "an INT signal",
        "clock_ms": T0 + 12 * S + 400,
    }
    assert len(heard) == told  # the history is closed by whoever stopped it, not by this
    assert session.stopped is None


@pytest.mark.parametrize("how", ["not begun", "finished", "stopped at once"])
def test_a_session_over_or_not_begun_gets_no_second_end(tmp_path: Path, how: str) -> None:
    path = tmp_path / "events.jsonl"
    session = make_session(EventLog(path))
    if how != "not begun":
        session.start(T0)
    if how == "finished":
        session.tick(T0 + 120 * S)
    if how == "stopped at once":
        session.stop(REASON, T0 + 5 * S)
    before = path.read_text(encoding="utf-8")
    session.interrupted("a TERM signal", T0 + 130 * S)
    session.close()
    assert path.read_text(encoding="utf-8") == before


def test_a_terminal_closed_under_the_player_stops_it_cleanly(
    tmp_path: Path, own_home: Path
) -> None:
    """What closing a terminal window does: the terminal goes, HUP comes, and the shell
    passes on a second HUP while the player is still recording the stop."""
    events = tmp_path / "events.jsonl"
    errors = tmp_path / "errors.txt"
    main, side = pty.openpty()
    with errors.open("wb") as error_file:
        process = subprocess.Popen(
            command(ROUTINE, "text", events, speed="1"),
            env=environment(),
            stdin=side,
            stdout=side,
            stderr=error_file,
            close_fds=True,
        )
    os.close(side)
    try:
        _wait_until_playing(process, events, answer=main)
        os.close(main)
        process.send_signal(signal.SIGHUP)
        time.sleep(0.05)
        process.send_signal(signal.SIGHUP)
        code = process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    said = errors.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in said
    assert code == 128 + signal.SIGHUP
    [session] = recorded_sessions(own_home)
    assert session.outcome == "stopped"
    last = json.loads(events.read_text(encoding="utf-8").splitlines()[-1])
    assert (last["event"], last["reason"]) == ("stopped", "a HUP signal")


def test_a_second_signal_during_the_clean_up_does_not_cut_it_short() -> None:
    with pytest.raises(StopSignal), stop_on_signals():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)
    # Handled: the second one came while the first was being dealt with, and was let be.
    with pytest.raises(StopSignal), stop_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # during the clean-up
            time.sleep(0.2)
