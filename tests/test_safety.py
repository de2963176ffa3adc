"""The safety layer: warning signs, the daily check, and what the pregnancy week changes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from player.care import daily_check, safety, something_wrong
from player.care.preflight import FirstUse, before_session
from player.care.questions import Question
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.loader import load_routine
from player.routine.model import Routine
from tests.conftest import WriteFile, png_bytes

ON_THE_BACK = """
title: Easing
lead_in: 0
prepare: 0
suits: {trimesters: 1-2}
steps:
  - exercise: Back tilt
    time: 20s
    position: lying-on-back
    alternative:
      exercise: Side tilt
      time: 30s
      position: side-lying
  - exercise: Knee sway
    time: 10s
    position: lying-on-back
  - block: Late stretch
    suits: {weeks: 20-30}
    sets: 2
    steps:
      - exercise: Reach
        time: 5s
"""


def easing(write: WriteFile) -> Routine:
    return load_routine(write("easing.yaml", ON_THE_BACK)).routine


def checked(routine: Routine, week: int | None) -> safety.WeekCheck:
    timeline = compile_timeline(
        routine, Choices(avoid_lying_on_back=safety.avoid_lying_on_back(week))
    )
    return safety.check_week(routine, timeline, week)


def notes(check: safety.WeekCheck) -> list[tuple[str, str, bool]]:
    return [(n.name, n.text, n.attention) for n in check.step_notes]


# -- the warning signs --------------------------------------------------------------------


def test_the_daily_question_lists_every_warning_sign_and_the_disclaimer() -> None:
    question = safety.daily_check_question()
    text = " ".join(question.lines).lower()
    for words in (
        "bleeding",
        "fluid leaking",
        "contractions",
        "dizzy or faint",
        "chest pain",
        "headache",
        "calf",
        "out of breath",
        "baby moving less",
        "fever",
        "passing urine",
        "nausea or vomiting",
    ):
        assert words in text, words
    assert question.lines[-2:] == (
        "If one does, do not exercise: contact your doctor or midwife now. "
        "If it feels like an emergency, call your local emergency number.",
        safety.DISCLAIMER,
    )
    assert "does not diagnose" in safety.DISCLAIMER
    assert question.title == "Does any of these apply to you today?"
    assert question.value_for("Y") == safety.ONE_APPLIES  # yes, one applies: no session
    assert question.value_for("n") == safety.NONE_APPLIES
    assert question.value_for("x") is None


# -- the pregnancy week -------------------------------------------------------------------


def test_lying_on_the_back_gives_way_from_week_14_only() -> None:
    assert [safety.avoid_lying_on_back(w) for w in (None, 1, 13, 14, 40)] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_early_on_the_back_steps_play_and_are_marked(write: WriteFile) -> None:
    check = checked(easing(write), 10)
    assert check.routine_note is None
    assert notes(check) == [
        ("Back tilt", "lying on the back: fine until week 13, then on your side", False),
        ("Knee sway", "lying on the back: fine until week 13, then on your side", False),
        ("Reach", "suits weeks 20-30; you are in week 10", True),
        ("Reach", "suits weeks 20-30; you are in week 10", True),
    ]
    assert check.needs_asking


def test_from_the_second_trimester_the_side_lying_alternative_is_played(
    write: WriteFile,
) -> None:
    routine = easing(write)
    timeline = compile_timeline(routine, Choices(avoid_lying_on_back=True))
    assert [(s.name, s.position, s.replaces) for s in timeline.steps] == [
        ("Side tilt", "side-lying", "Back tilt"),
        ("Knee sway", "lying-on-back", None),
        ("Reach", None, None),
        ("Reach", None, None),
    ]
    assert timeline.steps[0].duration_ms == 30_000
    assert "Side tilt" in timeline.cues[0].text
    check = safety.check_week(routine, timeline, 22)
    assert notes(check) == [
        ("Side tilt", "on your side, in place of 'Back tilt' (lying on the back)", False),
        (
            "Knee sway",
            "lying on the back: not advised from week 14; keep it short or skip it",
            True,
        ),
    ]
    assert check.routine_note is None
    assert check.needs_asking


def test_a_routine_outside_its_weeks_is_noted(write: WriteFile) -> None:
    check = checked(easing(write), 30)
    assert check.routine_note == "suits trimesters 1-2; you are in week 30"
    assert safety.list_mark(easing(write), 30) == "not for week 30"
    assert safety.list_mark(easing(write), 20) == ""
    assert safety.list_mark(easing(write), None) == ""
    question = safety.week_question("Easing", check)
    assert question.title == "Easing: play it anyway?"
    assert question.lines[0] == "This routine suits trimesters 1-2; you are in week 30."
    assert "Knee sway: lying on the back: not advised from week 14; keep it short or skip it." in (
        question.lines
    )
    assert question.value_for("y") == safety.PLAY
    assert question.cancel == safety.DO_NOT_PLAY


def test_with_no_week_set_only_the_back_lying_steps_are_marked(write: WriteFile) -> None:
    check = checked(easing(write), None)
    assert notes(check) == [
        ("Back tilt", "lying on the back: from week 14, do it on your side", False),
        ("Knee sway", "lying on the back: from week 14, do it on your side", False),
    ]
    assert not check.needs_asking


# -- the alternative in routine files -----------------------------------------------------


def test_an_alternative_must_replace_a_step_on_the_back(write: WriteFile) -> None:
    path = write(
        "wrong.yaml",
        """
        title: Wrong
        steps:
          - exercise: Sit
            time: 5s
            alternative:
              exercise: Side
              time: 5s
              position: side-lying
          - exercise: Back
            time: 5s
            position: lying-on-back
            alternative:
              exercise: Also back
              tme: 5s
              position: lying-on-back
        """,
    )
    from player.routine.loader import RoutineError

    with pytest.raises(RoutineError) as raised:
        load_routine(path)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}:6:7: steps[0].alternative: 'alternative' replaces a step done lying on the "
        "back; give this step position: lying-on-back, or remove its alternative",
        f"{path}:14:7: steps[1].alternative.tme: unknown key 'tme'; did you mean 'time'?",
    ]


def test_an_alternative_may_use_a_shared_exercise_with_its_picture(
    write: WriteFile, tmp_path: Path
) -> None:
    write("pics/side.png", png_bytes())
    write(
        "shared/lib.yaml",
        """
        exercises:
          side-tilt:
            exercise: Side tilt
            time: 30s
            position: side-lying
            picture: ../pics/side.png
        """,
    )
    path = write(
        "routine.yaml",
        """
        title: Uses
        include: [shared/lib.yaml]
        steps:
          - exercise: Back tilt
            time: 20s
            position: lying-on-back
            alternative:
              use: side-tilt
              time: 25s
        """,
    )
    routine = load_routine(path).routine
    other = routine.steps[0].alternative  # type: ignore[union-attr]
    assert other is not None
    assert (other.exercise, other.time, other.picture) == (  # type: ignore[union-attr]
        "Side tilt",
        25_000,
        str((tmp_path / "pics" / "side.png").resolve()),
    )


# -- the daily check ----------------------------------------------------------------------


class Script:
    """Answers questions from a list, and remembers what was asked."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[Question] = []

    def __call__(self, question: Question) -> str:
        self.asked.append(question)
        return self.answers.pop(0)


