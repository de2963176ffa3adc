"""A whole sitting through ``run.py play``: the daily check, the week question, the
session recorded in the history, resuming, and the pain scores."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest

from player import cli
from player.care import safety, something_wrong
from player.care.questions import Question
from player.commands import play
from player.commands.base import Context
from player.history.opening import open_history
from player.home.user_dirs import UserDirs
from player.playback.clock import FakeClock
from player.playback.session import Session
from player.routine.loader import load_routine
from player.shells import LinesShell
from player.terminal.questions import ask_in_terminal
from tests.conftest import WriteFile, recorded_sessions
from tests.read_only import read_only

TINY = """
title: Tiny
lead_in: 1s
prepare: 0
steps:
  - exercise: Reach
    time: 2s
  - rest: 1s
  - exercise: Stretch
    time: 2s
"""

EARLY_ONLY = """
title: Early
lead_in: 0
prepare: 0
suits: {trimesters: 1}
steps:
  - exercise: Back tilt
    time: 2s
    position: lying-on-back
    alternative:
      exercise: Side tilt
      time: 2s
      position: side-lying
"""


def play_with(stdin: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Play at real speed on a clock that moves only when the player sleeps, so that no
    time passes."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(play, "MonotonicClock", FakeClock)
    out = io.StringIO()
    # With no terminal under the tests, --ui text plays in plain lines: questions and
    # "done" are read from standard input, as from a person typing answers.
    code = cli.main(["play", *args, "--ui", "text"], out=out)
    return code, out.getvalue()


def events(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def started(path: Path) -> list[object]:
    return [e["name"] for e in events(path) if e["event"] == "step_started"]


# -- the daily check ----------------------------------------------------------------------


def test_the_first_session_of_the_day_asks_and_a_sign_that_applies_stops_it(
    write: WriteFile,
    unchecked_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    code, out = play_with("y\n", str(path), monkeypatch=monkeypatch)  # yes, one applies
    assert code == cli.EXIT_FAILED
    assert "Does any of these apply to you today?" in out
    words = " ".join(out.split())  # long lines are wrapped
    for sign in safety.WARNING_SIGNS:
        assert sign in words
    assert safety.REFUSAL in capsys.readouterr().err
    assert "Tiny: 0:06" not in out  # not introduced, not played
    assert recorded_sessions(unchecked_home) == []
    assert not UserDirs.under(unchecked_home).safety_file.exists()


def test_no_answer_to_the_daily_check_does_not_start(
    write: WriteFile,
    unchecked_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _ = play_with("", str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch)
    assert code == cli.EXIT_FAILED
    assert "the warning signs were not checked" in capsys.readouterr().err


def test_once_confirmed_the_day_is_not_asked_again(
    write: WriteFile, unchecked_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write("tiny.yaml", TINY)
    log = tmp_path / "events.jsonl"
    code, out = play_with("n\n", str(path), "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert started(log) == ["Get ready", "Reach", "Rest", "Stretch"]
    assert out.index("Does any of these apply to you today?") < out.index("Tiny: 0:06")
    assert UserDirs.under(unchecked_home).safety_file.read_text().strip() == (
        date.today().isoformat()
    )
    code, out = play_with("", str(path), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "Does any of these apply to you today?" not in out


def test_the_check_can_be_confirmed_on_the_command_line(
    write: WriteFile, unchecked_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("tiny.yaml", TINY)
    code, out = play_with("", str(path), "--no-warning-signs", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "Does any of these apply to you today?" not in out
    assert out.splitlines()[-1].endswith("Finished. Well done.")


# -- the pregnancy week -------------------------------------------------------------------


def test_a_routine_outside_the_week_is_played_only_when_the_person_says_so(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write("early.yaml", EARLY_ONLY)
    assert cli.main(["settings", "set", "week", "20"], out=io.StringIO()) == 0
    code, out = play_with("n\n", str(path), monkeypatch=monkeypatch)
    assert code == cli.EXIT_FAILED
    assert "Early: play it anyway?" in out
    assert "This routine suits trimester 1; you are in week 20." in out

    log = tmp_path / "events.jsonl"
    code, out = play_with("y\n", str(path), "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert started(log) == ["Side tilt"]


def test_early_in_pregnancy_the_step_on_the_back_is_played(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write("early.yaml", EARLY_ONLY)
    assert cli.main(["settings", "set", "week", "9"], out=io.StringIO()) == 0
    log = tmp_path / "events.jsonl"
    code, out = play_with("", str(path), "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "play it anyway" not in out
    assert started(log) == ["Back tilt"]


# -- history and resume -------------------------------------------------------------------


def test_a_played_session_is_recorded_step_by_step(
    write: WriteFile, own_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("tiny.yaml", TINY)
    assert play_with("", str(path), monkeypatch=monkeypatch)[0] == cli.EXIT_OK
    [record] = recorded_sessions(own_home)
    assert (record.routine, record.outcome, record.digest) == (
        "tiny",
        "finished",
        load_routine(path).digest,
    )
    assert [(s.name, s.planned_ms) for s in record.steps] == [
        ("Get ready", 1_000),
        ("Reach", 2_000),
        ("Rest", 1_000),
        ("Stretch", 2_000),
    ]
    assert all(s.done_ms == s.planned_ms for s in record.steps)


StepPlayed = tuple[str, int, int, int]
"""A step as the recorder leaves it: name, planned ms, done ms, the step play went to."""


def record_session(
    home: Path, path: Path, steps: Sequence[StepPlayed], *, closed: bool = True
) -> None:
    """A session of the routine at ``path`` as the player would have recorded it, stopped
    (as if the window had been closed) or, with ``closed=False``, killed before its end."""
    loaded = load_routine(path)
    history = open_history(UserDirs.under(home).history_file, print, datetime.now().astimezone())
    now = datetime.now().astimezone()
    session = history.begin_session(
        routine=loaded.name,
        digest=loaded.digest,
        path=str(path),
        reps=None,
        planned_ms=sum(planned for _, planned, _, _ in steps),
        started=now,
    )
    for index, (name, planned, done, went_to) in enumerate(steps):
        history.record_step(
            session,
            index,
            name,
            planned_ms=planned,
            done_ms=done,
            skipped=False,
            ended=now,
            went_to=went_to,
        )
    if closed:
        history.end_session(session, "stopped", now)
    history.close()


def stop_after_reach(home: Path, path: Path) -> None:
    """A session of tiny.yaml stopped in its rest, as if the window had been closed."""
    record_session(home, path, [("Get ready", 1_000, 1_000, 1), ("Reach", 2_000, 2_000, 2)])


def test_resume_carries_on_from_the_step_it_stopped_in(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    stop_after_reach(own_home, path)
    log = tmp_path / "events.jsonl"
    code, _ = play_with("", str(path), "--resume", "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "Carrying on from where you stopped at" in capsys.readouterr().err
    assert started(log) == ["Rest", "Stretch"]
    resumed = recorded_sessions(own_home)[-1]
    assert resumed.resumed_from == recorded_sessions(own_home)[0].id
    assert resumed.outcome == "finished"


def test_a_session_killed_after_its_last_step_is_not_resumed_past_its_end(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    steps = [
        ("Get ready", 1_000, 1_000, 1),
        ("Reach", 2_000, 2_000, 2),
        ("Rest", 1_000, 1_000, 3),
        ("Stretch", 2_000, 2_000, 4),
    ]
    record_session(own_home, path, steps, closed=False)  # killed before it was closed
    log = tmp_path / "events.jsonl"
    code, _ = play_with("", str(path), "--resume", "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert started(log) == ["Get ready", "Reach", "Rest", "Stretch"]
    assert "starts from the beginning" in capsys.readouterr().err


def test_resume_starts_again_when_the_routine_file_changed(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    stop_after_reach(own_home, path)
    path.write_text(TINY.replace("time: 2s", "time: 3s"), encoding="utf-8")
    log = tmp_path / "events.jsonl"
    code, _ = play_with("", str(path), "--resume", "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "The routine file changed since you stopped" in capsys.readouterr().err
    assert started(log) == ["Get ready", "Reach", "Rest", "Stretch"]


# -- with someone there to answer ---------------------------------------------------------


class Person(LinesShell):
    """Plain lines, with a person answering the questions from a script."""

    def __init__(self, answers: list[str], out: io.StringIO) -> None:
        super().__init__(FakeClock(), io.StringIO(""), out, io.StringIO(), show=True)
        self.interactive = True
        self.answers = answers
        self.asked: list[Question] = []

    def ask(self, question: Question) -> str:
        self.asked.append(question)
        return self.answers.pop(0)


def test_pain_before_and_after_are_asked_and_recorded_and_resume_is_offered(
    write: WriteFile, own_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("tiny.yaml", TINY)
    stop_after_reach(own_home, path)
    out = io.StringIO()
    person = Person([play.RESUME, "6", "3"], out)
    monkeypatch.setattr(play, "_open_shell", lambda *args: person)
    code = cli.main(["play", str(path)], context=Context(out=out))
    assert code == cli.EXIT_OK
    assert [q.title for q in person.asked] == [
        "Carry on where you stopped?",
        "How does your back feel right now?",
        "And how does your back feel now?",
    ]
    resumed = recorded_sessions(own_home)[-1]
    assert (resumed.pain_before, resumed.pain_after) == (6, 3)
    assert [s.name for s in resumed.steps if s.done_ms] == ["Rest", "Stretch"]


def test_a_preview_carries_nothing_on_and_the_stopped_session_waits_for_real_play(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    stop_after_reach(own_home, path)
    log = tmp_path / "events.jsonl"

    code, _ = play_with(
        "", str(path), "--resume", "--speed", "10", "--events", str(log), monkeypatch=monkeypatch
    )

    assert code == cli.EXIT_OK
    assert "A preview (--speed 10) starts from the beginning and carries nothing on" in (
        capsys.readouterr().err
    )
    assert started(log) == ["Get ready", "Reach", "Rest", "Stretch"]
    stopped, preview = recorded_sessions(own_home)
    assert (preview.speed, preview.resumed_from) == (10, None)
    out = io.StringIO()
    person = Person([play.RESUME, "S", "S"], out)
    monkeypatch.setattr(play, "_open_shell", lambda *args: person)
    assert cli.main(["play", str(path)], context=Context(out=out)) == cli.EXIT_OK
    assert person.asked[0].title == "Carry on where you stopped?"
    assert recorded_sessions(own_home)[-1].resumed_from == stopped.id


def test_a_preview_is_not_offered_to_carry_on(
    write: WriteFile, own_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("tiny.yaml", TINY)
    stop_after_reach(own_home, path)
    out = io.StringIO()
    person = Person(["S", "S"], out)
    monkeypatch.setattr(play, "_open_shell", lambda *args: person)

    assert cli.main(["play", str(path), "--speed", "10"], context=Context(out=out)) == 0

    assert [q.title for q in person.asked] == [
        "How does your back feel right now?",
        "And how does your back feel now?",
    ]
    assert recorded_sessions(own_home)[-1].resumed_from is None


def test_resume_starts_again_when_the_week_changed_the_steps(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("early.yaml", EARLY_ONLY.replace("lead_in: 0", "lead_in: 1s"))
    stopped_in_the_tilt = [("Get ready", 1_000, 1_000, 1), ("Back tilt", 2_000, 500, 1)]
    record_session(own_home, path, stopped_in_the_tilt)
    assert cli.main(["settings", "set", "week", "10"], out=io.StringIO()) == 0
    log = tmp_path / "events.jsonl"
    code, _ = play_with("", str(path), "--resume", "--events", str(log), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert started(log) == ["Back tilt"]  # week 10: carried on, on the back

    record_session(own_home, path, stopped_in_the_tilt)
    assert cli.main(["settings", "set", "week", "20"], out=io.StringIO()) == 0
    capsys.readouterr()
    code, _ = play_with("y\n", str(path), "--resume", "--events", str(log), monkeypatch=monkeypatch)
    assert "The steps have changed since you stopped" in capsys.readouterr().err
    assert started(log) == ["Get ready", "Side tilt"]


class Typist(LinesShell):
    """A person typing each answer at a terminal of 80 columns and 24 rows (the size the
    questions take when what they are printed to is not a terminal)."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__(FakeClock(), io.StringIO(""), io.StringIO(), io.StringIO(), show=False)
        self.interactive = True
        self.answers = answers
        self.screens: list[tuple[str, list[str]]] = []
        """Each question's title, and the rows on the terminal as the answer is typed."""

    def ask(self, question: Question) -> str:
        screen = io.StringIO()
        typed = io.StringIO(self.answers.pop(0) + "\n")
        answer = ask_in_terminal(question, typed, screen)
        self.screens.append((question.title, screen.getvalue().split("\n")))
        return answer


