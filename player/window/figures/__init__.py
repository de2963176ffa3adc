"""The bundled figures, drawn: the same drawing makes the still pictures in ``media/`` and
the window's moving figure.

``draw_figure`` paints one figure at one moment onto a surface of any size (twice as wide
as high); ``still_picture`` is the PNG's drawing, made at twice its size and smoothed;
``paper.paper_picture`` draws the same pose in greys on white, for a printed page.
The poses' numbers come from ``player.playback.motion``; the key poses are data in
``player.routine.figures``.
"""

from __future__ import annotations

import pygame

from player.playback.motion import FigureMoment, still_numbers
from player.routine.figures import FIGURES
from player.window.figures.canvas import HEIGHT, WIDTH, Canvas
from player.window.figures.scenes import SCENES, Values

__all__ = ["HEIGHT", "WIDTH", "draw_figure", "still_picture"]


def draw_figure(surface: pygame.Surface, moment: FigureMoment) -> None:
    """Paint the figure at ``moment`` over the whole of ``surface``, mirrored for the right
    side."""
    values = Values(dict(moment.numbers), moment.breath, moment.turn)
    SCENES[moment.name](Canvas(surface), values)
    if moment.mirrored:
        surface.blit(pygame.transform.flip(surface, True, False), (0, 0))


def still_picture(name: str, width: int = WIDTH, supersample: int = 2) -> pygame.Surface:
    """The still picture of figure ``name``, ``width`` pixels wide: its ``still`` key pose,
    breathing out, drawn at ``supersample`` times the size and smoothed down."""
    big = pygame.Surface((width * supersample, width * supersample // 2), pygame.SRCALPHA)
    numbers = dict(still_numbers(FIGURES[name]))
    SCENES[name](Canvas(big), Values(numbers))
    return pygame.transform.smoothscale(big, (width, width // 2))