NOTHING_TO_ASK = safety.WeekCheck(None, None, ())
NO_ADVICE = FirstUse(answer=False, exercise=True)
"""The first-use check answered: not advised against exercise."""


def test_the_first_session_of_a_day_asks_and_starts_when_none_applies() -> None:
    ask = Script(safety.NONE_APPLIES)
    result = before_session(
        ask,
        first_use_check=NO_ADVICE,
        checked_today=False,
        title="Easing",
        week_check=NOTHING_TO_ASK,
    )
    assert (result.outcome, result.confirmed_now) == ("start", True)
    assert [q.title for q in ask.asked] == ["Does any of these apply to you today?"]


def test_when_a_sign_applies_the_session_does_not_start_and_says_why() -> None:
    result = before_session(
        Script(safety.ONE_APPLIES),
        first_use_check=NO_ADVICE,
        checked_today=False,
        title="E",
        week_check=NOTHING_TO_ASK,
    )
    assert result.outcome == "refused"
    assert result.message == safety.REFUSAL
    assert "will not start" in safety.REFUSAL and "doctor or midwife" in safety.REFUSAL
    assert not result.confirmed_now


def test_closing_the_daily_question_does_not_start() -> None:
    result = before_session(
        Script(safety.DO_NOT_PLAY),
        first_use_check=NO_ADVICE,
        checked_today=False,
        title="E",
        week_check=NOTHING_TO_ASK,
    )
    assert (result.outcome, result.confirmed_now) == ("cancelled", False)


def test_a_later_session_the_same_day_is_not_asked_again() -> None:
    ask = Script()
    result = before_session(
        ask, first_use_check=NO_ADVICE, checked_today=True, title="E", week_check=NOTHING_TO_ASK
    )
    assert (result.outcome, ask.asked) == ("start", [])