def test_every_question_of_a_sitting_fits_eighty_by_twenty_four_whole(
    write: WriteFile, unchecked_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("early.yaml", EARLY_ONLY.replace("lead_in: 0", "lead_in: 1s"))
    record_session(unchecked_home, path, [("Get ready", 1_000, 1_000, 1)])
    assert cli.main(["settings", "set", "week", "30"], out=io.StringIO()) == 0
    person = Typist(["n", "y", "y", "6", "3"])
    monkeypatch.setattr(play, "_open_shell", lambda *args: person)
    code = cli.main(["play", str(path)], context=Context(out=io.StringIO()))
    assert code == cli.EXIT_OK
    assert [title for title, _rows in person.screens] == [
        "Does any of these apply to you today?",
        "Early: play it anyway?",
        "Carry on where you stopped?",
        "How does your back feel right now?",
        "And how does your back feel now?",
    ]
    for title, rows in person.screens:
        assert len(rows) <= 24, title
        assert all(len(row) <= 80 for row in rows), title
        assert next(row for row in rows if row) == title
        assert rows[-1].startswith(("Your answer (", "Type a number"))
    last = recorded_sessions(unchecked_home)[-1]
    assert (last.pain_before, last.pain_after, last.resumed_from) == (6, 3, 1)


def test_a_history_that_may_not_be_written_is_read_and_play_goes_on_after_one_warning(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    stop_after_reach(own_home, path)
    data = UserDirs.under(own_home).data
    log = tmp_path / "events.jsonl"
    capsys.readouterr()

    with read_only(data):
        code, _ = play_with(
            "", str(path), "--resume", "--events", str(log), monkeypatch=monkeypatch
        )

    assert code == cli.EXIT_OK
    assert started(log) == ["Rest", "Stretch"]  # carried on: the stopped session was read
    assert events(log)[-1]["event"] == "finished"
    about_history = [line for line in capsys.readouterr().err.splitlines() if "history" in line]
    assert about_history == [
        f"Your session history could not be written (the folder {data} may not be written): "
        "this session will not be recorded."
    ]
    assert [s.outcome for s in recorded_sessions(own_home)] == ["stopped"]


def test_a_data_folder_that_may_not_be_written_is_told_in_plain_words(
    write: WriteFile, unchecked_home: Path
) -> None:
    path = write("tiny.yaml", TINY)
    first = ["play", str(path), "--ui", "none", "--no-warning-signs", "--speed", "100"]
    assert cli.main(first) == cli.EXIT_OK
    data = UserDirs.under(unchecked_home).data
    (data / "safety-checked.txt").unlink()  # so that today's check is to be remembered again
    out, err = io.StringIO(), io.StringIO()

    with read_only(data):
        code = cli.main(
            ["play", str(path), "--ui", "none", "--no-warning-signs", "--speed", "100"],
            context=Context(out=out, err_stream=lambda: err),
        )

    assert code == cli.EXIT_OK
    assert err.getvalue().splitlines() == [
        f"Could not remember today's check of the warning signs: the folder {data} may not be "
        "written.",
        f"Your session history could not be written (the folder {data} may not be written): "
        "this session will not be recorded.",
    ]
    assert [s.outcome for s in recorded_sessions(unchecked_home)] == ["finished"]
    assert sorted(p.name for p in data.iterdir()) == ["history.sqlite3"]


class SomethingWrong(Person):
    """A person who, three seconds into the session, says something is wrong."""

    def play(self, session: Session) -> str:
        clock = FakeClock(T_PLAY)
        session.start(clock.now())
        clock.advance(3_000)
        session.tick(clock.now())
        session.stop(something_wrong.REASON, clock.now())
        return "something wrong"


T_PLAY = 5_000_000


def test_something_wrong_ends_the_sitting_and_the_warning_signs_are_asked_again(
    write: WriteFile, own_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write("tiny.yaml", TINY)
    log = tmp_path / "events.jsonl"
    person = SomethingWrong(["5"], io.StringIO())
    monkeypatch.setattr(play, "_open_shell", lambda *args: person)
    code = cli.main(["play", str(path), "--events", str(log)], context=Context(out=io.StringIO()))
    assert code == cli.EXIT_FAILED  # as when a warning sign applies: a script does not go on
    # the pain score before only: nothing is asked after
    assert [q.title for q in person.asked] == ["How does your back feel right now?"]
    assert events(log)[-1] == {
        "event": "stopped",
        "actual_ms": 3_000,
        "reason": "something is wrong",
        "clock_ms": T_PLAY + 3_000,
    }
    [record] = recorded_sessions(own_home)
    assert (record.outcome, record.stop_reason, record.pain_after) == (
        "stopped",
        "something is wrong",
        None,
    )
    assert not UserDirs.under(own_home).safety_file.exists()  # asked again next time
    again = Person([safety.NONE_APPLIES, "4", "3"], io.StringIO())  # pain before and after
    monkeypatch.setattr(play, "_open_shell", lambda *args: again)
    assert cli.main(["play", str(path)], context=Context(out=io.StringIO())) == cli.EXIT_OK
    assert [q.title for q in again.asked] == [
        "Does any of these apply to you today?",
        "How does your back feel right now?",  # not offered to carry on where it stopped
        "And how does your back feel now?",
    ]


def test_resume_after_something_wrong_says_it_is_not_carried_on(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write("tiny.yaml", TINY)
    person = SomethingWrong(["5"], io.StringIO())
    open_shell = play._open_shell
    monkeypatch.setattr(play, "_open_shell", lambda *args: person)
    assert cli.main(["play", str(path)], context=Context(out=io.StringIO())) == cli.EXIT_FAILED
    monkeypatch.setattr(play, "_open_shell", open_shell)
    capsys.readouterr()
    log = tmp_path / "events.jsonl"
    argv = (str(path), "--resume", "--no-warning-signs", "--events", str(log))
    code, _ = play_with("", *argv, monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    said = capsys.readouterr().err
    assert (
        "The session stopped today because something was wrong is not carried on: "
        "it starts from the beginning." in said
    )
    assert "Nothing to resume" not in said
    assert started(log) == ["Get ready", "Reach", "Rest", "Stretch"]


@pytest.mark.parametrize(
    ("steps", "closed", "says"),
    [
        (  # Ctrl-C in the get-ready: stopped, but in its first step
            [("Get ready", 1_000, 400, 0)],
            "stopped",
            "The session of tiny stopped today was still in its first step, so there is "
            "nothing to carry on: it starts from the beginning.",
        ),
        (
            [("Get ready", 1_000, 1_000, 1), ("Reach", 2_000, 2_000, 2)],
            "finished",
            "The last session of tiny today was played to its end, so there is nothing to "
            "carry on: it starts from the beginning.",
        ),
        ([], None, "Nothing to resume: no session of tiny was stopped today."),
    ],
    ids=["in its first step", "finished", "none"],
)
def test_resume_with_nothing_to_carry_on_says_why(
    write: WriteFile,
    own_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    steps: list[StepPlayed],
    closed: str | None,
    says: str,
) -> None:
    path = write("tiny.yaml", TINY)
    if closed is not None:
        record_session(own_home, path, steps, closed=closed == "stopped")
    if closed == "finished":
        history = open_history(UserDirs.under(own_home).history_file, print, datetime.now())
        [record] = history.sessions()
        history.end_session(record.id, "finished", datetime.now().astimezone())
        history.close()
    code, _ = play_with("", str(path), "--resume", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert says in capsys.readouterr().err
