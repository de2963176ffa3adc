"""Questions asked in a plain terminal."""

from __future__ import annotations

import io

from player.questions import Choice, Question, pain_question
from player.text_questions import ask_in_terminal, format_question

YES_NO = Question(
    title="Resume?",
    lines=("You stopped at Side tilt.",),
    choices=(Choice("y", "Resume", "resume"), Choice("n", "Start again", "again")),
    cancel="again",
)


def ask(question: Question, typed: str) -> tuple[str, str]:
    out = io.StringIO()
    return ask_in_terminal(question, io.StringIO(typed), out), out.getvalue()


def test_a_typed_key_picks_its_choice_in_either_case() -> None:
    assert ask(YES_NO, "Y\n")[0] == "resume"
    assert ask(YES_NO, " n \n")[0] == "again"


def test_the_question_is_shown_with_its_choices() -> None:
    value, shown = ask(YES_NO, "y\n")
    assert value == "resume"
    assert shown.splitlines() == [
        "",
        "Resume?",
        "=======",
        "You stopped at Side tilt.",
        "",
        "  Y  Resume",
        "  N  Start again",
        "Your answer (Y/N): ",
    ]
    assert shown.endswith("Your answer (Y/N): ")


def test_a_wrong_answer_asks_again_and_no_input_cancels() -> None:
    value, shown = ask(YES_NO, "maybe\nn\n")
    assert value == "again"
    assert "'maybe' is not one of the answers." in shown
    assert ask(YES_NO, "")[0] == "again"
    assert ask(YES_NO, "a\nb\nc\ny\n")[0] == "again"


def test_the_pain_scale_takes_0_to_10_and_enter_skips() -> None:
    pain = pain_question("Your back right now")
    assert ask(pain, "10\n")[0] == "10"
    assert ask(pain, "0\n")[0] == "0"
    assert ask(pain, "\n")[0] == "skip"
    assert ask(pain, "s\n")[0] == "skip"
    assert ask(pain, "11\n3\n")[0] == "3"
    assert "  0 to 10" in format_question(pain)
    assert "  S  Skip" in format_question(pain)
