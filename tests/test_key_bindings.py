"""Hands-free keys: a presentation clicker, a foot pedal and the media keys drive a session
in the window and the terminal, the keys can be changed in the settings, and no key a
clicker sends can end a session by accident.

Window keys are posted as pygame events to the real WindowApp; terminal keys go through
the real TerminalLoop and CursesScreen, as curses hands them over. Each test asserts what
the engine did.
"""

from __future__ import annotations

import curses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pygame
import pytest

from player.home.bindings import (
    ACTION_NAMES,
    DEFAULT_BINDINGS,
    SESSION_COMMANDS,
    bindings,
    key_name,
    parse_keys,
    spoken_key,
)
from player.home.settings import SettingsError, changed, load_settings, save_settings
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.events import DoneSaid, Event, Skipped
from player.playback.session import COMMANDS, Session
from player.playback.speaker import RecordingSpeaker
from player.routine.model import Routine
from player.terminal.render import render
from player.terminal.screen import CursesScreen, TerminalLoop, terminal_keys
from player.window.app import WindowApp
from player.window.controls import controls_for

S = 1000
T0 = 1_000_000

ROUTINE: dict[str, Any] = {
    "title": "Keys",
    "lead_in": 0,
    "prepare": 0,
    "steps": [
        {"exercise": "First", "time": 30},
        {"exercise": "Second", "time": 30},
        {"exercise": "Third", "time": 30},
    ],
}

# What clickers, pedals and keyboards send, as SDL2 gives them to pygame.
MEDIA_PLAY = 261 | 1 << 30
MEDIA_STOP = 260 | 1 << 30
MEDIA_NEXT = 258 | 1 << 30
MEDIA_PREVIOUS = 259 | 1 << 30
F13 = 104 | 1 << 30
T0_DAY = date(2026, 12, 2)


# -- the names of keys, and the settings ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Page Down", "page down"),
        ("PgDn", "page down"),
        ("pageup", "page up"),
        ("Esc", "escape"),
        ("Return", "enter"),
        ("B", "b"),
        (".", "."),
        ("period", "."),
        ("comma", ","),
        ("F5", "f5"),
        ("f24", "f24"),
        ("play/pause", "media play"),
        ("Media  Next", "media next"),
    ],
)
def test_a_key_is_named_as_a_person_would_type_it(typed: str, name: str) -> None:
    assert key_name(typed) == name


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("page dwn", "no key called 'page dwn' (did you mean 'page down'?)"),
        ("f25", "no key called 'f25'"),
        ("", "no key called 'nothing'"),
        ("ab", "name one character (b, ., 5) or a key such as space"),
    ],
)
def test_an_unknown_key_is_refused_with_what_there_is(typed: str, said: str) -> None:
    with pytest.raises(ValueError, match="no key called") as refused:
        key_name(typed)
    assert said in str(refused.value)


def test_keys_are_given_with_commas_or_as_a_list() -> None:
    assert parse_keys("page down, n") == ("page down", "n")
    assert parse_keys(["Page Down", "n", "n"]) == ("page down", "n")
    assert parse_keys(",") == (",",)
    with pytest.raises(ValueError, match="a comma is written 'comma'"):
        parse_keys("a, ,")
    with pytest.raises(ValueError, match="at most 8 keys"):
        parse_keys(", ".join("abcdefghi"))


def test_the_defaults_fit_a_clicker_and_the_media_keys() -> None:
    does = DEFAULT_BINDINGS.action_of
    for key in ("page down", "right", "n", "media next"):
        assert does(key) == "next"
    for key in ("page up", "left", "p", "media previous"):
        assert does(key) == "back"
    for key in ("space", "b", ".", "f5", "media play", "media stop"):
        assert does(key) == "pause"
    assert DEFAULT_BINDINGS.keys_of("quit") == ("escape", "q")
    assert set(DEFAULT_BINDINGS.actions.values()) == set(ACTION_NAMES)


def test_a_key_given_to_an_action_leaves_the_action_it_had() -> None:
    mine = bindings({"next": ["b", "f13"]})
    assert mine.keys_of("next") == ("b", "f13")
    assert "b" not in mine.keys_of("pause")
    assert mine.keys_of("pause") == ("space", ".", "f5", "media play", "media stop")
    assert mine.action_of("page down") is None  # next has only the keys given now


