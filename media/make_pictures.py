"""Draw the step pictures of the bundled routines: flat figures, saved as PNG.

Every picture a bundled routine names is drawn here, so the whole set can be restyled
in one place: the palette, line widths and figure proportions are the constants below.
Run it from the repository's root (no display needed):

    SDL_VIDEODRIVER=dummy .venv/bin/python media/make_pictures.py

The window shows a step's picture in a wide, short box (about 595 x 209 at 1280 x 720),
scaled to fit its height, so the pictures are 2:1 and their figures fill the height.
Everything is drawn at twice the size and scaled down, which smooths the edges.
"""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pygame

# -- size ---------------------------------------------------------------------------------

WIDTH, HEIGHT = 800, 400
SUPERSAMPLE = 2
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


# -- the canvas: scene coordinates in, drawn at SUPERSAMPLE times the size -----------------


class Canvas:
    """A picture being drawn. Drawing calls take scene coordinates: by default picture
    pixels, or, after ``frame``, a part of the scene zoomed to fill the picture."""

    def __init__(self) -> None:
        self.surface = pygame.Surface((WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE), pygame.SRCALPHA)
        self.surface.fill((0, 0, 0, 0))
        pygame.draw.rect(
            self.surface,
            CARD,
            self.surface.get_rect(),
            border_radius=CORNER_RADIUS * SUPERSAMPLE,
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
        k = self.scale * SUPERSAMPLE
        return (round((point[0] - self.left) * k), round((point[1] - self.top) * k))

    def _n(self, value: float) -> int:
        return max(1, round(value * self.scale * SUPERSAMPLE))

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
            points.append(_add(centre, _rotate((x, y), angle)))
        self.polygon(colour, points)

    def rounded_rect(
        self, colour: Colour, x: float, y: float, w: float, h: float, radius: float
    ) -> None:
        rect = pygame.Rect(*self._p((x, y)), self._n(w), self._n(h))
        pygame.draw.rect(self.surface, colour, rect, border_radius=self._n(radius))

    def dashed(
        self, colour: Colour, a: Point, b: Point, width: float = GUIDE_WIDTH, dash: float = 14
    ) -> None:
        length = _distance(a, b)
        count = max(1, int(length / (2 * dash)))
        for index in range(count + 1):
            start = min(1.0, index * 2 * dash / length)
            end = min(1.0, (index * 2 + 1) * dash / length)
            if start < end:
                self.segment(colour, _lerp(a, b, start), _lerp(a, b, end), width)

    def dotted(self, colour: Colour, a: Point, b: Point, radius: float, gap: float) -> None:
        count = max(1, int(_distance(a, b) / gap))
        for index in range(count + 1):
            self.circle(colour, _lerp(a, b, index / count), radius)


# -- geometry -------------------------------------------------------------------------------


def _dir(angle: float) -> Point:
    """A unit vector at ``angle`` degrees: 0 is right, 90 is down (screen coordinates)."""
    return (math.cos(math.radians(angle)), math.sin(math.radians(angle)))


def _add(a: Point, b: Point, scale: float = 1.0) -> Point:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def _rotate(p: Point, angle: float) -> Point:
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def _angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


# -- arrows and marks -----------------------------------------------------------------------


def _head_points(tip: Point, angle: float, size: float) -> list[Point]:
    back = _add(tip, _dir(angle + 180), size)
    return [
        tip,
        _add(back, _dir(angle + 90), size * 0.55),
        _add(back, _dir(angle - 90), size * 0.55),
    ]


def _grown(points: list[Point], by: float) -> list[Point]:
    """A triangle grown outwards by about ``by`` on every side."""
    cx = sum(p[0] for p in points) / len(points)
    cy = sum(p[1] for p in points) / len(points)
    return [_add(p, _dir(_angle((cx, cy), p)), by * 2) for p in points]


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
    angle = _angle(start, end)
    inset = ARROW_HEAD * 0.6
    a = _add(start, _dir(angle), inset) if both else start
    b = _add(end, _dir(angle + 180), inset)
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
    return [_add(centre, _dir(start + (end - start) * i / steps), radius) for i in range(steps + 1)]


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
    heads = [_head_points(_add(centre, _dir(end), radius), end + tangent, ARROW_HEAD)]
    if both:
        heads.append(_head_points(_add(centre, _dir(start), radius), start - tangent, ARROW_HEAD))
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
    arrow_head(canvas, _add(centre, _dir(end), radius), end + 90, colour, head)


def wave(
    canvas: Canvas,
    start: Point,
    end: Point,
    colour: Colour,
    *,
    amplitude: float = 8,
    waves: float = 2.0,
    width: float = 7,
) -> None:
    """A wavy line from ``start`` to ``end``: water, or warmth rising."""
    angle = _angle(start, end)
    normal = _dir(angle + 90)
    points = []
    for i in range(41):
        t = i / 40
        offset = amplitude * math.sin(t * waves * 2 * math.pi)
        points.append(_add(_lerp(start, end, t), normal, offset))
    canvas.path(colour, points, width)


def heat(canvas: Canvas, left: float, right: float, bottom: float, count: int = 3) -> None:
    """Wavy lines of warmth rising from ``bottom`` between ``left`` and ``right``."""
    for i in range(count):
        x = left + (right - left) * (i + 0.5) / count
        wave(canvas, (x, bottom), (x, bottom - 56), HEAT, amplitude=6, waves=1.5, width=6)


# -- the figure, seen from the side -----------------------------------------------------------


@dataclass(frozen=True)
class Limb:
    """Angles in degrees (0 right, 90 down) of the upper and lower part, and the end."""

    upper: float
    lower: float
    end: float | None = None
    """The foot's direction (legs only); left out, it is square to the shin, pointing front."""


@dataclass(frozen=True)
class Pose:
    hip: Point
    torso: float
    """From the hip to the shoulders: -90 is upright."""
    near_arm: Limb
    far_arm: Limb
    near_leg: Limb
    far_leg: Limb
    head: float = 0
    """The neck's tilt from the torso's line; positive turns towards the front."""
    facing: int = 1
    """1 when the front is a quarter turn clockwise from the torso's line (facing right
    when upright), -1 for the other way."""
    belly: bool = True
    """Pregnant (and with her hair in a bun); the partner has neither."""
    bump: float = 1.0
    """The belly's size: 1 later in pregnancy, less for the small bump of the first months."""
    belly_in_front: bool = False
    """Draw the belly over the near arm, so that an arm resting on the thigh does not
    hide it."""


@dataclass(frozen=True)
class Joints:
    hip: Point
    shoulder: Point
    head: Point
    belly: Point
    near_elbow: Point
    near_wrist: Point
    far_elbow: Point
    far_wrist: Point
    near_knee: Point
    near_ankle: Point
    near_toe: Point
    far_knee: Point
    far_ankle: Point
    far_toe: Point
    front: float
    """The direction the figure faces, in degrees."""


def joints(pose: Pose) -> Joints:
    s = FIGURE_HEIGHT
    front = pose.torso + 90 * pose.facing
    shoulder = _add(pose.hip, _dir(pose.torso), TORSO * s)
    neck = pose.torso + pose.head * pose.facing
    head = _add(shoulder, _dir(neck), (NECK + HEAD_RADIUS) * s)
    belly = _add(
        _add(pose.hip, _dir(pose.torso), TORSO * s * BELLY_ALONG),
        _dir(front),
        BELLY_OUT * s * pose.bump,
    )

    def arm(limb: Limb) -> tuple[Point, Point]:
        elbow = _add(shoulder, _dir(limb.upper), UPPER_ARM * s)
        return elbow, _add(elbow, _dir(limb.lower), FOREARM * s)

    def leg(limb: Limb) -> tuple[Point, Point, Point]:
        knee = _add(pose.hip, _dir(limb.upper), THIGH * s)
        ankle = _add(knee, _dir(limb.lower), SHIN * s)
        foot = limb.end if limb.end is not None else limb.lower - 90 * pose.facing
        return knee, ankle, _add(ankle, _dir(foot), FOOT * s)

    near_elbow, near_wrist = arm(pose.near_arm)
    far_elbow, far_wrist = arm(pose.far_arm)
    near_knee, near_ankle, near_toe = leg(pose.near_leg)
    far_knee, far_ankle, far_toe = leg(pose.far_leg)
    return Joints(
        pose.hip, shoulder, head, belly, near_elbow, near_wrist, far_elbow, far_wrist,
        near_knee, near_ankle, near_toe, far_knee, far_ankle, far_toe, front,
    )  # fmt: skip


def trunk(
    canvas: Canvas, colour: Colour, hip: Point, shoulder: Point, low: float, high: float
) -> None:
    """The trunk: round at the hips (``low`` wide) and at the shoulders (``high``)."""
    angle = _angle(hip, shoulder)
    side = _dir(angle + 90)
    canvas.polygon(
        colour,
        [_add(hip, side, low / 2), _add(shoulder, side, high / 2),
         _add(shoulder, side, -high / 2), _add(hip, side, -low / 2)],
    )  # fmt: skip
    canvas.circle(colour, hip, low / 2)
    canvas.circle(colour, shoulder, high / 2)


def _limb(
    canvas: Canvas, points: Sequence[Point], colour: Colour, hand: bool, outline: bool
) -> None:
    if outline:
        canvas.path(CARD, points, LIMB_WIDTH + 2 * OUTLINE)
        if hand:
            canvas.circle(CARD, points[-1], HAND_RADIUS * FIGURE_HEIGHT + OUTLINE)
    canvas.path(colour, points, LIMB_WIDTH)
    if hand:
        canvas.circle(colour, points[-1], HAND_RADIUS * FIGURE_HEIGHT)


def figure(
    canvas: Canvas,
    pose: Pose,
    colour: Colour = FIGURE,
    far_colour: Colour = FIGURE_FAR,
    *,
    between_legs: Callable[[Canvas, Joints], None] | None = None,
) -> Joints:
    """Draw a figure in ``pose``: far limbs, body, belly and head, then the near limbs.

    ``between_legs`` draws something after the far leg and before the near one, such as
    a pillow between the knees."""
    j = joints(pose)
    s = FIGURE_HEIGHT
    _limb(canvas, [j.shoulder, j.far_elbow, j.far_wrist], far_colour, True, False)
    _limb(canvas, [j.hip, j.far_knee, j.far_ankle, j.far_toe], far_colour, False, False)
    if between_legs is not None:
        between_legs(canvas, j)
    # The body: the trunk from hip to shoulder, and the belly in front.
    trunk(canvas, colour, j.hip, j.shoulder, HIP_WIDTH, TORSO_WIDTH)
    if pose.belly:
        canvas.circle(colour, j.belly, BELLY_RADIUS * s * pose.bump)
    neck_base = _add(j.shoulder, _dir(_angle(j.shoulder, j.head)), 0.01 * s)
    canvas.segment(colour, neck_base, j.head, LIMB_WIDTH * 0.8)
    canvas.circle(colour, j.head, HEAD_RADIUS * s)
    # Hair gathered at the back of the head shows which way she faces.
    if pose.belly:
        bun = _angle(j.shoulder, j.head) + 270 * pose.facing + 30 * pose.facing
        canvas.circle(HAIR, _add(j.head, _dir(bun), HEAD_RADIUS * s * 0.95), HEAD_RADIUS * s * 0.45)
    _limb(canvas, [j.hip, j.near_knee, j.near_ankle, j.near_toe], colour, False, True)
    _limb(canvas, [j.shoulder, j.near_elbow, j.near_wrist], colour, True, True)
    if pose.belly and pose.belly_in_front:
        # Over the arm, with a dark rim round its front so that it stands out from the
        # limbs behind it, and none where it joins the body.
        r = BELLY_RADIUS * s * pose.bump
        rim = arc_points(j.belly, r + OUTLINE / 2, j.front - 100, j.front + 100, 24)
        canvas.path(CARD, rim, OUTLINE * 1.5)
        canvas.circle(colour, j.belly, r)
    return j


def smooth(points: Sequence[Point], steps: int = 8) -> list[Point]:
    """A closed, smooth outline through ``points`` (a Catmull-Rom curve)."""

    def blend(a: float, b: float, c: float, d: float, t: float) -> float:
        return 0.5 * (
            2 * b
            + (c - a) * t
            + (2 * a - 5 * b + 4 * c - d) * t * t
            + (3 * b - a - 3 * c + d) * t * t * t
        )

    out: list[Point] = []
    count = len(points)
    for i in range(count):
        p0, p1, p2, p3 = (points[(i + k) % count] for k in (-1, 0, 1, 2))
        for step in range(steps):
            t = step / steps
            out.append((blend(p0[0], p1[0], p2[0], p3[0], t), blend(p0[1], p1[1], p2[1], p3[1], t)))
    return out


# -- poses ----------------------------------------------------------------------------------


def hip_over(ankle: Point, leg: Limb) -> Point:
    """Where the hip is when the ankle of a leg posed as ``leg`` is at ``ankle``."""
    knee = _add(ankle, _dir(leg.lower + 180), SHIN * FIGURE_HEIGHT)
    return _add(knee, _dir(leg.upper + 180), THIGH * FIGURE_HEIGHT)


ANKLE_Y = FLOOR_Y - LIMB_WIDTH / 2
KNEE_ON_FLOOR_Y = FLOOR_Y - LIMB_WIDTH / 2
HAND_ON_FLOOR_Y = FLOOR_Y - HAND_RADIUS * FIGURE_HEIGHT
SEATED_HIP_Y = ANKLE_Y - SHIN * FIGURE_HEIGHT
"""The hip of a figure sitting with level thighs and upright shins."""
SEAT_Y = SEATED_HIP_Y + HIP_WIDTH / 2 + FURNITURE_WIDTH / 2


def standing(x: float, near_arm: Limb | None = None, far_arm: Limb | None = None) -> Pose:
    leg = Limb(90, 90)
    return Pose(
        hip=hip_over((x, ANKLE_Y), leg),
        torso=-90,
        near_arm=near_arm or Limb(97, 85),
        far_arm=far_arm or Limb(84, 92),
        near_leg=leg,
        far_leg=Limb(91, 89),
    )


def seated(x: float, torso: float = -90, near_arm: Limb | None = None) -> Pose:
    """Sitting on a seat at SEAT_Y, thighs level, feet flat, hands on the thighs."""
    return Pose(
        hip=(x, SEATED_HIP_Y),
        torso=torso,
        near_arm=near_arm or Limb(55, 42),
        far_arm=Limb(60, 36),
        near_leg=Limb(0, 90),
        far_leg=Limb(-3, 88),
        belly_in_front=near_arm is None,
    )


def on_all_fours(hip_x: float, near_arm: Limb | None = None, head: float = 12) -> Pose:
    """Hands under shoulders, knees under hips; the back as level as the limbs allow."""
    hip_y = KNEE_ON_FLOOR_Y - THIGH * FIGURE_HEIGHT
    arm = (UPPER_ARM + FOREARM) * FIGURE_HEIGHT
    rise = hip_y - (HAND_ON_FLOOR_Y - arm)
    torso = -math.degrees(math.asin(rise / (TORSO * FIGURE_HEIGHT)))
    return Pose(
        hip=(hip_x, hip_y),
        torso=torso,
        head=head,
        near_arm=near_arm or Limb(90, 90),
        far_arm=Limb(90, 90),
        near_leg=Limb(90, 180, 180),
        far_leg=Limb(90, 180, 180),
    )


def kneeling(x: float) -> Pose:
    """Kneeling upright: thighs upright, shins flat on the floor behind."""
    return Pose(
        hip=(x, KNEE_ON_FLOOR_Y - THIGH * FIGURE_HEIGHT),
        torso=-90,
        near_arm=Limb(98, 84),
        far_arm=Limb(86, 92),
        near_leg=Limb(90, 180, 180),
        far_leg=Limb(91, 180, 180),
    )


# -- scenery --------------------------------------------------------------------------------


def floor(canvas: Canvas) -> None:
    inset = 30 / canvas.scale
    canvas.segment(
        FLOOR, (canvas.left + inset, FLOOR_Y + 4), (canvas.right - inset, FLOOR_Y + 4), 8
    )


def chair(
    canvas: Canvas, back_x: float, front_x: float, *, backrest: bool = True, height: float = 150
) -> None:
    """A chair seen from the side, its seat at SEAT_Y, its backrest over ``back_x``."""
    w = FURNITURE_WIDTH
    inset = w * 0.6 if front_x > back_x else -w * 0.6
    canvas.segment(FURNITURE, (back_x + inset, SEAT_Y), (back_x + inset, FLOOR_Y), w * 0.8)
    canvas.segment(FURNITURE, (front_x - inset, SEAT_Y), (front_x - inset, FLOOR_Y), w * 0.8)
    canvas.segment(FURNITURE, (back_x, SEAT_Y), (front_x, SEAT_Y), w)
    if backrest:
        lean = -10 if front_x > back_x else 10
        canvas.segment(FURNITURE, (back_x, SEAT_Y), (back_x + lean, SEAT_Y - height), w)


def pillow(canvas: Canvas, centre: Point, w: float, h: float, angle: float = 0) -> None:
    canvas.ellipse(CARD, centre, w + 2 * OUTLINE, h + 2 * OUTLINE, angle)
    canvas.ellipse(CUSHION, centre, w, h, angle)


def hand(canvas: Canvas, centre: Point, angle: float, thumb: int, colour: Colour = PARTNER) -> None:
    """A partner's flat hand: a rounded palm with its fingers towards ``angle`` and the
    thumb on one side (``thumb`` 1 or -1, a quarter turn clockwise or anticlockwise)."""
    length, width = 62.0, 40.0
    thumb_at = _add(_add(centre, _dir(angle + 180), 4), _dir(angle + 90 * thumb), width * 0.52)
    thumb_angle = angle + 38 * thumb
    for grow, shade in ((OUTLINE * 2, CARD), (0, colour)):
        canvas.ellipse(shade, thumb_at, 34 + grow, 16 + grow, thumb_angle)
        canvas.ellipse(shade, centre, length + grow, width + grow, angle)


# -- her back, seen from behind, for the massage --------------------------------------------


@dataclass(frozen=True)
class Back:
    """Places on her back, seen from behind: where the partner's hands go."""

    x: float
    """The spine's line."""
    shoulder_y: float
    neck_y: float
    waist_y: float
    crest_y: float
    """The top of the pelvis at the middle of the back."""


BACK = Back(x=WIDTH / 2, shoulder_y=118, neck_y=96, waist_y=226, crest_y=266)


def back_view(canvas: Canvas, b: Back = BACK) -> Back:
    """Her back as the partner sees it, sitting on a stool, turned a little so that her
    belly shows at her right side."""
    x = b.x
    canvas.frame(x - 330, 10, 660)
    seat_y = 326.0
    for side in (-1, 1):
        canvas.segment(
            FURNITURE, (x + side * 96, seat_y), (x + side * 110, FLOOR_Y), FURNITURE_WIDTH * 0.8
        )
    canvas.segment(FURNITURE, (x - 124, seat_y), (x + 124, seat_y), FURNITURE_WIDTH)
    # Upper arms hanging at her sides, behind the body's outline.
    for side in (-1, 1):
        canvas.segment(
            FIGURE_FAR, (x + side * 86, b.shoulder_y + 14), (x + side * 112, 224), LIMB_WIDTH + 2
        )
    # The belly, round beyond her right side.
    canvas.circle(FIGURE, (x + 94, b.waist_y + 14), 38)
    outline = [
        (x + 22, b.neck_y - 8), (x + 62, b.shoulder_y - 14), (x + 92, b.shoulder_y - 2),
        (x + 100, b.shoulder_y + 26), (x + 90, 176), (x + 92, b.waist_y - 6),
        (x + 106, 284), (x + 104, seat_y - 10),
        (x - 104, seat_y - 10), (x - 110, 284), (x - 94, b.waist_y),
        (x - 90, 176), (x - 100, b.shoulder_y + 26),
        (x - 92, b.shoulder_y - 2), (x - 62, b.shoulder_y - 14), (x - 22, b.neck_y - 8),
    ]  # fmt: skip
    canvas.polygon(FIGURE, smooth(outline))
    canvas.path(FIGURE_FAR, arc_points((x + 94, b.waist_y + 14), 38, 118, 212, 12), 4)
    canvas.segment(FIGURE, (x, b.neck_y), (x, 62), 34)
    canvas.circle(HAIR, (x, 50), HEAD_RADIUS * FIGURE_HEIGHT)
    canvas.circle(HAIR, (x, 22), 13)
    # The spine, and the top of the pelvis either side of it.
    canvas.dotted(SPINE, (x, b.neck_y + 10), (x, seat_y - 24), 4.5, 14)
    for side in (-1, 1):
        points = [
            (x + side * (14 + i * 8), b.crest_y - 14 * math.sin(math.pi * i / 11) + i * 1.4)
            for i in range(12)
        ]
        canvas.path(SPINE, points, 6)
    return b


# -- the pictures ---------------------------------------------------------------------------


def on_the_floor(canvas: Canvas, centre_x: float, width: float) -> None:
    """Frame a scene ``width`` wide round ``centre_x``, the floor near the bottom."""
    canvas.frame(centre_x - width / 2, FLOOR_Y + 18 - width * HEIGHT / WIDTH, width)
    floor(canvas)


def standing_tall(canvas: Canvas) -> None:
    on_the_floor(canvas, 420, 740)
    j = figure(canvas, standing(400))
    # Grow tall; let the weight settle back towards the heels.
    arrow(canvas, (540, 300), (540, 40))
    heel = (j.near_ankle[0] - 14, j.near_ankle[1] - 6)
    arrow(canvas, (heel[0] - 90, heel[1] - 130), heel)


def walk_on_the_spot(canvas: Canvas) -> None:
    on_the_floor(canvas, 400, 740)
    pose = replace(
        standing(380, near_arm=Limb(120, 100), far_arm=Limb(60, 24)),
        near_leg=Limb(36, 100),
        far_leg=Limb(90, 90),
    )
    j = figure(canvas, pose)
    x = j.near_knee[0] + 100
    arrow(canvas, (x, 190), (x, 370), both=True)


def wall_pelvic_tilt(canvas: Canvas) -> None:
    wall_x = 250.0
    on_the_floor(canvas, wall_x + 170, 740)
    canvas.rounded_rect(FURNITURE, wall_x - 34, 22, 34, FLOOR_Y - 18, 6)
    leg = Limb(80, 100)
    hip = hip_over((0, ANKLE_Y), leg)
    pose = Pose(
        hip=(wall_x + HIP_WIDTH / 2 + 2, hip[1]),
        torso=-91,
        near_arm=Limb(95, 86),
        far_arm=Limb(84, 94),
        near_leg=leg,
        far_leg=Limb(81, 99),
    )
    j = figure(canvas, pose)
    # The bottom of the pelvis tucks forward and up; the lower back presses to the wall.
    arc_arrow(canvas, j.hip, 118, 70, -8)


def kneel_to_all_fours(canvas: Canvas) -> None:
    on_the_floor(canvas, 320, 580)
    j = figure(canvas, kneeling(220))
    # Lean forward and put the hands down on the mat, under the shoulders.
    arc_arrow(canvas, j.near_knee, 226, -76, -16)
    for x in (456, 500):
        canvas.ellipse(GUIDE, (x, FLOOR_Y - 7), 36, 16)


def all_fours_start(canvas: Canvas) -> None:
    on_the_floor(canvas, 318, 470)
    pose = on_all_fours(290)
    j = joints(pose)
    # Hands under the shoulders, knees under the hips.
    for top, bottom in ((j.shoulder, j.near_wrist), (j.hip, j.near_knee)):
        canvas.dashed(GUIDE, (top[0], top[1] - 100), (bottom[0], FLOOR_Y))
    figure(canvas, pose)


def pelvic_tilt_all_fours(canvas: Canvas) -> None:
    on_the_floor(canvas, 318, 440)
    j = figure(canvas, on_all_fours(300))
    # Tuck the tailbone under and round the lower back, then back to flat.
    arc_arrow(canvas, j.hip, 70, -76, -204, both=True)


def arm_reach(canvas: Canvas) -> None:
    on_the_floor(canvas, 372, 520)
    pose = replace(on_all_fours(250, head=50), near_arm=Limb(-3, -3))
    j = figure(canvas, pose)
    arrow(canvas, _add(j.near_wrist, (30, 0)), _add(j.near_wrist, (140, 0)))


def sit_back_on_heels(canvas: Canvas) -> None:
    on_the_floor(canvas, 410, 480)
    knee = (500.0, KNEE_ON_FLOOR_Y)
    ankle = _add(knee, (-SHIN * FIGURE_HEIGHT, 0))
    rest = (ankle[0] + 16, KNEE_ON_FLOOR_Y - 34)
    thigh = _angle(rest, knee)
    hip = _add(knee, _dir(thigh + 180), THIGH * FIGURE_HEIGHT)
    pose = Pose(
        hip=hip,
        torso=-84,
        near_arm=Limb(70, 8),
        far_arm=Limb(66, 12),
        near_leg=Limb(thigh, 180, 180),
        far_leg=Limb(thigh - 2, 180, 180),
    )
    j = figure(canvas, pose)
    # Sit back onto the heels.
    arc_arrow(canvas, j.hip, 104, -140, -196)


def seated_rest(canvas: Canvas) -> None:
    on_the_floor(canvas, 380, 600)
    chair(canvas, 300, 420)
    figure(canvas, seated(300 + 10 + HIP_WIDTH / 2, torso=-96, near_arm=Limb(70, -14)))


def sit_on_chair(canvas: Canvas) -> None:
    on_the_floor(canvas, 360, 600)
    chair(canvas, 330, 450)
    figure(canvas, seated(330 + 10 + HIP_WIDTH / 2))
    # Come up slowly to sitting.
    arrow(canvas, (236, 350), (236, 110))


def sit_down_slowly(canvas: Canvas) -> None:
    on_the_floor(canvas, 370, 660)
    chair(canvas, 220, 330)
    leg = Limb(26, 100)
    pose = Pose(
        hip=hip_over((410, ANKLE_Y), leg),
        torso=-66,
        near_arm=Limb(16, -4),
        far_arm=Limb(22, 4),
        near_leg=leg,
        far_leg=Limb(28, 98),
    )
    j = figure(canvas, pose)
    # Bend a little, then lower slowly onto the seat.
    arc_arrow(canvas, (j.hip[0] + 20, SEAT_Y - 40), 100, -110, -172)


def sit_with_cushion(canvas: Canvas) -> None:
    on_the_floor(canvas, 320, 600)
    back_x = 300.0
    chair(canvas, back_x, back_x + 130)
    j = figure(canvas, seated(back_x + 40 + HIP_WIDTH / 2))
    # The cushion fills the hollow of the lower back, against the backrest.
    y = j.hip[1] - 0.13 * FIGURE_HEIGHT
    pillow(canvas, (back_x + 14, y), 40, 92, -4)
    arrow(canvas, (back_x - 150, y), (back_x - 20, y))


def squat_pick_up(canvas: Canvas) -> None:
    on_the_floor(canvas, 380, 520)
    box_x = 470.0
    canvas.rounded_rect(CUSHION, box_x - 36, FLOOR_Y - 44, 72, 44, 12)
    leg = Limb(-24, 112, 0)
    pose = Pose(
        hip=hip_over((380, ANKLE_Y), leg),
        torso=-56,
        head=16,
        near_arm=Limb(70, 76),
        far_arm=Limb(74, 80),
        near_leg=leg,
        far_leg=Limb(-26, 110, 0),
        belly_in_front=True,
    )
    figure(canvas, pose)
    # Down and up again slowly, the back kept straight.
    arrow(canvas, (236, 150), (236, 370), both=True)


@dataclass(frozen=True)
class Lying:
    """Places on a figure lying on her side."""

    hip: Point
    back: tuple[Point, ...]
    """The top of her back, from the shoulder to the hip: where a partner's hands rest."""


SIDE_LYING = Pose(
    hip=(0, 0),
    torso=178,
    facing=-1,
    head=14,
    near_arm=Limb(16, -10),
    far_arm=Limb(12, -4),
    near_leg=Limb(32, -30, 14),
    far_leg=Limb(32, -30, 14),
)
"""On her left side, seen from the front and a little above: her head to the left, her
back at the top and her front (the belly) towards the bottom, hips and knees bent, the
upper arm resting along her side (the lower one is hidden behind her)."""
KNEES_APART = 45.0
"""How far apart (up the picture) her knees are: the pillow between them, seen from a
little above."""
ARM_LIFT = 8.0
"""How far up the picture her upper arm lies from the line of her shoulder: along the
top of her side."""
HEAD_PILLOW: Point = (-150, 42)
"""Where the pillow under her head is, from her hip."""
LYING_BODY: tuple[tuple[float, float], ...] = (
    (-0.3, -4), (-0.2, -26), (0.05, -33), (0.45, -25), (0.8, -27), (1.05, -18),
    (1.12, 4), (0.95, 22), (0.6, 26), (0.2, 30), (-0.1, 28), (-0.26, 16),
)  # fmt: skip
"""The outline of her body lying on her side, round from the buttock along the back to the
shoulder and back along the front: each point as (along the torso from the hip, in
torso lengths; out in front of its line, in picture pixels)."""


def lying_on_side(
    canvas: Canvas, ox: float = 400, oy: float = FLOOR_Y - 80, *, room_above: bool = False
) -> Lying:
    """Lying on her left side on a mat, seen from the front and a little above: head on
    a pillow, the belly resting in front on a small cushion, knees bent with a pillow
    between them. Her hip is at (``ox``, ``oy``); she is framed in the middle of the
    picture, or at its foot to leave room above."""
    j = joints(replace(SIDE_LYING, hip=(ox, oy)))
    s = FIGURE_HEIGHT
    if room_above:
        canvas.frame(ox - 256, oy + 112 - 260, 520)
    else:
        canvas.frame(ox - 226, oy - 112, 460)
    canvas.rounded_rect(MAT, canvas.left + 10, oy - 62, canvas.right - canvas.left - 20, 166, 22)
    pillow(canvas, _add(j.hip, HEAD_PILLOW), 118, 46, -4)
    # The lower leg on the mat, the pillow on it, the upper leg resting on the pillow:
    # her hips together, her knees apart.
    up = _dir(-90)

    def leg(hip: Point, rest: Sequence[Point], lift: float) -> list[Point]:
        """The leg moved ``lift`` up the picture from the knee down, less at the hip."""
        return [_add(hip, up, lift * 0.3), *(_add(p, up, lift) for p in rest)]

    far = leg(j.hip, [j.far_knee, j.far_ankle, j.far_toe], -KNEES_APART * 4 / 9)
    near = leg(j.hip, [j.near_knee, j.near_ankle, j.near_toe], KNEES_APART * 5 / 9)
    _limb(canvas, far, FIGURE_FAR, False, False)
    pillow(canvas, _add(_lerp(far[1], near[1], 0.5), (14, 0)), 76, 30)
    _limb(canvas, near, FIGURE, False, True)
    # The small cushion under her belly, then her body over the top of the thigh.
    belly_r = BELLY_RADIUS * s
    pillow(canvas, _add(j.belly, (6, belly_r * 0.8)), 80, 30)
    along, front = _dir(_angle(j.hip, j.shoulder)), _dir(j.front)
    body = [_add(_add(j.hip, along, a * TORSO * s), front, b) for a, b in LYING_BODY]
    canvas.polygon(FIGURE, smooth(body))
    canvas.circle(FIGURE, j.belly, belly_r)
    canvas.segment(FIGURE, j.shoulder, j.head, LIMB_WIDTH * 0.8)
    canvas.circle(FIGURE, j.head, HEAD_RADIUS * s)
    bun = _angle(j.shoulder, j.head) + 60
    canvas.circle(HAIR, _add(j.head, _dir(bun), HEAD_RADIUS * s * 0.95), HEAD_RADIUS * s * 0.45)
    arm = [_add(p, up, ARM_LIFT) for p in (j.shoulder, j.near_elbow, j.near_wrist)]
    _limb(canvas, arm, FIGURE, True, True)
    back = _dir(j.front + 180)
    return Lying(
        hip=j.hip,
        back=tuple(
            _add(_lerp(j.hip, j.shoulder, t), back, TORSO_WIDTH / 2 + 4) for t in (0.9, 0.5, 0.05)
        ),
    )


def side_lying_rest(canvas: Canvas) -> None:
    lying_on_side(canvas)


def lie_down_on_side(canvas: Canvas) -> None:
    lying = lying_on_side(canvas, room_above=True)
    # From sitting, the upper body comes down sideways onto the pillow.
    arc_arrow(canvas, lying.hip, 130, -84, -158)


def side_lying_pelvic_tilt(canvas: Canvas) -> None:
    lying = lying_on_side(canvas)
    # Tuck the tailbone under: the pelvis turns round the hip, its bottom forwards.
    arc_arrow(canvas, _add(lying.hip, (8, 0)), 58, -118, -8)


def on_back(hip_x: float, ground: float) -> Pose:
    """Lying on her back on the floor at ``ground``, her head to the left: knees bent,
    feet flat, arms by her sides, the small bump of the first months."""
    s = FIGURE_HEIGHT
    hip = (hip_x, ground - HIP_WIDTH / 2)
    # The shoulders are narrower than the hips, so the back slopes down to them a little.
    torso = 180 - math.degrees(math.asin((HIP_WIDTH - TORSO_WIDTH) / 2 / (TORSO * s)))

    def leg(thigh: float) -> Limb:
        """The knee up at ``thigh`` degrees, the shin down to the foot flat on the floor."""
        knee_y = hip[1] + math.sin(math.radians(thigh)) * THIGH * s
        drop = (ground - LIMB_WIDTH / 2) - knee_y
        return Limb(thigh, math.degrees(math.asin(drop / (SHIN * s))), 0)

    return Pose(
        hip=hip,
        torso=torso,
        head=24,
        near_arm=Limb(6, 2),
        far_arm=Limb(4, 0),
        near_leg=leg(-46),
        far_leg=leg(-43),
        bump=0.62,
    )


def back_lying_pelvic_tilt(canvas: Canvas) -> None:
    on_the_floor(canvas, 390, 400)
    # A mat as long as the floor line, and a small cushion under her head.
    mat_top = FLOOR_Y - 12
    inset = 30 / canvas.scale
    canvas.rounded_rect(
        MAT, canvas.left + inset - 4, mat_top, canvas.right - canvas.left - 2 * inset + 8, 24, 8
    )
    pose = on_back(400, mat_top)
    pillow(canvas, (joints(pose).head[0] - 4, mat_top - 9), 84, 20)
    j = figure(canvas, pose)
    # The pelvis tilts, its bottom curling up, and the lower back presses gently down.
    arc_arrow(canvas, j.hip, 50, 30, -118, edge=True)


def relaxed_breathing(canvas: Canvas) -> None:
    on_the_floor(canvas, 390, 600)
    chair(canvas, 300, 420)
    pose = replace(
        seated(300 + 10 + HIP_WIDTH / 2, torso=-94), near_arm=Limb(62, -34), belly_in_front=False
    )
    j = figure(canvas, pose)
    # Breathe gently deep into the belly, and out again.
    for radius in (58, 82):
        canvas.path(ARROW, arc_points(j.belly, radius, -46, 46, 20), 10)
    nose = _add(j.head, _dir(10), HEAD_RADIUS * FIGURE_HEIGHT + 16)
    arrow(canvas, nose, _add(nose, (100, 0)), both=True)


def pelvic_floor_hold(canvas: Canvas) -> None:
    on_the_floor(canvas, 390, 600)
    chair(canvas, 300, 420)
    j = figure(canvas, seated(300 + 10 + HIP_WIDTH / 2))
    # Squeeze and lift, then hold: one long lift with a bar across its top.
    x = j.near_knee[0] + 64
    top = j.belly[1] - 30
    arrow(canvas, (x, SEAT_Y + 30), (x, top))
    canvas.segment(ARROW, (x - 34, top - 16), (x + 34, top - 16), 12)


def pelvic_floor_quick(canvas: Canvas) -> None:
    on_the_floor(canvas, 400, 600)
    chair(canvas, 300, 420)
    j = figure(canvas, seated(300 + 10 + HIP_WIDTH / 2))
    # Quick squeezes: short lifts, one after another.
    for index in range(3):
        x = j.near_knee[0] + 56 + index * 50
        arrow(canvas, (x, SEAT_Y + 30), (x, SEAT_Y - 46))


def leaning_on_chair_back(canvas: Canvas, hip_x: float) -> Joints:
    """Sitting astride a chair, facing its back and leaning forward onto a cushion on it."""
    back_x = hip_x + 118
    chair(canvas, back_x, hip_x - 60, height=104)
    pillow(canvas, (back_x - 2, SEAT_Y - 112), 84, 30)
    pose = Pose(
        hip=(hip_x, SEATED_HIP_Y),
        torso=-64,
        head=24,
        near_arm=Limb(8, -4),
        far_arm=Limb(12, 0),
        near_leg=Limb(2, 90),
        far_leg=Limb(-2, 88),
    )
    return figure(canvas, pose)


def _back_line(j: Joints, low: float = 0.05, high: float = 0.85) -> tuple[Point, Point]:
    """Two points on the surface of her back (seen from the side), from low to high."""
    back = _dir(j.front + 180)
    a = _add(_lerp(j.hip, j.shoulder, low), back, HIP_WIDTH / 2 - 2)
    b = _add(_lerp(j.hip, j.shoulder, high), back, TORSO_WIDTH / 2 - 2)
    return a, b


def _towel(canvas: Canvas, j: Joints, lift: float = 0) -> tuple[Point, Point]:
    """The warm towel across the lower back (``lift`` above it, as it is laid on)."""
    low, high = _back_line(j, 0.0, 0.55)
    out = _dir(j.front + 180)
    a, b = _add(low, out, 6 + lift), _add(high, out, 6 + lift)
    canvas.segment(CARD, a, b, 34 + 2 * OUTLINE)
    canvas.segment(TOWEL, a, b, 34)
    return a, b


def towel_place(canvas: Canvas) -> None:
    on_the_floor(canvas, 350, 540)
    j = leaning_on_chair_back(canvas, 330)
    a, b = _towel(canvas, j, lift=86)
    towards = _dir(j.front)
    middle = _lerp(a, b, 0.5)
    arrow(canvas, _add(middle, towards, 26), _add(middle, towards, 74))


def towel_on_back(canvas: Canvas) -> None:
    on_the_floor(canvas, 350, 540)
    j = leaning_on_chair_back(canvas, 330)
    a, b = _towel(canvas, j)
    for t in (0.1, 0.5, 0.9):
        start = _add(_lerp(a, b, t), _dir(j.front + 180), 30)
        wave(canvas, start, _add(start, (-20, -62)), HEAT, amplitude=6, waves=1.5, width=7)


def warm_towel(canvas: Canvas) -> None:
    on_the_floor(canvas, 440, 740)
    # A table with a bowl of warm water.
    table_y = 250.0
    canvas.segment(FURNITURE, (440, table_y), (680, table_y), FURNITURE_WIDTH)
    canvas.segment(FURNITURE, (456, table_y), (456, FLOOR_Y), FURNITURE_WIDTH * 0.8)
    canvas.segment(FURNITURE, (664, table_y), (664, FLOOR_Y), FURNITURE_WIDTH * 0.8)
    bowl = [(466, table_y - 8), (620, table_y - 8), (640, table_y - 60), (446, table_y - 60)]
    canvas.polygon(WATER, bowl)
    canvas.segment(FURNITURE, (440, table_y - 62), (646, table_y - 62), 8)
    heat(canvas, 560, 640, table_y - 76, 2)
    pose = standing(340, near_arm=Limb(-6, -2), far_arm=Limb(0, 6))
    j = figure(canvas, pose)
    # The towel, wrung out between the hands over the bowl.
    hands = j.near_wrist
    twisted = [_add(hands, (10 + i * 4 + (8 if i % 2 else -8), 14 + i * 12)) for i in range(6)]
    canvas.path(TOWEL, [hands, *twisted], 24)
    for dx, dy in ((34, 96), (14, 120)):
        canvas.circle(WATER, _add(hands, (dx, dy)), 7)


def warm_shower(canvas: Canvas) -> None:
    on_the_floor(canvas, 400, 740)
    pose = standing(440, near_arm=Limb(100, 70), far_arm=Limb(80, 100))
    j = joints(pose)
    # The shower above and behind her, the water falling onto her back.
    head = (330.0, 58.0)
    canvas.segment(FURNITURE, (250, 34), (250, 58), 14)
    canvas.segment(FURNITURE, (250, 58), head, 14)
    canvas.ellipse(FURNITURE, _add(head, (8, 6)), 70, 24, 28)
    low, high = _back_line(j, 0.05, 1.0)
    for i, t in enumerate((0.0, 0.33, 0.66, 1.0)):
        target = _add(_lerp(low, high, t), (-16, 0))
        start = _add(head, (-12 + i * 10, 22))
        wave(canvas, start, target, WATER, amplitude=5, waves=3, width=7)
    figure(canvas, pose)


def massage_setup(canvas: Canvas) -> None:
    on_the_floor(canvas, 360, 600)
    j = leaning_on_chair_back(canvas, 400)
    # The partner sits behind her, hands ready on her back.
    stool_x = 200.0
    canvas.segment(FURNITURE, (stool_x - 42, SEAT_Y), (stool_x + 42, SEAT_Y), FURNITURE_WIDTH)
    for side in (-1, 1):
        canvas.segment(
            FURNITURE,
            (stool_x + side * 32, SEAT_Y),
            (stool_x + side * 36, FLOOR_Y),
            FURNITURE_WIDTH * 0.8,
        )
    partner = Pose(
        hip=(stool_x, SEATED_HIP_Y),
        torso=-86,
        near_arm=Limb(10, -14),
        far_arm=Limb(16, -8),
        near_leg=Limb(0, 90),
        far_leg=Limb(-3, 88),
        belly=False,
    )
    figure(canvas, partner, PARTNER, PARTNER_FAR)
    low, high = _back_line(j)
    hand(canvas, _lerp(low, high, 0.7), j.front - 90, 1)


def _thumb_hands(canvas: Canvas, b: Back, y: float) -> None:
    """Both hands on her back, the thumbs either side of the spine at height ``y``."""
    hand(canvas, (b.x - 58, y), -120, 1)
    hand(canvas, (b.x + 58, y), -60, -1)


def massage_thumbs_down_spine(canvas: Canvas) -> None:
    b = back_view(canvas)
    for side in (-1, 1):
        x = b.x + side * 26
        arrow(canvas, (x, b.shoulder_y + 30), (x, b.crest_y + 6), width=ARROW_WIDTH * 0.85)
    _thumb_hands(canvas, b, b.shoulder_y + 4)


def massage_pelvis_circles(canvas: Canvas) -> None:
    b = back_view(canvas)
    # Thumbs on the top of the pelvis, pressing small circles from the middle outwards.
    for side in (-1, 1):
        for step in (0, 1):
            circle_arrow(canvas, (b.x + side * (36 + step * 50), b.crest_y - 10 + step * 2), 21)
        hand(canvas, (b.x + side * 118, b.crest_y - 22), 90 - side * 72, -side)


def massage_neck_shoulders(canvas: Canvas) -> None:
    b = back_view(canvas)
    for side in (-1, 1):
        centre = (b.x + side * 62, b.shoulder_y + 34)
        arc_arrow(
            canvas, centre, 24, -160 if side < 0 else -20, 20 if side < 0 else -200, both=True
        )
    hand(canvas, (b.x - 64, b.shoulder_y - 20), -24, 1)
    hand(canvas, (b.x + 64, b.shoulder_y - 20), -156, -1)


def massage_palms_down_spine(canvas: Canvas) -> None:
    b = back_view(canvas)
    for side in (-1, 1):
        x = b.x + side * 52
        arrow(canvas, (x, b.shoulder_y + 40), (x, b.crest_y + 10))
        hand(canvas, (x, b.shoulder_y + 8), 90, side)


def massage_lower_back_sweep(canvas: Canvas) -> None:
    b = back_view(canvas)
    y = b.crest_y - 22
    arrow(canvas, (b.x - 150, y + 40), (b.x + 160, y + 40))
    hand(canvas, (b.x - 84, y), -90, 1)
    hand(canvas, (b.x - 36, y - 4), -90, 1)


def massage_rest_together(canvas: Canvas) -> None:
    lying = lying_on_side(canvas, room_above=True)
    # The partner's hands resting on her back, the arms reaching from behind her.
    for point, angle in ((lying.back[0], 80), (lying.back[2], 100)):
        wrist = _add(point, (0, -20))
        canvas.segment(PARTNER, _add(wrist, _dir(angle + 180), 150), wrist, LIMB_WIDTH)
        hand(canvas, _add(point, (0, 4)), angle, 1)


# -- all of them -------------------------------------------------------------------------------

PICTURES: dict[str, Callable[[Canvas], None]] = {
    "standing-tall": standing_tall,
    "walk-on-the-spot": walk_on_the_spot,
    "wall-pelvic-tilt": wall_pelvic_tilt,
    "kneel-to-all-fours": kneel_to_all_fours,
    "all-fours-start": all_fours_start,
    "pelvic-tilt-all-fours": pelvic_tilt_all_fours,
    "arm-reach": arm_reach,
    "sit-back-on-heels": sit_back_on_heels,
    "seated-rest": seated_rest,
    "sit-on-chair": sit_on_chair,
    "sit-down-slowly": sit_down_slowly,
    "sit-with-cushion": sit_with_cushion,
    "squat-pick-up": squat_pick_up,
    "side-lying-rest": side_lying_rest,
    "lie-down-on-side": lie_down_on_side,
    "side-lying-pelvic-tilt": side_lying_pelvic_tilt,
    "back-lying-pelvic-tilt": back_lying_pelvic_tilt,
    "relaxed-breathing": relaxed_breathing,
    "pelvic-floor-hold": pelvic_floor_hold,
    "pelvic-floor-quick": pelvic_floor_quick,
    "towel-place": towel_place,
    "towel-on-back": towel_on_back,
    "warm-towel": warm_towel,
    "warm-shower": warm_shower,
    "massage-setup": massage_setup,
    "massage-thumbs-down-spine": massage_thumbs_down_spine,
    "massage-pelvis-circles": massage_pelvis_circles,
    "massage-neck-shoulders": massage_neck_shoulders,
    "massage-palms-down-spine": massage_palms_down_spine,
    "massage-lower-back-sweep": massage_lower_back_sweep,
    "massage-rest-together": massage_rest_together,
}
"""Every picture by its file name (without .png), and the function that draws it."""

OUT_DIR = Path(__file__).resolve().parent / "pictures"


def draw(name: str) -> pygame.Surface:
    """The picture ``name``, drawn at its final size."""
    canvas = Canvas()
    PICTURES[name](canvas)
    return pygame.transform.smoothscale(canvas.surface, (WIDTH, HEIGHT))


def main(names: Iterable[str] = ()) -> None:
    OUT_DIR.mkdir(exist_ok=True)
    for name in list(names) or list(PICTURES):
        pygame.image.save(draw(name), str(OUT_DIR / f"{name}.png"))
        print(f"media/pictures/{name}.png")


if __name__ == "__main__":
    main(sys.argv[1:])
