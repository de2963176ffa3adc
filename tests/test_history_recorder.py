"""A real session, on a clock that moves only when told, recorded into a real history file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.history.counting import is_preview, sitting
from player.history.opening import NullHistory, open_history
from player.history.recorder import HistoryRecorder, begin_recording
from player.history.records import SessionRecord
from player.history.store import HistoryStore
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Command, Session
from player.playback.speaker import RecordingSpeaker
from player.routine.loader import RoutineFile, load_routine
from tests.conftest import WriteFile

S = 1000
T0 = 5_000_000
BEGAN = datetime(2025, 3, 10, 18, 0, tzinfo=timezone(timedelta(hours=1)))

ROUTINE = """
title: Back care
lead_in: 5
prepare: 0
steps:
  - exercise: Cat cow
    time: 30
    do: Round and hollow the back.
  - exercise: Pelvic tilt
    time: 20
  - exercise: Stretch
    do: Stretch as you like, then press done.
  - rest: 10
  - exercise: Side lying
    time: 25
"""
# Steps: 0 Get ready (5 s), 1 Cat cow (30 s), 2 Pelvic tilt (20 s), 3 Stretch (waits for
# done), 4 Rest (10 s), 5 Side lying (25 s).


@dataclass
class Player:
    """A session with a recorder, the way the play command puts them together."""

    clock: FakeClock
    session: Session
    recorder: HistoryRecorder
    history: HistoryStore
    session_id: int

    def play(self, ms: int) -> None:
        """Let ``ms`` of clock time pass, in frames of at most a second."""
        end = self.clock.now() + ms
        while self.clock.now() < end:
            self.clock.advance(min(S, end - self.clock.now()))
            self.session.tick(self.clock.now())

    def press(self, command: Command) -> None:
        self.session.command(command, self.clock.now())

    def record(self) -> SessionRecord:
        found = self.history.session(self.session_id)
        assert found is not None
        return found

    def steps(self) -> list[tuple[int, str, int, int, bool]]:
        return [
            (s.step_index, s.name, s.planned_ms, s.done_ms, s.skipped) for s in self.record().steps
        ]


@pytest.fixture
def routine(write: WriteFile) -> RoutineFile:
    return load_routine(write("back-care.yaml", ROUTINE))


@pytest.fixture
def start(tmp_path: Path, routine: RoutineFile) -> Callable[..., Player]:
    """start(from_step=0, speed=1.0): a session begun (and its history row written) at T0."""

    def _start(from_step: int = 0, speed: float = 1.0) -> Player:
        history = open_history(tmp_path / "history.sqlite3", pytest.fail, BEGAN)
        assert isinstance(history, HistoryStore)
        clock = FakeClock(T0)
        engine = Engine(routine.routine, speed=speed)

        def wall() -> datetime:
            return BEGAN + timedelta(milliseconds=clock.now() - T0)

        recorder = begin_recording(
            history,
            engine,
            wall,
            routine=routine.name,
            digest=routine.digest,
            path=str(routine.path),
            reps=None,
            start_step=from_step,
        )
        sid = recorder.record.id
        session = Session(engine, RecordingSpeaker(), listeners=[recorder])
        if from_step == 0:
            session.start(clock.now())
        else:
            for event in engine.start(clock.now(), from_step):
                recorder(event, clock.now())
        return Player(clock, session, recorder, history, sid)

    return _start


@pytest.fixture
def player(start: Callable[..., Player]) -> Player:
    return start()


def test_a_whole_session_is_recorded_step_by_step(player: Player, routine: RoutineFile) -> None:
    player.play(35 * S)  # the get-ready and Cat cow
    assert player.steps() == [
        (0, "Get ready", 5000, 5000, False),
        (1, "Cat cow", 30_000, 30_000, False),
    ]
    player.play(20 * S)  # Pelvic tilt, then Stretch waits for done
    assert player.session.engine.state == "waiting"
    player.play(12 * S)
    player.press("done")
    player.play(40 * S)

    record = player.record()
    assert player.steps() == [
        (0, "Get ready", 5000, 5000, False),
        (1, "Cat cow", 30_000, 30_000, False),
        (2, "Pelvic tilt", 20_000, 20_000, False),
        (3, "Stretch", 0, 12_000, False),
        (4, "Rest", 10_000, 10_000, False),
        (5, "Side lying", 25_000, 25_000, False),
    ]
    assert record.outcome == "finished"
    assert record.ended == BEGAN + timedelta(seconds=5 + 30 + 20 + 12 + 10 + 25)
    assert record.steps[1].ended == BEGAN + timedelta(seconds=35)
    assert record.planned_ms == player.session.engine.timeline.total_ms
    assert (record.routine, record.digest) == ("back-care", routine.digest)
    assert player.history.resumable("back-care", date(2025, 3, 10)) is None


def test_a_step_skipped_half_way_counts_half(player: Player) -> None:
    player.play(5 * S + 15 * S)
    player.press("next")
    player.play(3 * S)

    assert player.steps() == [
        (0, "Get ready", 5000, 5000, False),
        (1, "Cat cow", 30_000, 15_000, True),
    ]
    assert player.record().at_step == 2


def test_a_pause_does_not_count_as_time_done(player: Player) -> None:
    player.play(5 * S + 10 * S)
    player.press("toggle_pause")
    player.play(120 * S)
    player.press("toggle_pause")  # a 5 s get-ready, then the last 20 s
    player.play(25 * S)

    assert player.steps()[1] == (1, "Cat cow", 30_000, 30_000, False)


def test_a_step_restarted_adds_up_in_one_row(player: Player) -> None:
    player.play(5 * S + 10 * S)
    player.press("restart")
    player.play(30 * S)

    assert player.steps()[1] == (1, "Cat cow", 30_000, 40_000, False)


def test_time_added_is_done_but_the_plan_stays_as_it_was(player: Player) -> None:
    player.play(5 * S + 5 * S)
    player.press("more_time")
    player.play(35 * S)

    assert player.steps()[1] == (1, "Cat cow", 30_000, 40_000, False)


def test_going_back_records_where_play_went(player: Player) -> None:
    player.play(5 * S + 30 * S + 1 * S)  # a second into Pelvic tilt
    player.press("previous")

    assert player.steps()[2] == (2, "Pelvic tilt", 20_000, 1000, True)
    assert player.record().at_step == 1


def test_stopping_keeps_the_part_of_the_step_done(player: Player) -> None:
    player.play(5 * S + 30 * S + 8 * S)
    player.recorder.stop()

    record = player.record()
    assert player.steps()[-1] == (2, "Pelvic tilt", 20_000, 8000, False)
    assert record.outcome == "stopped"
    assert record.ended == BEGAN + timedelta(seconds=43)
    assert record.at_step == 2
    found = player.history.resumable("back-care", date(2025, 3, 10))
    assert found is not None and found.at_step == 2


def test_stopping_while_waiting_for_done_counts_the_wait(player: Player) -> None:
    player.play(5 * S + 30 * S + 20 * S + 7 * S)
    player.recorder.stop(now=player.clock.now())

    assert player.steps()[-1] == (3, "Stretch", 0, 7000, False)
    assert player.record().at_step == 3


def test_stop_after_a_finish_or_twice_changes_nothing(player: Player) -> None:
    player.play(5 * S + 30 * S + 20 * S)
    player.press("done")
    player.play(40 * S)
    assert player.record().outcome == "finished"

    player.recorder.stop()
    player.recorder.stop()

    assert player.record().outcome == "finished"
    assert len(player.steps()) == 6


def test_next_on_the_last_step_finishes_the_session(player: Player) -> None:
    player.play(5 * S + 30 * S + 20 * S)
    player.press("done")
    player.play(10 * S + 5 * S)
    player.press("next")

    record = player.record()
    assert record.outcome == "finished"
    assert player.steps()[-1] == (5, "Side lying", 25_000, 5000, True)


def test_a_session_carried_on_records_only_the_steps_it_played(
    start: Callable[..., Player],
) -> None:
    player = start(from_step=2)
    player.play(5 * S + 20 * S)  # the get-ready, then Pelvic tilt

    assert player.steps() == [(2, "Pelvic tilt", 20_000, 20_000, False)]
    assert player.record().at_step == 3


def test_a_step_skipped_in_the_get_ready_of_a_carried_on_session_counts_nothing(
    start: Callable[..., Player],
) -> None:
    player = start(from_step=2)
    player.play(2 * S)
    player.press("next")

    assert player.steps() == [(2, "Pelvic tilt", 20_000, 0, True)]
    assert player.record().at_step == 3


def test_at_ten_times_the_speed_steps_are_done_in_routine_time_and_the_speed_is_kept(
    start: Callable[..., Player],
) -> None:
    player = start(speed=10)
    player.play(6 * S)  # 55 s of routine: the get-ready, Cat cow, Pelvic tilt; then Stretch
    assert player.session.engine.state == "waiting"
    player.play(2 * S)
    player.press("done")
    player.play(4 * S)

    record = player.record()
    assert player.steps() == [
        (0, "Get ready", 5000, 5000, False),
        (1, "Cat cow", 30_000, 30_000, False),
        (2, "Pelvic tilt", 20_000, 20_000, False),
        (3, "Stretch", 0, 2000, False),  # waits are clock time: the person's own pace
        (4, "Rest", 10_000, 10_000, False),
        (5, "Side lying", 25_000, 25_000, False),
    ]
    assert record.outcome == "finished" and record.speed == 10
    assert is_preview(record) and not sitting([record]).counts


def test_the_session_kept_in_memory_is_the_one_written(player: Player) -> None:
    player.play(5 * S + 12 * S)
    player.press("next")
    player.play(25 * S)
    assert player.recorder.record == player.record()

    player.recorder.stop()
    assert player.recorder.record == player.record()
    assert player.recorder.record.outcome == "stopped"


def test_with_a_history_that_records_nothing_the_session_is_still_known(
    routine: RoutineFile,
) -> None:
    clock = FakeClock(T0)
    engine = Engine(routine.routine)
    recorder = begin_recording(
        NullHistory(),
        engine,
        lambda: BEGAN + timedelta(milliseconds=clock.now() - T0),
        routine=routine.name,
        digest=routine.digest,
        path=str(routine.path),
        reps=None,
    )
    session = Session(engine, RecordingSpeaker(), listeners=[recorder])
    session.start(clock.now())
    for _ in range(40):
        clock.advance(S)
        session.tick(clock.now())

    record = recorder.record
    assert record.id == 0 and record.started == BEGAN and record.speed == 1
    assert [(s.name, s.done_ms) for s in record.steps] == [("Get ready", 5000), ("Cat cow", 30_000)]


def test_every_step_skipped_to_the_end_is_finished_but_not_counted(player: Player) -> None:
    steps = len(player.session.engine.timeline.steps)
    for _ in range(steps):
        player.play(S)
        player.press("next")

    record = player.record()
    assert record.outcome == "finished"
    assert all(step.skipped for step in record.steps)
    assert [step.done_ms for step in record.steps] == [1000, 1000, 1000, 1000, 1000, 1000]
    counted = sitting([record])
    assert counted.played_ms == 5000 and not counted.counts  # the wait's second: no plan
