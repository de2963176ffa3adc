"""Words to WAV files with pyttsx3, in a speech process that owns the engine.

pyttsx3's engine belongs to the thread that made it, its ``runAndWait`` blocks, and
with a broken espeak-ng install it can end the whole process. So the engine lives in
a process of its own (player/speech/server.py): it renders one text to one WAV file
per request, and a failure there is a failed request here, never a crash. Rendered
clips are cached on disk by their words and the voice settings, so a routine is
rendered once. A cached clip is checked before it is used: a damaged one is said once,
and made again. When the cache folder cannot be written, clips are kept in a temporary
folder for the session instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from player.speech.clip_check import MISSING, clip_problem
from player.speech.clip_folder import open_clip_folder
from player.system.paths import PACKAGE_DIR

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


def clip_name(text: str) -> str:
    """The file name of the clip of ``text`` in a clip folder."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] + ".wav"


class Pyttsx3Synthesizer:
    """Renders words to cached WAV files through pyttsx3 in a speech process of its own."""

    description = "voice"

    def __init__(
        self,
        cache_dir: Path,
        settings: VoiceSettings | None = None,
        notices: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.settings = settings or VoiceSettings()
        self._notices = notices
        self._damage_said = False
        self._folder = open_clip_folder(cache_dir / self.settings.key(), notices)
        self.cache = self._folder.path
        self._lock = threading.Lock()
        try:
            self._process = self._start_process()
        except OSError:
            self._folder.close()
            raise
        self._answers: queue.SimpleQueue[str] = queue.SimpleQueue()
        threading.Thread(target=self._read_answers, daemon=True, name="speech-answers").start()
        answer = self._answer(START_TIMEOUT_S)
        if answer is None:
            self.close()
            raise SpeechUnavailable("the speech engine did not start")
        if not answer.get("ok"):
            self.close()
            raise SpeechUnavailable(str(answer.get("error", "the speech engine failed")))
        if self.render("Ready.") is None:
            self.close()
            raise SpeechUnavailable("the speech engine could not make a sound file")

    def _start_process(self) -> subprocess.Popen[str]:
        command = [
            sys.executable,
            "-m",
            "player.speech.server",
            str(self.settings.rate),
            str(self.settings.volume),
            *([self.settings.voice] if self.settings.voice else []),
        ]
        return subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=str(PACKAGE_DIR.parent),
        )

    def cached(self, text: str) -> Path | None:
        """The clip of ``text`` if the folder holds it whole."""
        path = self.cache / clip_name(text)
        return path if clip_problem(path) is None else None

    def render(self, text: str) -> Path | None:
        """The whole clip of ``text``: from the folder, else made now. May block."""
        path = self.cache / clip_name(text)
        problem = clip_problem(path)
        if problem is None:
            return path
        if problem != MISSING:
            self._say_damaged(problem)
        if self._ask(text, path) and clip_problem(path) is None:
            return path  # made, or made again over a damaged clip in one step
        with contextlib.suppress(OSError):
            if clip_problem(path) not in (None, MISSING):
                path.unlink()  # a damaged clip is not left for later
        return None

    def _say_damaged(self, problem: str) -> None:
        """Say that a cached clip was damaged: once for the whole session."""
        if not self._damage_said:
            self._damage_said = True
            self._notices(
                f"A saved voice clip in {self.cache} was damaged ({problem}): "
                "damaged clips are made again."
            )

    def _ask(self, text: str, path: Path) -> bool:
        """Have the speech process render ``text`` to ``path``: whether it says it did."""
        with self._lock:
            if self._process.poll() is not None or self._process.stdin is None:
                return False
            try:
                request = json.dumps({"text": text, "path": str(path)})
                self._process.stdin.write(request + "\n")
                self._process.stdin.flush()
            except OSError:
                return False
            answer = self._answer(RENDER_TIMEOUT_S)
        return answer is not None and answer.get("ok") is True

    def _read_answers(self) -> None:
        """Hand each line the speech process writes to whoever waits for it; "" at its end."""
        out = self._process.stdout
        if out is not None:
            for line in out:
                self._answers.put(line)
        self._answers.put("")

    def _answer(self, timeout_s: float) -> dict[str, object] | None:
        """The speech process's next answer, or None when it stopped or took too long."""
        try:
            line = self._answers.get(timeout=timeout_s)
        except queue.Empty:
            return None
        if not line:
            self._answers.put("")  # it stays ended for every later question
            return None
        try:
            answer = json.loads(line)
        except json.JSONDecodeError:
            return None
        return answer if isinstance(answer, dict) else None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self._process.stdin is not None:
                self._process.stdin.close()
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._folder.close()


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
