"""Words to WAV files with pyttsx3, in a speech process that owns the engine.

pyttsx3's engine belongs to the thread that made it, its ``runAndWait`` blocks, and
with a broken espeak-ng install it can end the whole process. So the engine lives in
a process of its own (player/speech/server.py): it renders one text to one WAV file
per request, and a failure there is a failed request here, never a crash. Rendered
clips are cached on disk by their words and the voice settings, so a routine is
rendered once. A cached clip is checked before it is used: a damaged one is said once,
and made again. When the cache folder cannot be written, clips are kept in a temporary
folder for the session instead. The voice asked for is looked up among those the speech
process lists (``voices``); one that is not installed, or that does not speak the
language of the session, is said in one line, and a voice that does speaks (for English,
the engine's default voice, as ever). When no installed voice speaks the language, there
is no voice: chimes and captions.
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

from player.language import DEFAULT_LANGUAGE, N_, _, current
from player.speech.clip_check import MISSING, clip_problem
from player.speech.clip_folder import open_clip_folder
from player.speech.voices import NoVoiceSpeaks, Voice, choose_voice, voices_from
from player.system.failures import Failure
from player.system.paths import PACKAGE_DIR

START_TIMEOUT_S = 15.0
RENDER_TIMEOUT_S = 20.0


VOICES_COMMAND = "routine-player voices"


PACE: dict[str, float] = {"zh-Hans": 1.4}
"""How much faster than the rate asked for a language is spoken, where espeak-ng's voice
for it is slow at every rate: its Mandarin says about three syllables a second at 165 words
a minute, where a calm speaker says four (a syllable is a character)."""


@dataclass(frozen=True)
class VoiceSettings:
    voice: str | None = None
    """A voice's language, name or id, or a part of it, such as 'en-gb' or 'english'
    (see ``voices``); None for the default."""
    rate: int = 165
    """Words per minute."""
    volume: float = 1.0

    def key(self, voice_id: str | None = None, language: str = DEFAULT_LANGUAGE) -> str:
        """The clip folder's name for this rate and volume, the voice of ``voice_id`` (the
        default voice when None) and the language spoken: the folders of two languages
        are never the same one (English keeps the name it always had)."""
        voice = _safe(voice_id or "") or "default"
        if language != DEFAULT_LANGUAGE:
            voice = f"{_safe(language)}-{voice}"
        return f"{voice}-{round(self.rate * PACE.get(language, 1.0))}-{self.volume:.2f}"


def _safe(name: str) -> str:
    """``name`` as part of a folder's name: ``gmw/en`` is ``gmw-en``."""
    return "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in name)


def _server_command(settings: VoiceSettings, language: str = DEFAULT_LANGUAGE) -> list[str]:
    rate = round(settings.rate * PACE.get(language, 1.0))  # as in VoiceSettings.key
    return [sys.executable, "-m", "player.speech.server", str(rate), str(settings.volume)]


class Synthesizer(Protocol):
    description: str
    language: str
    """The language it speaks (a tag such as ``vi``)."""

    @property
    def voice_id(self) -> str:
        """The id of the voice that speaks ("" when it is not known)."""

    def render(self, text: str) -> Path | None:
        """A WAV file of ``text`` spoken, or None if it could not be made. May block."""

    def close(self) -> None: ...


class SpeechUnavailable(Failure):
    """No speech engine could start; the message says what fixes it."""


