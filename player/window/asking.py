"""The loop of one question in the window: keys and clicks in, the answer's value out.

It draws only when what is shown changes (a digit typed, a resize), and sleeps on the
clock between looks for input, like the session's loop.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from player.care.questions import Question
from player.playback.clock import Clock
from player.window.answering import GO_ON_KEYS, Answering
from player.window.assets import Assets
from player.window.display import Display, wait_for_input
from player.window.question import QuestionLayout, draw_question, question_layout
from player.window.screenshots import save_screenshot
from player.window.theme import DEFAULT_THEME, Theme

IDLE_MS = 1_000
"""The longest sleep: nothing is due while a question waits."""


class QuestionScreen:
    """One question shown in ``display`` until it is answered."""

    def __init__(
        self,
        question: Question,
        clock: Clock,
        display: Display,
        assets: Assets,
        *,
        theme: Theme = DEFAULT_THEME,
        screenshot: Path | None = None,
        go_on_keys: frozenset[int] = GO_ON_KEYS,
    ) -> None:
        self.clock = clock
        self.display = display
        self.assets = assets
        self.theme = theme
        self.state = Answering(question, go_on_keys=go_on_keys)
        self.screenshot = screenshot
        """Where to save a picture of the question the first time it is drawn."""
        self.draws = 0
        self._shown: tuple[tuple[int, int], str] | None = None
        self._layout: QuestionLayout | None = None

    @property
    def question(self) -> Question:
        return self.state.question

    def run(self, timeout_ms: int | None = None) -> str:
        """Wait for the answer and give its value: the question's ``cancel`` for Esc, for
        the window closed, and when ``timeout_ms`` pass without one."""
        deadline = None if timeout_ms is None else self.clock.now() + timeout_ms
        while self.step(self.clock.now()):
            now = self.clock.now()
            if deadline is not None and now >= deadline:
                self.state = self.state.cancel()
                break
            wake = now + IDLE_MS if deadline is None else min(now + IDLE_MS, deadline)
            wait_for_input(self.clock, wake)
        assert self.state.answer is not None
        return self.state.answer

    def step(self, now: int) -> bool:
        """Handle the events waiting and redraw if anything shown changed. False once the
        question has its answer."""
        for event in pygame.event.get():
            self.handle(event)
            if self.state.answer is not None:
                return False
        self._show()
        return True

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.display.closed_by_person = True
            self.state = self.state.cancel()
        elif event.type == pygame.KEYDOWN:
            char = getattr(event, "unicode", "") or ""
            if event.key == pygame.K_f and self.question.value_for("f") is None:
                self.display.toggle_fullscreen()
                self._shown = None
            else:
                self.state = self.state.press(event.key, char)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self.layout().choice_at(*event.pos)
            if index is not None:
                self.state = self.state.click(index)
        elif self.display.follow(event):
            self._shown = None

    def layout(self) -> QuestionLayout:
        """The question laid out for the window's present size."""
        width, height = self.display.surface.get_size()
        if self._layout is None or self._layout.size != (max(width, 160), max(height, 120)):
            self._layout = question_layout(
                self.question, width, height, self.assets.font, self.theme.text_scale
            )
        return self._layout

    def _show(self) -> None:
        surface = self.display.surface
        shown = (surface.get_size(), self.state.typed)
        if shown == self._shown:
            return
        draw_question(
            surface,
            self.layout(),
            self.assets,
            lit=self.state.lit,
            note=self.state.note,
            theme=self.theme,
        )
        pygame.display.flip()
        self.draws += 1
        self._shown = shown
        if self.screenshot is not None and self.draws == 1:
            save_screenshot(surface, self.screenshot)
