"""The microphone, through SDL's capture devices in pygame-ce: 16-bit samples in one
channel, 16 000 a second, as the recogniser wants them (SDL converts whatever the device
gives). SDL calls back on its own audio thread; the listener's thread reads what came."""

from __future__ import annotations

import contextlib
import queue
from array import array
from typing import Any

import pygame

from player.language import _
from player.listening.listener import Chunk, Clock
from player.system.failures import Failure
from player.system.quiet import quiet_stderr

RATE = 16_000
CHUNK = RATE // 10
"""Samples handed on at a time: 100 ms."""
DEVICE_CHUNK = 1_024
"""Samples SDL gathers before each call back: 64 ms."""
WAIT_SECONDS = 0.2
HELD_CHUNKS = 50
"""Five seconds of audio waiting to be searched, at most: a listener that falls behind
loses the oldest, never the newest, and never grows."""


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


class Microphone:
    """The default capture device, opened when the session begins."""

    pace = 1.0

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.problem = microphone_problem()
        """Why no microphone can be heard, as found when made; None when one can."""
        self._device: Any = None
        self._came: queue.Queue[bytes] = queue.Queue(maxsize=HELD_CHUNKS * 2)
        self._gathered = bytearray()

    def open(self, now: int) -> None:
        if self.problem is not None:
            raise Failure(self.problem)
        from pygame._sdl2 import audio as sdl_audio

        try:
            self._device = sdl_audio.AudioDevice(
                devicename=None,
                iscapture=True,
                frequency=RATE,
                audioformat=sdl_audio.AUDIO_S16,
                numchannels=1,
                chunksize=DEVICE_CHUNK,
                allowed_changes=0,
                callback=self._heard,
            )
            self._device.pause(0)
        except pygame.error as error:
            raise Failure(
                _("The microphone cannot be opened ({error}): {off}.").format(
                    error=error, off=_off()
                )
            ) from None

    def read(self) -> Chunk | None:
        """The next 100 ms heard, waiting a moment for it; None when it has not come."""
        want = CHUNK * 2
        while len(self._gathered) < want:
            try:
                self._gathered += self._came.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                return None
        samples = array("h")
        samples.frombytes(bytes(self._gathered[:want]))
        del self._gathered[:want]
        return Chunk(samples, self.clock.now())

    def close(self) -> None:
        if self._device is not None:
            self._device.pause(1)
            self._device.close()
            self._device = None

    def _heard(self, device: Any, memory: memoryview) -> None:
        """On SDL's audio thread: keep what came, dropping the oldest when too much waits."""
        if self._came.full():
            with contextlib.suppress(queue.Empty):
                self._came.get_nowait()
        with contextlib.suppress(queue.Full):
            self._came.put_nowait(bytes(memory))
