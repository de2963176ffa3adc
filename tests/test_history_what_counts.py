"""What counts, played for real: a preview, a session skipped through, a session stopped.

A session counts as done when at least 80% of its planned time was played (README,
"Around a session"); one played faster than real time is a preview and counts nowhere.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.commands import history as history_command
from player.commands.base import Context
from player.history.counting import is_preview, sitting
from player.history.ending import session_ending
from player.history.opening import open_history
from player.history.recorder import begin_recording
from player.history.store import HistoryStore
from player.history.summary import summarize
from player.home.user_dirs import UserDirs
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.routine.loader import load_routine
from tests.conftest import REPO, WriteFile, recorded_sessions
from tests.test_end_to_end import AFTER, BEFORE, environment

S = 1000
SHORT = """
title: Short
lead_in: 0
prepare: 0
steps:
  - exercise: Reach
    time: 6s
  - exercise: Tilt
    time: 6s
  - exercise: Stretch
    time: 8s
"""


def run_py(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "run.py"), *argv],
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


# -- a preview ------------------------------------------------------------------------------


def test_a_play_at_ten_times_the_speed_is_a_preview_and_leaves_the_streak_at_0(
    write: WriteFile, own_home: Path
) -> None:
    path = write("short.yaml", SHORT)

    played = run_py(
        "play", str(path), "--ui", "none", "--speed", "10", "--mute", "--no-warning-signs"
    )

    assert played.returncode == 0, played.stderr
    [record] = recorded_sessions(own_home)
    assert (record.outcome, record.speed) == ("finished", 10.0)
    assert [s.done_ms for s in record.steps] == [6 * S, 6 * S, 8 * S]  # played whole, fast
    assert is_preview(record)
    summary = summarize([record], record.local_day)
    assert (summary.streak, summary.today_sessions, summary.today_ms) == (0, 0, 0)
    assert summary.days == {}

    shown = run_py("history")

    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[1].endswith("short   <1 min  preview x10")
    assert "Streak: none yet. Finish a session to start one." in lines
    assert "This week: 0 of 7 days done. This month: 0 days done." in lines


# -- a session skipped through --------------------------------------------------------------


def drive_the_terminal(argv: list[str], events: Path, key: bytes) -> bytes:
    """Play in a real terminal: Enter skips both pain scores, ``key`` is pressed over and
    over while the session plays, q closes its end screen. Returns all the terminal was
    sent."""
    main, side = pty.openpty()
    process = subprocess.Popen(
        argv, env=environment(), stdin=side, stdout=side, stderr=side, close_fds=True
    )
    os.close(side)
    screen = b""
    answered: set[bytes] = set()
    closed = wiped = False
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.05)
            if ready:
                with contextlib.suppress(OSError):
                    screen += os.read(main, 65536)
            for question in (BEFORE, AFTER):
                if question in screen and question not in answered:
                    os.write(main, b"\n")
                    answered.add(question)
            said = events.read_text(encoding="utf-8") if events.exists() else ""
            if '"finished"' in said and not closed:
                # The end screen stays until it is closed; a key pressed over and over may
                # have closed it already (next closes it), so a stray key before the line
                # of the pain score after is wiped with Ctrl-U first.
                os.write(main, b"q")
                closed = True
            elif closed and AFTER in screen and AFTER in answered and not wiped:
                os.write(main, b"\x15\n")  # Ctrl-U: the line so far, then Enter
                wiped = True
            elif not closed and '"step_started"' in said:
                os.write(main, key)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert process.returncode == 0, screen[-2000:].decode(errors="replace")
    return screen


def test_a_session_skipped_through_in_the_terminal_is_not_counted_nor_well_done(
    tmp_path: Path, own_home: Path
) -> None:
    events = tmp_path / "events.jsonl"
    argv = [sys.executable, str(REPO / "run.py"), "play", "partner-back-massage"]
    argv += ["--reps", "5", "--ui", "text", "--mute", "--no-warning-signs"]
    argv += ["--events", str(events)]

    screen = drive_the_terminal(argv, events, b"n")  # n: the next step

    said = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert said[-1]["event"] == "finished"
    assert sum(1 for e in said if e["event"] == "skipped") >= 27
    [record] = recorded_sessions(own_home)
    assert record.outcome == "finished" and record.speed == 1
    counted = sitting([record])
    assert not counted.counts and counted.percent < 10
    summary = summarize([record], record.local_day)
    assert (summary.streak, summary.today_sessions) == (0, 0)
    assert b"Well done" not in screen
    assert re.search(rb"You did \d+ of 13 minutes", screen)
    assert b"A session counts from 11 minutes" in screen
    assert b"Today: no session done yet" in screen


# -- a session stopped ----------------------------------------------------------------------

TEN_MINUTES = """
title: Ten minutes
lead_in: 0
prepare: 0
steps:
""" + "".join(f"  - exercise: Part {n}\n    time: 60s\n" for n in range(1, 11))
PARIS = timezone(timedelta(hours=1))
BEGAN = datetime(2025, 3, 12, 18, 0, tzinfo=PARIS)


def stopped_at(write: WriteFile, home: Path, seconds: int) -> HistoryStore:
    """The ten-minute routine played on a fake clock for ``seconds``, then stopped (as by
    Esc), recorded in the history of ``home``."""
    loaded = load_routine(write("ten.yaml", TEN_MINUTES))
    history = open_history(UserDirs.under(home).history_file, pytest.fail, BEGAN)
    assert isinstance(history, HistoryStore)
    clock = FakeClock(0)
    engine = Engine(loaded.routine)
    recorder = begin_recording(
        history,
        engine,
        lambda: BEGAN + timedelta(milliseconds=clock.now()),
        routine=loaded.name,
        digest=loaded.digest,
        path=str(loaded.path),
        reps=None,
    )
    session = Session(engine, RecordingSpeaker(), listeners=[recorder])
    session.start(clock.now())
    while clock.now() < seconds * S:
        clock.advance(250)
        session.tick(clock.now())
    recorder.stop("stopped", clock.now())
    session.close()
    return history


def history_lines(home: Path) -> list[str]:
    """``run.py history`` in ``home``, on the day the session was played."""
    out = io.StringIO()
    ctx = Context(out=out, dirs=UserDirs.under(home), now=lambda: BEGAN + timedelta(hours=2))
    parser = argparse.ArgumentParser(prog="history")
    history_command.COMMAND.add_arguments(parser)
    assert history_command.COMMAND.run(parser.parse_args([]), ctx) == 0
    return out.getvalue().splitlines()


def test_a_session_stopped_at_90_percent_counts(write: WriteFile, own_home: Path) -> None:
    history = stopped_at(write, own_home, 540)
    [record] = history.sessions()
    history.close()

    assert record.outcome == "stopped" and sitting([record]).percent == 90
    summary = summarize([record], date(2025, 3, 12))
    assert (summary.streak, summary.streak_includes_today, summary.today_sessions) == (1, True, 1)
    assert session_ending([], record, date(2025, 3, 12)).headline == "Well done"
    lines = history_lines(own_home)
    assert lines[1].endswith("9 min  done (90%)")
    assert "Streak: 1 day in a row, today included." in lines


def test_a_session_stopped_half_way_does_not_count(write: WriteFile, own_home: Path) -> None:
    history = stopped_at(write, own_home, 300)
    [record] = history.sessions()
    history.close()

    assert record.outcome == "stopped" and sitting([record]).percent == 50
    summary = summarize([record], date(2025, 3, 12))
    assert (summary.streak, summary.today_sessions, summary.today_ms) == (0, 0, 300 * S)
    ending = session_ending([], record, date(2025, 3, 12))
    assert (ending.headline, ending.reason) == (
        "You did 5 of 10 minutes",
        "A session counts from 8 minutes",
    )
    lines = history_lines(own_home)
    assert lines[1].endswith("5 min  stopped (50%)")
    assert "Streak: none yet. Finish a session to start one." in lines


@pytest.mark.parametrize(("seconds", "counts"), [(479, False), (480, True)])
def test_the_line_is_eighty_percent(
    write: WriteFile, own_home: Path, seconds: int, counts: bool
) -> None:
    history = stopped_at(write, own_home, seconds)
    [record] = history.sessions()
    history.close()

    assert sitting([record]).counts is counts
