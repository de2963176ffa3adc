"""Carrying on a stopped session: from the step it stopped in, unless its routine changed."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.history.opening import open_history
from player.history.recorder import begin_recording
from player.history.records import SessionRecord, StepRecord
from player.history.resume import CHANGED, resume_decision
from player.history.store import HistoryStore
from player.playback.engine import Engine
from player.playback.events import CueDue, StepStarted
from player.playback.timeline import Choices
from player.routine.loader import load_routine
from tests.conftest import WriteFile

PARIS = timezone(timedelta(hours=1))
BEGAN = datetime(2025, 3, 10, 18, 0, tzinfo=PARIS)
T0 = 1_000_000


def stopped(at_step: int = 3, digest: str = "abc", reps: int | None = None) -> SessionRecord:
    return SessionRecord(
        id=7,
        routine="back-care",
        digest=digest,
        path="back-care.yaml",
        reps=reps,
        started=BEGAN,
        local_day=BEGAN.date(),
        ended=BEGAN + timedelta(minutes=4, seconds=30),
        outcome="stopped",
        planned_ms=600_000,
        at_step=at_step,
        resumed_from=None,
        steps=(StepRecord(0, "Get ready", 5000, 5000, False, BEGAN),),
    )


def test_nothing_stopped_starts_from_the_beginning_quietly() -> None:
    decision = resume_decision(None, "abc", reps=6)

    assert (decision.from_step, decision.resumed_from, decision.reps) == (0, None, 6)
    assert decision.message is None


def test_a_stopped_session_is_carried_on_from_its_step() -> None:
    decision = resume_decision(stopped(at_step=3, reps=8), "abc")

    assert (decision.from_step, decision.resumed_from, decision.reps) == (3, 7, 8)
    assert decision.message == "Carrying on from where you stopped at 18:04."


def test_a_changed_routine_file_starts_from_the_beginning_and_says_so() -> None:
    decision = resume_decision(stopped(digest="abc"), "def")

    assert (decision.from_step, decision.resumed_from) == (0, None)
    assert decision.message == CHANGED
    assert CHANGED == (
        "The routine file changed since you stopped, so it starts from the beginning."
    )


def test_other_repetitions_asked_for_start_from_the_beginning() -> None:
    decision = resume_decision(stopped(reps=8), "abc", reps=10)

    assert (decision.from_step, decision.resumed_from, decision.reps) == (0, None, 10)
    assert decision.message == (
        "You chose 10 repetitions this time (8 before), so it starts from the beginning."
    )


def test_the_same_repetitions_asked_for_again_carry_on() -> None:
    decision = resume_decision(stopped(reps=8), "abc", reps=8)

    assert (decision.from_step, decision.reps) == (3, 8)


ROUTINE = """
title: Back care
lead_in: 5
prepare: 0
steps:
  - exercise: Cat cow
    time: 30
  - exercise: Pelvic tilt
    time: 20
  - exercise: Side lying
    time: 25
"""


def test_stopped_then_carried_on_from_the_history(tmp_path: Path, write: WriteFile) -> None:
    path = write("back-care.yaml", ROUTINE)
    routine = load_routine(path)
    history = open_history(tmp_path / "history.sqlite3", pytest.fail, BEGAN)
    assert isinstance(history, HistoryStore)

    # The first session: stopped ten seconds into Pelvic tilt.
    engine = Engine(routine.routine)
    times = iter([BEGAN])
    recorder = begin_recording(
        history,
        engine,
        lambda: next(times, BEGAN + timedelta(minutes=1)),
        routine=routine.name,
        digest=routine.digest,
        path=str(path),
        reps=None,
    )
    sid = recorder.record.id
    for now in range(T0, T0 + 46_000, 1000):
        for event in engine.start(now) + engine.advance(now):
            recorder(event, now)
    recorder.stop()

    # Later that day: the same routine, unchanged.
    found = history.resumable(routine.name, date(2025, 3, 10))
    decision = resume_decision(found, load_routine(path).digest)
    assert decision.from_step == 2 and decision.resumed_from == sid

    again = Engine(routine.routine, Choices(reps=decision.reps))
    events = again.start(T0, decision.from_step) + again.advance(T0 + 5000)
    first = next(e for e in events if isinstance(e, StepStarted))
    assert (first.step, first.name) == (2, "Pelvic tilt")
    assert all(e.step >= 2 for e in events if isinstance(e, CueDue))

    # The file is edited: the stopped session is not carried on.
    path.write_text(ROUTINE.replace("time: 20", "time: 25"), encoding="utf-8")
    changed = resume_decision(found, load_routine(path).digest)
    assert (changed.from_step, changed.message) == (0, CHANGED)
