"""Drawing a figure's scene: the palette, the sizes, a canvas in scene coordinates, arrows.

Every scene is laid out in the same 800 x 400 scene coordinates (the floor at FLOOR_Y)
and then framed: zoomed so that what matters fills the picture. The canvas turns scene
coordinates into pixels of a picture of any size, so the same drawing makes the still
PNGs (drawn at twice the size and smoothed down) and the window's moving figure (drawn
straight at the size of its box, several times a second).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pygame

# -- size ---------------------------------------------------------------------------------

WIDTH, HEIGHT = 800, 400
"""The scene's coordinates; a picture is always twice as wide as it is high."""
FLOOR_Y = 380.0
"""The floor line in every scene. Scenes are laid out in the picture's pixels (800 x 400)
and then framed: zoomed so that what matters fills the picture."""
CORNER_RADIUS = 26

# -- palette: light, warm shapes on a deep slate card, read against the window's near-black

Colour = tuple[int, int, int]

CARD: Colour = (30, 38, 50)
FLOOR: Colour = (96, 110, 132)
FIGURE: Colour = (246, 228, 204)
"""Her body: a light, warm sand."""
FIGURE_FAR: Colour = (196, 174, 150)
"""Her limbs on the far side, a shade darker, so the near ones stand out."""
HAIR: Colour = (150, 104, 78)
SPINE: Colour = (178, 140, 112)
"""The spine and the top of the pelvis on her back."""
PARTNER: Colour = (128, 206, 222)
"""The partner and the partner's hands: a clear sky blue."""
PARTNER_FAR: Colour = (88, 156, 174)
FURNITURE: Colour = (124, 138, 164)
MAT: Colour = (62, 78, 102)
CUSHION: Colour = (178, 150, 232)
"""Cushions and pillows: lavender."""
ARROW: Colour = (255, 178, 66)
"""Every movement: the window's own accent colour."""
GUIDE: Colour = (255, 214, 150)
"""Dashed guide lines (alignment, the way the body lines up)."""
TOWEL: Colour = (240, 96, 78)
HEAT: Colour = (255, 140, 110)
WATER: Colour = (108, 196, 250)

# -- line widths, in picture pixels --------------------------------------------------------

LIMB_WIDTH = 26
TORSO_WIDTH = 42
HIP_WIDTH = 54
OUTLINE = 4
"""The card-coloured edge round near limbs, so an arm in front of the body stays visible."""
ARROW_WIDTH = 14
ARROW_HEAD = 40
GUIDE_WIDTH = 6
FURNITURE_WIDTH = 16

# -- figure proportions, as fractions of a standing figure's height ------------------------

FIGURE_HEIGHT = 350.0
HEAD_RADIUS = 0.075
NECK = 0.03
TORSO = 0.29
"""From the hip joint to the shoulder joint."""
BELLY_RADIUS = 0.1
BELLY_ALONG = 0.36
"""Where the belly sits along the torso, from the hip."""
BELLY_OUT = 0.075
"""How far in front of the spine line the belly's centre is."""
UPPER_ARM = 0.165
FOREARM = 0.15
HAND_RADIUS = 0.03
THIGH = 0.235
SHIN = 0.225
FOOT = 0.07

Point = tuple[float, float]


# -- the canvas: scene coordinates in, pixels out -------------------------------------------


