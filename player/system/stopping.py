"""Stopping on a signal: Ctrl-C (INT), ``kill`` (TERM) and a closed terminal (HUP).

Each ends any command the same way, wherever it is waiting (a countdown's sleep, a key,
a line of standard input, a question in the window): :class:`StopSignal` is raised in the
main thread, every ``finally`` on the way out runs (the history records the session as
stopped, the voice and the window close, the terminal is given back), and the command
exits with 128 + the signal's number, as shells expect (130 for Ctrl-C, 143 for TERM).

SDL would otherwise take INT and TERM for itself and turn them into a "window closed"
event that nothing reads outside the window, so its handlers are turned off before it
starts.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from types import FrameType

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""The signals that stop the player (Windows has no SIGHUP)."""

_NAMES: dict[int, str] = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "a TERM signal"}
_HANGUP = "the terminal closed"


class StopSignal(BaseException):
    """A signal asked the player to stop. A BaseException, like KeyboardInterrupt, so that
    no ``except Exception`` on the way out mistakes it for an error and carries on."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        """What stopped it, in a few words: "Ctrl-C", "a TERM signal", "the terminal closed"."""
        if self.signum == getattr(signal, "SIGHUP", None):
            return _HANGUP
        return _NAMES.get(self.signum, signal.Signals(self.signum).name)

    @property
    def reason(self) -> str:
        """Why the session stopped, as the events file keeps it (never translated): "an INT
        signal", "a TERM signal", "a HUP signal"."""
        name = signal.Signals(self.signum).name.removeprefix("SIG")
        article = "an" if name[0] in "AEIO" else "a"
        return f"{article} {name} signal"


CLEAN_UP_S = 3.0
"""After the first signal, how long the player has to record and close before another
signal ends it the hard way. A closing terminal sends HUP twice (the shell passes one
on), and a person may press Ctrl-C twice: neither should cut the clean-up short."""

_first_signal_at: float | None = None


def _stop(signum: int, frame: FrameType | None) -> None:
    global _first_signal_at
    for each in SIGNALS:
        signal.signal(each, _again)
    _first_signal_at = time.monotonic()
    raise StopSignal(signum)


def _again(signum: int, frame: FrameType | None) -> None:
    """A signal while the first one is being dealt with: let the clean-up finish, unless
    it has had its time, then end the process as the signal would by itself."""
    if _first_signal_at is not None and time.monotonic() - _first_signal_at < CLEAN_UP_S:
        return
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within this block, INT, TERM and HUP raise StopSignal; the handlers that were there
    before are put back after it. Outside the main thread it does nothing (Python lets
    only the main thread set handlers)."""
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    try:
        before = {each: signal.signal(each, _stop) for each in SIGNALS}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for each, handler in before.items():
            signal.signal(each, handler)
