"""The speech process: ``python -m player.speech.server RATE VOLUME``.

It owns one pyttsx3 engine and renders words to WAV files, one JSON request per line
on standard input (``{"text": ..., "path": ...}``), one JSON answer per line on
standard output (``{"ok": true}``). Its first answer, once the engine is ready, lists
the installed voices (``{"ok": true, "ready": true, "voices": [...], "default": ID}``);
``{"voice": ID}`` then chooses one of them by its id. It imports nothing of the
player's, so it starts small and fast, and if the speech engine takes it down, only this
process goes.

Several speech processes may share one clip folder (two players, or a player and an
export): each writes to a temporary name of its own in that folder and renames the
whole clip into place in one step, so no one ever sees half a clip or loses one.
"""

from __future__ import annotations

import contextlib
import itertools
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


def _text(value: object) -> str:
    """A voice's id, name or language as text: some drivers give bytes (espeak's languages
    start with a priority byte), some give None."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return "".join(ch for ch in str(value or "") if ch.isprintable()).strip()


def voice_list(engine: Any) -> list[dict[str, object]]:
    """The engine's voices, as plain data: id, name and languages."""
    found: list[dict[str, object]] = []
    for voice in engine.getProperty("voices") or ():
        languages = [_text(language) for language in getattr(voice, "languages", None) or ()]
        found.append(
            {
                "id": _text(voice.id),
                "name": _text(getattr(voice, "name", "")),
                "languages": [language for language in languages if language],
            }
        )
    return [voice for voice in found if voice["id"]]


_requests = itertools.count(1)


def partial_name(target: Path) -> Path:
    """A temporary name next to ``target`` that no other request or process uses."""
    return target.with_name(f".{target.stem}.{os.getpid()}-{next(_requests)}.part.wav")


ATTEMPTS = 3
"""pyttsx3 2.99 sometimes cancels a request as it starts (a stop left over from the request
before, when espeak-ng was still finishing it): the clip comes out empty or not at all, and
asking again makes it."""

HEADER_BYTES = 44


def _whole_size(path: Path) -> int | None:
    """The file's size if it has all the bytes its header promises, else None.

    Python's wave module, which pyttsx3 uses, writes the length before the sound. A file
    in another format counts once it has more than a header."""
    try:
        with path.open("rb") as file:
            head = file.read(8)
        size = path.stat().st_size
    except OSError:
        return None
    if head[:4] != b"RIFF":
        return size if size > HEADER_BYTES else None
    whole = size >= HEADER_BYTES and int.from_bytes(head[4:8], "little") + 8 <= size
    return size if whole else None


def _settled_size(path: Path, polls: int = 400) -> int | None:
    """runAndWait may return before a long clip is on disk: the clip's size once it is all
    there and has stopped growing, or None if it never came."""
    last: int | None = None
    for _ in range(polls):
        size = _whole_size(path)
        if size is not None and size == last:
            return size
        last = size
        time.sleep(0.005)
    return None


def _render_once(engine: Any, text: str, partial: Path) -> bool:
    """One try at rendering ``text`` to ``partial``: whether a clip with sound came out."""
    engine.save_to_file(text, str(partial))
    engine.runAndWait()
    size = _settled_size(partial)
    return size is not None and size > HEADER_BYTES


def render_clip(engine: Any, text: str, target: Path) -> str | None:
    """Render ``text`` to ``target`` through a temporary file; what went wrong, or None."""
    for _ in range(ATTEMPTS):
        partial = partial_name(target)
        try:
            if _render_once(engine, text, partial):
                os.replace(partial, target)
                return None
        except Exception as error:
            return f"{type(error).__name__}: {error}"
        finally:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
    return "no sound file was made"


def _choose_voice(engine: Any, voice_id: str) -> str | None:
    """Speak with the voice of ``voice_id``; what went wrong, or None."""
    try:
        engine.setProperty("voice", voice_id)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None


def serve(rate: int, volume: float) -> int:
    answers = _protocol_out()

    def answer(**fields: object) -> None:
        answers.write(json.dumps(fields) + "\n")

    try:
        import pyttsx3

        engine = pyttsx3.init()
        engine.setProperty("rate", rate)
        engine.setProperty("volume", volume)
        voices = voice_list(engine)
        default = _text(engine.getProperty("voice"))
    except Exception as error:
        answer(ok=False, error=f"{type(error).__name__}: {error}")
        return 1
    answer(ok=True, ready=True, voices=voices, default=default)
    for line in sys.stdin:
        request = json.loads(line)
        if "voice" in request:
            problem = _choose_voice(engine, str(request["voice"]))
        else:
            problem = render_clip(engine, request["text"], Path(request["path"]))
        if problem is None:
            answer(ok=True)
        else:
            answer(ok=False, error=problem)
    return 0


if __name__ == "__main__":
    sys.exit(serve(int(sys.argv[1]), float(sys.argv[2])))
