"""'Something is wrong': the warning signs grouped by how soon to get help, the key and the
button that stop a session at once, what the events file and the history keep, and the
screen of what to do, in the window and in the terminal."""

from __future__ import annotations

import io
import json
import signal
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pygame
import pytest

from player.care import safety
from player.care.something_wrong import (
    GROUPS,
    REASON,
    Line,
    group_of,
    pages,
    what_to_do,
)
from player.history.recorder import begin_recording
from player.history.report import outcome_text
from player.history.store import HistoryStore
from player.home.bindings import CLICKER_KEYS, DEFAULT_BINDINGS, bindings
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.events import Stopped
from player.playback.session import EventLog, Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.shells import TerminalShell
from player.system.stopping import StopSignal
from player.system.text_width import cells
from player.terminal.screen import SETTLE_MS as TERMINAL_SETTLE_MS
from player.terminal.screen import TerminalLoop, key_to_command
from player.terminal.what_to_do import page_count, what_to_do_lines, what_to_do_text
from player.window.app import WindowApp
from player.window.draw import layout_for
from player.window.theme import ACCENT, DEFAULT_THEME
from player.window.what_to_do import (
    SETTLE_MS,
    WhatToDoScreen,
    what_to_do_layout,
)

S = 1000
T0 = 1_000_000
PARIS = timezone(timedelta(hours=1))
ROUTINE: dict[str, Any] = {
    "title": "Wrong test",
    "lead_in": 0,
    "prepare": 0,
    "steps": [
        {"exercise": "Reach up", "time": 30, "do": "Reach both arms up."},
        {"exercise": "Tilts", "time": 30},
    ],
}


# -- the groups (pure) --------------------------------------------------------------------


def test_every_warning_sign_is_in_exactly_one_group() -> None:
    grouped = [sign for group in GROUPS for sign in group.signs]
    assert sorted(grouped) == sorted(safety.WARNING_SIGNS)
    assert len(grouped) == len(set(grouped))


def test_the_most_urgent_group_comes_first() -> None:
    assert [group.urgency for group in GROUPS] == ["emergency", "now", "today"]


@pytest.mark.parametrize(
    ("sign", "urgency"),
    [
        ("Chest pain", "emergency"),
        ("Feeling out of breath before any effort", "emergency"),
        ("Bleeding from the vagina", "now"),
        ("Fluid leaking from the vagina", "now"),
        ("Regular, painful contractions", "now"),
        ("The baby moving less than usual, once you feel the movements", "now"),
        ("Pain or swelling in a calf", "now"),
        ("Back pain with a fever", "now"),  # a high temperature: the maternity unit, now
        ("Back pain with unusual discharge or pain in your belly", "now"),
        (
            "Back pain with pain when passing urine, or passing urine much more often than usual",
            "today",
        ),
        ("Back pain with nausea or vomiting beyond your usual morning sickness", "today"),
    ],
)
def test_each_sign_has_the_help_it_needs(sign: str, urgency: str) -> None:
    assert group_of(sign).urgency == urgency


def test_a_sign_that_is_not_a_warning_sign_has_no_group() -> None:
    with pytest.raises(KeyError):
        group_of("A stubbed toe")


def test_the_screen_says_each_group_then_what_to_do_otherwise_then_the_disclaimer() -> None:
    lines = what_to_do()
    headings = [line.text for line in lines if line.kind == "heading"]
    assert headings == [
        "Call your local emergency number now:",
        "Call your maternity unit or labour ward now:",
        "Contact your midwife or doctor today:",
    ]
    signs = [line.text for line in lines if line.kind == "sign"]
    assert set(safety.WARNING_SIGNS) <= set(signs)
    assert lines[-2].text.startswith("None of these? Rest")
    assert lines[-1].text == safety.DISCLAIMER


