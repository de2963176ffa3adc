"""One session as the shells see it: the engine, the voice, the captions and the event log.

A shell (window, terminal, none) reads the clock, calls ``tick(now)`` each time it wakes
and ``command(name, now)`` for each key or click, and draws ``view(now)``. Everything
that decides lives in the engine; this only routes its events to the voice, the caption
and the log.
"""

from __future__ import annotations

import io
import json
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Literal

from player.language import _
from player.playback.engine import Engine
from player.playback.events import CueDue, Event, Frame, Paused, Skipped, Stopped
from player.playback.speaker import Speaker
from player.system.regular_files import open_for_writing, reason

Command = Literal[
    "toggle_pause",
    "next",
    "previous",
    "step_before",
    "restart",
    "more_time",
    "less_time",
    "done",
    "mute",
    "captions",
]
COMMANDS: tuple[Command, ...] = typing.get_args(Command)

CAPTION_MS = 6_000
"""How long a caption stays, in clock milliseconds, unless a newer one replaces it."""


class EventLog:
    """One JSON line per event, flushed as it is written, so a crash loses nothing said."""

    def __init__(self, path: Path, *, opened: BinaryIO | None = None) -> None:
        """Raises OSError, saying which file and why, when ``path`` cannot be written (a
        named pipe, a device or a folder is refused, not waited on). ``opened`` is the
        file at ``path`` when it was opened for writing already."""
        handle = opened if opened is not None else _open_log(path)
        self._file: IO[str] = io.TextIOWrapper(handle, encoding="utf-8")

    def write(self, event: Event, now: int) -> None:
        self.write_record({**event.record(), "clock_ms": now})

    def write_record(self, record: dict[str, object]) -> None:
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


def _open_log(path: Path) -> BinaryIO:
    try:
        return open_for_writing(path)
    except OSError as error:
        # TRANSLATORS: an error for --events; {path} is a file, {reason} says why
        why = _("cannot write the events to {path}: {reason}")
        raise OSError(why.format(path=path, reason=reason(error, path))) from None


@dataclass(frozen=True)
class Ending:
    """What the end of a session says, set by whatever counts the session (the history)
    once it finishes: "Well done" only for a session that counts as done."""

    headline: str = ""
    """The first words, largest: "Well done", "You did 2 of 13 minutes"; empty when
    nothing counted the session."""
    reason: str = ""
    """Why it does not count, and what would: "A session counts from 11 minutes"."""
    lines: tuple[str, ...] = ()
    """The streak, and today's sessions."""

    @property
    def said(self) -> tuple[str, ...]:
        """Everything under the headline, in order."""
        return (self.reason, *self.lines) if self.reason else self.lines


@dataclass(frozen=True)
class View:
    """What a shell shows at one moment."""

    frame: Frame
    caption: str | None
    captions_on: bool
    muted: bool
    voice: str
    step_starts: tuple[int, ...] = ()
    """Where each step begins, in routine milliseconds: the marks on a progress bar."""
    ending: Ending = Ending()
    """What the end screen says, once the session has finished."""


