"""The session in a terminal: a full-screen text view driven by the keyboard.

``TerminalLoop.step`` is one wake of the loop: tick the session, redraw when what is shown
changed, wait for a key no longer than until the next thing is due, act on it. It talks
to a ``Screen``, which curses provides in a real terminal and tests provide with a list
of keys, so the whole loop runs without a terminal. Only ``CursesScreen``, ``run_terminal``
and ``terminal_available`` touch curses, and they import it when called: where Python has
no curses, importing this module still works and ``terminal_available`` says no.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal, Protocol, TextIO, cast

from player.care.something_wrong import REASON as SOMETHING_WRONG
from player.home.bindings import DEFAULT_BINDINGS, SESSION_COMMANDS, Bindings
from player.listening.listener import Listener
from player.playback.clock import Clock
from player.playback.flash import flashing
from player.playback.session import Command, Session
from player.system.printable import printable
from player.terminal.hearing import hear
from player.terminal.render import Line, Style, layout, render
from player.terminal.what_to_do import page_count, what_to_do_lines

if TYPE_CHECKING:
    import curses

__all__ = [
    "Screen",
    "TerminalLoop",
    "key_to_command",
    "render",
    "run_terminal",
    "terminal_available",
]

MAX_WAIT_MS = 250
"""The longest a wake waits for a key, so that a resized screen is redrawn soon enough."""
LISTENING_WAIT_MS = 50
"""While listening, the longest wait: a command said aloud acts as soon as it is heard."""

Outcome = Literal["finished", "quit", "something wrong"]
""""something wrong": stopped at once with the "something is wrong" key, and the screen of
what to do closed."""

TerminalAction = Command | Literal["quit", "something_wrong"]
"""A session command, "quit", which pauses and asks first, or "something_wrong", which
stops at once and shows what to do (no clicker sends its key)."""

_DOES = cast(
    dict[str, TerminalAction],
    {**SESSION_COMMANDS, "quit": "quit", "something-wrong": "something_wrong"},
)
"""The terminal's action for each action the settings name; help and full screen are the
window's."""

_CURSES_NAMES: dict[str, tuple[str, ...]] = {
    "space": (" ",),
    "enter": ("\n", "\r", "KEY_ENTER"),
    "escape": ("\x1b",),
    "tab": ("\t",),
    "backspace": ("KEY_BACKSPACE", "\x7f", "\x08"),
    "delete": ("KEY_DC",),
    "insert": ("KEY_IC",),
    "home": ("KEY_HOME",),
    "end": ("KEY_END",),
    "page up": ("KEY_PPAGE",),
    "page down": ("KEY_NPAGE",),
    "up": ("KEY_UP",),
    "down": ("KEY_DOWN",),
    "left": ("KEY_LEFT",),
    "right": ("KEY_RIGHT",),
    **{f"f{n}": (f"KEY_F{n}",) for n in range(1, 25)},
}
"""Named keys as curses reads them: a character, or the name of a special key. The media
keys never reach a terminal: the desktop takes them."""


def terminal_keys(bindings: Bindings = DEFAULT_BINDINGS) -> dict[str, TerminalAction]:
    """Each key as curses reads it, and what it does."""
    keys: dict[str, TerminalAction] = {}
    for name, does in bindings.actions.items():
        action = _DOES.get(does)
        if action is not None:
            for read in _CURSES_NAMES.get(name, (name,) if len(name) == 1 else ()):
                keys[read] = action
    return keys


KEYS = terminal_keys()
"""The default keys."""

CONFIRM_QUIT = ("y",)
"""Besides the quit keys, the key that says yes to quitting once it has been asked (unless
it is given to something else)."""
CONFIRM_AFTER_MS = 400
"""A yes to stopping counts only this long after the question (see the window's)."""
SETTLE_MS = 800
"""How long after it appears the screen of what to do takes no key: one pressed twice in
the hurry of stopping does not turn or close it unread."""


