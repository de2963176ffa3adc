"""Words to WAV files with pyttsx3, in a child process that owns the speech engine.

pyttsx3's engine belongs to the thread that made it, its ``runAndWait`` blocks, and
with a broken espeak-ng install it can end the whole process. So the engine lives in a
child process of its own: it renders one text to one WAV file per request, and a
failure there is a failed request here, never a crash. Rendered clips are cached on
disk by their words and the voice settings, so a routine is rendered once.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

START_TIMEOUT_S = 15.0
RENDER_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None
    """A voice id or a part of its name, such as 'english' or 'en-gb'; None for the default."""
    rate: int = 165
    """Words per minute."""
    volume: float = 1.0

    def key(self) -> str:
        return f"{self.voice or 'default'}-{self.rate}-{self.volume:.2f}"


class Synthesizer(Protocol):
    description: str

    def render(self, text: str) -> Path | None:
        """A WAV file of ``text`` spoken, or None if it could not be made. May block."""

    def close(self) -> None: ...


class SpeechUnavailable(Exception):
    """No speech engine could start; the message says what fixes it."""


def _clip_name(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] + ".wav"


def _serve(connection: Connection, settings: VoiceSettings) -> None:
    """The child process: own one pyttsx3 engine and render requests until told to stop."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # pyttsx3 prints a line for every file it saves
    try:
        import pyttsx3

        engine = pyttsx3.init()
        _apply(engine, settings)
    except Exception as error:
        connection.send(("error", f"{type(error).__name__}: {error}"))
        return
    connection.send(("ready", ""))
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        text, target = request
        partial = f"{target}.part.wav"
        try:
            engine.save_to_file(text, partial)
            engine.runAndWait()
            ok = _wait_for_file(Path(partial))
            if ok:
                os.replace(partial, target)
            connection.send(("done" if ok else "error", target))
        except Exception as error:
            connection.send(("error", f"{type(error).__name__}: {error}"))


def _apply(engine: Any, settings: VoiceSettings) -> None:
    engine.setProperty("rate", settings.rate)
    engine.setProperty("volume", settings.volume)
    if settings.voice:
        wanted = settings.voice.lower()
        for voice in engine.getProperty("voices"):
            if wanted in (voice.id or "").lower() or wanted in (voice.name or "").lower():
                engine.setProperty("voice", voice.id)
                break


def _wait_for_file(path: Path, attempts: int = 200) -> bool:
    """runAndWait may return before a long clip is on disk: wait until its size settles."""
    import time

    last = -1
    for _ in range(attempts):
        size = path.stat().st_size if path.exists() else -1
        if size > 44 and size == last:
            return True
        last = size
        time.sleep(0.005)
    return path.exists() and path.stat().st_size > 44


class Pyttsx3Synthesizer:
    """Renders words to cached WAV files through a pyttsx3 engine in a child process."""

    description = "voice"

    def __init__(self, cache_dir: Path, settings: VoiceSettings | None = None) -> None:
        self.settings = settings or VoiceSettings()
        self.cache = cache_dir / self.settings.key()
        self.cache.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, self.settings), daemon=True, name="speech"
        )
        self._process.start()
        child.close()
        if not self._connection.poll(START_TIMEOUT_S):
            self.close()
            raise SpeechUnavailable("the speech engine did not start in time")
        try:
            status, detail = self._connection.recv()
        except EOFError:
            self.close()
            raise SpeechUnavailable("the speech engine stopped as it started") from None
        if status != "ready":
            self.close()
            raise SpeechUnavailable(detail)
        if self.render("Ready.") is None:
            self.close()
            raise SpeechUnavailable("the speech engine could not make a sound file")

    def cached(self, text: str) -> Path | None:
        path = self.cache / _clip_name(text)
        return path if path.exists() else None

    def render(self, text: str) -> Path | None:
        path = self.cache / _clip_name(text)
        if path.exists():
            return path
        with self._lock:
            if not self._process.is_alive():
                return None
            try:
                self._connection.send((text, str(path)))
                if not self._connection.poll(RENDER_TIMEOUT_S):
                    return None
                status, _detail = self._connection.recv()
            except (OSError, EOFError):
                return None
        return path if status == "done" and path.exists() else None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._connection.send(None)
        self._process.join(timeout=2)
        if self._process.is_alive():
            self._process.kill()
        self._connection.close()


FIX_HINT = {
    "linux": "sudo apt-get install espeak-ng",
    "darwin": "the macOS voices come with the system; check System Settings > Accessibility",
    "win32": "the Windows voices come with the system; check Settings > Time & language > Speech",
}


def fix_hint() -> str:
    import sys

    for prefix, hint in FIX_HINT.items():
        if sys.platform.startswith(prefix):
            return hint
    return "install espeak-ng"
