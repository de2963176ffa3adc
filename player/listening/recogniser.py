"""The recogniser in a process of its own (``server``): audio in, phrases found out.

The listener's thread writes each piece of audio to the process and reads back what was
found; while it waits it holds nothing the window needs, so the window's frames come on
time however long the model takes to load or a search takes. What the player plays is
written to it as well (``played``, ``stopped``), for it to take out of what it hears."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from array import array
from collections.abc import Sequence
from typing import IO

from player.language import _
from player.listening.heard import Hit
from player.listening.phrases import PHRASES, Phrase
from player.listening.server import CLOCK, SOUND, message
from player.listening.spotting import keywords_file
from player.system.failures import Failure
from player.system.paths import PACKAGE_DIR

STOP_SECONDS = 2.0


class Recogniser:
    """Raises Failure, saying why and what to do, when the recogniser cannot start."""

    def __init__(
        self, phrases: Sequence[Phrase] = PHRASES, *, microphone: bool = False, echo: bool = False
    ) -> None:
        """With ``microphone``, the process hears the microphone itself (see ``server``):
        read what it finds with ``found``; else feed it audio with ``feed``. With
        ``echo``, it takes what the player plays out of what it hears, when it can:
        ``echo`` then says whether it does, and ``echo_problem`` why not."""
        self._writing = threading.Lock()
        self.echo = False
        self.echo_problem: str | None = None
        with keywords_file(phrases) as keywords:
            listen = (["--microphone"] if microphone else []) + (["--echo"] if echo else [])
            self._process = subprocess.Popen(
                [sys.executable, "-m", "player.listening.server", str(keywords), *listen],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                cwd=str(PACKAGE_DIR.parent),
            )
            first = self._answer()  # the model has read the phrases once it is ready
        if isinstance(first, dict) and first.get("ready"):
            self.echo = bool(first.get("echo"))
            problem = first.get("echo_problem")
            self.echo_problem = str(problem) if problem else None
        if not isinstance(first, dict) or not first.get("ready"):
            why = first.get("error") if isinstance(first, dict) else None
            self.close()
            if isinstance(first, dict) and first.get("about") == "microphone":
                off = _("voice commands are off; keys work as always")
                raise Failure(
                    _("No microphone can be reached ({error}): {off}.").format(error=why, off=off)
                )
            raise Failure(
                _("cannot listen ({error}); try: {fix}").format(
                    error=why or _("the recogniser did not start"),
                    fix="pip install --force-reinstall pocketsphinx",
                )
            )

    def feed(self, samples: array[int], ends_at: int = 0) -> list[Hit]:
        """The phrases found once ``samples`` are heard, the last of them at ``ends_at``
        on the clock, after all fed before."""
        self._send(message(b"A", CLOCK.pack(ends_at) + samples.tobytes()))
        found = self._answer()
        if not isinstance(found, list):
            raise Failure(_("the recogniser stopped"))
        return [
            Hit(str(words), float(end), float(start), bool(over_the_voice))
            for words, start, end, over_the_voice in found
        ]

    def played(self, raw: bytes, rate: int, channels: int, at: int) -> None:
        """The player began a sound at ``at`` on the clock: 16-bit samples, ``channels``
        interleaved, ``rate`` a second."""
        self._send(message(b"P", SOUND.pack(at, rate, channels) + raw))

    def stopped(self, at: int) -> None:
        """The player stopped sounding at ``at`` on the clock."""
        self._send(message(b"S", CLOCK.pack(at)))

    def _send(self, data: bytes) -> None:
        with self._writing:
            try:
                requests = self._pipe(self._process.stdin)
                requests.write(data)
                requests.flush()
            except (OSError, ValueError):
                raise Failure(_("the recogniser stopped")) from None

    def found(self) -> tuple[str, int, int, bool] | None:
        """From the microphone: the next phrase found, with when it began and ended on the
        player's clock and whether it was known for hers over the player's sound (see
        ``heard.Hit``), waiting for it; None once the process has ended."""
        while True:
            answer = self._answer()
            if answer is None:
                return None
            if isinstance(answer, dict) and "words" in answer:
                over = bool(answer.get("over_the_voice"))
                return str(answer["words"]), int(answer["start_ms"]), int(answer["end_ms"]), over

    def end(self) -> None:
        """Tell the process to end (it ends when its input does); from any thread."""
        mine = self._writing.acquire(timeout=STOP_SECONDS)
        if not mine:  # a write is stuck: the process no longer reads, and closing would wait
            with contextlib.suppress(OSError):
                self._process.kill()
        try:
            with contextlib.suppress(OSError, ValueError):
                requests = self._pipe(self._process.stdin)
                if mine:
                    requests.write(message(b"E", b""))
                requests.close()
        finally:
            if mine:
                self._writing.release()

    def close(self) -> None:
        self.end()
        try:
            self._process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        with contextlib.suppress(OSError, ValueError):
            self._pipe(self._process.stdout).close()

    def _answer(self) -> object:
        try:
            line = self._pipe(self._process.stdout).readline()
        except (OSError, ValueError):  # closed: the process has ended
            return None
        try:
            return json.loads(line) if line else None
        except ValueError:
            return None

    @staticmethod
    def _pipe(pipe: IO[bytes] | None) -> IO[bytes]:
        assert pipe is not None  # opened with PIPE
        return pipe