def key_to_command(
    key: str, keys: dict[str, TerminalAction] | None = None
) -> TerminalAction | None:
    """What a key asks for: a session command, "quit" (pauses and asks first), or None for
    a key that does nothing.

    ``key`` is a character (``"n"``, ``" "``, ``"\\n"``) or a curses key name
    (``"KEY_LEFT"``); letters work in either case."""
    table = KEYS if keys is None else keys
    return table.get(key) or table.get(key.lower())


class Screen(Protocol):
    """Where the loop draws and where its keys come from."""

    def size(self) -> tuple[int, int]:
        """(width, height) in characters."""
        ...

    def read_key(self, timeout_ms: int) -> str | None:
        """The next key, waiting at most ``timeout_ms``; None when none came."""
        ...

    def show(self, lines: Sequence[Line]) -> None:
        """Replace what is on the screen with ``lines``."""
        ...

    def flash(self) -> None:
        """Flash the whole screen once (the terminal's visual bell)."""
        ...


class TerminalLoop:
    """The terminal shell of one session: keys in, lines out."""

    def __init__(
        self,
        session: Session,
        clock: Clock,
        screen: Screen,
        bindings: Bindings = DEFAULT_BINDINGS,
        flash: bool = False,
        ears: Listener | None = None,
    ) -> None:
        self.session = session
        self.ears = ears
        """Listening for commands said aloud, when asked to."""
        self.clock = clock
        self.screen = screen
        self.flash = flash
        """Flash the screen at each step and on a step's last three seconds."""
        self._lit = False
        self.bindings = bindings
        self.keys = terminal_keys(bindings)
        self.asking_to_quit = False
        self._paused_to_ask = False
        self._asked_at = 0
        self.shown: tuple[tuple[int, int], list[Line]] | None = None
        self.what_to_do_page: int | None = None
        """The page of what to do shown, once stopped because something is wrong."""
        self._stopped_at = 0

    def step(self) -> Outcome | None:
        """One wake: move the session on, redraw if needed, take one key if one comes.
        Returns how the session ended once the person has closed it, else None."""
        now = self.clock.now()
        if self.what_to_do_page is None:
            if self.session.engine.state == "ready":
                self.session.start(now)
                if self.ears is not None:
                    self.ears.begin(now)
            self.session.tick(now)
            heard = hear(self, self.ears, now) if self.ears is not None else None
            if heard is not None:
                return heard
        self.draw(now)
        self._flash_if_due(now)
        # Drawing takes a moment: waiting from before it would make the next cue late.
        key = self.screen.read_key(self.wait_ms(self.clock.now()))
        return None if key is None else self.press(key)

    def draw(self, now: int) -> None:
        width, height = self.screen.size()
        if self.what_to_do_page is not None:
            lines = what_to_do_lines(width, height, self.what_to_do_page, self.bindings)
        else:
            lines = layout(
                self.session.view(now),
                width,
                height,
                asking_to_quit=self.asking_to_quit,
                bindings=self.bindings,
                listening=self.ears is not None,
            )
        if self.shown != ((width, height), lines):
            self.screen.show(lines)
            self.shown = ((width, height), lines)

    def _flash_if_due(self, now: int) -> None:
        """Flash once as each flashing moment begins (see ``playback.flash``)."""
        lit = self.flash and self.what_to_do_page is None
        lit = lit and flashing(self.session.view(now).frame)
        if lit and not self._lit:
            self.screen.flash()
        self._lit = lit

    def wait_ms(self, now: int) -> int:
        """How long to wait for a key: until the session next changes, at most a moment."""
        wake = self.session.next_wake(now) if self.what_to_do_page is None else None
        longest = MAX_WAIT_MS if self.ears is None else LISTENING_WAIT_MS
        if wake is None:
            return longest
        return max(0, min(wake - now, longest))

    def press(self, key: str) -> Outcome | None:
        action = key_to_command(key, self.keys)
        now = self.clock.now()
        if self.what_to_do_page is not None:
            return self._read(key, action, now)
        if action == "something_wrong" and self.session.engine.state != "finished":
            self.session.stop(SOMETHING_WRONG, now)  # at once, even while asking to quit
            self.asking_to_quit = False
            self.what_to_do_page = 0
            self._stopped_at = now
            return None
        if self.asking_to_quit:
            says_yes = action == "quit" or (key.lower() in CONFIRM_QUIT and action is None)
            if says_yes and now - self._asked_at < CONFIRM_AFTER_MS:
                return None  # too soon after the question: a bounce, or a hurried double press
            if says_yes:
                self.asking_to_quit = False
                return self.outcome()
            self.go_on(now)
            return None
        if self.session.engine.state == "finished" and action in ("quit", "next", "toggle_pause"):
            return "finished"  # the end screen closes with the keys a clicker has
        if action == "next" and self.session.engine.state == "waiting":
            action = "done"  # a clicker cannot send Enter: going on from a wait is done
        if action == "quit":
            self.ask_to_stop(now)
        elif action is not None and action != "something_wrong":
            self.session.command(action, now)
        return None

    def ask_to_stop(self, now: int) -> None:
        """Pause at once and ask whether to stop: time stands still while she answers."""
        self.asking_to_quit = True
        self._asked_at = now
        if self.session.engine.state in ("playing", "waiting"):
            self.session.command("toggle_pause", now)
            self._paused_to_ask = True

    def go_on(self, now: int) -> None:
        """Not stopping after all: the session goes on as it was before the question."""
        self.asking_to_quit = False
        if self._paused_to_ask and self.session.engine.state == "paused":
            self.session.command("toggle_pause", now)
        self._paused_to_ask = False

    def _read(self, key: str, action: TerminalAction | None, now: int) -> Outcome | None:
        """A key on the screen of what to do: turn the page, or close it."""
        if now - self._stopped_at < SETTLE_MS or self.what_to_do_page is None:
            return None
        width, height = self.screen.size()
        last = page_count(width, height) - 1
        enter = key in ("\n", "\r", "KEY_ENTER")
        if action == "quit" or (enter and self.what_to_do_page >= last):
            return "something wrong"
        if action in ("next", "toggle_pause", "done") or key in ("KEY_DOWN", " "):
            self.what_to_do_page = min(last, self.what_to_do_page + 1)
        elif action == "previous" or key == "KEY_UP":
            self.what_to_do_page = max(0, self.what_to_do_page - 1)
        return None

    def outcome(self) -> Outcome:
        return "finished" if self.session.engine.state == "finished" else "quit"

    def run(self) -> Outcome:
        while True:
            ended = self.step()
            if ended is not None:
                return ended