def test_a_page_that_begins_inside_a_group_begins_with_its_heading() -> None:
    lines = what_to_do()
    paged = pages(lines, lambda line: 1, 5)
    assert all(len(page) <= 5 for page in paged)
    for page in paged:
        first = page[0]
        assert first.kind in ("heading", "text"), page
        assert page[-1].kind != "heading"  # a heading never ends a page
    shown = [line for page in paged for line in page if line.kind != "heading"]
    assert shown == [line for line in lines if line.kind != "heading"]  # all, in order


def test_a_line_taller_than_a_page_has_a_page_of_its_own() -> None:
    lines = (Line("text", "short"), Line("text", "tall"), Line("text", "short again"))
    paged = pages(lines, lambda line: 9 if line.text == "tall" else 1, 3)
    assert [[line.text for line in page] for page in paged] == [
        ["short"],
        ["tall"],
        ["short again"],
    ]


# -- the key ------------------------------------------------------------------------------


def test_x_says_something_is_wrong_and_no_clicker_sends_it() -> None:
    assert DEFAULT_BINDINGS.keys_of("something-wrong") == ("x",)
    assert not CLICKER_KEYS.intersection(DEFAULT_BINDINGS.keys_of("something-wrong"))


def test_the_key_can_be_changed_but_not_to_a_clickers() -> None:
    assert bindings({"something-wrong": ["w", "f9"]}).keys_of("something-wrong") == ("w", "f9")
    with pytest.raises(ValueError, match="page down is what a presentation clicker sends"):
        bindings({"something-wrong": ["page down"]})


# -- the session, the events file and the history -----------------------------------------


def make_session(log: EventLog | None = None) -> Session:
    return Session(Engine(Routine.model_validate(ROUTINE), Choices()), RecordingSpeaker(), log=log)


def test_stopping_silences_the_voice_and_writes_why_with_the_time(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    session = make_session(EventLog(path))
    heard: list[object] = []
    session.listeners.append(lambda event, now: heard.append(event))
    session.start(T0)
    session.tick(T0 + 12 * S)
    speaker = session.speaker
    assert isinstance(speaker, RecordingSpeaker)
    stops = speaker.stops
    session.stop(REASON, T0 + 12 * S)
    session.stop(REASON, T0 + 13 * S)  # a second press does nothing more
    session.close()
    assert speaker.stops > stops
    assert session.stopped == REASON
    assert [e for e in heard if isinstance(e, Stopped)] == [Stopped(12 * S, REASON)]
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[-1] == {
        "event": "stopped",
        "actual_ms": 12 * S,
        "reason": "something is wrong",
        "clock_ms": T0 + 12 * S,
    }


@pytest.fixture
def history(tmp_path: Path) -> Iterator[HistoryStore]:
    store = HistoryStore.connect(tmp_path / "history.sqlite3", pytest.fail)
    yield store
    store.close()


def test_the_history_marks_the_session_stopped_early_with_why(history: HistoryStore) -> None:
    session = make_session()
    wall = iter(datetime(2025, 3, 10, 9, 0, s, tzinfo=PARIS) for s in range(60))
    recorder = begin_recording(
        history, session.engine, lambda: next(wall), routine="r", digest="d", path="p", reps=None
    )
    session.listeners.append(recorder)
    session.start(T0)
    session.tick(T0 + 40 * S)
    session.stop(REASON, T0 + 40 * S)
    recorder.stop("stopped")  # as play does on the way out: nothing changes

    [record] = history.sessions()
    assert (record.outcome, record.stop_reason) == ("stopped", "something is wrong")
    assert record.done_ms == 40 * S  # what was done, no more
    assert recorder.record.stop_reason == REASON
    assert outcome_text(record) == "stopped: something was wrong (66%)"
    assert history.resumable("r", date(2025, 3, 10)) is None  # not offered to carry on


# -- the window ---------------------------------------------------------------------------


class Player:
    def __init__(self, tmp_path: Path, size: tuple[int, int] = (1280, 720)) -> None:
        self.clock = FakeClock(T0)
        self.events = tmp_path / "events.jsonl"
        self.history = HistoryStore.connect(tmp_path / "history.sqlite3", pytest.fail)
        self.session = make_session(EventLog(self.events))
        self.recorder = begin_recording(
            self.history,
            self.session.engine,
            lambda: datetime(2025, 3, 10, 9, 0, tzinfo=PARIS),
            routine="r",
            digest="d",
            path="p",
            reps=None,
        )
        self.session.listeners.append(self.recorder)
        self.app = WindowApp(self.session, self.clock, size=size)

    def step(self) -> bool:
        return self.app.step(self.clock.now())

    def post(self, event: pygame.event.Event) -> bool:
        pygame.event.post(event)
        return self.step()

    def press(self, key: int, typed: str = "") -> bool:
        return self.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=typed, mod=0))

    def click(self, x: int, y: int) -> bool:
        return self.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(x, y)))

    def close(self) -> None:
        self.app.close()
        self.session.close()
        self.history.close()

    def stopped_as_it_should(self, at_ms: int) -> None:
        assert self.app.outcome == "something wrong"
        assert self.session.stopped == REASON
        speaker = self.session.speaker
        assert isinstance(speaker, RecordingSpeaker) and speaker.stops >= 1
        last = json.loads(self.events.read_text(encoding="utf-8").splitlines()[-1])
        assert (last["event"], last["reason"], last["actual_ms"]) == ("stopped", REASON, at_ms)
        [record] = self.history.sessions()
        assert (record.outcome, record.stop_reason) == ("stopped", REASON)


