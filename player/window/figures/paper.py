"""The bundled figures for paper: the still pose, in greys on white.

On screen a figure is light on a dark card; printed, that would be a block of ink with
the figure left out of it. Here the scene is drawn as on screen, but on an 8-bit surface
whose palette holds the screen's colours; every colour drawn is kept as the palette entry
nearest it, and the palette is then swapped for greys: the card turns white, her body a
dark grey, her far limbs a middle grey, the partner a light grey beside her, and every
arrow black. A black-and-white printer prints it as it is shown.

A routine's own picture (``picture:``) is printed in greys too, on white where it is
transparent.
"""

from __future__ import annotations

import io
from pathlib import Path

import pygame

from player.playback.motion import still_numbers
from player.routine.figures import FIGURES
from player.routine.pictures import HEADER_BYTES, MAX_PICTURE_BYTES, MAX_PICTURE_SIDE, picture_size
from player.system.regular_files import open_regular
from player.window.figures import canvas
from player.window.figures.canvas import Canvas, Colour
from player.window.figures.scenes import SCENES, Values

PAPER = 255
"""The paper's white."""

ON_PAPER: tuple[tuple[Colour, int], ...] = (
    (canvas.CARD, PAPER),
    ((0, 0, 0), PAPER),  # outside the card's rounded corners
    (canvas.FLOOR, 120),
    (canvas.FIGURE, 60),
    (canvas.FIGURE_FAR, 130),
    (canvas.HAIR, 20),
    (canvas.SPINE, 190),
    (canvas.PARTNER, 175),
    (canvas.PARTNER_FAR, 205),
    (canvas.FURNITURE, 150),
    (canvas.MAT, 222),
    (canvas.CUSHION, 205),
    (canvas.ARROW, 0),
    (canvas.GUIDE, 110),
    (canvas.TOWEL, 140),
    (canvas.HEAT, 90),
    (canvas.WATER, 160),
)
"""Each colour of the screen's palette, and the grey it is printed in (0 black, 255
white): dark for her, lighter for the partner and what is round them, black for motion."""


def paper_picture(name: str, width: int) -> pygame.Surface:
    """Figure ``name`` in its still pose, ``width`` pixels wide and half as high, in greys
    on white; drawn at twice the size and smoothed down."""
    big = pygame.Surface((width * 2, width), depth=8)
    big.set_palette([colour for colour, _grey in ON_PAPER])
    SCENES[name](Canvas(big), Values(dict(still_numbers(FIGURES[name]))))
    big.set_palette([(grey, grey, grey) for _colour, grey in ON_PAPER])
    flat = pygame.Surface(big.get_size(), depth=24)
    flat.blit(big, (0, 0))
    return pygame.transform.smoothscale(flat, (width, width // 2))


def paper_photo(path: Path, width: int) -> pygame.Surface | None:
    """The picture file at ``path`` in greys on white, at most ``width`` pixels wide; None
    when it cannot be read or is not a picture of a size the player shows (told from its
    first bytes before anything decodes it)."""
    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_PICTURE_BYTES + 1)
    except (OSError, ValueError):
        return None
    claimed = picture_size(data[:HEADER_BYTES])
    if len(data) > MAX_PICTURE_BYTES or claimed is None:
        return None
    if not (0 < claimed.width <= MAX_PICTURE_SIDE and 0 < claimed.height <= MAX_PICTURE_SIDE):
        return None
    try:
        image = pygame.image.load(io.BytesIO(data), path.name)
    except (pygame.error, ValueError):
        return None
    flat = pygame.Surface(image.get_size(), depth=24)
    flat.fill((PAPER, PAPER, PAPER))
    flat.blit(image, (0, 0))
    if flat.get_width() > width:
        height = max(1, round(flat.get_height() * width / flat.get_width()))
        flat = pygame.transform.smoothscale(flat, (width, height))
    return pygame.transform.grayscale(flat)