# -- the real terminal --------------------------------------------------------------------


ASCII_STAND_INS = str.maketrans(
    {
        "\u2588": "#",
        "\u2591": ".",
        "\u2502": "|",
        "\u2014": "-",
        "\u2026": ".",
        "\u00b7": "|",
        "\u00bb": ">",
    }
)
"""For a terminal whose encoding has no block characters: one character for one."""


GONE_AFTER_INSTANT_MISSES = 20
"""Reads that fail at once, this many times in a row while a wait was asked for, mean the
terminal has gone (closed without a hang-up signal): the session then ends."""


class TerminalGone(Exception):
    """The terminal the session was shown in is no longer there."""


class CursesScreen:
    """A Screen on a curses window."""

    def __init__(self, window: curses.window) -> None:
        import curses

        self._curses = curses
        self._window = window
        self._instant_misses = 0
        self._styles: dict[Style, int] = {
            "plain": curses.A_NORMAL,
            "title": curses.A_BOLD,
            "big": curses.A_BOLD,
            "state": curses.A_REVERSE | curses.A_BOLD,
            "dim": curses.A_DIM,
        }
        self._plain_ascii = not _can_encode("\u2588\u2591\u2502\u2014\u2026", window.encoding)
        names = [n for read in _CURSES_NAMES.values() for n in read if n.startswith("KEY_")]
        self._key_names = {getattr(curses, n): n for n in names if hasattr(curses, n)}

    def size(self) -> tuple[int, int]:
        height, width = self._window.getmaxyx()
        return width, height

    def read_key(self, timeout_ms: int) -> str | None:
        self._window.timeout(timeout_ms)
        started = time.monotonic()
        try:
            key = self._window.get_wch()
        except self._curses.error:  # no key in time, or no terminal any more
            quick = timeout_ms >= 50 and time.monotonic() - started < 0.005
            self._instant_misses = self._instant_misses + 1 if quick else 0
            if self._instant_misses >= GONE_AFTER_INSTANT_MISSES:
                raise TerminalGone from None
            return None
        self._instant_misses = 0
        if isinstance(key, int):  # a special key; one of no use here is named by its code
            return self._key_names.get(key, f"KEY_{key}")
        return key

    def show(self, lines: Sequence[Line]) -> None:
        window = self._window
        window.erase()
        for row, (written, style) in enumerate(lines):
            text = printable(written)
            if self._plain_ascii:
                text = text.translate(ASCII_STAND_INS).encode("ascii", "replace").decode("ascii")
            column = len(text) - len(text.lstrip(" "))
            text = text[column:]
            if style == "state" and column > 0:  # reverse video with a space either side
                column, text = column - 1, f" {text} "
            # Writing the bottom-right cell raises, as the cursor cannot move past it; the
            # text is drawn all the same.
            with contextlib.suppress(self._curses.error):
                window.addstr(row, column, text, self._styles[style])
        window.refresh()

    def flash(self) -> None:
        with contextlib.suppress(self._curses.error):  # a terminal that cannot flash
            self._curses.flash()