@pytest.fixture
def player(tmp_path: Path) -> Iterator[Player]:
    made = Player(tmp_path)
    made.step()
    yield made
    made.close()


def test_x_stops_the_session_at_once(player: Player) -> None:
    player.clock.advance(5 * S)
    assert not player.press(pygame.K_x, "x")
    player.stopped_as_it_should(5 * S)


def test_the_button_stops_the_session_at_once(player: Player) -> None:
    player.clock.advance(7 * S)
    player.step()
    assert player.app.shown is not None
    where = layout_for(player.app.surface, player.app.shown, player.app.assets)
    box = where.button("wrong")
    assert box is not None
    assert not player.click(*box.center)
    player.stopped_as_it_should(7 * S)


def test_x_stops_at_once_even_while_asking_whether_to_stop(player: Player) -> None:
    player.clock.advance(3 * S)
    player.press(pygame.K_ESCAPE)
    assert player.app.shown is not None and player.app.shown.cover == "quit"
    assert not player.press(pygame.K_x, "x")  # no wait, no second question
    player.stopped_as_it_should(3 * S)


def test_the_button_is_large_in_its_colour_and_clear_of_the_countdown(player: Player) -> None:
    assert player.app.shown is not None
    where = layout_for(player.app.surface, player.app.shown, player.app.assets)
    box = where.button("wrong")
    stop = where.button("quit")
    assert box is not None and stop is not None
    assert box.w >= 2.5 * stop.w and box.h >= 0.08 * 720
    assert box.y >= where.countdown.bottom and box.y >= where.caption.bottom
    alarm = DEFAULT_THEME.palette.alarm
    area = player.app.surface.subsurface(pygame.Rect(box.xywh))
    filled = pygame.mask.from_threshold(area, alarm, (1, 1, 1, 255)).count()
    assert filled > box.w * box.h // 3


def screen_for(player: Player) -> WhatToDoScreen:
    return WhatToDoScreen(player.clock, player.app.display, player.app.assets)


def test_the_screen_of_what_to_do_lists_every_sign_in_large_type(player: Player) -> None:
    where = what_to_do_layout(1280, 720, player.app.assets)
    assert 2 <= len(where.pages) <= 5
    rows = [row for page in where.pages for row in page]
    assert all(r.box.x >= 0 and r.box.right <= 1280 and r.box.bottom <= where.close.y for r in rows)
    capital = player.app.assets.render("H", where.text_size, (255, 255, 255)).get_bounding_rect()
    # about 27 pixels or more (pygame-ce 2.5 draws it a little smaller than 2.6): over
    # 5.5 mm on a 13-inch screen, read from 3 m
    assert capital.h >= 0.037 * 720
    said = " ".join(" ".join(row.text for row in page) for page in where.pages)
    for sign in safety.WARNING_SIGNS:
        assert sign in said
    assert safety.DISCLAIMER in said


