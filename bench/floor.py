"""The CPU floor: a bare pygame window with the mixer open, doing nothing but looking for
keys and clicks at the player's own wake-up rate. What the player costs above this is what
it costs; this much any pygame program that answers a key this fast pays.

Run as ``python bench/floor.py SECONDS``: it opens the window (the player's size, drawn in
software as the player's is), opens the mixer as the player does, shows one frame, prints
``shown``, then sleeps and looks for input every INPUT_POLL_MS as the window's loop does
while nothing is due, for SECONDS.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")

import pygame

from player.speech.clips import SAMPLE_RATE
from player.window.display import INPUT_POLL_MS, QUIET, WINDOW_SIZE


def main(seconds: float) -> int:
    pygame.display.init()
    pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=1, buffer=512)
    pygame.event.set_blocked(list(QUIET))
    surface = pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)
    surface.fill((40, 44, 52))
    pygame.display.flip()
    print("shown", flush=True)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(INPUT_POLL_MS / 1000)
        if pygame.event.peek() and any(e.type == pygame.QUIT for e in pygame.event.get()):
            break  # closed, or SIGTERM (which SDL turns into QUIT)
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 60.0))
