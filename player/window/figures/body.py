"""Her body (and the partner's), seen from the side: a small skeleton of joints and limbs.

A :class:`Pose` is the skeleton's angles; :func:`joints` turns it into points and
:func:`figure` draws it. The ready poses (standing, seated, on all fours, kneeling, on her
back, on her side) are the starting points the scenes bend.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from player.window.figures.canvas import (
    BELLY_ALONG,
    BELLY_OUT,
    BELLY_RADIUS,
    CARD,
    FIGURE,
    FIGURE_FAR,
    FIGURE_HEIGHT,
    FLOOR_Y,
    FOOT,
    FOREARM,
    FURNITURE_WIDTH,
    HAIR,
    HAND_RADIUS,
    HEAD_RADIUS,
    HIP_WIDTH,
    LIMB_WIDTH,
    NECK,
    OUTLINE,
    SHIN,
    THIGH,
    TORSO,
    TORSO_WIDTH,
    UPPER_ARM,
    Canvas,
    Colour,
    Point,
    arc_points,
    heading,
    lerp,
    offset,
    unit,
)

BREATH_SWELL = 0.06
"""How much the belly grows at the top of a breath, as a share of its radius."""


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
    shoulder = offset(pose.hip, unit(pose.torso), TORSO * s)
    neck = pose.torso + pose.head * pose.facing
    head = offset(shoulder, unit(neck), (NECK + HEAD_RADIUS) * s)
    belly = offset(
        offset(pose.hip, unit(pose.torso), TORSO * s * BELLY_ALONG),
        unit(front),
        BELLY_OUT * s * pose.bump,
    )

    def arm(limb: Limb) -> tuple[Point, Point]:
        elbow = offset(shoulder, unit(limb.upper), UPPER_ARM * s)
        return elbow, offset(elbow, unit(limb.lower), FOREARM * s)

    def leg(limb: Limb) -> tuple[Point, Point, Point]:
        knee = offset(pose.hip, unit(limb.upper), THIGH * s)
        ankle = offset(knee, unit(limb.lower), SHIN * s)
        foot = limb.end if limb.end is not None else limb.lower - 90 * pose.facing
        return knee, ankle, offset(ankle, unit(foot), FOOT * s)

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
    angle = heading(hip, shoulder)
    side = unit(angle + 90)
    canvas.polygon(
        colour,
        [offset(hip, side, low / 2), offset(shoulder, side, high / 2),
         offset(shoulder, side, -high / 2), offset(hip, side, -low / 2)],
    )  # fmt: skip
    canvas.circle(colour, hip, low / 2)
    canvas.circle(colour, shoulder, high / 2)


def limb(
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
    breath: float = 0.0,
) -> Joints:
    """Draw a figure in ``pose``: far limbs, body, belly and head, then the near limbs.

    ``between_legs`` draws something after the far leg and before the near one, such as
    a pillow between the knees. ``breath`` (0 to 1) is how far into a breath she is: the
    belly and chest swell a little."""
    j = joints(pose)
    swell = 1 + BREATH_SWELL * breath
    s = FIGURE_HEIGHT
    limb(canvas, [j.shoulder, j.far_elbow, j.far_wrist], far_colour, True, False)
    limb(canvas, [j.hip, j.far_knee, j.far_ankle, j.far_toe], far_colour, False, False)
    if between_legs is not None:
        between_legs(canvas, j)
    # The body: the trunk from hip to shoulder, and the belly in front.
    trunk(canvas, colour, j.hip, j.shoulder, HIP_WIDTH, TORSO_WIDTH * swell)
    if pose.belly:
        canvas.circle(colour, j.belly, BELLY_RADIUS * s * pose.bump * swell)
    neck_base = offset(j.shoulder, unit(heading(j.shoulder, j.head)), 0.01 * s)
    canvas.segment(colour, neck_base, j.head, LIMB_WIDTH * 0.8)
    canvas.circle(colour, j.head, HEAD_RADIUS * s)
    # Hair gathered at the back of the head shows which way she faces.
    if pose.belly:
        bun = heading(j.shoulder, j.head) + 270 * pose.facing + 30 * pose.facing
        canvas.circle(
            HAIR, offset(j.head, unit(bun), HEAD_RADIUS * s * 0.95), HEAD_RADIUS * s * 0.45
        )
    limb(canvas, [j.hip, j.near_knee, j.near_ankle, j.near_toe], colour, False, True)
    limb(canvas, [j.shoulder, j.near_elbow, j.near_wrist], colour, True, True)
    if pose.belly and pose.belly_in_front:
        # Over the arm, with a dark rim round its front so that it stands out from the
        # limbs behind it, and none where it joins the body.
        r = BELLY_RADIUS * s * pose.bump * swell
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
    knee = offset(ankle, unit(leg.lower + 180), SHIN * FIGURE_HEIGHT)
    return offset(knee, unit(leg.upper + 180), THIGH * FIGURE_HEIGHT)


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


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _mix_limb(a: Limb, b: Limb, t: float) -> Limb:
    end = None if a.end is None or b.end is None else _mix(a.end, b.end, t)
    return Limb(_mix(a.upper, b.upper, t), _mix(a.lower, b.lower, t), end)


def between_limbs(a: Limb, b: Limb, t: float) -> Limb:
    """The limb ``t`` of the way from ``a`` to ``b``, joint by joint."""
    return _mix_limb(a, b, t)


def reach_to(shoulder: Point, target: Point) -> Limb:
    """An arm from ``shoulder`` whose wrist is at ``target`` (or as near as it reaches),
    the elbow bent downwards."""
    upper, fore = UPPER_ARM * FIGURE_HEIGHT, FOREARM * FIGURE_HEIGHT
    span = min(math.dist(shoulder, target), (upper + fore) * 0.999)
    towards = heading(shoulder, target)
    cos_bend = (upper * upper + span * span - fore * fore) / (2 * upper * span)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, cos_bend))))
    elbow = offset(shoulder, unit(towards + bend), upper)
    return Limb(towards + bend, heading(elbow, offset(shoulder, unit(towards), span)))


def between(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` of the way from ``a`` to ``b`` (0 is ``a``), joint by joint."""
    return replace(
        a,
        hip=lerp(a.hip, b.hip, t),
        torso=_mix(a.torso, b.torso, t),
        head=_mix(a.head, b.head, t),
        near_arm=_mix_limb(a.near_arm, b.near_arm, t),
        far_arm=_mix_limb(a.far_arm, b.far_arm, t),
        near_leg=_mix_limb(a.near_leg, b.near_leg, t),
        far_leg=_mix_limb(a.far_leg, b.far_leg, t),
    )
