"""The microphone, heard in the recogniser's process through SDL's capture devices in
pygame-ce: 16-bit samples in one channel, 16 000 a second (SDL converts what the device
gives). SDL calls back on its own audio thread, which needs Python's lock; closing a
device waits for that thread. So the device is opened only in the recogniser's process,
and never closed: the process ends without closing it, and nothing waits on anything."""

from __future__ import annotations

import collections
import contextlib
import os
import queue
import threading
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


KEPT_MS = 10_000
"""How long what a piece's coming says of the samples' times is kept."""


class SampleClock:
    """When each sample was heard, on the clock, from when pieces of them came.

    A piece's call back can come late (it waits for Python's lock, which the recogniser
    holds while it searches), never early; so a sample was heard at the earliest time
    any piece of the last ten seconds says for it. Ten seconds, not all: the device's
    clock drifts from the player's, a few tens of ms an hour. Safe from any thread."""

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self._said: collections.deque[tuple[int, float]] = collections.deque()
        self._lock = threading.Lock()

    def came(self, count: int, at_ms: int) -> None:
        """The first ``count`` samples had all come by ``at_ms`` on the clock."""
        with self._lock:
            self._said.append((at_ms, at_ms - count * 1000 / self.rate))
            while self._said[0][0] < at_ms - KEPT_MS:
                self._said.popleft()

    def at(self, sample: int) -> float:
        """When sample ``sample`` (counted from 0) was heard, in ms on the clock."""
        with self._lock:
            offset = min(said for _at, said in self._said) if self._said else 0.0
        return offset + sample * 1000 / self.rate


class Capture:
    """The default capture device, opened at once; ``read`` gives it 100 ms at a time.
    Raises OSError, saying why, when there is no microphone to open."""

    def __init__(self) -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame
        from pygame._sdl2 import audio as sdl_audio

        self._came: queue.Queue[tuple[bytes, int]] = queue.Queue(maxsize=HELD)
        """Pieces that came, each with the count of samples that came up to its end."""
        self._gathered = bytearray()
        self._gathered_to = 0
        """The count of samples that came up to the end of those gathered."""
        self._count = 0
        self.clock = SampleClock()
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
        """The next 100 ms heard, and the clock time its last sample was heard (however
        long it waited to be read)."""
        want = CHUNK * 2
        while len(self._gathered) < want:
            came, self._gathered_to = self._came.get()
            self._gathered += came
        samples = array("h")
        samples.frombytes(bytes(self._gathered[:want]))
        del self._gathered[:want]
        after = len(self._gathered) // 2  # samples that came after the last of these
        return samples, round(self.clock.at(self._gathered_to - after - 1))

    def _heard(self, device: Any, memory: memoryview) -> None:
        """On SDL's audio thread: keep what came, the oldest dropped when too much waits."""
        at = now_ms()
        piece = bytes(memory)
        self._count += len(piece) // 2
        self.clock.came(self._count, at)
        if self._came.full():
            with contextlib.suppress(queue.Empty):
                self._came.get_nowait()
        with contextlib.suppress(queue.Full):
            self._came.put_nowait((piece, self._count))
