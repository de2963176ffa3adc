"""The microphone, heard in the recogniser's process through SDL's capture devices in
pygame-ce: 16-bit samples in one channel, 16 000 a second (SDL converts what the device
gives). SDL calls back on its own audio thread, which needs Python's lock; closing a
device waits for that thread. So the device is opened only in the recogniser's process,
and never closed: the process ends without closing it, and nothing waits on anything."""

from __future__ import annotations

import contextlib
import os
import queue
import time
from array import array
from typing import Any

RATE = 16_000
CHUNK = RATE // 10
"""Samples handed on at a time: 100 ms."""
DEVICE_CHUNK = 1_024
"""Samples SDL gathers before each call back: 64 ms."""
HELD = 100
"""Pieces waiting to be searched, at most (about six seconds): a search that falls behind
loses the oldest, never the newest, and never grows."""


def now_ms() -> int:
    """The player's clock (``time.monotonic``, the same in every process), in ms."""
    return time.monotonic_ns() // 1_000_000


class Capture:
    """The default capture device, opened at once; ``read`` gives it 100 ms at a time.
    Raises OSError, saying why, when there is no microphone to open."""

    def __init__(self) -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame
        from pygame._sdl2 import audio as sdl_audio

        self._came: queue.Queue[tuple[bytes, int]] = queue.Queue(maxsize=HELD)
        self._gathered = bytearray()
        self._gathered_at = 0
        """When the last of the samples gathered came."""
        try:
            pygame.init()
            names = sdl_audio.get_audio_device_names(True)
            if not names:
                raise OSError("no microphone found")
            self._device: Any = None
            opened: Any = sdl_audio.AudioDevice  # its name's type differs between versions
            for name in (None, names[0]):  # the system's default; older pygame-ce: the first
                try:
                    self._device = opened(
                        devicename=name,
                        iscapture=True,
                        frequency=RATE,
                        audioformat=sdl_audio.AUDIO_S16,
                        numchannels=1,
                        chunksize=DEVICE_CHUNK,
                        allowed_changes=0,
                        callback=self._heard,
                    )
                    break
                except TypeError:  # "devicename must be a string", in older pygame-ce
                    continue
            if self._device is None:
                raise OSError("the microphone cannot be opened")
            self._device.pause(0)
        except (pygame.error, TypeError, ValueError) as error:
            raise OSError(str(error)) from None

    def read(self) -> tuple[array[int], int]:
        """The next 100 ms heard, and the clock time its last sample came (however long
        it waited to be read)."""
        want = CHUNK * 2
        while len(self._gathered) < want:
            came, self._gathered_at = self._came.get()
            self._gathered += came
        samples = array("h")
        samples.frombytes(bytes(self._gathered[:want]))
        del self._gathered[:want]
        after = len(self._gathered) // 2  # samples that came after the last of these
        return samples, self._gathered_at - after * 1000 // RATE

    def _heard(self, device: Any, memory: memoryview) -> None:
        """On SDL's audio thread: keep what came, the oldest dropped when too much waits."""
        if self._came.full():
            with contextlib.suppress(queue.Empty):
                self._came.get_nowait()
        with contextlib.suppress(queue.Full):
            self._came.put_nowait((bytes(memory), now_ms()))
