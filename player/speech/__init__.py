"""Speaking cues: the Speaker interface and its implementations."""

from player.speech.base import RecordingSpeaker, SilentSpeaker, Speaker

__all__ = ["RecordingSpeaker", "SilentSpeaker", "Speaker"]
