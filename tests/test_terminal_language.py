"""The terminal in the language in use: no English escapes the catalogs on the session's
screen, in its key help, its question whether to stop, and the questions asked in lines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from player.care import first_use
from player.care.questions import Choice, Question
from player.home.bindings import DEFAULT_BINDINGS
from player.language import PSEUDO, speaking
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.terminal.key_help import spelled_keys
from player.terminal.plan import format_plan
from player.terminal.questions import ask_in_terminal, format_question
from player.terminal.render import render
from player.terminal.what_to_do import page_count, what_to_do_lines, what_to_do_text
from tests.pseudo_words import escaped_words, unwrapped

S = 1000
T0 = FakeClock().now()

PLAN = {
    "title": "Evening",
    "lead_in": 3,
    "prepare": 5,
    "steps": [
        {
            "block": "Circuit",
            "sets": 2,
            "rest": 10,
            "steps": [
                {
                    "exercise": "Reach",
                    "do": "Reach up slowly.",
                    "sides": "both",
                    "switch": 5,
                    "reps": 2,
                    "phases": [{"name": "Squeeze", "time": 4}, {"name": "Relax", "time": 2}],
                }
            ],
        },
        {"exercise": "Squeezes", "reps": 10},
        {"exercise": "Plank", "time": 20},
    ],
}
ROUTINE_WORDS = (
    "Evening",
    "Circuit",
    "Reach",
    "Reach up slowly.",
    "Squeeze",
    "Relax",
    "Squeezes",
    "Plank",
    "Get ready",  # the lead-in's name, given by the timeline
    "Rest",  # a rest's name, given by the timeline
)
KEY_NAMES = ("Esc", "Space", "Enter")
SIZES = [(100, 40), (80, 24), (60, 20), (40, 16), (24, 12)]


@pytest.fixture(autouse=True)
def pseudo() -> Iterator[None]:
    with speaking(PSEUDO):
        yield


CUT_SHORT = tuple(
    word[:end] + "\u2026"
    for words in ROUTINE_WORDS
    for word in words.split()
    for end in range(1, len(word))
)
"""A routine's word cut short at the edge of a narrow screen."""


def english(text: str) -> list[str]:
    return escaped_words(text, (*ROUTINE_WORDS, *KEY_NAMES, *CUT_SHORT))


def session() -> Session:
    played = Session(
        Engine(Routine.model_validate(PLAN), Choices()), RecordingSpeaker(), captions_on=False
    )
    played.start(T0)
    return played


def screens(width: int, height: int) -> Iterator[tuple[str, str]]:
    """The screen at every kind of moment: (what, the screen as text)."""
    played = session()
    total = played.engine.timeline.total_ms
    moments: list[tuple[str, Any]] = []
    for ms in range(0, total + 5 * S, S):  # the get-ready, each phase, rests, the wait
        played.tick(T0 + ms)
        if played.engine.state == "waiting":
            moments.append((f"waiting at {ms}", played.view(T0 + ms)))
            played.command("done", T0 + ms)
        moments.append((f"at {ms}", played.view(T0 + ms)))
    for what, view in moments:
        yield what, "\n".join(render(view, width, height))
    paused = session()
    paused.tick(T0 + 12 * S)
    paused.command("toggle_pause", T0 + 12 * S)
    paused.command("mute", T0 + 12 * S)
    view = paused.view(T0 + 15 * S)
    yield "paused and muted", "\n".join(render(view, width, height))
    yield "asking to stop", "\n".join(render(view, width, height, asking_to_quit=True))
    paused.command("toggle_pause", T0 + 15 * S)
    paused.tick(T0 + 17 * S + 500)
    going_on = paused.view(T0 + 17 * S + 500)
    yield "going on after a pause", "\n".join(render(going_on, width, height))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_session_screen_is_all_in_the_language_in_use(width: int, height: int) -> None:
    seen = 0
    for what, screen in screens(width, height):
        assert english(screen) == [], f"{what} at {width}x{height}:\n{screen}"
        seen += 1
    assert seen > 20