def test_the_screen_draws_its_headings_and_turns_its_pages(player: Player) -> None:
    player.press(pygame.K_x, "x")
    screen = screen_for(player)
    assert screen.step(player.clock.now())
    where = screen.layout()
    heading = next(row for row in where.pages[0] if row.kind == "heading")
    area = player.app.surface.subsurface(pygame.Rect(heading.box.xywh))
    assert pygame.mask.from_threshold(area, ACCENT, (1, 1, 1, 255)).count() > 100
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, unicode="", mod=0))
    assert screen.step(player.clock.now())
    assert screen.page == 0  # too soon after it appeared: a key pressed in the hurry
    player.clock.advance(SETTLE_MS)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, unicode="", mod=0))
    assert screen.step(player.clock.now())
    assert screen.page == 1
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=where.back.center))
    assert screen.step(player.clock.now())
    assert screen.page == 0
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, unicode="", mod=0))
    assert not screen.step(player.clock.now())
    assert screen.closed


def test_run_shows_the_screen_until_it_is_closed(
    player: Player, monkeypatch: pytest.MonkeyPatch
) -> None:
    player.clock.advance(2 * S)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_x, unicode="x", mod=0))
    shown: list[int] = []
    original = WhatToDoScreen.step

    def step(self: WhatToDoScreen, now: int) -> bool:
        if self.draws and not shown:
            shown.append(self.page)
            player.clock.advance(SETTLE_MS)
            close = self.layout().close.center
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=close))
        return original(self, now)

    monkeypatch.setattr(WhatToDoScreen, "step", step)
    assert player.app.run() == "something wrong"
    assert shown == [0]
    player.stopped_as_it_should(2 * S)


# -- the terminal -------------------------------------------------------------------------


class FakeScreen:
    """Keys at given clock times; waiting for one moves the fake clock on."""

    def __init__(self, clock: FakeClock, keys: Sequence[tuple[int, str]]) -> None:
        self.clock = clock
        self.keys = list(keys)
        self.frames: list[list[str]] = []

    def size(self) -> tuple[int, int]:
        return 80, 24

    def read_key(self, timeout_ms: int) -> str | None:
        deadline = self.clock.now() + timeout_ms
        if self.keys and self.keys[0][0] <= deadline:
            at, key = self.keys.pop(0)
            self.clock.sleep_until(max(at, self.clock.now()))
            return key
        self.clock.sleep_until(deadline)
        return None

    def show(self, lines: Sequence[tuple[str, str]]) -> None:
        self.frames.append([text for text, _style in lines])

    def flash(self) -> None:
        pass


def test_the_terminal_key_stops_at_once_and_the_screen_says_what_to_do(tmp_path: Path) -> None:
    clock = FakeClock(T0)
    events = tmp_path / "events.jsonl"
    session = make_session(EventLog(events))
    assert key_to_command("x") == "something_wrong"
    stopped_at = T0 + 4 * S
    keys = [
        (stopped_at, "x"),
        (stopped_at + 10, "\x1b"),  # too soon: taken for a hurried second press
        (stopped_at + TERMINAL_SETTLE_MS, "KEY_NPAGE"),
        (stopped_at + TERMINAL_SETTLE_MS + 10, "\x1b"),
    ]
    screen = FakeScreen(clock, [(at, key) for at, key in keys])
    loop = TerminalLoop(session, clock, screen)  # type: ignore[arg-type]
    assert loop.run() == "something wrong"
    session.close()
    assert session.stopped == REASON
    last = json.loads(events.read_text(encoding="utf-8").splitlines()[-1])
    assert (last["event"], last["reason"], last["actual_ms"]) == ("stopped", REASON, 4 * S)
    pages_seen = [frame for frame in screen.frames if "Stopped. What to do now" in frame[0]]
    assert pages_seen and "Call your local emergency number now:" in "\n".join(pages_seen[0])
    assert any("Page 2 / " in frame[-1] for frame in pages_seen)
    assert session.engine.position_ms == 4 * S  # nothing more was played after the stop


