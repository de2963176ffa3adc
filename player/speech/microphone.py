"""What the listener asks of the player's sound: whether its voice sounds now, and whether
there is a microphone to hear (``player.listening.capture`` hears it, in the
recogniser's process)."""

from __future__ import annotations

import pygame

from player.language import _
from player.system.quiet import quiet_stderr


def voice_sounding() -> bool:
    """Whether the player's voice, or a chime, sounds now; safe from any thread."""
    return bool(pygame.mixer.get_init()) and pygame.mixer.get_busy()


def _off() -> str:
    return _("voice commands are off; keys work as always")


def microphone_problem() -> str | None:
    """Why no microphone can be heard, in one line; None when there is one to open."""
    try:
        from pygame._sdl2 import audio as sdl_audio

        if not pygame.mixer.get_init():
            with quiet_stderr():
                pygame.mixer.init(frequency=22_050, size=-16, channels=1, buffer=512)
        names = sdl_audio.get_audio_device_names(True)
    except (ImportError, pygame.error) as error:
        return _("No microphone can be reached ({error}): {off}.").format(error=error, off=_off())
    return None if names else _("No microphone found: {off}.").format(off=_off())
