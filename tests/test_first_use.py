"""The first-use check: before the first exercise routine is ever played, whether a doctor
or midwife advised against exercise, or a condition that rules it out applies. What is
asked and in which order, what an answer does, what is remembered in the settings, what
is refused, and what is never asked (plan, export, routines that are no exercise); in the
pure core and through ``run.py play`` in the terminal's plain lines."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from player import cli
from player.care import first_use, safety
from player.care.preflight import NOT_ANSWERED, FirstUse, Preflight, before_session
from player.care.questions import Question
from player.commands import play
from player.commands.base import Context
from player.home.settings import SettingsError, load_settings
from player.home.user_dirs import UserDirs
from player.playback.clock import FakeClock
from player.routine.loader import RoutineError, load_routine
from player.routine.model import Routine
from tests.conftest import ROUTINES, WriteFile, recorded_sessions

NOTHING_TO_ASK = safety.WeekCheck(None, None, ())
FIRST_USE_TITLE = "Were you advised not to exercise?"
DAILY_TITLE = "Does any of these apply to you today?"
STILL = ("Back massage by a partner (partner-back-massage)",)

TINY = """
title: Tiny
lead_in: 1s
prepare: 0
steps:
  - exercise: Reach
    time: 2s
"""


class Script:
    """Answers questions from a list, and remembers what was asked."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[Question] = []

    def __call__(self, question: Question) -> str:
        self.asked.append(question)
        return self.answers.pop(0)

    @property
    def titles(self) -> list[str]:
        return [question.title for question in self.asked]