def test_a_routine_outside_the_week_is_asked_about_after_the_signs(write: WriteFile) -> None:
    check = checked(easing(write), 30)
    ask = Script(safety.NONE_APPLIES, safety.DO_NOT_PLAY)
    result = before_session(
        ask, first_use_check=NO_ADVICE, checked_today=False, title="Easing", week_check=check
    )
    assert [q.title for q in ask.asked] == [
        "Does any of these apply to you today?",
        "Easing: play it anyway?",
    ]
    assert (result.outcome, result.confirmed_now) == ("cancelled", True)
    ask = Script(safety.PLAY)
    assert before_session(
        ask, first_use_check=NO_ADVICE, checked_today=True, title="Easing", week_check=check
    ).outcome == ("start")


def test_the_day_checked_is_remembered_and_a_bad_file_means_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "data" / "safety-checked.txt"
    assert daily_check.last_checked(path) is None
    daily_check.record_checked(path, date(2026, 11, 22))
    assert daily_check.last_checked(path) == date(2026, 11, 22)
    assert safety.needs_daily_check(date(2026, 11, 22), date(2026, 11, 23))
    assert not safety.needs_daily_check(date(2026, 11, 22), date(2026, 11, 22))
    path.write_bytes(b"\xff\xfe garbage")
    assert daily_check.last_checked(path) is None
    assert [p.name for p in path.parent.iterdir()] == ["safety-checked.txt"]


# -- run.py safety ------------------------------------------------------------------------


def run_cli(*args: str) -> tuple[int, str]:
    import io

    from player import cli

    out = io.StringIO()
    return cli.main(list(args), out=out), out.getvalue()


def test_the_safety_command_shows_the_signs_the_week_and_the_disclaimer(
    unchecked_home: Path,
) -> None:
    code, out = run_cli("safety")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "WARNING SIGNS"
    assert lines[3:6] == [
        "Call your local emergency number now:",
        "  - Chest pain",
        "  - Feeling out of breath before any effort",
    ]
    listed = " ".join(" ".join(out.split("EVERY SESSION")[0].split()).split(" - "))
    for group in something_wrong.GROUPS:  # each sign under what to do about it
        after = listed.index(group.heading)
        for sign in group.signs:
            assert after < listed.index(sign), sign
    assert sum(sign in listed for sign in safety.WARNING_SIGNS) == len(safety.WARNING_SIGNS)
    assert "Esc or q pauses at once and asks whether to stop" in " ".join(out.split())
    assert "something is wrong, x (or the window's button) stops at once" in " ".join(out.split())
    assert "Today: not checked yet." in " ".join(lines)
    assert "YOUR WEEK" in lines
    assert "Not set." in out
    assert " ".join(out.split()).endswith(safety.DISCLAIMER)

    daily_check.record_checked(unchecked_home / "data" / "safety-checked.txt", date.today())
    assert run_cli("settings", "set", "week", "22")[0] == 0
    code, out = run_cli("safety")
    assert "Week 22." in out.splitlines()
    assert "Today: checked." in " ".join(out.split())


def test_plan_marks_steps_on_the_back_and_plays_them_on_the_side_from_week_14(
    write: WriteFile,
) -> None:
    path = write("easing.yaml", ON_THE_BACK)
    code, out = run_cli("plan", str(path))
    assert code == 0
    rows = out.splitlines()
    assert any(re.match(r"\s*0:00  Back tilt \(\*\)\s", row) for row in rows), out
    assert rows[rows.index("Your week: not set") :] == [
        "Your week: not set",
        "  (*) Back tilt: lying on the back: from week 14, do it on your side",
        "  (*) Knee sway: lying on the back: from week 14, do it on your side",
    ]

    assert run_cli("settings", "set", "week", "22")[0] == 0
    code, out = run_cli("plan", str(path))
    rows = out.splitlines()
    assert any(re.match(r"\s*0:00  Side tilt \(\*\)\s", row) for row in rows), out
    assert any(re.match(r"\s*0:30  Knee sway \(!\)\s", row) for row in rows), out
    assert "Back tilt" not in out.split("Your week")[0]
    assert rows[rows.index("Your week: 22") :] == [
        "Your week: 22",
        "  (*) Side tilt: on your side, in place of 'Back tilt' (lying on the back)",
        "  (!) Knee sway: lying on the back: not advised from week 14; keep it short or skip it",
        "  'play' asks before starting a routine with (!) marks.",
    ]


def test_list_marks_the_routines_that_do_not_suit_the_week() -> None:
    assert run_cli("settings", "set", "week", "20")[0] == 0
    code, out = run_cli("list")
    assert code == 0
    suits = {line.split()[0]: line for line in out.splitlines()[1:] if line}
    assert suits["first-trimester"].endswith("(! not for week 20)")
    assert not any("(!" in line for name, line in suits.items() if name != "first-trimester")
    assert "Your week: 20. Routines marked (! ...) do not suit it; 'play' asks first." in (
        out.splitlines()
    )
