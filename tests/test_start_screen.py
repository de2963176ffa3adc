"""The routine's first screen in the window: its safety notes and how to stop, waiting
for Start, which a clicker alone can give; and the pain question a clicker can skip."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pygame
import pytest

from player.care import safety
from player.care.questions import Question, pain_question
from player.commands import first_screen
from player.home.settings import Settings
from player.playback.engine import Engine
from player.playback.timeline import Choices
from player.routine.loader import RoutineFile
from player.routine.model import Routine
from player.window.answering import Answering
from player.window.theme import DEFAULT_THEME
from tests.test_window_questions import Asking
from tests.test_window_questions import asking as asking  # the fixture, shared

ROUTINE: dict[str, Any] = {
    "title": "Gentle back",
    "safety": ["Stop if it hurts.", "Keep breathing through every hold."],
    "steps": [{"exercise": "Cat and cow", "time": "1m"}],
}
MEDIA_NEXT = 258 | 1 << 30
MEDIA_PLAY = 261 | 1 << 30


def start_question() -> Question:
    return safety.start_question(Routine.model_validate(ROUTINE), "1:10", "Esc or Q")


def test_the_first_screen_holds_the_safety_notes_and_how_to_stop() -> None:
    question = start_question()
    assert question.title == "Gentle back \u00b7 1:10"
    # The routine's "Stop if it hurts." is said once, by the line on how to stop.
    assert question.lines[0] == "Keep breathing through every hold."
    assert question.lines[1] == (
        "Stop at once if anything hurts: Esc or Q pauses at once and asks to stop."
    )
    assert sum("hurts" in line for line in question.lines) == 1
    assert [choice.value for choice in question.choices] == [safety.START]


@pytest.mark.parametrize(
    ("key", "char"),
    [
        (pygame.K_s, "s"),
        (pygame.K_RETURN, "\r"),
        (pygame.K_SPACE, " "),
        (pygame.K_PAGEDOWN, ""),
        (pygame.K_RIGHT, ""),
        (MEDIA_NEXT, ""),
        (MEDIA_PLAY, ""),
    ],
)
def test_start_is_given_by_a_key_or_a_clickers_button(key: int, char: str) -> None:
    assert Answering(start_question()).press(key, char).answer == safety.START


def test_esc_on_the_first_screen_does_nothing_and_closing_the_window_does_not_start() -> None:
    # A clicker's slideshow button sends F5 and Esc by turns: either may come first.
    waiting = Answering(start_question()).press(pygame.K_ESCAPE)
    assert waiting.answer is None
    assert waiting.press(pygame.K_F5).answer == safety.START
    assert Answering(start_question()).cancel().answer == safety.NOT_NOW


def test_a_digit_given_to_next_still_types_a_pain_score() -> None:
    from player.home.bindings import bindings
    from player.window.controls import controls_for

    keys = controls_for(bindings({"next": ["page down", "1"]})).go_on_keys
    pain = Answering(pain_question("How does your back feel right now?"), go_on_keys=keys)
    assert pain.press(pygame.K_1, "1").press(pygame.K_RETURN, "\r").answer == "1"
    assert pain.press(pygame.K_PAGEDOWN).answer == "skip"


def test_a_clicker_skips_the_pain_question_and_digits_still_answer_it() -> None:
    pain = pain_question("How does your back feel right now?")
    assert Answering(pain).press(pygame.K_PAGEDOWN).answer == "skip"
    typed = Answering(pain).press(pygame.K_3, "3").press(pygame.K_RETURN, "\r")
    assert typed.answer == "3"


def test_the_window_shows_the_notes_and_page_down_starts(asking: list[Asking]) -> None:
    asking.append(Asking(start_question(), (1280, 720), DEFAULT_THEME))
    shown = " ".join(text.words for text in asking[0].where().texts())
    assert "Keep breathing through every hold." in shown
    assert "Esc or Q pauses at once and asks to stop." in shown
    assert asking[0].press(pygame.K_PAGEDOWN) == safety.START


class Shell:
    """A shell that answers every question with ``answer`` and keeps what it was asked."""

    def __init__(self, answer: str, interactive: bool = True) -> None:
        self.answer = answer
        self.interactive = interactive
        self.asked: list[Question] = []

    def ask(self, question: Question) -> str:
        self.asked.append(question)
        return self.answer


def started(ui: str, shell: Shell, data: dict[str, Any] = ROUTINE) -> bool:
    routine = Routine.model_validate(data)
    loaded = RoutineFile(path=Path("gentle.yaml"), name="gentle", routine=routine, digest="")
    args = argparse.Namespace(ui=ui)
    engine = Engine(routine, Choices())
    return first_screen.started(args, Settings(), loaded, engine, shell)  # type: ignore[arg-type]


def test_the_window_waits_for_start_and_not_now_does_not_start() -> None:
    shell = Shell(safety.START)
    assert started("window", shell)
    assert [q.title for q in shell.asked] == ["Gentle back \u00b7 1:13"]  # lead-in, prepare, 1 min
    assert "Esc or Q pauses" in shell.asked[0].lines[1]
    assert shell.asked[0].lines[2] == (
        "Something wrong during the session? X stops at once and says what to do."
    )
    assert not started("window", Shell(safety.NOT_NOW))


def test_with_no_key_for_something_wrong_the_first_screen_names_its_button() -> None:
    routine = Routine.model_validate(ROUTINE)
    question = safety.start_question(routine, "1:10", "Esc or Q", wrong_keys="")
    assert question.lines[2] == (
        "Something wrong during the session? The button 'Something is wrong' stops at once "
        "and says what to do."
    )


def test_no_first_screen_unattended_in_the_terminal_or_without_notes() -> None:
    for ui, shell, data in [
        ("window", Shell(safety.NOT_NOW, interactive=False), ROUTINE),
        ("text", Shell(safety.NOT_NOW), ROUTINE),
        ("window", Shell(safety.NOT_NOW), {**ROUTINE, "safety": []}),
    ]:
        assert started(ui, shell, data)
        assert shell.asked == []


F13 = 104 | 1 << 30


def test_a_pedal_key_from_the_settings_starts_and_a_letter_does_not() -> None:
    from player.home.bindings import bindings
    from player.window.controls import controls_for

    pedal = controls_for(bindings({"next": ["f13"]})).go_on_keys
    assert F13 in pedal and pygame.K_PAGEDOWN not in pedal
    start = Answering(start_question(), go_on_keys=pedal)
    assert start.press(F13).answer == safety.START
    assert start.press(pygame.K_n, "n").answer is None  # a letter keeps its meaning
    assert Answering(start_question()).press(pygame.K_b, "b").answer is None


def test_the_terminal_says_stop_if_it_hurts_once() -> None:
    said: list[str] = []

    class Ctx:
        def say(self, line: str) -> None:
            said.append(line)

    routine = Routine.model_validate(ROUTINE)
    loaded = RoutineFile(path=Path("gentle.yaml"), name="gentle", routine=routine, digest="")
    first_screen.introduce(loaded, Engine(routine, Choices()), Ctx(), None)  # type: ignore[arg-type]
    assert "  ! Keep breathing through every hold." in said
    assert sum("hurts" in line for line in said) == 1
    assert not any("Something wrong" in line for line in said)  # plain lines: no keys
    said.clear()
    keys = Settings().bindings
    first_screen.introduce(loaded, Engine(routine, Choices()), Ctx(), keys)  # type: ignore[arg-type]
    assert said[-1] == "  Something wrong during the session? x stops at once and says what to do."
