"""Questions in the window, headless: real key presses and clicks give the answer's value,
and every word is drawn inside the window, nothing on top of anything else.

A ``QuestionScreen`` is driven step by step like the session's loop (events posted with
``pygame.event.post``, then ``step``); ``WindowShell`` is driven whole, on a clock that
posts the person's keys when the loop sleeps until their time.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pygame
import pytest

from player.care import first_use
from player.care.questions import Choice, Question, pain_question
from player.care.safety import DO_NOT_PLAY, NONE_APPLIES, ONE_APPLIES, daily_check_question
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.shells import WindowShellAdapter
from player.window import shell as window_shell
from player.window.app import WindowApp
from player.window.asking import QuestionScreen
from player.window.assets import Assets
from player.window.display import INPUT_POLL_MS, Display
from player.window.layout import MIN_WINDOW, Box
from player.window.question import QuestionLayout, Text, question_layout
from player.window.shell import open_window
from player.window.theme import DEFAULT_THEME, HIGH_CONTRAST, STANDARD, Palette, Theme, theme_for

T0 = 1_000_000
SAFETY = daily_check_question()
ONE, NONE, NOT_ANSWERED = ONE_APPLIES, NONE_APPLIES, DO_NOT_PLAY
RESUME = Question(
    title="Resume where you stopped?",
    lines=("You stopped at step 4 of 9, Pelvic tilts.",),
    choices=(Choice("y", "Yes, go on from there", "resume"), Choice("n", "No, start again", "new")),
    cancel="cancelled",
)
PAIN = pain_question("How much does your back hurt now?")
FIRST_USE = first_use.question("python3 run.py settings")
SIZES = [(1280, 720), MIN_WINDOW, (800, 450), (1920, 1080), (640, 900)]


class Asking:
    """One question on screen, a fake clock, and helpers to press keys and click."""

    def __init__(self, question: Question, size: tuple[int, int], theme: Theme) -> None:
        self.clock = FakeClock(T0)
        self.display = Display(size=size)
        self.screen = QuestionScreen(question, self.clock, self.display, Assets(), theme=theme)
        self.screen.step(self.clock.now())

    @property
    def answer(self) -> str | None:
        return self.screen.state.answer

    def press(self, key: int, char: str = "") -> str | None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=char, mod=0))
        self.screen.step(self.clock.now())
        return self.answer

    def type(self, chars: str) -> str | None:
        for char in chars:
            self.press(ord(char.lower()), char)
        return self.answer

    def click(self, x: int, y: int) -> str | None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(x, y)))
        self.screen.step(self.clock.now())
        return self.answer

    def where(self) -> QuestionLayout:
        return self.screen.layout()

    def button(self, key: str) -> Box:
        question = self.screen.question
        return next(c.box for c in self.where().choices if question.choices[c.index].key == key)

    def count(self, box: Box, colour: tuple[int, int, int]) -> int:
        area = self.display.surface.subsurface(pygame.Rect(box.xywh))
        return int(pygame.mask.from_threshold(area, colour, (1, 1, 1, 255)).count())


@pytest.fixture
def asking() -> Iterator[list[Asking]]:
    made: list[Asking] = []
    yield made
    for one in made:
        one.display.close()


def ask(
    made: list[Asking],
    question: Question,
    size: tuple[int, int] = (1280, 720),
    theme: Theme = DEFAULT_THEME,
) -> Asking:
    made.append(Asking(question, size, theme))
    return made[-1]


# -- keys and clicks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "char", "value"),
    [
        (pygame.K_y, "y", ONE),
        (pygame.K_y, "Y", ONE),
        (pygame.K_n, "n", NONE),
        (pygame.K_n, "N", NONE),
    ],
)
def test_a_choice_key_in_either_case_answers(
    asking: list[Asking], key: int, char: str, value: str
) -> None:
    one = ask(asking, SAFETY)
    assert one.press(key, char) == value


def test_other_keys_and_enter_do_not_answer_a_yes_or_no_question(asking: list[Asking]) -> None:
    one = ask(asking, SAFETY)
    for key, char in [(pygame.K_x, "x"), (pygame.K_RETURN, "\r"), (pygame.K_SPACE, " ")]:
        assert one.press(key, char) is None
    assert one.press(pygame.K_n, "n") == NONE


def test_clicking_a_button_answers_and_clicking_beside_them_does_not(
    asking: list[Asking],
) -> None:
    one = ask(asking, RESUME)
    no = one.button("n")
    assert one.click(no.right + 5, no.y - 5) is None
    assert one.click(*no.center) == "new"
    other = ask(asking, RESUME)
    assert other.click(other.button("y").x + 1, other.button("y").bottom - 1) == "resume"


def test_escape_gives_the_questions_cancel(asking: list[Asking]) -> None:
    assert ask(asking, SAFETY).press(pygame.K_ESCAPE) == NOT_ANSWERED


def test_closing_the_window_gives_the_questions_cancel(asking: list[Asking]) -> None:
    one = ask(asking, RESUME)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert not one.screen.step(one.clock.now())
    assert one.answer == "cancelled"
    assert one.display.closed_by_person


# -- the pain score -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [("7", "7"), ("0", "0"), ("10", "10"), ("1", "1"), ("23", "3"), ("11", "1"), ("100", "0")],
)
def test_digits_then_enter_pick_the_number_typed(
    asking: list[Asking], typed: str, value: str
) -> None:
    one = ask(asking, PAIN)
    assert one.type(typed) is None
    assert one.press(pygame.K_RETURN, "\r") == value


def test_a_keypad_digit_and_the_keypad_enter_pick_too(asking: list[Asking]) -> None:
    one = ask(asking, PAIN)
    one.press(pygame.K_KP4)
    assert one.press(pygame.K_KP_ENTER) == "4"


def test_enter_with_nothing_typed_does_nothing_and_backspace_takes_a_digit_back(
    asking: list[Asking],
) -> None:
    one = ask(asking, PAIN)
    assert one.press(pygame.K_RETURN, "\r") is None
    one.type("10")
    one.press(pygame.K_BACKSPACE, "\b")
    assert one.press(pygame.K_RETURN, "\r") == "1"


@pytest.mark.parametrize(("key", "char"), [(pygame.K_s, "s"), (pygame.K_s, "S"), (27, "")])
def test_s_or_escape_skips(asking: list[Asking], key: int, char: str) -> None:
    one = ask(asking, PAIN)
    one.type("5")
    assert one.press(key, char) == "skip"


def test_clicking_a_number_picks_it_at_once(asking: list[Asking]) -> None:
    one = ask(asking, PAIN)
    one.type("2")
    assert one.click(*one.button("8").center) == "8"


def test_clicking_skip_skips(asking: list[Asking]) -> None:
    one = ask(asking, PAIN)
    assert one.click(*one.button("s").center) == "skip"


def test_the_eleven_numbers_lie_in_one_row_and_skip_below(asking: list[Asking]) -> None:
    one = ask(asking, PAIN)
    numbers = [one.button(str(n)) for n in range(11)]
    assert len({box.y for box in numbers}) == 1
    assert [box.x for box in numbers] == sorted(box.x for box in numbers)
    assert all(a.right < b.x for a, b in pairwise(numbers))
    assert one.button("s").y > numbers[0].bottom


def test_the_number_typed_is_lit_until_enter(asking: list[Asking]) -> None:
    one = ask(asking, PAIN)
    ten = one.button("10")
    assert one.count(ten.inset(4), STANDARD.accent) == 0
    one.type("1")
    assert one.count(one.button("1").inset(4), STANDARD.accent) > ten.w * ten.h // 3
    one.type("0")
    assert one.count(one.button("1").inset(4), STANDARD.accent) == 0
    assert one.count(ten.inset(4), STANDARD.accent) > ten.w * ten.h // 3
    assert one.screen.draws == 3


# -- where the words go -------------------------------------------------------------------


def overlap(a: Box, b: Box) -> bool:
    return not (a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y)


def words(texts: Sequence[Text]) -> list[str]:
    return " ".join(text.words for text in texts).split()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [1.0, 1.3])
@pytest.mark.parametrize(
    "question", [SAFETY, PAIN, RESUME, FIRST_USE], ids=["safety", "pain", "resume", "first-use"]
)
def test_every_word_lies_inside_the_window_and_nothing_overlaps(
    size: tuple[int, int], scale: float, question: Question
) -> None:
    pygame.font.init()
    where = question_layout(question, *size, Assets().font, scale)
    width, height = size
    assert not where.cut
    assert words(where.title) == question.title.split()
    assert words(where.lines) == " ".join(question.lines).split()
    boxes = [text.box for text in (*where.title, *where.lines)]
    boxes += [choice.box for choice in where.choices]
    boxes += [where.note] if where.note is not None else []
    for box in boxes + [text.box for text in where.texts()]:
        assert box.x >= 0 and box.right <= width and box.y >= 0 and box.bottom <= height, box
    for i, one in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not overlap(one, other), (one, other)
    for choice in where.choices:
        inside = [*choice.label, *([choice.key] if choice.key else [])]
        for text in inside:
            box = text.box
            assert choice.box.x <= box.x and box.right <= choice.box.right, text
            assert choice.box.y <= box.y and box.bottom <= choice.box.bottom, text
        assert words(choice.label) == question.choices[choice.index].label.split()


def test_the_safety_question_is_large_enough_to_read_from_a_metre_away() -> None:
    pygame.font.init()
    where = question_layout(SAFETY, 1280, 720, Assets().font)
    assert min(text.size for text in where.lines) >= 36
    assert min(text.size for text in where.title) >= 44
    assert where.columns == 2
    assert min(c.box.h for c in where.choices) >= 72


def test_a_few_lines_take_one_column() -> None:
    pygame.font.init()
    assert question_layout(PAIN, 1280, 720, Assets().font).columns == 1


def test_large_text_makes_the_words_of_a_question_larger() -> None:
    pygame.font.init()
    font = Assets().font
    normal = question_layout(PAIN, 1280, 720, font)
    large = question_layout(PAIN, 1280, 720, font, 1.3)
    assert min(t.size for t in large.lines) > max(t.size for t in normal.lines)
    assert large.title[0].box.h > normal.title[0].box.h


@pytest.mark.parametrize("size", [(1280, 720), MIN_WINDOW])
@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "contrast"])
def test_each_line_is_drawn_where_the_layout_puts_it(
    asking: list[Asking], size: tuple[int, int], palette: Palette
) -> None:
    one = ask(asking, SAFETY, size, theme_for(high_contrast=palette is HIGH_CONTRAST))
    colours = one.screen.theme.palette
    assert colours == palette
    where = one.where()
    for text in where.title:
        assert one.count(text.box, colours.accent) > text.box.w, text.words
    for text in where.lines:
        assert one.count(text.box, colours.text) > text.box.w // 2, text.words
    below = max(text.box.bottom for text in where.lines)
    gap = Box(0, below + 1, size[0], min(c.box.y for c in where.choices) - below - 2)
    assert one.count(gap, colours.text) == 0


# -- one window for the whole sitting -----------------------------------------------------


class PersonClock(FakeClock):
    """A fake clock on which the person presses keys and clicks at given times."""

    def __init__(self, start: int, actions: Sequence[tuple[int, pygame.event.Event]]) -> None:
        super().__init__(start)
        self.actions = sorted(actions, key=lambda pair: pair[0])
        self.sleeps = 0

    def sleep_until(self, when: int) -> None:
        super().sleep_until(when)
        self.sleeps += 1
        while self.actions and self.actions[0][0] <= self.now():
            pygame.event.post(self.actions.pop(0)[1])


def key(char: str) -> pygame.event.Event:
    code = {"\r": pygame.K_RETURN, "\x1b": pygame.K_ESCAPE}.get(char) or ord(char.lower())
    return pygame.event.Event(pygame.KEYDOWN, key=code, unicode=char, mod=0)


def short_session() -> Session:
    data = {"title": "Short", "lead_in": 0, "prepare": 0, "steps": [{"rest": 2}]}
    return Session(Engine(Routine.model_validate(data), Choices()), RecordingSpeaker())


def test_one_window_asks_before_plays_and_asks_after(tmp_path: Path) -> None:
    s = 1000
    clock = PersonClock(
        T0,
        [
            (T0 + 1 * s, key("y")),
            (T0 + 2 * s, key("7")),
            (T0 + 2 * s + 200, key("\r")),
            (T0 + 9 * s, key("\r")),  # closes the end screen
            (T0 + 10 * s, key("1")),
            (T0 + 10 * s + 100, key("0")),
            (T0 + 10 * s + 200, key("\r")),
        ],
    )
    shots = tmp_path / "shots"
    shell = open_window(clock, size=(800, 450), screenshots=shots)
    try:
        assert shell.ask(SAFETY) == ONE
        assert shell.ask(PAIN) == "7"
        assert shell.play(short_session()) == "finished"
        assert pygame.display.get_init() and not shell.closed
        assert shell.ask(PAIN) == "10"
    finally:
        shell.close()
    assert not pygame.display.get_init()
    names = sorted(path.name for path in shots.iterdir())
    assert names == [
        "00-rest.json",
        "00-rest.png",
        "end.json",
        "end.png",
        "question-01.png",
        "question-02.png",
        "question-03.png",
    ]
    assert pygame.image.load(str(shots / "question-01.png")).get_size() == (800, 450)


def test_keys_pressed_before_a_question_is_shown_do_not_answer_it() -> None:
    clock = PersonClock(T0, [(T0 + 500, key("n"))])
    with open_window(clock, size=(800, 450)) as shell:
        pygame.event.post(key("y"))
        assert shell.ask(SAFETY) == NONE


def test_a_question_waits_cheaply_and_gives_cancel_after_its_time(tmp_path: Path) -> None:
    clock = PersonClock(T0, [])
    with open_window(clock, size=(800, 450), screenshots=tmp_path) as shell:
        assert shell.ask(SAFETY, timeout_ms=5_000) == NOT_ANSWERED
        assert clock.now() == T0 + 5_000
    assert clock.sleeps <= 5_000 // INPUT_POLL_MS + 10
    assert (tmp_path / "question-01.png").is_file()


def test_once_the_person_closes_the_window_nothing_more_is_shown() -> None:
    clock = PersonClock(T0, [(T0 + 100, pygame.event.Event(pygame.QUIT))])
    shell = open_window(clock, size=(800, 450))
    assert shell.ask(RESUME) == "cancelled"
    assert shell.closed and not pygame.display.get_init()
    assert shell.ask(PAIN) == "skip"
    assert shell.play(short_session()) == "quit"
    shell.close()


def test_closing_the_window_during_the_session_ends_the_sitting() -> None:
    clock = PersonClock(T0, [(T0 + 500, pygame.event.Event(pygame.QUIT))])
    with open_window(clock, size=(800, 450)) as shell:
        assert shell.play(short_session()) == "quit"
        assert shell.closed
        assert shell.ask(PAIN) == "skip"


def test_esc_in_the_session_leaves_the_window_open_for_the_question_after() -> None:
    clock = PersonClock(
        T0,
        [
            (T0 + 300, key("\x1b")),  # pauses and asks
            (T0 + 800, key("\x1b")),  # stops
            (T0 + 900, key("3")),
            (T0 + 1000, key("\r")),
        ],
    )
    with open_window(clock, size=(800, 450), large_text=True, high_contrast=True) as shell:
        assert shell.play(short_session()) == "quit"
        assert not shell.closed
        assert shell.ask(PAIN) == "3"


def test_f_switches_full_screen_and_back_and_the_question_is_drawn_again(
    asking: list[Asking],
) -> None:
    one = ask(asking, SAFETY, (800, 450))
    draws = one.screen.draws
    assert one.press(pygame.K_f, "f") is None
    assert one.display.fullscreen
    assert one.screen.draws == draws + 1
    one.press(pygame.K_f, "f")
    assert not one.display.fullscreen
    assert one.display.surface.get_size() == (800, 450)
    assert one.where().size == (800, 450)


@pytest.mark.parametrize(
    ("close_at_end", "words"),
    [(False, "Press Enter to say how your back feels now"), (True, "Press Enter to close")],
)
def test_the_end_screen_says_enter_goes_on_when_the_pain_score_is_asked_next(
    monkeypatch: pytest.MonkeyPatch, close_at_end: bool, words: str
) -> None:
    apps: list[WindowApp] = []

    class Kept(WindowApp):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            apps.append(self)

    monkeypatch.setattr(window_shell, "WindowApp", Kept)
    clock = PersonClock(T0, [(T0 + 9_000, key("\r"))])
    adapter = WindowShellAdapter(
        clock,
        fullscreen=False,
        large_text=False,
        high_contrast=False,
        screenshots=None,
        close_at_end=close_at_end,
        err=io.StringIO(),
    )
    try:
        assert adapter.play(short_session()) == "finished"
    finally:
        adapter.close()
    assert adapter.interactive is not close_at_end  # the pain score is asked when interactive
    last = apps[0].shown
    assert last is not None and last.finished
    assert last.end_hint == words