class Canvas:
    """A picture being drawn. Drawing calls take scene coordinates: by default the whole
    800 x 400 scene, or, after ``frame``, a part of it zoomed to fill the picture."""

    def __init__(self, surface: pygame.Surface) -> None:
        """Draw on ``surface`` (twice as wide as high), its card cleared first."""
        self.surface = surface
        self.pixels = surface.get_width() / WIDTH
        """Pixels of the surface per picture pixel."""
        surface.fill((0, 0, 0, 0))
        pygame.draw.rect(
            surface,
            CARD,
            surface.get_rect(),
            border_radius=max(1, round(CORNER_RADIUS * self.pixels)),
        )
        self.left, self.top, self.scale = 0.0, 0.0, 1.0

    def frame(self, left: float, top: float, width: float) -> None:
        """Show the part of the scene ``width`` wide from (``left``, ``top``), filling the
        picture (its height follows from the picture's shape)."""
        self.left, self.top, self.scale = left, top, WIDTH / width

    @property
    def right(self) -> float:
        return self.left + WIDTH / self.scale

    def _p(self, point: Point) -> tuple[int, int]:
        k = self.scale * self.pixels
        return (round((point[0] - self.left) * k), round((point[1] - self.top) * k))

    def _n(self, value: float) -> int:
        return max(1, round(value * self.scale * self.pixels))

    def circle(self, colour: Colour, centre: Point, radius: float) -> None:
        pygame.draw.circle(self.surface, colour, self._p(centre), self._n(radius))

    def segment(self, colour: Colour, a: Point, b: Point, width: float) -> None:
        """A thick line with round ends."""
        pygame.draw.line(self.surface, colour, self._p(a), self._p(b), self._n(width))
        self.circle(colour, a, width / 2)
        self.circle(colour, b, width / 2)

    def path(self, colour: Colour, points: Sequence[Point], width: float) -> None:
        """A thick line through ``points`` with round joints."""
        for a, b in itertools.pairwise(points):
            self.segment(colour, a, b, width)

    def polygon(self, colour: Colour, points: Sequence[Point]) -> None:
        pygame.draw.polygon(self.surface, colour, [self._p(p) for p in points])

    def ellipse(self, colour: Colour, centre: Point, w: float, h: float, angle: float = 0) -> None:
        """A filled ellipse ``w`` x ``h`` turned by ``angle`` degrees."""
        points = []
        for step in range(48):
            t = 2 * math.pi * step / 48
            x, y = w / 2 * math.cos(t), h / 2 * math.sin(t)
            points.append(offset(centre, rotate((x, y), angle)))
        self.polygon(colour, points)

    def rounded_rect(
        self, colour: Colour, x: float, y: float, w: float, h: float, radius: float
    ) -> None:
        rect = pygame.Rect(*self._p((x, y)), self._n(w), self._n(h))
        pygame.draw.rect(self.surface, colour, rect, border_radius=self._n(radius))

    def dashed(
        self, colour: Colour, a: Point, b: Point, width: float = GUIDE_WIDTH, dash: float = 14
    ) -> None:
        length = distance(a, b)
        count = max(1, int(length / (2 * dash)))
        for index in range(count + 1):
            start = min(1.0, index * 2 * dash / length)
            end = min(1.0, (index * 2 + 1) * dash / length)
            if start < end:
                self.segment(colour, lerp(a, b, start), lerp(a, b, end), width)

    def dotted(self, colour: Colour, a: Point, b: Point, radius: float, gap: float) -> None:
        count = max(1, int(distance(a, b) / gap))
        for index in range(count + 1):
            self.circle(colour, lerp(a, b, index / count), radius)


# -- geometry -------------------------------------------------------------------------------


def unit(angle: float) -> Point:
    """A unit vector at ``angle`` degrees: 0 is right, 90 is down (screen coordinates)."""
    return (math.cos(math.radians(angle)), math.sin(math.radians(angle)))


