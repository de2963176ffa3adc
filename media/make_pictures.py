"""Draw the still picture of every bundled figure, saved as PNG in media/pictures/.

The figures themselves (the skeleton, the scenes, the palette) live in
``player/window/figures/``, and their key poses in ``player/routine/figures.py``: the
window draws the same figures moving. A still picture shows the figure's ``still`` key
pose, drawn at twice its size and smoothed down. Run it from the repository's root (no
display needed):

    SDL_VIDEODRIVER=dummy .venv/bin/python media/make_pictures.py            # all of them
    SDL_VIDEODRIVER=dummy .venv/bin/python media/make_pictures.py arm-reach  # only some
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.routine.figures import FIGURE_NAMES
from player.window.figures import still_picture

OUT_DIR = Path(__file__).resolve().parent / "pictures"
PICTURES = FIGURE_NAMES
"""Every picture by its file name (without .png): one per bundled figure."""


def draw(name: str) -> pygame.Surface:
    """The still picture ``name``, drawn at its final size (800 x 400)."""
    return still_picture(name)


def main(names: Iterable[str] = ()) -> None:
    OUT_DIR.mkdir(exist_ok=True)
    for name in list(names) or list(PICTURES):
        pygame.image.save(draw(name), str(OUT_DIR / f"{name}.png"))
        print(f"media/pictures/{name}.png")


if __name__ == "__main__":
    main(sys.argv[1:])