class Suitable:
    """The routines still suitable, counting how often they were asked for."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> tuple[str, ...]:
        self.calls += 1
        return STILL


def preflight(
    ask: Script, answer: bool | None, *, exercise: bool = True, checked_today: bool = False
) -> tuple[Preflight, Suitable]:
    suitable = Suitable()
    check = FirstUse(answer, exercise, suitable, "rp settings", "rp settings set x no")
    result = before_session(
        ask,
        first_use_check=check,
        checked_today=checked_today,
        title="Posture drills",
        week_check=NOTHING_TO_ASK,
    )
    return result, suitable


# -- the question and the conditions ------------------------------------------------------


def test_the_question_lists_every_condition_with_acogs_twenty_six_weeks() -> None:
    question = first_use.question("rp settings")
    assert question.title == FIRST_USE_TITLE
    assert question.lines[1:-1] == first_use.conditions()
    assert len(first_use.CONDITIONS) == 11
    placenta = next(line for line in question.lines if "Placenta praevia" in line)
    assert placenta.endswith("after 26 weeks")
    words = " ".join(question.lines)
    for condition in (
        "waters have broken",
        "Premature labour",
        "Bleeding from the vagina",
        "Pre-eclampsia",
        "cervix",
        "growth restriction",
        "Triplets or more",
        "not under control",
        "heart or lung disease",
        "Severe anaemia",
    ):
        assert condition in words
    assert "advised you not to exercise" in question.lines[0]
    assert "'rp settings' changes your answer" in question.lines[-1]


def test_the_answers_are_yes_no_and_later_and_nothing_answers_it_by_going_on() -> None:
    question = first_use.question()
    assert [(c.key, c.value) for c in question.choices] == [
        ("y", first_use.ADVISED),
        ("n", first_use.NOT_ADVISED),
        ("l", first_use.NOT_NOW),
    ]
    assert question.cancel == first_use.NOT_NOW
    assert question.on_go is None  # a clicker's next must not answer a medical question
    assert question.esc_cancels
    assert [first_use.answer_of(c.value) for c in question.choices] == [True, False, None]


def test_only_the_massage_and_the_warm_compress_are_no_exercise() -> None:
    no_exercise = sorted(
        path.stem
        for path in ROUTINES.glob("*.yaml")
        if not first_use.is_exercise(load_routine(path).routine)
    )
    assert no_exercise == ["partner-back-massage", "warm-compress"]
    for name in no_exercise:
        suits = load_routine(ROUTINES / f"{name}.yaml").routine.suits
        assert suits is not None and suits.note and "ask your midwife" in suits.note


def test_a_routine_is_exercise_unless_it_says_otherwise() -> None:
    def routine(suits: dict[str, object] | None) -> Routine:
        data: dict[str, object] = {"title": "R", "steps": [{"rest": 1}]}
        if suits is not None:
            data["suits"] = suits
        return Routine.model_validate(data)

    assert first_use.is_exercise(routine(None))
    assert first_use.is_exercise(routine({"trimesters": "1-3"}))
    assert first_use.is_exercise(routine({"advised_against_exercise": False}))
    assert not first_use.is_exercise(routine({"advised_against_exercise": True}))


def test_a_step_cannot_say_it_suits_those_advised_against_exercise(write: WriteFile) -> None:
    path = write(
        "step.yaml",
        """
        title: R
        steps:
          - exercise: Reach
            time: 5s
            suits: {advised_against_exercise: true}
        """,
    )
    with pytest.raises(RoutineError) as raised:
        load_routine(path)
    assert "step.yaml:5" in str(raised.value)
    assert "advised_against_exercise" in str(raised.value)


# -- deciding -----------------------------------------------------------------------------


def test_never_answered_it_is_asked_before_the_daily_check_and_no_is_remembered() -> None:
    ask = Script(first_use.NOT_ADVISED, safety.NONE_APPLIES)
    result, suitable = preflight(ask, None)
    assert ask.titles == [FIRST_USE_TITLE, DAILY_TITLE]
    assert (result.outcome, result.advised_now, result.confirmed_now) == ("start", False, True)
    assert result.note is None
    assert suitable.calls == 0


def test_yes_refuses_an_exercise_routine_kindly_and_names_what_still_suits() -> None:
    ask = Script(first_use.ADVISED)
    result, suitable = preflight(ask, None)
    assert ask.titles == [FIRST_USE_TITLE]  # no daily check: nothing is played
    assert (result.outcome, result.advised_now) == ("refused", True)
    assert result.message is not None
    message = result.message
    assert "so Posture drills will not start" in message
    assert "Please talk to your midwife or doctor before using the exercise routines." in message
    assert "Still suitable" in message and STILL[0] in message
    assert message.endswith("If that has changed: 'rp settings set x no'.")
    assert suitable.calls == 1


@pytest.mark.parametrize("answer", [first_use.NOT_NOW, "anything else"])
def test_not_answering_means_not_started_and_nothing_remembered(answer: str) -> None:
    ask = Script(answer)
    result, _suitable = preflight(ask, None, checked_today=True)
    assert (result.outcome, result.advised_now) == ("cancelled", None)
    assert result.message == NOT_ANSWERED.format(settings="rp settings")
    assert ask.titles == [FIRST_USE_TITLE]


def test_a_remembered_yes_refuses_without_asking_anything() -> None:
    ask = Script()
    result, suitable = preflight(ask, True)
    assert (result.outcome, result.advised_now, ask.asked) == ("refused", None, [])
    assert suitable.calls == 1


def test_a_remembered_no_is_not_asked_again() -> None:
    ask = Script()
    result, _suitable = preflight(ask, False, checked_today=True)
    assert (result.outcome, ask.asked, result.note) == ("start", [], None)


def test_a_routine_that_is_no_exercise_is_never_asked_about_and_plays_after_a_yes() -> None:
    ask = Script(safety.NONE_APPLIES)
    never, _suitable = preflight(ask, None, exercise=False)
    assert ask.titles == [DAILY_TITLE]
    assert (never.outcome, never.advised_now, never.note) == ("start", None, None)
    ask = Script(safety.NONE_APPLIES)
    advised, _suitable = preflight(ask, True, exercise=False)
    assert ask.titles == [DAILY_TITLE]  # the warning signs still apply to her
    assert advised.outcome == "start"
    assert advised.note == first_use.played_anyway_note()
    assert "ask your midwife" in advised.note.lower()


def test_the_answer_is_kept_even_when_the_daily_check_stops_the_session() -> None:
    result, _suitable = preflight(Script(first_use.NOT_ADVISED, safety.ONE_APPLIES), None)
    assert (result.outcome, result.advised_now) == ("refused", False)
    result, _suitable = preflight(Script(first_use.NOT_ADVISED, safety.DO_NOT_PLAY), None)
    assert (result.outcome, result.advised_now) == ("cancelled", False)


# -- through run.py play, in the terminal --------------------------------------------------


def play_with(stdin: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """``run.py play ... --ui text``: with no terminal under the tests, plain lines, the
    answers read from standard input; a clock that moves only when the player sleeps."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(play, "MonotonicClock", FakeClock)
    out = io.StringIO()
    code = cli.main(["play", *args, "--ui", "text"], out=out)
    return code, out.getvalue()


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(args), out=out), out.getvalue()