def offset(a: Point, b: Point, scale: float = 1.0) -> Point:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def rotate(p: Point, angle: float) -> Point:
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def heading(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


# -- arrows and marks -----------------------------------------------------------------------


def _head_points(tip: Point, angle: float, size: float) -> list[Point]:
    back = offset(tip, unit(angle + 180), size)
    return [
        tip,
        offset(back, unit(angle + 90), size * 0.55),
        offset(back, unit(angle - 90), size * 0.55),
    ]


def _grown(points: list[Point], by: float) -> list[Point]:
    """A triangle grown outwards by about ``by`` on every side."""
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    return [offset(p, unit(heading((cx, cy), p)), by * 2) for p in points]


def arrow_head(
    canvas: Canvas, tip: Point, angle: float, colour: Colour = ARROW, size: float = ARROW_HEAD
) -> None:
    canvas.polygon(colour, _head_points(tip, angle, size))


def arrow(
    canvas: Canvas,
    start: Point,
    end: Point,
    *,
    both: bool = False,
    colour: Colour = ARROW,
    width: float = ARROW_WIDTH,
    edge: bool = False,
) -> None:
    """A straight arrow from ``start`` to ``end`` (a head at both ends with ``both``);
    ``edge`` draws a dark rim first, so that it reads on top of the body."""
    angle = heading(start, end)
    inset = ARROW_HEAD * 0.6
    a = offset(start, unit(angle), inset) if both else start
    b = offset(end, unit(angle + 180), inset)
    heads = [_head_points(end, angle, ARROW_HEAD)]
    if both:
        heads.append(_head_points(start, angle + 180, ARROW_HEAD))
    if edge:
        canvas.segment(CARD, a, b, width + 2 * OUTLINE)
        for head in heads:
            canvas.polygon(CARD, _grown(head, OUTLINE))
    canvas.segment(colour, a, b, width)
    for head in heads:
        canvas.polygon(colour, head)


def arc_points(
    centre: Point, radius: float, start: float, end: float, steps: int = 40
) -> list[Point]:
    return [
        offset(centre, unit(start + (end - start) * i / steps), radius) for i in range(steps + 1)
    ]


def arc_arrow(
    canvas: Canvas,
    centre: Point,
    radius: float,
    start: float,
    end: float,
    *,
    both: bool = False,
    colour: Colour = ARROW,
    width: float = ARROW_WIDTH,
    edge: bool = False,
) -> None:
    """A curved arrow along a circle from angle ``start`` to ``end`` (degrees); ``edge``
    draws a dark rim first, so that it reads on top of the body."""
    sweep = end - start
    # Leave room for the heads, so that the line does not poke through them.
    trim = math.degrees(ARROW_HEAD * 0.6 / radius) * (1 if sweep > 0 else -1)
    body_start = start + trim if both else start
    body = arc_points(centre, radius, body_start, end - trim)
    tangent = 90 if sweep > 0 else -90
    heads = [_head_points(offset(centre, unit(end), radius), end + tangent, ARROW_HEAD)]
    if both:
        heads.append(_head_points(offset(centre, unit(start), radius), start - tangent, ARROW_HEAD))
    if edge:
        canvas.path(CARD, body, width + 2 * OUTLINE)
        for head in heads:
            canvas.polygon(CARD, _grown(head, OUTLINE))
    canvas.path(colour, body, width)
    for head in heads:
        canvas.polygon(colour, head)


def circle_arrow(canvas: Canvas, centre: Point, radius: float, colour: Colour = ARROW) -> None:
    """A small circling arrow, most of a turn, for small circular strokes."""
    width = ARROW_WIDTH * 0.7
    head = ARROW_HEAD * 0.6
    start, end = 120.0, 120.0 + 270
    trim = math.degrees(head * 0.5 / radius)
    canvas.path(colour, arc_points(centre, radius, start, end - trim, 30), width)
    arrow_head(canvas, offset(centre, unit(end), radius), end + 90, colour, head)


def wave(
    canvas: Canvas,
    start: Point,
    end: Point,
    colour: Colour,
    *,
    amplitude: float = 8,
    waves: float = 2.0,
    width: float = 7,
    phase: float = 0.0,
) -> None:
    """A wavy line from ``start`` to ``end``: water, or warmth rising. ``phase`` (0 to 1)
    slides the waves along it, so that it flows as ``phase`` grows."""
    angle = heading(start, end)
    normal = unit(angle + 90)
    points = []
    for i in range(41):
        t = i / 40
        swing = amplitude * math.sin((t * waves - phase) * 2 * math.pi)
        points.append(offset(lerp(start, end, t), normal, swing))
    canvas.path(colour, points, width)


def heat(
    canvas: Canvas, left: float, right: float, bottom: float, count: int = 3, phase: float = 0.0
) -> None:
    """Wavy lines of warmth rising from ``bottom`` between ``left`` and ``right``."""
    for i in range(count):
        x = left + (right - left) * (i + 0.5) / count
        wave(
            canvas, (x, bottom), (x, bottom - 56), HEAT, amplitude=6, waves=1.5, width=6,
            phase=phase,
        )  # fmt: skip