def test_the_screen_shows_its_words_wrapped() -> None:
    shown = "\n".join(text for _what, text in screens(100, 40))
    for words in (
        "[!! set 1 of 2 !!]",
        "[!! rep 1 of 2 !!]",
        "[!! LEFT !!]",
        "[!! switch to RIGHT !!]",
        "[!! Get into position !!]",
        "[!! Next up: ",
        "[!! Last step !!]",
        "[!! {count} times, at your own pace !!]".replace("{count}", "10"),
        "[!! Press Enter when done !!]",
        "[!! Get ready\u2026 3 !!]",
        "[!! PAUSED \u2014 Space to go on !!]",
        "[!! Finished !!]",
        "[!! muted !!]",
        "[!! captions off !!]",
        "[!! Stop the session? Press [!! Esc, q or y !!] to stop, any other key to go on !!]",
    ):
        assert words in shown, words


def test_the_key_help_is_in_the_language_in_use() -> None:
    assert spelled_keys()[:2] == ["[!! Esc [!! stop !!] !!]", "[!! Space [!! pause !!] !!]"]
    played = session()
    narrow = "\n".join(render(played.view(T0 + 4 * S), 40, 12, bindings=DEFAULT_BINDINGS))
    assert "[!! Esc:[!! stop !!] !!]" in narrow


def test_a_question_in_lines_is_all_in_the_language_in_use() -> None:
    scale = Question(
        "[!! How? !!]",
        ("[!! 0 is none. !!]",),
        (*(Choice(str(n), str(n), str(n)) for n in range(11)), Choice("s", "[!! Skip !!]", "s")),
        cancel="s",
        scale=True,
    )
    pick = Question("[!! Carry on? !!]", (), (Choice("y", "[!! Yes !!]", "y"),), cancel="n")
    out = io.StringIO()
    assert ask_in_terminal(scale, io.StringIO("maybe\n4\n"), out, (80, 24)) == "4"
    assert ask_in_terminal(pick, io.StringIO("\n"), out, (80, 24)) == "n"
    text = "\n".join([*format_question(scale, 30, 8), out.getvalue()])
    assert english(text) == [], text
    assert "[!! 0 to 10 !!]" in text
    assert "[!! 'maybe' is not one of the answers. !!]" in text
    assert "[!! Your answer (Y):  !!]" in text


def test_the_first_use_check_in_lines_is_all_in_the_language_in_use() -> None:
    question = first_use.question("routine-player settings")
    refusal = first_use.refusal("[!! Tiny !!]", ("[!! Massage !!] (massage)",), "rp x")
    out = io.StringIO()
    assert ask_in_terminal(question, io.StringIO("n\n"), out, (80, 24)) == first_use.NOT_ADVISED
    text = "\n".join([out.getvalue(), refusal])
    assert english(text) == [], text
    assert "[!! Ask me later !!]" in text


def test_the_plan_table_is_all_in_the_language_in_use() -> None:
    from player.playback.compiler import compile_timeline

    routine = Routine.model_validate(PLAN)
    timeline = compile_timeline(routine, Choices())
    cues = {cue.text for cue in timeline.cues}
    text = format_plan(routine, timeline)
    left = unwrapped(text)
    assert "start" not in left and "length" not in left
    assert english("\n".join(line.split("\u00ab")[0] for line in text.splitlines())) == [], text
    assert cues  # the cues are the voice's words, checked where they are made


@pytest.mark.parametrize(("width", "height"), SIZES[:4])  # 24 by 12 cuts a sign short
def test_the_screen_of_what_to_do_is_all_in_the_language_in_use(width: int, height: int) -> None:
    count = page_count(width, height)
    for page in range(count):
        screen = "\n".join(text for text, _style in what_to_do_lines(width, height, page))
        assert english(screen) == [], f"page {page + 1} at {width}x{height}:\n{screen}"
    assert count >= 1


@pytest.mark.parametrize("width", [80, 40])
def test_what_to_do_left_in_the_terminal_is_all_in_the_language_in_use(width: int) -> None:
    text = "\n".join(what_to_do_text(width))
    assert english(text) == [], text
