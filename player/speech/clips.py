"""Speakers that play short sound clips with pygame.mixer: spoken words, or chimes.

Rendering words to clips happens on a worker thread (which talks to the speech
process); playing a loaded clip never blocks, and ``Channel.stop()`` cuts speech off at
once on pause or skip. The render loop only ever calls the quick methods here.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pygame

from player.language import _, current
from player.speech.policy import Playing, decide
from player.speech.synth import SpeechUnavailable, Synthesizer
from player.system.bounded_cache import BoundedCache
from player.system.paths import MEDIA_DIR
from player.system.quiet import quiet_stderr

SAMPLE_RATE = 22_050
LOADED_CLIPS = 48
LOADED_BYTES = 2 * 1024 * 1024
"""Clips kept loaded in memory (about 45 seconds of speech: the short words said again
and again stay); older ones are loaded again from the disk cache, in 0.3 ms for a word
and 2 ms for a 15-second sentence."""

CHIME_DIR = MEDIA_DIR / "chimes"


class Ears(Protocol):
    """Who is told every sound played as it begins (voice commands take the player's own
    voice out of what the microphone hears); both are quick."""

    def played(self, raw: bytes, rate: int, channels: int) -> None: ...

    def stopped(self) -> None: ...


class AudioOut:
    """One mixer channel for the voice; ``ears``, when given, are told what it plays."""

    def __init__(self, ears: Ears | None = None) -> None:
        self.ears = ears
        self._channel = pygame.mixer.Channel(0)
        self._loaded: BoundedCache[Path, pygame.mixer.Sound] = BoundedCache(
            LOADED_CLIPS, LOADED_BYTES, sound_bytes
        )

    @classmethod
    def open(cls, ears: Ears | None = None) -> AudioOut | None:
        """The audio output, or None when there is no audio device."""
        try:
            if not pygame.mixer.get_init():
                with quiet_stderr():
                    pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=1, buffer=512)
            pygame.mixer.set_num_channels(2)
            return cls(ears)
        except pygame.error:
            return None

    def play(self, clip: Path) -> int | None:
        """Start the clip now; its length in milliseconds, or None if it cannot be read."""
        sound = self._loaded.get(clip)
        if sound is None:
            try:
                sound = pygame.mixer.Sound(str(clip))
            except (pygame.error, FileNotFoundError):
                return None
            self._loaded.put(clip, sound)
        self._channel.play(sound)
        if self.ears is not None:
            mixer = pygame.mixer.get_init()
            if mixer and mixer[1] == -16:  # the format the sound's raw samples are in
                self.ears.played(sound.get_raw(), mixer[0], mixer[2])
        return round(sound.get_length() * 1000)

    def stop(self) -> None:
        self._channel.stop()
        if self.ears is not None:
            self.ears.stopped()

    def close(self) -> None:
        self.stop()
        self._loaded.clear()


def sound_bytes(sound: pygame.mixer.Sound) -> int:
    """What a loaded sound's samples weigh, in the mixer's format."""
    mixer = pygame.mixer.get_init()
    if not mixer:
        return 0
    frequency, size, channels = mixer
    return round(sound.get_length() * frequency) * channels * (abs(size) // 8)


class _ClipPlayer:
    """The policy applied to clips: cut off, wait or drop; shared by voice and chimes."""

    def __init__(self, audio: AudioOut) -> None:
        self.audio = audio
        self.muted = False
        self._playing: Playing | None = None
        self._playing_clip: Path | None = None
        self._waiting: tuple[Path, int, int] | None = None  # clip, priority, due
        self.cut: list[Path] = []
        """Clips cut off by the next one before they ended, since the last look."""

    def offer(self, clip: Path, priority: int, now: int, due: int) -> None:
        if self.muted:
            return
        decision = decide(self._playing, priority, now, due)
        if decision == "play":
            self._start(clip, priority, now)
        elif decision == "wait":
            self._waiting = (clip, priority, due)

    def tick(self, now: int) -> None:
        if self._waiting is None or (self._playing and self._playing.ends_at > now):
            return
        clip, priority, due = self._waiting
        self._waiting = None
        self.offer(clip, priority, now, due)

    def stop(self) -> None:
        self.audio.stop()
        self._playing = None
        self._playing_clip = None
        self._waiting = None

    def _start(self, clip: Path, priority: int, now: int) -> None:
        if self._playing is not None and self._playing.ends_at > now and self._playing_clip:
            self.cut.append(self._playing_clip)
        length = self.audio.play(clip)
        self._waiting = None
        self._playing = Playing(priority, now + length) if length is not None else None
        self._playing_clip = clip if length is not None else None


class ChimeSpeaker:
    """Short chimes instead of words: a high one for countdowns, a soft one for the rest."""

    @property
    def description(self) -> str:
        return _("chimes")

    def __init__(self, audio: AudioOut, chime_dir: Path = CHIME_DIR) -> None:
        self._player = _ClipPlayer(audio)
        self._high = chime_dir / "high.wav"
        self._soft = chime_dir / "soft.wav"

    def prepare(self, texts: list[str]) -> None:
        pass

    def say(self, text: str, priority: int, now: int) -> None:
        self._player.offer(self._high if priority >= 3 else self._soft, priority, now, now)

    def stop(self) -> None:
        self._player.stop()

    def set_muted(self, muted: bool) -> None:
        self._player.muted = muted

    def tick(self, now: int) -> None:
        self._player.tick(now)

    def take_cut(self) -> list[str]:
        """Chimes cut off by the next are no words lost."""
        self._player.cut.clear()
        return []

    def take_voice(self) -> dict[str, str | None] | None:
        return None

    def close(self) -> None:
        self._player.audio.close()


class VoiceSpeaker:
    """Words rendered ahead of time on a worker thread and played as clips.

    Until the speech engine has started (and if it cannot), cues are chimed; ``notices``
    receives one line for people when the engine is found missing.
    """

    def __init__(
        self,
        audio: AudioOut,
        make_synthesizer: Callable[[], Synthesizer],
        notices: Callable[[str], None] = lambda line: None,
        chime_dir: Path = CHIME_DIR,
    ) -> None:
        self._player = _ClipPlayer(audio)
        self._chimes = ChimeSpeaker(audio, chime_dir)
        self._notices = notices
        self._ready: dict[str, Path] = {}
        self._done: queue.SimpleQueue[tuple[str, Path | None]] = queue.SimpleQueue()
        self._todo: queue.PriorityQueue[tuple[int, int, str]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._missing: tuple[str, int, int] | None = None  # text, priority, due
        self._state = "starting"
        self._synth: Synthesizer | None = None
        self._settled: queue.SimpleQueue[dict[str, str | None]] = queue.SimpleQueue()
        self._worker = threading.Thread(
            target=self._work, args=(make_synthesizer,), daemon=True, name="speech-renderer"
        )
        self._worker.start()

    @property
    def description(self) -> str:
        if self._state == "starting":
            return _("voice (starting)")
        return _("voice") if self._state == "voice" else _("chimes")

    # -- the render loop's side ---------------------------------------------------------

    def prepare(self, texts: list[str]) -> None:
        for text in texts:
            self._todo.put((1, next(self._order), text))

    def say(self, text: str, priority: int, now: int) -> None:
        if self._player.muted:
            return
        self._collect()
        if self._state != "voice":
            self._chimes.say(text, priority, now)
            return
        clip = self._ready.get(text)
        if clip is not None:
            self._player.offer(clip, priority, now, now)
        else:
            self._todo.put((0, next(self._order), text))
            self._missing = (text, priority, now)

    def tick(self, now: int) -> None:
        self._collect()
        if self._missing is not None:
            text, priority, due = self._missing
            clip = self._ready.get(text)
            if clip is not None:
                self._missing = None
                self._player.offer(clip, priority, now, due)
            elif decide(None, priority, now, due) == "drop":
                self._missing = None
        self._player.tick(now)
        self._chimes.tick(now)

    def stop(self) -> None:
        self._missing = None
        self._player.stop()
        self._chimes.stop()

    def take_cut(self) -> list[str]:
        """The words cut off by the next cue since the last look, for the events file."""
        said = {clip: text for text, clip in self._ready.items()}
        cut = [said.get(clip, clip.name) for clip in self._player.cut]
        self._player.cut.clear()
        self._chimes.take_cut()
        return cut

    def take_voice(self) -> dict[str, str | None] | None:
        """Which voice speaks, once the speech engine has started (or could not)."""
        try:
            return self._settled.get_nowait()
        except queue.Empty:
            return None

    def set_muted(self, muted: bool) -> None:
        self._player.muted = muted
        self._chimes.set_muted(muted)
        if muted:
            self.stop()

    def close(self) -> None:
        self._todo.put((-1, -1, ""))
        self._worker.join(timeout=3)
        self._player.audio.close()

    def _collect(self) -> None:
        while True:
            try:
                text, clip = self._done.get_nowait()
            except queue.Empty:
                return
            if text == "" and clip is None:
                continue
            if clip is not None:
                self._ready[text] = clip

    # -- the worker thread --------------------------------------------------------------

    def _work(self, make_synthesizer: Callable[[], Synthesizer]) -> None:
        try:
            synth = make_synthesizer()
        except SpeechUnavailable as error:
            self._state = "chimes"
            self._notices(str(error))
            self._settled.put({"voice": None, "language": current()})
            return
        self._synth = synth
        self._state = "voice"
        self._settled.put({"voice": synth.voice_id or None, "language": synth.language})
        try:
            while True:
                urgency, _order, text = self._todo.get()
                if urgency < 0:
                    return
                if text in self._ready:
                    continue
                self._done.put((text, synth.render(text)))
        finally:
            synth.close()