class Session:
    def __init__(
        self,
        engine: Engine,
        speaker: Speaker,
        *,
        log: EventLog | None = None,
        muted: bool = False,
        captions_on: bool = True,
        listeners: Sequence[Callable[[Event, int], None]] = (),
        start_step: int = 0,
    ) -> None:
        self.engine = engine
        self.start_step = start_step
        """Where ``start`` begins: 0, or the step a resumed session carries on from."""
        self.listeners = list(listeners)
        """Called with every event and the clock time, after the session has acted on it:
        the history recorder is one."""
        self.stopped: str | None = None
        """Why the session was stopped at once (``stop``), once it has been."""
        self.ending = Ending()
        """Set by a listener when the session finishes: what the end screen says."""
        self.speaker = speaker
        self.log = log
        self.muted = muted
        self.captions_on = captions_on
        self._caption: str | None = None
        self._caption_until = 0
        speaker.set_muted(muted)
        speaker.prepare(sorted({cue.text for cue in engine.timeline.cues}))

    # -- driving ------------------------------------------------------------------------

    def start(self, now: int) -> list[Event]:
        """Begin playing at the first step, or (to resume) at the start of ``start_step``."""
        return self._handle(self.engine.start(now, self.start_step), now)

    def tick(self, now: int) -> list[Event]:
        events = self._handle(self.engine.advance(now), now)
        self.speaker.tick(now)
        self._note_cut(now)
        return events

    def command(self, name: Command, now: int) -> list[Event]:
        engine = self.engine
        if name == "mute":
            self.muted = not self.muted
            self.speaker.set_muted(self.muted)
            if self.muted:
                self.speaker.stop()
            return self.tick(now)
        if name == "captions":
            self.captions_on = not self.captions_on
            return self.tick(now)
        actions = {
            "toggle_pause": engine.toggle_pause,
            "next": engine.next_step,
            "previous": engine.previous_step,
            "step_before": engine.step_before,
            "restart": engine.restart_step,
            "more_time": lambda t: engine.adjust(t, +10_000),
            "less_time": lambda t: engine.adjust(t, -10_000),
            "done": engine.done,
        }
        return self._handle(actions[name](now), now)

    def stop(self, reason: str, now: int) -> list[Event]:
        """Stop at once, part way, for ``reason``: the voice falls silent and the stop, with
        why, goes in the events file and to the listeners (the history closes the session
        with it). Nothing more is played: the shell stops ticking. A second stop does
        nothing."""
        if self.stopped is not None or self.engine.state == "finished":
            self.speaker.stop()
            return []
        events = self._handle(self.engine.advance(now), now)  # where play is, to the moment
        self.speaker.stop()
        self.stopped = reason
        state: str = self.engine.state  # advanced: it may have come to its end just now
        if state == "finished":
            return events
        return [*events, *self._handle([Stopped(self.engine.position_ms, reason)], now)]

    def interrupted(self, reason: str, now: int) -> None:
        """Stopped from outside, for ``reason`` (such as "a TERM signal"): the stop goes in
        the events file as its last line, with where play was when it last moved on and the
        clock time ``now``. Nothing more is played, said or told to the listeners: whoever
        stopped it closes the session and the history the way any other way out does.
        Nothing is written for a session not yet begun, already finished, or already
        stopped at once (``stop``)."""
        if self.stopped is not None or self.engine.state in ("ready", "finished"):
            return
        if self.log is not None:
            self.log.write(Stopped(self.engine.position_ms, reason), now)

    def view(self, now: int) -> View:
        caption = self._caption if now < self._caption_until else None
        return View(
            self.engine.frame(now),
            caption,
            self.captions_on,
            self.muted,
            self.speaker.description,
            tuple(step.start_ms for step in self.engine.timeline.steps),
            self.ending,
        )

    def next_wake(self, now: int) -> int | None:
        """When something visible or audible is next due, on the clock."""
        times = [t for t in (self.engine.next_change_at(now),) if t is not None]
        if self._caption is not None and self._caption_until > now:
            times.append(self._caption_until)
        return min(times) if times else None

    def note(self, name: str, now: int) -> None:
        """Put a moment of the shell's own in the event log, such as the first frame shown."""
        if self.log is not None:
            self.log.write_record({"event": name, "clock_ms": now})

    def tell(self, caption: str, record: dict[str, object], now: int) -> None:
        """Show ``caption`` (unless empty) as a cue's words are shown, and put ``record`` in
        the event log: something the shell heard or noticed, such as a command said aloud."""
        if caption:
            self._caption = caption
            self._caption_until = now + CAPTION_MS
        if self.log is not None:
            self.log.write_record({**record, "clock_ms": now})

    def close(self) -> None:
        self.speaker.close()
        if self.log is not None:
            self.log.close()

    # -- inside -------------------------------------------------------------------------

    def _handle(self, events: list[Event], now: int) -> list[Event]:
        for event in events:
            if self.log is not None:
                self.log.write(event, now)
            if isinstance(event, CueDue):
                self._caption = event.text
                self._caption_until = now + CAPTION_MS
                self.speaker.say(event.text, event.priority, now)
            elif isinstance(event, (Paused, Skipped)):
                self.speaker.stop()
            for listener in self.listeners:
                listener(event, now)
        self._note_cut(now)
        return events

    def _note_cut(self, now: int) -> None:
        """Words the voice cut off before they ended go in the events file: what it says
        of a session is what was heard. So does the voice that speaks, once it is known
        (before the session's end: one that ends first had no voice to tell of)."""
        voice = self.speaker.take_voice()
        if voice is not None and self.log is not None and self.engine.state != "finished":
            self.log.write_record({"event": "voice", **voice, "clock_ms": now})
        for text in self.speaker.take_cut():
            if self.log is not None:
                self.log.write_record({"event": "cue_cut", "text": text, "clock_ms": now})
