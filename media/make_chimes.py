"""Make the chimes used when no speech engine is available: `python media/make_chimes.py`.

Two short, soft-edged tones as 16-bit mono WAV at 22,050 Hz: a high one for countdowns
and the most urgent cues, a lower two-note one for the rest.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
HERE = Path(__file__).resolve().parent / "chimes"


def tone(notes: list[tuple[float, float]], volume: float = 0.45) -> bytes:
    """Notes of (frequency in Hz, seconds), each with a quick rise and a bell-like fall."""
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            t = i / RATE
            envelope = min(1.0, t / 0.008) * math.exp(-5.0 * t / seconds)
            value = math.sin(2 * math.pi * frequency * t) + 0.3 * math.sin(
                4 * math.pi * frequency * t
            )
            frames += struct.pack("<h", int(32767 * volume * envelope * value / 1.3))
    return bytes(frames)


def write(name: str, frames: bytes) -> None:
    HERE.mkdir(exist_ok=True)
    with wave.open(str(HERE / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    write("high.wav", tone([(1318.5, 0.22)]))
    write("soft.wav", tone([(659.3, 0.25), (880.0, 0.35)], volume=0.35))
    print(f"wrote {HERE / 'high.wav'} and {HERE / 'soft.wav'}")