def test_one_key_for_two_actions_or_an_unknown_action_is_refused() -> None:
    with pytest.raises(ValueError, match="'b' is given to both next and pause"):
        bindings({"next": ["b"], "pause": ["b"]})
    with pytest.raises(ValueError, match="did you mean 'next'"):
        bindings({"nxt": ["b"]})


def test_keys_are_shown_as_people_know_them() -> None:
    assert [spoken_key(k) for k in ("escape", "page down", "f5", "media next", "b")] == [
        "Esc",
        "Page Down",
        "F5",
        "Media Next",
        "b",
    ]


def test_the_settings_keep_changed_keys_and_read_them_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    settings = changed(load_settings(path), "keys.next", parse_keys("b, PgDn"), T0_DAY)
    save_settings(path, settings)
    assert "next: b, page down" in path.read_text(encoding="utf-8")
    again = load_settings(path)
    assert again.bindings.keys_of("next") == ("b", "page down")
    assert again.bindings.action_of(".") == "pause"
    with pytest.raises(SettingsError, match=r"keys\.pause: 'b' is given to both next and pause"):
        changed(again, "keys.pause", ("b",), T0_DAY)


def test_a_settings_file_with_a_bad_key_says_where(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("rate: 170\nkeys:\n  nxt: b\n  pause: [b, qq]\n", encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    lines = str(refused.value).splitlines()
    assert lines[0].endswith(
        ":3:3: keys.nxt: no action called 'nxt'; did you mean 'next'? "
        "The actions are: " + ", ".join(ACTION_NAMES)
    )
    assert ":4:" in lines[1] and "no key called 'qq'" in lines[1]
    path.write_text("keys:\n  next: b\n  pause: b\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r":3:3: keys\.pause: 'b' is given to both next and"):
        load_settings(path)


# -- the window -----------------------------------------------------------------------------


class Window:
    """One WindowApp on a fake clock, with the keys of ``keys``."""

    def __init__(self, keys: dict[str, list[str]] | None = None) -> None:
        self.clock = FakeClock(T0)
        self.session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
        self.app = WindowApp(
            self.session, self.clock, size=(800, 450), controls=controls_for(bindings(keys))
        )
        self.app.step(self.clock.now())

    def press(self, key: int, typed: str = "") -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=typed, mod=0))
        self.clock.advance(100)
        self.app.step(self.clock.now())

    @property
    def step_name(self) -> str:
        return self.session.engine.frame(self.clock.now()).step.name

    @property
    def state(self) -> str:
        return self.session.engine.state


@pytest.fixture
def window() -> Iterator[Window]:
    made = Window()
    yield made
    made.app.close()


@pytest.mark.parametrize(
    ("forward", "backward"),
    [
        ((pygame.K_PAGEDOWN, ""), (pygame.K_PAGEUP, "")),
        ((MEDIA_NEXT, ""), (MEDIA_PREVIOUS, "")),
        ((pygame.K_RIGHT, ""), (pygame.K_LEFT, "")),
        ((pygame.K_n, "n"), (pygame.K_p, "p")),
    ],
)
def test_window_clicker_and_media_keys_move_between_steps(
    window: Window, forward: tuple[int, str], backward: tuple[int, str]
) -> None:
    window.press(*forward)
    assert window.step_name == "Second"
    window.press(*forward)
    assert window.step_name == "Third"
    window.press(*backward)
    assert window.step_name == "Second"


@pytest.mark.parametrize(
    "key",
    [
        (pygame.K_b, "b"),
        (pygame.K_PERIOD, "."),
        (pygame.K_F5, ""),
        (MEDIA_PLAY, ""),
        (MEDIA_STOP, ""),
        (pygame.K_SPACE, " "),
    ],
)
def test_window_blank_screen_f5_and_media_keys_pause_and_go_on(
    window: Window, key: tuple[int, str]
) -> None:
    window.press(*key)
    assert window.state == "paused"
    window.press(*key)
    assert window.state == "playing"


def test_a_clickers_slideshow_button_pressed_again_and_again_never_stops(window: Window) -> None:
    # A clicker's slideshow button sends F5 and Esc by turns.
    for key in [pygame.K_F5, pygame.K_ESCAPE] * 4 + [pygame.K_F5]:
        window.press(key)
        assert window.app.outcome is None
    assert window.state in ("paused", "playing")
    assert window.app.step(window.clock.now())


def test_window_keys_follow_the_settings() -> None:
    window = Window({"next": ["b", "f13"]})
    try:
        window.press(pygame.K_b, "b")
        assert window.step_name == "Second"
        window.press(F13)
        assert window.step_name == "Third"
        window.press(pygame.K_PAGEDOWN)  # no longer next: only the keys given
        assert window.step_name == "Third"
        window.press(pygame.K_PERIOD, ".")  # still pauses
        assert window.state == "paused"
    finally:
        window.app.close()


# -- the terminal ---------------------------------------------------------------------------


class FakeWindow:
    """The curses window calls CursesScreen makes; keys as curses hands them over."""

    encoding = "utf-8"

    def __init__(self, keys: list[str | int]) -> None:
        self.keys = keys

    def getmaxyx(self) -> tuple[int, int]:
        return 24, 80

    def timeout(self, ms: int) -> None:
        pass

    def get_wch(self) -> str | int:
        if not self.keys:
            raise curses.error("no input")
        return self.keys.pop(0)

    def erase(self) -> None:
        pass

    def addstr(self, row: int, column: int, text: str, attr: int) -> None:
        pass

    def refresh(self) -> None:
        pass


def terminal(keys: list[str | int], changes: dict[str, list[str]] | None = None) -> TerminalLoop:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(ROUTINE)), RecordingSpeaker())
    screen = CursesScreen(FakeWindow(keys))  # type: ignore[arg-type]
    return TerminalLoop(session, clock, screen, bindings(changes))


