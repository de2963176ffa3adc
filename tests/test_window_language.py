"""Every word the window draws goes through the catalogs.

In the pseudo-language every message is wrapped ``[!! ... !!]``. The screens are drawn
headless with a routine whose own words are wrapped too, and every piece of text handed
to ``Assets.render`` (the one place where the window turns words into pixels) is checked:
wrapped, or only digits, punctuation and times (``1:30``), or the name of a key, or words
that other packages give (what was just said, the end screen's lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from player.care import first_use
from player.care.questions import Choice, Question
from player.home.bindings import DEFAULT_BINDINGS, window_key
from player.language import PSEUDO, speaking
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.window.app import WindowApp
from player.window.asking import QuestionScreen
from player.window.assets import Assets
from player.window.display import Display
from player.window.text import ELLIPSIS
from player.window.theme import DEFAULT_THEME, Colour
from player.window.what_to_do import draw_what_to_do, what_to_do_layout

T0 = 1_000_000
SIZE = (1600, 900)
"""Large, so that few lines are cut short (one cut short counts when it begins wrapped)."""

ROUTINE: dict[str, Any] = {
    "title": "[!! Evening stretch !!]",
    "lead_in": 5,
    "prepare": 3,
    "steps": [
        {
            "instruction": "[!! Kneel on a mat, hands under your shoulders. !!]",
            "name": "[!! Kneel !!]",
            "position": "all-fours",
        },
        {
            "exercise": "[!! Holds !!]",
            "reps": 2,
            "sides": "both",
            "position": "side-lying",
            "do": "[!! Squeeze gently, then let go. !!]",
            "phases": [
                {"name": "[!! Squeeze !!]", "time": 4},
                {"name": "[!! Relax !!]", "time": 4},
            ],
        },
        {
            "block": "[!! Pelvic tilts !!]",
            "sets": 2,
            "rest": 5,
            "steps": [{"exercise": "[!! Tilts !!]", "time": 65, "position": "standing"}],
        },
        {"rest": 10, "name": "[!! Rest !!]"},
        {"exercise": "[!! Quick squeezes !!]", "reps": 10},
    ],
}
WRAPPED = re.compile(r"\[!! .* !!\]", re.DOTALL)
PLAIN = re.compile(r"[\d\s\W]*")
"""Digits, punctuation and signs only: a countdown, ``1:30``, ``+10``, ``\u221210``."""


def key_names() -> set[str]:
    """The keys as the window names them (player/home's words, kept as they are)."""
    names = {window_key(key) for key in DEFAULT_BINDINGS.actions}
    return names | {window_key("enter"), "Y"}


def escaped(pieces: list[str], allowed: set[str]) -> list[str]:
    """The pieces drawn that did not come through the catalogs. Lines wrapped from one
    message are joined again first (until every ``[!!`` is closed); a line cut short to
    fit (with an ellipsis) counts when it begins wrapped; words from other packages
    (``allowed``) may be drawn on several lines."""
    found, run = [], ""
    for piece in pieces:
        run = f"{run} {piece.strip()}".strip()
        if run.startswith("[!!") and run.endswith(ELLIPSIS):
            run = ""
        elif run.count("[!!") <= run.count("!!]"):
            if not _accepted(run, allowed):
                found.append(run)
            run = ""
    return found + ([run] if run else [])


def _accepted(words: str, allowed: set[str]) -> bool:
    """Wrapped, or digits and signs, or keys, or (a line of) words from other packages."""
    if WRAPPED.fullmatch(words) or PLAIN.fullmatch(words) or _only_keys(words):
        return True
    return any(words in text for text in allowed if text)


def _only_keys(words: str) -> bool:
    """Keys, as the help lists them: ``Space, B, .`` or ``+  /  \u2212``."""
    keys = {key.strip() for key in re.split(r",|  /  ", words)}
    return keys <= key_names() | {""}


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every piece of text the window renders while the test runs, in the pseudo-language."""
    pieces: list[str] = []
    render = Assets.render

    def recording(self: Assets, words: str, size: int, colour: Colour) -> pygame.Surface:
        pieces.append(words)
        return render(self, words, size, colour)

    monkeypatch.setattr(Assets, "render", recording)
    with speaking(PSEUDO):
        yield pieces


class Player:
    def __init__(self, **options: Any) -> None:
        self.clock = FakeClock(T0)
        engine = Engine(Routine.model_validate(ROUTINE), Choices())
        self.session = Session(engine, RecordingSpeaker())
        self.app = WindowApp(self.session, self.clock, size=SIZE, **options)

    def step(self) -> bool:
        return self.app.step(self.clock.now())

    def press(self, key: int, typed: str = "") -> bool:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=typed, mod=0))
        return self.step()

    def wait(self, ms: int) -> None:
        end = self.clock.now() + ms
        while self.clock.now() < end:
            self.step()
            self.clock.sleep_until(min(end, self.app.next_wake(self.clock.now())))
        self.step()

    def allowed(self) -> set[str]:
        """Words that come from other packages: what was just said (player/playback), the
        end screen's own lines (player/playback, player/care), and the name of the rest
        between sets, which player/playback gives."""
        view = self.session.view(self.clock.now())
        step = view.frame.step
        rest = step.name if step.kind == "set_rest" else ""
        return {view.caption or "", view.ending.headline or "", *view.ending.said, rest}


def test_every_screen_of_a_session_draws_only_words_from_the_catalogs(
    drawn: list[str],
) -> None:
    player = Player(question_follows=True)
    allowed: set[str] = set()
    try:
        assert WRAPPED.fullmatch(pygame.display.get_caption()[0])  # the window's title
        covers: set[str | None] = set()
        states: set[str] = set()
        for _ in range(10_000):
            player.step()
            allowed |= player.allowed()
            assert player.app.shown is not None
            states.add(player.session.engine.state)
            if player.session.engine.state == "finished":
                break
            if player.session.engine.state == "waiting":
                player.press(pygame.K_RETURN, "\r")
            elif len(covers) < 4:
                # pause, the help over it, the question to stop, then the get-ready after
                for key, typed in ((pygame.K_SPACE, " "), (pygame.K_h, "h")):
                    player.press(key, typed)
                    covers.add(player.app.shown.cover)
                player.press(pygame.K_h, "h")
                player.press(pygame.K_ESCAPE)
                covers.add(player.app.shown.cover)
                player.press(pygame.K_n, "n")
                covers.add(player.app.shown.cover)
                player.wait(200)
                covers.add(player.app.shown.cover)
            if player.session.engine.state == "playing" and not player.session.muted:
                player.press(pygame.K_m, "m")
            player.clock.sleep_until(player.app.next_wake(player.clock.now()))
        assert player.app.shown is not None and player.app.shown.finished
        assert {"paused", "help", "quit", "get_ready"} <= covers
        assert "waiting" in states
        assert drawn
        assert escaped(drawn, allowed) == []
    finally:
        player.app.close()


def test_a_question_draws_only_words_from_the_catalogs(drawn: list[str]) -> None:
    question = Question(
        title="[!! How is your back now? !!]",
        lines=("[!! Pick a number. !!]",),
        choices=tuple(Choice(str(n), str(n), str(n)) for n in range(11)),
        cancel="cancelled",
        scale=True,
    )
    display = Display(size=SIZE)
    try:
        screen = QuestionScreen(question, FakeClock(T0), display, Assets())
        screen.step(T0)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_7, unicode="7", mod=0))
        screen.step(T0)
        assert screen.state.typed == "7"
    finally:
        display.close()
    assert any(piece.startswith("[!! Click a number") for piece in drawn)
    assert any(piece.startswith("[!! 7 \u2014 press Enter") for piece in drawn)
    assert escaped(drawn, set()) == []


def test_the_screen_of_what_to_do_draws_only_words_from_the_catalogs(drawn: list[str]) -> None:
    assets = Assets()
    surface = pygame.Surface(SIZE)
    where = what_to_do_layout(*SIZE, assets)
    for page in range(len(where.pages)):
        draw_what_to_do(surface, where, page, assets, DEFAULT_THEME)
    assert len(where.pages) > 1
    assert drawn
    assert escaped(drawn, set()) == []


def test_the_first_use_check_and_its_refusal_draw_only_words_from_the_catalogs(
    drawn: list[str],
) -> None:
    refusal = first_use.refusal("[!! Tiny !!]", ("[!! Massage !!] (massage)",), "rp x")
    told = Question("[!! Not started !!]", tuple(refusal.splitlines()), (), cancel="ok")
    display = Display(size=SIZE)
    try:
        for question in (first_use.question("routine-player settings"), told):
            screen = QuestionScreen(question, FakeClock(T0), display, Assets())
            screen.step(T0)
    finally:
        display.close()
    assert any(piece.startswith("[!! Were you advised not to exercise?") for piece in drawn)
    assert any("Ask me later" in piece for piece in drawn)
    assert escaped(drawn, {"N", "L"}) == []  # the keys on the badges, Y among the key names