def test_at_eighty_by_twenty_four_every_page_fits_and_every_sign_is_said() -> None:
    count = page_count(80, 24)
    assert 2 <= count <= 4
    said = []
    for page in range(count):
        lines = what_to_do_lines(80, 24, page)
        assert len(lines) == 24
        assert all(cells(text) <= 80 for text, _style in lines)
        assert lines[-1][0].strip().startswith(f"Page {page + 1} / {count}")
        words = (text.strip().removeprefix("- ") for text, _style in lines)
        said.append(" ".join(" ".join(each.split()) for each in words))
    joined = " ".join(said)
    for sign in safety.WARNING_SIGNS:
        assert sign in joined, sign
    assert " ".join(safety.DISCLAIMER.split()) in joined


@pytest.mark.parametrize(("width", "height"), [(40, 12), (24, 8), (200, 60)])
def test_any_terminal_size_fits(width: int, height: int) -> None:
    for page in range(page_count(width, height)):
        lines = what_to_do_lines(width, height, page)
        assert len(lines) <= height
        assert all(cells(text) <= width for text, _style in lines)


# -- what stays in the terminal -----------------------------------------------------------


@pytest.mark.parametrize("width", [80, 40, 200])
def test_what_to_do_as_plain_lines_says_everything_within_the_width(width: int) -> None:
    lines = what_to_do_text(width)
    assert lines[0] == "Stopped. What to do now"
    assert all(cells(line) <= min(width, 76) for line in lines)
    joined = " ".join(" ".join(line.removeprefix("- ").split()) for line in lines)
    for line in what_to_do():
        assert " ".join(line.text.split()) in joined, line.text
    assert "- Chest pain" in lines
    assert lines.index("Call your local emergency number now:") < lines.index("- Chest pain")


class StopsAtOnce:
    """``run_terminal`` in a terminal where X is pressed (``wrong``) or Esc quits."""

    def __init__(self, wrong: bool) -> None:
        self.wrong = wrong

    def __call__(self, session: Session, *args: object) -> str:
        session.start(T0)
        if self.wrong:
            session.stop(REASON, T0 + 2 * S)
            return "something wrong"
        return "quit"


@pytest.mark.parametrize("wrong", [True, False])
def test_after_the_full_screen_what_to_do_stays_in_the_terminal(
    monkeypatch: pytest.MonkeyPatch, wrong: bool
) -> None:
    """Written to where the terminal writes, wrapped to its width: 80 when it is not a
    terminal (as here, a file), or the terminal's own."""
    monkeypatch.setattr("player.terminal.screen.run_terminal", StopsAtOnce(wrong))
    out = io.StringIO()
    shell = TerminalShell(FakeClock(T0), io.StringIO(), out, io.StringIO())
    session = make_session()
    shell.play(session)
    session.close()
    written = out.getvalue().splitlines()
    if not wrong:  # stopped with Esc: nothing to do, nothing said
        assert written == []
        return
    assert "Stopped. What to do now" in written
    assert "Call your maternity unit or labour ward now:" in written
    assert all(cells(line) <= 80 for line in written)
    assert " ".join(safety.DISCLAIMER.split()) in " ".join(" ".join(written).split())


def test_what_to_do_stays_in_the_terminal_after_a_signal_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """X, then Ctrl-C on the screen of what to do: the words stay all the same."""

    def stopped_then_interrupted(session: Session, *args: object) -> str:
        session.start(T0)
        session.stop(REASON, T0 + 2 * S)
        raise StopSignal(signal.SIGINT)

    monkeypatch.setattr("player.terminal.screen.run_terminal", stopped_then_interrupted)
    out = io.StringIO()
    shell = TerminalShell(FakeClock(T0), io.StringIO(), out, io.StringIO())
    with pytest.raises(StopSignal):
        shell.play(make_session())
    assert "Call your local emergency number now:" in out.getvalue().splitlines()
