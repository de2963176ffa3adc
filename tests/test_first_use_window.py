"""The first-use check in the window, headless: ``run.py play`` with real key presses on a
clock that moves only when the window sleeps. The question is drawn as large as the daily
check's; Y, N, L and Esc answer it; what is remembered, what is refused, and a massage that
still plays after a yes."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pygame
import pytest

from player import cli
from player.care import first_use
from player.care.questions import Question
from player.care.safety import daily_check_question
from player.commands import play
from player.home.settings import load_settings
from player.home.user_dirs import UserDirs
from player.playback.clock import FakeClock
from player.shells import WindowShellAdapter
from player.window.assets import Assets
from player.window.question import question_layout
from tests.conftest import WriteFile, recorded_sessions

T0 = 1_000_000
S = 1_000
TINY = """
title: Tiny
lead_in: 1s
prepare: 0
steps:
  - exercise: Reach
    time: 2s
"""


def key(char: str) -> pygame.event.Event:
    code = {"\r": pygame.K_RETURN, "\x1b": pygame.K_ESCAPE}.get(char) or ord(char.lower())
    return pygame.event.Event(pygame.KEYDOWN, key=code, unicode=char, mod=0)


class Person(FakeClock):
    """A fake clock on which the person presses keys at given seconds after the start."""

    def __init__(self, presses: Sequence[tuple[float, str]]) -> None:
        super().__init__(T0)
        self.presses = sorted((T0 + round(at * S), char) for at, char in presses)

    def sleep_until(self, when: int) -> None:
        super().sleep_until(when)
        while self.presses and self.presses[0][0] <= self.now():
            pygame.event.post(key(self.presses.pop(0)[1]))


def play_in_window(
    presses: Sequence[tuple[float, str]], *args: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[Question]]:
    """``run.py play ... --ui window``, the keys pressed as given; the exit code and every
    question the window asked."""
    asked: list[Question] = []
    ask = WindowShellAdapter.ask

    def recording(self: WindowShellAdapter, question: Question) -> str:
        asked.append(question)
        return ask(self, question)

    monkeypatch.setattr(WindowShellAdapter, "ask", recording)
    monkeypatch.setattr(play, "MonotonicClock", lambda: Person(presses))
    code = cli.main(["play", *args, "--ui", "window", "--mute"], out=io.StringIO())
    return code, asked


def remembered(home: Path) -> bool | None:
    return load_settings(UserDirs.under(home).settings_file).advised_against_exercise


def started(log: Path) -> list[str]:
    lines = log.read_text(encoding="utf-8").splitlines()
    return [e["name"] for e in map(json.loads, lines) if e["event"] == "step_started"]


TITLE = "Were you advised not to exercise?"


def test_the_question_is_drawn_as_large_as_the_daily_check() -> None:
    pygame.font.init()
    font = Assets().font
    ours = question_layout(first_use.question("routine-player settings"), 1280, 720, font)
    daily = question_layout(daily_check_question(), 1280, 720, font)
    assert not ours.cut
    assert min(text.size for text in ours.lines) >= 36  # as the daily check's, from a mat
    assert min(text.size for text in ours.title) >= 44
    assert min(t.size for t in ours.lines) >= min(t.size for t in daily.lines)
    assert [ours.choices[i].box.h >= 72 for i in range(3)] == [True] * 3


def test_n_in_the_window_is_remembered_and_the_routine_plays(
    write: WriteFile, unanswered_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log = tmp_path / "events.jsonl"
    presses = [(1, "n"), (2, "s"), (20, "\r"), (21, "s")]  # no; skip the pain scores
    code, asked = play_in_window(
        presses, str(write("tiny.yaml", TINY)), "--events", str(log), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_OK
    assert asked[0].title == TITLE
    assert started(log) == ["Get ready", "Reach"]
    assert remembered(unanswered_home) is False
    code, asked = play_in_window(
        [(1, "s"), (20, "\r"), (21, "s")], str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_OK
    assert TITLE not in [question.title for question in asked]


@pytest.mark.parametrize("answer", ["l", "\x1b"])
def test_later_or_esc_in_the_window_does_not_start_and_remembers_nothing(
    write: WriteFile, unanswered_home: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    code, asked = play_in_window(
        [(1, answer), (2, "\r")], str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_FAILED
    assert [q.title for q in asked] == [TITLE, "Not started"]
    assert "was not answered" in asked[1].lines[0]
    assert not UserDirs.under(unanswered_home).settings_file.exists()
    assert recorded_sessions(unanswered_home) == []


def test_y_in_the_window_refuses_then_the_massage_still_plays(
    write: WriteFile, unanswered_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, asked = play_in_window(
        [(1, "y"), (2, "\r")], str(write("tiny.yaml", TINY)), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_FAILED
    assert [q.title for q in asked] == [TITLE, "Not started"]
    told = asked[1].lines  # the refusal, one paragraph a line, in large type
    assert told[0].endswith(
        "Please talk to your midwife or doctor before using the exercise routines."
    )
    assert told[1].startswith("Still suitable") and "(partner-back-massage)" in told[1]
    assert (
        told[2] == "If that has changed: 'routine-player settings set advised-against-exercise no'."
    )
    assert remembered(unanswered_home) is True
    assert recorded_sessions(unanswered_home) == []

    log = tmp_path / "massage.jsonl"
    presses = [(1, "s"), (2, "s"), (30, "q"), (31, "y"), (40, "\r"), (41, "s")]
    code, asked = play_in_window(
        presses, "partner-back-massage", "--events", str(log), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_OK
    first_screen = asked[0]
    assert first_screen.title.startswith("Back massage by a partner")
    assert first_screen.lines[0] == first_use.played_anyway_note()
    assert TITLE not in [question.title for question in asked]
    assert started(log)[:2] == ["Get ready", "Get into position"]  # the massage began
    assert [s.outcome for s in recorded_sessions(unanswered_home)] == ["stopped"]