class NoVoiceForLanguage(SpeechUnavailable):
    """The speech engine started, but none of its voices speaks the session's language."""


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
        voices_command: str = VOICES_COMMAND,
        language: str | None = None,
    ) -> None:
        self.settings = settings or VoiceSettings()
        self.language = language or current()
        """The language the voice speaks: the one in use when none is given."""
        self._notices = notices
        self._damage_said = False
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            _server_command(self.settings, self.language),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            cwd=str(PACKAGE_DIR.parent),
        )
        self._answers: queue.SimpleQueue[str] = queue.SimpleQueue()
        threading.Thread(target=self._read_answers, daemon=True, name="speech-answers").start()
        try:
            ready = self._ready()
            self.voices = voices_from(ready.get("voices"))
            self.default_voice = str(ready.get("default") or "")
            """The id of the voice the engine speaks with unless told otherwise."""
            self.voice = self._choose_voice(voices_command)
            key = self.settings.key(self.voice.id if self.voice else None, self.language)
            self._folder = open_clip_folder(cache_dir / key, notices)
        except BaseException:
            self._stop_process()
            raise
        self.cache = self._folder.path
        if self.render("Ready.") is None:
            self.close()
            raise SpeechUnavailable(_("the speech engine could not make a sound file"))

    def _ready(self) -> dict[str, object]:
        """The speech process's first answer; SpeechUnavailable when it did not start."""
        answer = self._answer(START_TIMEOUT_S)
        if answer is None:
            raise SpeechUnavailable(_("the speech engine did not start"))
        if not answer.get("ok"):
            raise SpeechUnavailable(str(answer.get("error") or _("the speech engine failed")))
        return answer

    def _choose_voice(self, voices_command: str) -> Voice | None:
        """The voice that speaks the session's language, chosen in the speech process: the
        one asked for when it can, else another that can, after one line saying why; None
        for the default voice. NoVoiceForLanguage when no installed voice speaks it."""
        try:
            choice = choose_voice(self.settings.voice, self.language, self.voices, voices_command)
        except NoVoiceSpeaks as error:
            raise NoVoiceForLanguage(str(error)) from None
        if choice.notice:
            self._notices(choice.notice)
        voice = choice.voice
        if voice is None or voice.id == self.default_voice:
            return voice
        if not self._request({"voice": voice.id}):
            self._notices(
                _(
                    "The voice {voice} could not be chosen: the default voice speaks instead."
                ).format(voice=voice.name or voice.id)
            )
            return None
        return voice

    @property
    def voice_id(self) -> str:
        """The id of the voice that speaks: the one chosen, else the engine's default."""
        return self.voice.id if self.voice else self.default_voice

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
                _(
                    "A saved voice clip in {folder} was damaged ({problem}): "
                    "damaged clips are made again."
                ).format(folder=self.cache, problem=problem)
            )

    def _ask(self, text: str, path: Path) -> bool:
        """Have the speech process render ``text`` to ``path``: whether it says it did."""
        return self._request({"text": text, "path": str(path)})

    def _request(self, request: dict[str, str]) -> bool:
        """Send the speech process one request: whether it answers that it was done."""
        with self._lock:
            if self._process.poll() is not None or self._process.stdin is None:
                return False
            try:
                self._process.stdin.write(json.dumps(request) + "\n")
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
        self._stop_process()
        self._folder.close()

    def _stop_process(self) -> None:
        with contextlib.suppress(OSError):
            if self._process.stdin is not None:
                self._process.stdin.close()
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def installed_voices() -> tuple[Voice, ...]:
    """The voices the speech engine has, asked of a speech process of its own (which ends
    once it has answered); SpeechUnavailable, saying why, when none could be asked."""
    try:
        done = subprocess.run(
            _server_command(VoiceSettings()),
            input="",
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=str(PACKAGE_DIR.parent),
            timeout=START_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SpeechUnavailable(_("the speech engine did not start")) from None
    except OSError as error:
        raise SpeechUnavailable(str(error)) from None
    lines = done.stdout.splitlines()
    try:
        answer = json.loads(lines[0]) if lines else None
    except json.JSONDecodeError:
        answer = None
    if not isinstance(answer, dict):
        raise SpeechUnavailable(_("the speech engine did not start"))
    if not answer.get("ok"):
        raise SpeechUnavailable(str(answer.get("error") or _("the speech engine failed")))
    return voices_from(answer.get("voices"))


FIX_HINT = {
    "linux": "sudo apt-get install espeak-ng",
    "darwin": N_("the macOS voices come with the system; check System Settings > Accessibility"),
    "win32": N_(
        "the Windows voices come with the system; check Settings > Time & language > Speech"
    ),
}
"""What gives a voice on each system: a command to run as it is, or words for people."""


def fix_hint() -> str:
    import sys

    for prefix, hint in FIX_HINT.items():
        if sys.platform.startswith(prefix):
            return hint if hint.startswith("sudo ") else _(hint)
    return _("install espeak-ng")
