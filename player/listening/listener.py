"""Listening through a session, on a thread of its own: audio in, commands out.

The listener loads the recogniser in the background as soon as it is made, so the first
frame never waits for it, and starts hearing when the session begins. The player never
takes its own words for a command: it tells the recogniser every sound it plays
(``played``, ``stopped``), and the recogniser takes them out of what it hears
(``echo.py``), so she can say a command while the voice speaks. A phrase heard while the
player's voice sounded (or a moment after) is taken only when the recogniser knows it for
hers; where it cannot (no libspeexdsp, a recording heard at any other pace than the
clock's, a canceller not yet working), it is not taken. Whatever goes wrong (no
microphone, no recogniser) is one notice, and the session goes on with keys.
"""

from __future__ import annotations

import collections
import contextlib
import queue
import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from player.language import _
from player.listening import audio
from player.listening.heard import Hit, Meaning
from player.listening.phrases import PHRASES, Phrase
from player.listening.recogniser import Recogniser
from player.system.failures import Failure

QUIET_AFTER_SPEAKING_MS = 400
"""A phrase that began this soon after the player's voice stopped is not taken either:
the room's echo of the last word, and the sound device's delay, are not her."""
SPEAKING_POLL_MS = 50
"""While hearing the microphone, how often the listener looks whether the voice sounds."""

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
        sound: Sound | None,
        *,
        speaking: Callable[[], bool] = lambda: False,
        wake: Callable[[], None] = lambda: None,
        phrases: Sequence[Phrase] = PHRASES,
        now: Callable[[], int] = lambda: time.monotonic_ns() // 1_000_000,
    ) -> None:
        """``sound`` is fed to the recogniser; None: the recogniser's process hears the
        microphone itself. ``speaking`` says whether the player's voice sounds now
        (asked from the listener's threads); ``wake`` is called from them when a command
        is heard, to wake the shell that takes it; ``now`` is the session's clock, which
        the microphone's times are on."""
        self.sound = sound
        self.speaking = speaking
        self.wake = wake
        self.now = now
        self.phrases = tuple(phrases)
        self._lock = threading.Lock()
        self._heard: collections.deque[VoiceCommand] = collections.deque()
        self._notices: collections.deque[str] = collections.deque()
        self.notices: list[str] = []
        """Everything that went wrong, one line each, to tell again after the session."""
        self._spoke = SpokenTimes()
        self._meaning = Meaning(self.phrases)
        self._begun = threading.Event()
        self._closing = threading.Event()
        self._begun_at = 0
        self._microphone: Recogniser | None = None
        """The recogniser hearing the microphone, once it does."""
        self._sounds: queue.SimpleQueue[tuple[bytes, int, int, int] | int] = queue.SimpleQueue()
        """What the player played, for the recogniser: a sound's samples, rate, channels
        and when it began; or when the player stopped sounding."""
        self.cancelling = False
        """Whether the player's voice is taken out of what is heard (once listening)."""
        self._sounds_wanted = True
        """Whether what the player plays is still noted: until the listener knows it does
        not take it out, or has stopped, when nothing would take it from the queue."""
        self._thread = threading.Thread(target=self._run, name="listener", daemon=True)
        self._thread.start()

    def begin(self, now: int) -> None:
        """The session has begun, at ``now``: start hearing."""
        if not self._begun.is_set():
            self._begun_at = now
            self._begun.set()

    def played(self, raw: bytes, rate: int, channels: int) -> None:
        """The player began a sound now: 16-bit samples, ``channels`` interleaved, ``rate``
        a second. Quick: it is only noted, for the listener's thread."""
        if self._sounds_wanted:
            self._sounds.put((raw, rate, channels, self.now()))

    def stopped(self) -> None:
        """The player stopped sounding now."""
        if self._sounds_wanted:
            self._sounds.put(self.now())

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
        hearing = self._microphone
        if hearing is not None:
            hearing.end()  # the thread waits on it for what it finds: it ends, and so does that
        self._thread.join(JOIN_SECONDS)

    # -- the listener's threads -----------------------------------------------------------

    def _run(self) -> None:
        try:
            self._listen()
        except Failure as failure:
            self._tell(str(failure))
        except Exception as error:  # a listener that fails leaves the keys, as ever
            self._tell(
                _("Voice commands stopped ({error}); keys work as always.").format(error=error)
            )
        finally:
            self._sounds_wanted = False
            while not self._sounds.empty():  # nothing takes them now
                self._sounds.get_nowait()

    def _listen(self) -> None:
        # In a process of its own: it loads meanwhile, and the window's frames never wait.
        echo = self.sound is None or self.sound.pace == 1
        recogniser = Recogniser(self.phrases, microphone=self.sound is None, echo=echo)
        try:
            self._begun.wait()
            if self._closing.is_set():
                return
            self.cancelling = self._sounds_wanted = recogniser.echo
            if recogniser.echo_problem is not None:
                self._tell(
                    _("Commands said while the voice speaks are not heard: {why}.").format(
                        why=recogniser.echo_problem
                    )
                )
            if self.sound is None:
                self._microphone = recogniser
                if not self._closing.is_set():
                    self._hear_microphone(recogniser)
                return
            self.sound.open(self._begun_at)
            try:
                self._hear(recogniser, self.sound)
            finally:
                self.sound.close()
        finally:
            recogniser.close()

    def _hear(self, recogniser: Recogniser, sound: Sound) -> None:
        fed = 0
        ms_per_sample = 1000 / audio.RATE / sound.pace
        while not self._closing.is_set():
            try:
                chunk = sound.read()
            except EOFError:
                return
            if chunk is None:
                continue
            if self.speaking():
                span = len(chunk.samples) * ms_per_sample
                self._spoke.add(chunk.ends_at - span, chunk.ends_at + QUIET_AFTER_SPEAKING_MS)
            self._tell_sounds(recogniser, wait=0)
            hits = recogniser.feed(chunk.samples, chunk.ends_at)
            fed += len(chunk.samples)
            for hit in hits:
                start, end = (
                    round(chunk.ends_at - (fed - seconds * audio.RATE) * ms_per_sample)
                    for seconds in (hit.start, hit.end)
                )
                self._found(hit.words, start, end, chunk.ends_at, hit.over_the_voice)

    def _tell_sounds(self, recogniser: Recogniser, wait: float) -> None:
        """Tell the recogniser what the player played since the last call, waiting up to
        ``wait`` seconds for something to tell; nothing when it does not take it out."""
        try:
            sound = self._sounds.get(timeout=wait) if wait else self._sounds.get_nowait()
            while True:
                if self.cancelling:
                    if isinstance(sound, int):
                        recogniser.stopped(sound)
                    else:
                        recogniser.played(*sound)
                sound = self._sounds.get_nowait()
        except queue.Empty:
            pass

    def _tell_sounds_for_ever(self, recogniser: Recogniser) -> None:
        with contextlib.suppress(Failure):  # the recogniser stopped: the thread hearing it says so
            while not self._closing.is_set():
                self._tell_sounds(recogniser, wait=SPEAKING_POLL_MS / 1000)

    def _hear_microphone(self, recogniser: Recogniser) -> None:
        threading.Thread(target=self._note_speaking, name="listener-voice", daemon=True).start()
        threading.Thread(
            target=self._tell_sounds_for_ever,
            args=(recogniser,),
            name="listener-played",
            daemon=True,
        ).start()
        while not self._closing.is_set():
            found = recogniser.found()
            if found is None:
                return
            words, start, end, over_the_voice = found
            self._found(words, start, end, self.now(), over_the_voice)

    def _note_speaking(self) -> None:
        """While hearing the microphone: when the player's voice sounds, every moment."""
        while not self._closing.wait(SPEAKING_POLL_MS / 1000):
            if self.speaking():
                now = self.now()
                self._spoke.add(now - SPEAKING_POLL_MS, now + QUIET_AFTER_SPEAKING_MS)

    def _found(
        self, words: str, start: int, end: int, heard_at: int, over_the_voice: bool = False
    ) -> None:
        """A phrase found from ``start`` to ``end`` on the clock: a command, unless it is
        the same saying found again, or the player's voice sounded meanwhile and the
        recogniser did not know it for hers (``over_the_voice``: the echo canceller,
        known to work, left it whole over what it was told was played). So a sound the
        recogniser was not told of, or told of too late, is never taken for her."""
        found = self._meaning.of(Hit(words, end / 1000, start / 1000))
        if found is None or (self._spoke.during(start, end) and not over_the_voice):
            return
        phrase, _heard = found
        said_at = max(self._begun_at, end)
        with self._lock:
            self._heard.append(VoiceCommand(phrase.words, phrase.command, said_at, heard_at))
        self.wake()

    def _tell(self, notice: str) -> None:
        with self._lock:
            self._notices.append(notice)
            self.notices.append(notice)
        self.wake()


class SpokenTimes:
    """When the player's voice sounded, on the clock: the last minute of it."""

    KEPT_MS = 60_000

    def __init__(self) -> None:
        self._spans: collections.deque[tuple[float, float]] = collections.deque()
        self._lock = threading.Lock()

    def add(self, start: float, end: float) -> None:
        with self._lock:
            spans = self._spans
            if spans and start <= spans[-1][1]:
                start = min(start, spans[-1][0])
                end = max(end, spans.pop()[1])
            spans.append((start, end))
            while spans and spans[0][1] < end - self.KEPT_MS:
                spans.popleft()

    def during(self, start: float, end: float) -> bool:
        """Whether the voice sounded at any moment from ``start`` to ``end``."""
        with self._lock:
            return any(first <= end and start <= last for first, last in self._spans)


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