def run_with_errors(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, err_stream=lambda: err)
    return cli.main(list(args), context=context), out.getvalue(), err.getvalue()


def remembered(home: Path) -> bool | None:
    return load_settings(UserDirs.under(home).settings_file).advised_against_exercise


def test_no_in_the_terminal_is_remembered_and_not_asked_again(
    write: WriteFile, unanswered_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(write("tiny.yaml", TINY))
    code, out = play_with("n\n", path, monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert FIRST_USE_TITLE in out and "Placenta praevia" in " ".join(out.split())
    assert "L  Ask me later" in out
    assert out.splitlines()[-1].endswith("Finished. Well done.")
    assert remembered(unanswered_home) is False
    code, out = play_with("", path, monkeypatch=monkeypatch)
    assert (code, FIRST_USE_TITLE in out) == (cli.EXIT_OK, False)


def test_yes_in_the_terminal_refuses_then_the_massage_still_plays_and_settings_change_it(
    write: WriteFile,
    unanswered_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    path = str(write("tiny.yaml", TINY))
    code, out = play_with("y\n", path, monkeypatch=monkeypatch)
    assert code == cli.EXIT_FAILED
    err = " ".join(capsys.readouterr().err.split())
    assert "so Tiny will not start" in err
    assert "Back massage by a partner (partner-back-massage)" in err
    assert "Warm compress and warm-shower relief (warm-compress)" in err
    assert "settings set advised-against-exercise no" in err
    assert DAILY_TITLE not in out and "Tiny: 0:03" not in out
    assert remembered(unanswered_home) is True
    assert recorded_sessions(unanswered_home) == []

    code, out = play_with("", path, monkeypatch=monkeypatch)  # remembered: not asked again
    assert (code, FIRST_USE_TITLE in out) == (cli.EXIT_FAILED, False)
    assert "so Tiny will not start" in capsys.readouterr().err

    log = tmp_path / "massage.jsonl"
    code, out = play_with(
        "", "partner-back-massage", "--speed", "50", "--events", str(log), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_OK
    assert FIRST_USE_TITLE not in out
    assert "! You said you were advised not to exercise" in out
    assert '"event": "finished"' in log.read_text(encoding="utf-8")

    assert run("settings", "set", "advised-against-exercise", "no")[0] == cli.EXIT_OK
    code, out = play_with("", path, monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert remembered(unanswered_home) is False


@pytest.mark.parametrize("stdin", ["l\n", "", "maybe\nperhaps\nwho knows\n"])
def test_no_answer_in_the_terminal_does_not_start_and_remembers_nothing(
    write: WriteFile,
    unanswered_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: str,
) -> None:
    code, _out = play_with(stdin, str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch)
    assert code == cli.EXIT_FAILED
    assert "was not answered" in capsys.readouterr().err
    assert not UserDirs.under(unanswered_home).settings_file.exists()
    assert recorded_sessions(unanswered_home) == []


def test_no_warning_signs_does_not_skip_the_first_use_check(
    write: WriteFile,
    unanswered_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(write("tiny.yaml", TINY))
    code, out = play_with("", path, "--no-warning-signs", monkeypatch=monkeypatch)
    assert code == cli.EXIT_FAILED and FIRST_USE_TITLE in out
    assert "was not answered" in capsys.readouterr().err
    code, out = play_with("n\n", path, "--no-warning-signs", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert DAILY_TITLE not in out


def test_the_answer_is_kept_beside_the_other_settings(
    write: WriteFile, unanswered_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("settings", "set", "week", "20")[0] == cli.EXIT_OK
    assert run("settings", "set", "keys.next", "page down, b")[0] == cli.EXIT_OK
    code, _out = play_with("n\n", str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    settings = load_settings(UserDirs.under(unanswered_home).settings_file)
    assert settings.advised_against_exercise is False
    assert settings.week == 20 and settings.keys == {"next": ("page down", "b")}


def test_a_damaged_settings_file_is_not_overwritten_by_the_answer(
    write: WriteFile,
    unanswered_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings_file = UserDirs.under(unanswered_home).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("rate: 165\nvolume: loud\n", encoding="utf-8")
    code, out = play_with("n\n", str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK  # the answer holds for this session
    assert FIRST_USE_TITLE in out
    assert "Your answer could not be remembered" in capsys.readouterr().err
    assert settings_file.read_text(encoding="utf-8") == "rate: 165\nvolume: loud\n"


def test_plan_and_export_play_no_session_and_ask_nothing(
    unanswered_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out = run("plan", "posture-drills")
    assert code == cli.EXIT_OK
    assert FIRST_USE_TITLE not in out and "Posture drills" in out
    track = tmp_path / "tiny.wav"
    tiny = tmp_path / "tiny.yaml"
    tiny.write_text(TINY, encoding="utf-8")
    code, out = run("export", str(tiny), "--audio", str(track))
    assert code == cli.EXIT_OK, out
    assert FIRST_USE_TITLE not in out
    assert track.stat().st_size > 0
    assert not UserDirs.under(unanswered_home).settings_file.exists()


# -- settings and safety ------------------------------------------------------------------


def test_settings_show_set_and_refuse_the_answer(unanswered_home: Path) -> None:
    settings_file = UserDirs.under(unanswered_home).settings_file
    code, out = run("settings")
    assert code == cli.EXIT_OK
    row = next(line for line in out.splitlines() if line.startswith("advised-against-exercise"))
    assert "not answered yet (asked before the first exercise routine)" in row
    assert row.split()[-1] == "default"
    code, out = run("settings", "set", "advised-against-exercise", "yes")
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "advised-against-exercise: yes"
    assert "massage and warmth routines still are" in out
    assert "advised-against-exercise: true" in settings_file.read_text(encoding="utf-8")
    before = settings_file.read_bytes()
    for bad in ("maybe", "on", "1"):
        code, out, err = run_with_errors("settings", "set", "advised-against-exercise", bad)
        assert (code, out) == (cli.EXIT_INVALID, "")
        assert err == f"advised-against-exercise: expected yes or no, found '{bad}'\n"
        assert settings_file.read_bytes() == before
    code, out = run("settings", "set", "advised-against-exercise", "No")
    assert (code, remembered(unanswered_home)) == (cli.EXIT_OK, False)
    code, out = run("settings", "unset", "advised-against-exercise")
    assert code == cli.EXIT_OK
    assert "Asked again before the next exercise routine." in out
    assert remembered(unanswered_home) is None


def test_a_bad_answer_written_in_the_file_is_told_at_its_line(unanswered_home: Path) -> None:
    settings_file = UserDirs.under(unanswered_home).settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("rate: 165\nadvised-against-exercise: perhaps\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(settings_file)
    assert str(raised.value).endswith(
        ":2:27: advised-against-exercise: expected yes or no, found 'perhaps'"
    )


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (None, "Your answer: not given yet."),
        ("yes", "Your answer: yes, the exercise routines are not played."),
        ("no", "Your answer: no."),
    ],
)
def test_safety_shows_the_conditions_the_rule_the_threshold_and_the_answer(
    unanswered_home: Path, answer: str | None, said: str
) -> None:
    if answer is not None:
        assert run("settings", "set", "advised-against-exercise", answer)[0] == cli.EXIT_OK
    code, out = run("safety")
    assert code == cli.EXIT_OK
    text = " ".join(out.split())
    assert "REASONS NOT TO EXERCISE" in out
    for condition in first_use.conditions():
        assert f"- {condition}" in text
    assert "talk to your midwife or doctor before using them" in text
    assert "massage or warmth, which are not exercise, are still played" in text
    assert (
        "the more cautious: placenta praevia after 26 weeks, as ACOG says (the Canadian "
        "guideline says after 28)"
    ) in text
    assert said in text
    assert "settings set advised-against-exercise yes" in text
    assert "settings set advised-against-exercise no" in text
    section = out[out.index("REASONS NOT TO EXERCISE") : out.index("YOUR WEEK")]
    for line in section.splitlines():  # wrapped to 80 columns, as every line of it
        assert len(line) <= 78, line