def pressed(loop: TerminalLoop, count: int) -> TerminalLoop:
    for _ in range(count):
        assert loop.step() is None
    return loop


def state_of(loop: TerminalLoop) -> str:
    return loop.session.engine.state


def step_of(loop: TerminalLoop) -> str:
    return loop.session.engine.frame(loop.clock.now()).step.name


def test_terminal_page_down_and_page_up_move_between_steps() -> None:
    loop = pressed(terminal([curses.KEY_NPAGE, curses.KEY_NPAGE, curses.KEY_PPAGE]), 2)
    assert step_of(loop) == "Third"
    pressed(loop, 1)
    assert step_of(loop) == "Second"


@pytest.mark.parametrize("key", ["b", ".", curses.KEY_F5, " "])
def test_terminal_blank_screen_and_f5_pause_and_go_on(key: str | int) -> None:
    loop = pressed(terminal([key, key]), 1)
    assert state_of(loop) == "paused"
    pressed(loop, 1)
    assert state_of(loop) == "playing"


def test_terminal_slideshow_button_again_and_again_never_stops() -> None:
    press: list[str | int] = [curses.KEY_F5, "\x1b"]
    keys = press * 4 + [curses.KEY_F5]
    loop = terminal(keys)
    pressed(loop, 9)
    assert state_of(loop) in ("paused", "playing")


def test_terminal_keys_and_help_follow_the_settings() -> None:
    loop = pressed(terminal(["b", curses.KEY_F13], {"next": ["b", "f13"]}), 2)
    assert step_of(loop) == "Third"
    assert "KEY_NPAGE" not in terminal_keys(bindings({"next": ["b"]}))
    view = loop.session.view(loop.clock.now())
    changed_help = render(view, 80, 24, bindings=bindings({"quit": ["x"], "next": ["f13"]}))
    footer = " ".join(changed_help[-2:])
    assert footer.split()[:2] == ["x", "stop"]
    assert "F13 next" in footer
    assert "Esc" not in footer


def test_the_window_shows_the_keys_of_the_settings() -> None:
    window = Window({"pause": ["f13"], "quit": ["x"]})
    try:
        window.press(pygame.K_h, "h")
        assert window.app.shown is not None
        rows = dict((does, keys) for keys, does in window.app.shown.help_rows)
        assert rows["Pause, or go on"] == "F13"
        assert rows["Pause, and ask whether to stop"] == "X"
        assert rows["Next step"] == "Right, N, Page Down"
        window.press(pygame.K_h, "h")
        window.press(F13)
        assert window.state == "paused"
        faces = {face.name: face.key for face in window.app.shown.buttons}
        assert (faces["pause"], faces["quit"]) == ("F13", "X")
        window.press(pygame.K_x, "x")
        assert window.app.shown.stop_keys == "X or Y"
        window.press(pygame.K_ESCAPE)  # not a stop key here: goes on, still paused
        assert window.app.outcome is None
        assert window.state == "paused"
    finally:
        window.app.close()


