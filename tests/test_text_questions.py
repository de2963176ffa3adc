"""Questions asked in a plain terminal."""

from __future__ import annotations

import fcntl
import io
import os
import struct
import termios
from collections.abc import Iterator

import pytest

from player.care import safety
from player.care.questions import Choice, Question, pain_question
from player.terminal.questions import ask_in_terminal, format_question, terminal_size

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


# -- fitting the terminal -----------------------------------------------------------------


def screen(question: Question, size: tuple[int, int] | None = None) -> list[str]:
    """The rows on the terminal while the person reads the question: its lines and the
    line where the answer is typed (typed answers are not in the output)."""
    out = io.StringIO()
    first_choice = question.choices[0]
    assert ask_in_terminal(question, io.StringIO(f"{first_choice.key}\n"), out, size) == (
        first_choice.value
    )
    return out.getvalue().split("\n")


def words(rows: list[str]) -> str:
    return " ".join(" ".join(rows).split())


def test_the_daily_check_fits_eighty_by_twenty_four_whole() -> None:
    rows = screen(safety.daily_check_question())  # not a terminal: 80 by 24
    assert len(rows) <= 24
    assert all(len(row) <= 80 for row in rows)
    assert next(row for row in rows if row) == "Does any of these apply to you today?"
    for sign in (*safety.WARNING_SIGNS, safety.DISCLAIMER):
        assert sign in words(rows)
    assert "Y Yes, one of these applies" in words(rows)
    assert "N No, none of these applies" in words(rows)
    assert rows[-1] == "Your answer (Y/N): "


def test_in_a_taller_terminal_the_daily_check_keeps_its_spare_lines() -> None:
    rows = screen(safety.daily_check_question(), (80, 40))
    title = rows.index("Does any of these apply to you today?")
    assert rows[title - 1] == ""
    assert rows[title + 1] == "=" * len(rows[title])
    assert rows[-4:] == [
        "",
        "  Y  Yes, one of these applies",
        "  N  No, none of these applies",
        "Your answer (Y/N): ",
    ]


@pytest.mark.parametrize("width", [40, 60, 100, 160])
def test_the_daily_check_is_wrapped_to_the_terminal_width(width: int) -> None:
    rows = screen(safety.daily_check_question(), (width, 60))
    assert all(len(row) <= width for row in rows)
    for sign in safety.WARNING_SIGNS:
        assert sign in words(rows)
    longest = max(safety.WARNING_SIGNS, key=len)
    assert (longest in rows) == (len(longest) <= width)


def test_a_terminal_too_short_for_the_question_shows_the_end_of_it() -> None:
    rows = screen(safety.daily_check_question(), (80, 12))
    assert rows[-2:] == [
        "  Y  Yes, one of these applies    N  No, none of these applies",
        "Your answer (Y/N): ",
    ]
    for sign in safety.WARNING_SIGNS:
        assert sign in words(rows)


ON_THE_BACK = safety.WeekCheck(
    week=30,
    routine_note="suits trimesters 1-2; you are in week 30",
    step_notes=tuple(
        safety.StepNote(
            n,
            f"Step {n} on the back",
            "lying on the back: not advised from week 14; keep it short or skip it",
            attention=True,
        )
        for n in range(30)
    ),
)


@pytest.mark.parametrize(
    "question",
    [
        pain_question("How does your back feel right now?"),
        pain_question("And how does your back feel now?"),
        safety.week_question("Gentle first-trimester routine", ON_THE_BACK),
        YES_NO,
    ],
    ids=["pain before", "pain after", "week", "resume"],
)
def test_the_other_questions_fit_eighty_by_twenty_four_whole(question: Question) -> None:
    rows = screen(question)
    assert len(rows) <= 24
    assert all(len(row) <= 80 for row in rows)
    assert next(row for row in rows if row) == question.title
    for line in question.lines:
        assert line in words(rows)


@pytest.fixture
def terminal() -> Iterator[io.TextIOWrapper]:
    """A real terminal (a pseudo-terminal) of 100 columns and 30 rows."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    with open(follower, "w", encoding="utf-8") as out:
        yield out
    os.close(leader)


def test_the_size_is_the_terminals_and_eighty_by_twenty_four_elsewhere(
    terminal: io.TextIOWrapper,
) -> None:
    assert terminal_size(terminal) == (100, 30)
    assert terminal_size(io.StringIO()) == (80, 24)
