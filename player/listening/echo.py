"""Taking the player's own voice out of what the microphone hears, so that she can say a
command while the voice speaks and the voice is never taken for her.

The player knows exactly what it plays: ``EchoCanceller`` is given that (the *played*
samples) beside what the microphone heard over the same moments, and learns how the room
and the sound device change the one into the other; what is left is the room without the
player's voice. It is libspeexdsp's acoustic echo canceller, with its preprocessor taking
out what echo remains, called through ``ctypes`` (the library is a system package:
``libspeexdsp1`` on Debian and Ubuntu, ``speexdsp`` on Fedora and Homebrew).

The echo may reach the microphone up to ``TAIL`` after the sound was played (the sound
device's delay, then the room); played samples should be laid no later than they sound.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from array import array

from player.language import _
from player.system.failures import Failure

RATE = 16_000
FRAME = 160
"""Samples taken at a time: 10 ms."""
TAIL = 4_096
"""How long after it was played the echo may still be heard, and be taken out: 256 ms."""

INSTALL = "sudo apt-get install libspeexdsp1"
"""On Debian and Ubuntu; ``sudo dnf install speexdsp`` on Fedora."""

_ECHO_SET_SAMPLING_RATE = 24
_PREPROCESS_SET_DENOISE = 0
_PREPROCESS_SET_ECHO_STATE = 24

_LIBRARY_NAMES = (
    "libspeexdsp.so.1",
    "libspeexdsp.1.dylib",
    "/opt/homebrew/lib/libspeexdsp.1.dylib",  # Homebrew on Apple silicon: not searched
    "/usr/local/lib/libspeexdsp.1.dylib",
    "speexdsp",
)


def _library() -> ctypes.CDLL:
    """libspeexdsp, its four functions typed; Failure saying what to install."""
    for name in (*_LIBRARY_NAMES, ctypes.util.find_library("speexdsp")):
        if not name:
            continue
        try:
            library = ctypes.CDLL(name)
            break
        except OSError:
            continue
    else:
        fix = "brew install speexdsp" if sys.platform == "darwin" else INSTALL
        raise Failure(_("libspeexdsp is not installed; try: {fix}").format(fix=fix))
    pointer = ctypes.c_void_p
    library.speex_echo_state_init.restype = pointer
    library.speex_echo_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
    library.speex_echo_state_destroy.argtypes = [pointer]
    library.speex_echo_ctl.argtypes = [pointer, ctypes.c_int, pointer]
    library.speex_echo_cancellation.argtypes = [pointer, pointer, pointer, pointer]
    library.speex_preprocess_state_init.restype = pointer
    library.speex_preprocess_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
    library.speex_preprocess_state_destroy.argtypes = [pointer]
    library.speex_preprocess_ctl.argtypes = [pointer, ctypes.c_int, pointer]
    library.speex_preprocess_run.argtypes = [pointer, pointer]
    return library


class EchoCanceller:
    """What was heard, less the echo of what was played, fed a piece at a time.

    Each piece heard comes with the samples played over the same moments (as many; silence
    when nothing was played). Whole 10 ms frames are taken; samples over a whole frame
    wait for the next piece, so what comes out is up to 10 ms behind what went in, and
    always the same length in all. Raises Failure when libspeexdsp is missing."""

    def __init__(self, rate: int = RATE, tail: int = TAIL) -> None:
        self._echo: int | None = None
        self._preprocess: int | None = None
        self._library = library = _library()
        self._echo = library.speex_echo_state_init(FRAME, tail)
        self._preprocess = library.speex_preprocess_state_init(FRAME, rate)
        if not self._echo or not self._preprocess:
            raise Failure(_("the echo canceller could not start"))
        wanted = ctypes.c_int(rate)
        library.speex_echo_ctl(self._echo, _ECHO_SET_SAMPLING_RATE, ctypes.byref(wanted))
        library.speex_preprocess_ctl(
            self._preprocess, _PREPROCESS_SET_ECHO_STATE, ctypes.c_void_p(self._echo)
        )
        # Only the echo is taken out: the room's own noise is left as the recogniser
        # was tuned to hear it.
        off = ctypes.c_int(0)
        library.speex_preprocess_ctl(self._preprocess, _PREPROCESS_SET_DENOISE, ctypes.byref(off))
        self._heard = array("h")
        self._played = array("h")
        self._out = array("h", bytes(2 * FRAME))

    def cancel(self, heard: array[int], played: array[int]) -> array[int]:
        """``heard`` less the echo of ``played`` (as many samples: what sounded meanwhile)."""
        if len(heard) != len(played):
            raise ValueError("as many samples played as heard are needed")
        self._heard.extend(heard)
        self._played.extend(played)
        whole = len(self._heard) - len(self._heard) % FRAME
        cleaned = array("h", bytes(2 * whole))
        library, out = self._library, self._out
        heard_at = self._heard.buffer_info()[0]
        played_at = self._played.buffer_info()[0]
        out_at = out.buffer_info()[0]
        for start in range(0, whole, FRAME):
            library.speex_echo_cancellation(
                self._echo, heard_at + 2 * start, played_at + 2 * start, out_at
            )
            library.speex_preprocess_run(self._preprocess, out_at)
            cleaned[start : start + FRAME] = out
        del self._heard[:whole]
        del self._played[:whole]
        return cleaned

    def close(self) -> None:
        if self._preprocess:  # it refers to the echo state: it goes first
            self._library.speex_preprocess_state_destroy(self._preprocess)
            self._preprocess = None
        if self._echo:
            self._library.speex_echo_state_destroy(self._echo)
            self._echo = None

    def __del__(self) -> None:
        self.close()
