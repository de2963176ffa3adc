"""Listening through a session, on a thread of its own: audio in, commands out.

The listener loads the recogniser in the background as soon as it is made, so the first
frame never waits for it, and starts hearing when the session begins. While the player's
own voice sounds (and for a moment after), what comes in is heard as silence: the player
never takes its own words for a command. Whatever goes wrong (no microphone, no
recogniser) is one notice, and the session goes on with keys.
"""

from __future__ import annotations

import collections
import threading
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from player.language import _
from player.listening import audio
from player.listening.heard import Meaning
from player.listening.phrases import PHRASES, Phrase
from player.listening.recogniser import Recogniser
from player.system.failures import Failure

QUIET_AFTER_SPEAKING_MS = 400
"""After the player's voice stops, this long is still heard as silence: the room's echo
of the last word, and the sound device's delay, are not her."""

JOIN_SECONDS = 2.0
"""How long closing waits for the thread to finish what it is doing."""


class Clock(Protocol):
    def now(self) -> int: ...

    def sleep_until(self, when: int) -> None: ...


@dataclass(frozen=True)
class Chunk:
    """A piece of audio, 16 000 samples a second in one channel, and the clock time its
    last sample was heard."""

    samples: array[int]
    ends_at: int


class Sound(Protocol):
    """Where the audio comes from: a microphone, or a recording standing in for one."""

    pace: float
    """Seconds of audio heard in a second of the clock: 1 for a microphone; a recording
    goes faster when the session does."""

    def open(self, now: int) -> None:
        """Begin hearing at ``now``; Failure, saying why, when it cannot."""

    def read(self) -> Chunk | None:
        """The next piece, waiting a moment for it; None when none came; EOFError at the
        end of a recording."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class VoiceCommand:
    """A command heard: its phrase, and on the session's clock when the phrase ended and
    when the listener knew it."""

    words: str
    command: str
    said_at: int
    heard_at: int


class Listener:
    def __init__(
        self,
        sound: Sound,
        *,
        speaking: Callable[[], bool] = lambda: False,
        wake: Callable[[], None] = lambda: None,
        phrases: Sequence[Phrase] = PHRASES,
    ) -> None:
        """``speaking`` says whether the player's voice sounds now (asked from the
        listener's thread); ``wake`` is called from it when a command is heard, to wake
        the shell that takes it."""
        self.sound = sound
        self.speaking = speaking
        self.wake = wake
        self.phrases = tuple(phrases)
        self._lock = threading.Lock()
        self._heard: collections.deque[VoiceCommand] = collections.deque()
        self._notices: collections.deque[str] = collections.deque()
        self.notices: list[str] = []
        """Everything that went wrong, one line each, to tell again after the session."""
        self._begun = threading.Event()
        self._closing = threading.Event()
        self._begun_at = 0
        self._thread = threading.Thread(target=self._run, name="listener", daemon=True)
        self._thread.start()

    def begin(self, now: int) -> None:
        """The session has begun, at ``now``: start hearing."""
        if not self._begun.is_set():
            self._begun_at = now
            self._begun.set()

    def take(self) -> list[VoiceCommand]:
        """The commands heard since the last call, in order."""
        with self._lock:
            heard = list(self._heard)
            self._heard.clear()
        return heard

    def take_notices(self) -> list[str]:
        """What went wrong since the last call, one line each."""
        with self._lock:
            notices = list(self._notices)
            self._notices.clear()
        return notices

    def close(self) -> None:
        self._closing.set()
        self._begun.set()
        self._thread.join(JOIN_SECONDS)

    # -- the listener's thread ------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._listen()
        except Failure as failure:
            self._tell(str(failure))
        except Exception as error:  # a listener that fails leaves the keys, as ever
            self._tell(
                _("Voice commands stopped ({error}); keys work as always.").format(error=error)
            )

    def _listen(self) -> None:
        recogniser = Recogniser(self.phrases)  # in a process of its own: it loads meanwhile
        try:
            self._begun.wait()
            if self._closing.is_set():
                return
            self.sound.open(self._begun_at)
            try:
                self._hear(recogniser)
            finally:
                self.sound.close()
        finally:
            recogniser.close()

    def _hear(self, recogniser: Recogniser) -> None:
        meaning = Meaning(self.phrases)
        fed = 0
        quiet_until = -1
        ms_per_sample = 1000 / audio.RATE / self.sound.pace
        while not self._closing.is_set():
            try:
                chunk = self.sound.read()
            except EOFError:
                return
            if chunk is None:
                continue
            samples = chunk.samples
            if self.speaking():
                quiet_until = chunk.ends_at + QUIET_AFTER_SPEAKING_MS
            if chunk.ends_at <= quiet_until:
                samples = array("h", bytes(2 * len(samples)))  # her voice, not the player's
            hits = recogniser.feed(samples)
            fed += len(samples)
            for hit in hits:
                found = meaning.of(hit)
                if found is None:
                    continue
                phrase, heard = found
                late = (fed - heard.seconds * audio.RATE) * ms_per_sample
                said_at = max(self._begun_at, round(chunk.ends_at - late))
                with self._lock:
                    self._heard.append(
                        VoiceCommand(phrase.words, phrase.command, said_at, chunk.ends_at)
                    )
                self.wake()

    def _tell(self, notice: str) -> None:
        with self._lock:
            self._notices.append(notice)
            self.notices.append(notice)
        self.wake()


class RecordingSound:
    """A recording standing in for the microphone, heard in step with the session's
    clock: its first sample when the session begins, ``pace`` times as fast as the clock
    (the session's speed), and a second of silence after its end."""

    CHUNK = audio.RATE // 10

    def __init__(self, samples: array[int], clock: Clock, pace: float = 1.0) -> None:
        self.samples = samples + array("h", bytes(2 * audio.RATE))
        self.clock = clock
        self.pace = pace
        self._begun = 0
        self._next = 0

    def open(self, now: int) -> None:
        self._begun = now

    def read(self) -> Chunk | None:
        if self._next >= len(self.samples):
            raise EOFError
        end = min(self._next + self.CHUNK, len(self.samples))
        due = self._begun + round(end * 1000 / audio.RATE / self.pace)
        self.clock.sleep_until(due)
        chunk = Chunk(self.samples[self._next : end], due)
        self._next = end
        return chunk

    def close(self) -> None:
        pass
