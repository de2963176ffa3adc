"""One window for a whole sitting: the questions before, the session, the questions after.

    shell = open_window(clock, large_text=settings.large_text)
    try:
        if shell.ask(safety_question) == "ok":
            outcome = shell.play(session)
            score = shell.ask(pain_question("How is your back now?"))
    finally:
        shell.close()

Once the person has closed the window (its close button), it is gone: every later
``ask`` gives the question's ``cancel`` and every later ``play`` gives "quit", at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import pygame

from player.care.questions import Question
from player.home.bindings import DEFAULT_BINDINGS, Bindings
from player.language import _
from player.listening.listener import Listener
from player.playback.clock import Clock
from player.playback.session import Session
from player.system.paths import MEDIA_DIR
from player.window.app import Outcome, WindowApp
from player.window.asking import QuestionScreen
from player.window.assets import Assets
from player.window.controls import controls_for
from player.window.display import INPUT, TITLE, WINDOW_SIZE, Display
from player.window.theme import DEFAULT_THEME, Theme, theme_for


class WindowShell:
    """An open window that asks questions and plays sessions, one after another."""

    def __init__(
        self,
        clock: Clock,
        *,
        fullscreen: bool = False,
        size: tuple[int, int] = WINDOW_SIZE,
        theme: Theme = DEFAULT_THEME,
        picture_dirs: Sequence[Path] = (MEDIA_DIR,),
        screenshots: Path | None = None,
        bindings: Bindings = DEFAULT_BINDINGS,
        frames_every_ms: int | None = None,
    ) -> None:
        self.clock = clock
        self.frames_every_ms = frames_every_ms
        """With screenshots, one more every this many ms of a session's routine time."""
        self.theme = theme
        self.controls = controls_for(bindings)
        self.screenshots = screenshots
        """Where each question's picture (question-01.png, ...) and, unless ``play`` is
        given another folder, each step's are saved."""
        self.display = Display(fullscreen=fullscreen, size=size)
        self.assets = Assets(picture_dirs)
        self.asked = 0
        """Questions asked so far."""

    @property
    def closed(self) -> bool:
        """The window is gone: closed by the person or by ``close``."""
        return not self.display.is_open or self.display.closed_by_person

    def ask(self, question: Question, *, timeout_ms: int | None = None) -> str:
        """Show ``question`` until it is answered; the value of the answer, or
        ``question.cancel`` for Esc, for the window closed, or after ``timeout_ms``
        without an answer. Keys pressed before the question was shown are not taken as
        its answer."""
        if self.closed:
            return question.cancel
        self.asked += 1
        shot = None
        if self.screenshots is not None:
            shot = self.screenshots / f"question-{self.asked:02d}.png"
        self.display.set_title(_(TITLE))
        pygame.event.clear(list(INPUT))
        screen = QuestionScreen(
            question,
            self.clock,
            self.display,
            self.assets,
            theme=self.theme,
            screenshot=shot,
            go_on_keys=self.controls.go_on_keys,
        )
        answer = screen.run(timeout_ms)
        self._after_person_closed()
        return answer

    def play(
        self,
        session: Session,
        *,
        screenshots: Path | None = None,
        close_at_end: bool = False,
        question_follows: bool = False,
        ears: Listener | None = None,
    ) -> Outcome:
        """Play ``session`` until its end screen is closed ("finished") or the person
        quits ("quit"). With ``question_follows``, the end screen says that Enter goes on
        to a question rather than closing. The session is left open: closing it is the
        caller's part. With ``ears``, commands said aloud act as keys do."""
        if self.closed:
            return "quit"
        app = WindowApp(
            session,
            self.clock,
            screenshots=screenshots or self.screenshots,
            close_at_end=close_at_end,
            question_follows=question_follows,
            theme=self.theme,
            display=self.display,
            assets=self.assets,
            controls=self.controls,
            frames_every_ms=self.frames_every_ms,
            ears=ears,
        )
        outcome = app.run()
        self._after_person_closed()
        return outcome

    def close(self) -> None:
        self.display.close()

    def __enter__(self) -> WindowShell:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _after_person_closed(self) -> None:
        if self.display.closed_by_person:
            self.display.close()


def open_window(
    clock: Clock,
    *,
    fullscreen: bool = False,
    size: tuple[int, int] | None = None,
    large_text: bool = False,
    high_contrast: bool = False,
    picture_dirs: Sequence[Path] = (MEDIA_DIR,),
    screenshots: Path | None = None,
    bindings: Bindings = DEFAULT_BINDINGS,
    flash: bool = False,
    frames_every_ms: int | None = None,
) -> WindowShell:
    """Open the window, for questions and sessions until ``close``."""
    return WindowShell(
        clock,
        fullscreen=fullscreen,
        size=size or WINDOW_SIZE,
        theme=theme_for(large_text=large_text, high_contrast=high_contrast, flash=flash),
        picture_dirs=picture_dirs,
        screenshots=screenshots,
        bindings=bindings,
        frames_every_ms=frames_every_ms,
    )