def test_the_terminal_names_the_persons_keys_when_paused_and_waiting() -> None:
    loop = pressed(terminal(["x"], {"pause": ["x"], "done": ["f13"]}), 1)
    assert state_of(loop) == "paused"
    view = loop.session.view(loop.clock.now())
    mine = bindings({"pause": ["x"], "done": ["f13"]})
    shown = [line.strip() for line in render(view, 80, 24, bindings=mine)]
    assert "PAUSED \u2014 x to go on" in shown
    default = [line.strip() for line in render(view, 80, 24)]
    assert "PAUSED \u2014 Space to go on" in default


def test_every_session_command_a_key_can_give_is_one_the_session_knows() -> None:
    assert set(SESSION_COMMANDS.values()) <= set(COMMANDS)
    assert set(SESSION_COMMANDS) <= set(ACTION_NAMES)


def test_a_clickers_keys_cannot_be_given_to_quit() -> None:
    for key in ("page down", "f5", ".", "b", "media stop"):
        with pytest.raises(ValueError, match="a clicker must never end a session"):
            bindings({"quit": [key]})
    assert bindings({"quit": ["f12"]}).keys_of("quit") == ("f12",)


def test_a_y_given_to_something_else_does_not_say_yes_to_stopping() -> None:
    window = Window({"next": ["y", "page down"]})
    try:
        window.press(pygame.K_ESCAPE)
        window.clock.advance(1000)
        window.press(pygame.K_y, "y")
        assert window.app.outcome is None
    finally:
        window.app.close()


WAITS: dict[str, Any] = {
    "title": "Waits",
    "lead_in": 0,
    "prepare": 0,
    "steps": [{"exercise": "At your pace", "reps": 10}, {"exercise": "Last", "time": 10}],
}


def test_a_clicker_finishes_a_step_that_waits_as_done_and_closes_the_end_screen() -> None:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(WAITS)), RecordingSpeaker())
    seen: list[Event] = []
    session.listeners.append(lambda event, _now: seen.append(event))
    app = WindowApp(session, clock, size=(800, 450))
    try:
        app.step(clock.now())
        assert session.engine.state == "waiting"
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0))
        app.step(clock.now())
        assert session.engine.frame(clock.now()).step.name == "Last"
        assert any(isinstance(event, DoneSaid) for event in seen)
        assert not any(isinstance(event, Skipped) for event in seen)
        clock.advance(11 * S)
        app.step(clock.now())
        assert session.engine.state == "finished"
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0))
        assert not app.step(clock.now())
        assert app.outcome == "finished"
    finally:
        app.close()


def test_in_the_terminal_a_clicker_finishes_a_wait_and_closes_the_end() -> None:
    clock = FakeClock(T0)
    session = Session(Engine(Routine.model_validate(WAITS)), RecordingSpeaker())
    seen: list[Event] = []
    session.listeners.append(lambda event, _now: seen.append(event))
    screen = CursesScreen(FakeWindow([curses.KEY_NPAGE]))  # type: ignore[arg-type]
    loop = TerminalLoop(session, clock, screen)
    assert loop.step() is None
    assert session.engine.frame(clock.now()).step.name == "Last"
    assert any(isinstance(event, DoneSaid) for event in seen)
    assert not any(isinstance(event, Skipped) for event in seen)
    clock.advance(11 * S)
    loop.session.tick(clock.now())
    assert loop.press("KEY_NPAGE") == "finished"


def test_a_second_stop_key_too_soon_after_the_question_is_not_taken() -> None:
    loop = terminal(["q", "q"])
    pressed(loop, 2)
    assert loop.asking_to_quit
    loop.clock.advance(1000)
    assert loop.press("q") == "quit"


def test_in_the_terminal_a_clickers_page_down_skips_the_pain_question() -> None:
    import io

    from player.care.questions import pain_question
    from player.terminal.questions import ask_in_terminal

    pain = pain_question("How does your back feel right now?")
    assert ask_in_terminal(pain, io.StringIO("\x1b[6~\n"), io.StringIO(), (80, 24)) == "skip"
    assert ask_in_terminal(pain, io.StringIO("4\n"), io.StringIO(), (80, 24)) == "4"


def test_keys_in_the_settings_file_in_any_form_yaml_gives() -> None:
    assert parse_keys(5) == ("5",)
    assert parse_keys([5, "b"]) == ("5", "b")
    with pytest.raises(ValueError, match="found nothing"):
        parse_keys(None)
    with pytest.raises(ValueError, match="found keys with values"):
        parse_keys(["b", {"x": 1}])