def _can_encode(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def run_terminal(
    session: Session,
    clock: Clock,
    bindings: Bindings = DEFAULT_BINDINGS,
    flash: bool = False,
    ears: Listener | None = None,
) -> Outcome:
    """Play ``session`` full screen until the person closes it: "finished" or "quit".

    The terminal is given back as it was on the way out, after Ctrl-C and after an error."""
    import curses

    def play(window: curses.window) -> Outcome:
        with contextlib.suppress(curses.error):  # a terminal that cannot hide its cursor
            curses.curs_set(0)
        with contextlib.suppress(curses.error):  # keep the terminal's own colours
            curses.use_default_colors()
        with contextlib.suppress(curses.error, AttributeError):
            curses.set_escdelay(25)  # Esc asks at once, not after curses's usual second
        return TerminalLoop(session, clock, CursesScreen(window), bindings, flash, ears).run()

    try:
        return _in_full_screen(play)
    except (KeyboardInterrupt, TerminalGone):
        if session.stopped is not None:
            return "something wrong"
        return "finished" if session.engine.state == "finished" else "quit"


def _in_full_screen(play: Callable[[curses.window], Outcome]) -> Outcome:
    """``curses.wrapper``, but a terminal that has gone (closed, HUP) cannot make giving it
    back fail: each step of it is tried on its own, and what stopped the session (a
    signal, the terminal gone) is what is reported, not curses's complaint."""
    import curses

    window = curses.initscr()
    try:
        curses.noecho()
        curses.cbreak()
        window.keypad(True)
        with contextlib.suppress(curses.error):
            curses.start_color()
        return play(window)
    finally:
        with contextlib.suppress(curses.error):
            window.keypad(False)
        with contextlib.suppress(curses.error):
            curses.echo()
        with contextlib.suppress(curses.error):
            curses.nocbreak()
        with contextlib.suppress(curses.error):
            curses.endwin()


def _is_terminal(stream: TextIO | None) -> bool:
    """A stream that is a terminal; not one that was closed (None) or has no descriptor."""
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False


def terminal_available() -> bool:
    """Whether a full-screen text view can be shown: a terminal on both ends that curses knows."""
    if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)):
        return False
    if os.environ.get("TERM", "") in ("", "dumb"):
        return False
    try:
        import curses

        curses.setupterm(fd=sys.stdout.fileno())
    except Exception:  # no curses module, an unknown TERM, no terminfo
        return False
    return True
