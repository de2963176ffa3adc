"""The places a sitting can happen: a window, a full-screen terminal, plain lines, or the
voice alone. Each asks questions and plays sessions in its own way, behind one shape.

Each shell loads its own modules only when it is used, so that a session in the window
loads nothing of the terminal's (its text fitting alone takes a few milliseconds to load,
before the first frame)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TextIO

from player.care.questions import Choice, Question
from player.care.something_wrong import REASON as SOMETHING_WRONG
from player.home.bindings import DEFAULT_BINDINGS, Bindings
from player.language import _
from player.listening.listener import Listener
from player.playback.clock import Clock
from player.playback.session import Session
from player.system.paths import MEDIA_DIR
from player.system.printable import printable


class Shell(Protocol):
    interactive: bool
    """Someone is there to answer questions that can be skipped, such as the pain score."""
    clock: Clock
    """The clock the session is played on."""

    def ask(self, question: Question) -> str: ...

    def tell(self, title: str, message: str) -> None:
        """Show why nothing is played, where the person is looking (one paragraph a line)."""
        ...

    def play(self, session: Session) -> str:
        """ "finished" when the session was played to its end, else "quit"."""
        ...

    def close(self) -> None: ...


class LinesShell:
    """Plain lines on standard output (``out``), or nothing at all for the voice alone;
    questions and "done" are read from standard input."""

    def __init__(
        self, clock: Clock, stdin: TextIO, out: TextIO, err: TextIO, *, show: bool
    ) -> None:
        self.clock = clock
        self.stdin = stdin
        self.out = out
        self.err = err
        self.show = show
        self.interactive = _is_terminal(stdin)

    def ask(self, question: Question) -> str:
        from player.terminal.questions import ask_in_terminal

        return ask_in_terminal(question, self.stdin, self.out)

    def tell(self, title: str, message: str) -> None:
        print(printable(message), file=self.err, flush=True)

    def play(self, session: Session) -> str:
        from player.terminal.lines import play_text
        from player.terminal.questions import read_line

        output = self.out if self.show else None

        def read_done_line() -> bool:
            """A line on standard input says done; with none to read, the step moves on."""
            line = read_line(self.stdin) if not self.stdin.closed else ""
            if not line and output is not None:
                said = _("(no keyboard input: moving on)")
                print(printable(f"  {said}"), file=output, flush=True)
            return bool(line)

        play_text(session, self.clock, output, read_done_line)
        return "finished"

    def close(self) -> None:
        """Nothing to close: the terminal is the person's."""


class TerminalShell(LinesShell):
    """The full-screen terminal: questions as plain lines before and after, the session
    drawn with curses."""

    def __init__(
        self,
        clock: Clock,
        stdin: TextIO,
        out: TextIO,
        err: TextIO,
        bindings: Bindings = DEFAULT_BINDINGS,
        flash: bool = False,
        ears: Listener | None = None,
    ) -> None:
        super().__init__(clock, stdin, out, err, show=True)
        self.interactive = True
        self.ears = ears
        self.bindings = bindings
        self.flash = flash

    def play(self, session: Session) -> str:
        """Full screen; after "Something is wrong", what to do is written again as plain
        lines once the full screen has gone, so that it stays to be read (and scrolled
        back to), however the screen was closed."""
        from player.terminal.screen import run_terminal

        try:
            return run_terminal(session, self.clock, self.bindings, self.flash, self.ears)
        finally:
            if session.stopped == SOMETHING_WRONG:
                self._what_to_do()

    def _what_to_do(self) -> None:
        from player.terminal.questions import terminal_size
        from player.terminal.text_fit import composed
        from player.terminal.what_to_do import what_to_do_text

        width, _rows = terminal_size(self.out)
        text = "\n".join(composed(printable(line)) for line in what_to_do_text(width))
        with contextlib.suppress(OSError, ValueError):  # a terminal gone (HUP) hears nothing
            print("\n" + text + "\n", file=self.out, flush=True)


class WindowShellAdapter:
    """The window: questions as screens with buttons, then the session, in one window.

    A window that closes by itself at the end is taken to be unattended: the pain scores
    are not asked, and any other question is shown and, with no one to answer it, closed
    at once (so a daily check not yet done means the session does not start)."""

    def __init__(
        self,
        clock: Clock,
        *,
        fullscreen: bool,
        large_text: bool,
        high_contrast: bool,
        flash: bool = False,
        screenshots: Path | None,
        close_at_end: bool,
        frames_every_ms: int | None = None,
        err: TextIO,
        picture_dirs: Sequence[Path] = (MEDIA_DIR,),
        bindings: Bindings = DEFAULT_BINDINGS,
        ears: Listener | None = None,
    ) -> None:
        from player.window.shell import open_window

        self.window = open_window(
            clock,
            fullscreen=fullscreen,
            large_text=large_text,
            high_contrast=high_contrast,
            flash=flash,
            picture_dirs=picture_dirs,
            screenshots=screenshots,
            bindings=bindings,
            frames_every_ms=frames_every_ms,
        )
        self.clock = clock
        self.ears = ears
        self.close_at_end = close_at_end
        self.interactive = not close_at_end
        self.err = err

    def ask(self, question: Question) -> str:
        return self.window.ask(question, timeout_ms=0 if self.close_at_end else None)

    def tell(self, title: str, message: str) -> None:
        print(printable(message), file=self.err, flush=True)
        lines = tuple(message.splitlines())  # one paragraph a line
        shown = Question(title, lines, (Choice("o", _("OK"), "ok"),), cancel="ok", on_go="ok")
        self.ask(shown)

    def play(self, session: Session) -> str:
        return self.window.play(
            session,
            close_at_end=self.close_at_end,
            question_follows=self.interactive,
            ears=self.ears,
        )

    def close(self) -> None:
        self.window.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
