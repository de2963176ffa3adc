"""What a shell asks of a voice. Every method returns at once: nothing here may block."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Speaker(Protocol):
    """Says cues aloud (or chimes them) without ever holding up the caller."""

    @property
    def description(self) -> str:
        """A few words for people: 'voice', 'chimes', 'captions only'."""

    def prepare(self, texts: list[str]) -> None:
        """Get these words ready ahead of time, so that saying them is never late."""

    def say(self, text: str, priority: int, now: int) -> None:
        """Start saying ``text``; a higher (or equal) priority cuts off what is being said."""

    def stop(self) -> None:
        """Stop at once and forget anything waiting (pause, skip)."""

    def set_muted(self, muted: bool) -> None: ...

    def tick(self, now: int) -> None:
        """Let the speaker do its part of the frame's work (start a clip that became ready)."""

    def take_cut(self) -> list[str]:
        """The words cut off by the next cue before they ended, since the last call."""

    def take_voice(self) -> dict[str, str | None] | None:
        """Once, when it is settled, which voice speaks: ``{"voice": ID or None,
        "language": TAG}`` (no voice: chimes); None before, and after that once."""

    def close(self) -> None: ...


class SilentSpeaker:
    """Captions only: for when there is no audio device, and for muted previews."""

    description = "captions only"

    def prepare(self, texts: list[str]) -> None:
        pass

    def say(self, text: str, priority: int, now: int) -> None:
        pass

    def stop(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def tick(self, now: int) -> None:
        pass

    def take_cut(self) -> list[str]:
        return []

    def take_voice(self) -> dict[str, str | None] | None:
        return None

    def close(self) -> None:
        pass


@dataclass
class RecordingSpeaker:
    """A speaker for tests: it remembers every call."""

    description: str = "recorder"
    said: list[tuple[int, str, int]] = field(default_factory=list)
    prepared: list[str] = field(default_factory=list)
    stops: int = 0
    muted: bool = False
    closed: bool = False

    def prepare(self, texts: list[str]) -> None:
        self.prepared.extend(texts)

    def say(self, text: str, priority: int, now: int) -> None:
        if not self.muted:
            self.said.append((now, text, priority))

    def stop(self) -> None:
        self.stops += 1

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def tick(self, now: int) -> None:
        pass

    def take_cut(self) -> list[str]:
        return []

    def take_voice(self) -> dict[str, str | None] | None:
        return None

    def close(self) -> None:
        self.closed = True
