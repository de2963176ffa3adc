"""The speech process: ``python -m player.speech.server RATE VOLUME [VOICE]``.

It owns one pyttsx3 engine and renders words to WAV files, one JSON request per line
on standard input (``{"text": ..., "path": ...}``), one JSON answer per line on
standard output (``{"ok": true}``). It imports nothing of the player's, so it starts
small and fast, and if the speech engine takes it down, only this process goes.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO


def _protocol_out() -> TextIO:
    """Keep the real standard output for answers; send everything else printed to nowhere
    (pyttsx3 prints a line for every file it saves)."""
    answers = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    return answers


def _choose_voice(engine: Any, wanted: str) -> None:
    wanted = wanted.lower()
    for voice in engine.getProperty("voices"):
        if wanted in (voice.id or "").lower() or wanted in (voice.name or "").lower():
            engine.setProperty("voice", voice.id)
            return


def _wait_for_file(path: Path, attempts: int = 400) -> bool:
    """runAndWait may return before a long clip is on disk: wait until its size settles."""
    last = -1
    for _ in range(attempts):
        size = path.stat().st_size if path.exists() else -1
        if size > 44 and size == last:
            return True
        last = size
        time.sleep(0.005)
    return False


def serve(rate: int, volume: float, voice: str | None) -> int:
    answers = _protocol_out()

    def answer(**fields: object) -> None:
        answers.write(json.dumps(fields) + "\n")

    try:
        import pyttsx3

        engine = pyttsx3.init()
        engine.setProperty("rate", rate)
        engine.setProperty("volume", volume)
        if voice:
            _choose_voice(engine, voice)
    except Exception as error:
        answer(ok=False, error=f"{type(error).__name__}: {error}")
        return 1
    answer(ok=True, ready=True)
    for line in sys.stdin:
        request = json.loads(line)
        target = Path(request["path"])
        partial = target.with_name(target.name + ".part.wav")
        try:
            engine.save_to_file(request["text"], str(partial))
            engine.runAndWait()
            if not _wait_for_file(partial):
                answer(ok=False, error="no sound file was made")
                continue
            os.replace(partial, target)
            answer(ok=True)
        except Exception as error:
            answer(ok=False, error=f"{type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    voice_name = sys.argv[3] if len(sys.argv) > 3 else None
    sys.exit(serve(int(sys.argv[1]), float(sys.argv[2]), voice_name))
