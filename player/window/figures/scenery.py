"""What is round her: the floor, chairs, pillows, the partner's hands; her back seen from
behind, and her body lying on her side, for the scenes that show them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from player.window.figures.body import (
    BREATH_SWELL,
    SEAT_Y,
    SEATED_HIP_Y,
    Joints,
    Limb,
    Pose,
    figure,
    joints,
    limb,
    smooth,
)
from player.window.figures.canvas import (
    BELLY_RADIUS,
    CARD,
    CUSHION,
    FIGURE,
    FIGURE_FAR,
    FIGURE_HEIGHT,
    FLOOR,
    FLOOR_Y,
    FURNITURE,
    FURNITURE_WIDTH,
    HAIR,
    HEAD_RADIUS,
    HEIGHT,
    HIP_WIDTH,
    LIMB_WIDTH,
    MAT,
    OUTLINE,
    PARTNER,
    SPINE,
    TORSO,
    TORSO_WIDTH,
    TOWEL,
    WIDTH,
    Canvas,
    Colour,
    Point,
    arc_points,
    heading,
    lerp,
    offset,
    unit,
)


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
    thumb_at = offset(offset(centre, unit(angle + 180), 4), unit(angle + 90 * thumb), width * 0.52)
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


SHOULDER_RISE = 5.0
"""How far her shoulders rise, seen from behind, at the top of a breath."""
RIBS_WIDEN = 4.0
"""How far each side of her ribs moves out at the top of a breath."""
BACK = Back(x=WIDTH / 2, shoulder_y=118, neck_y=96, waist_y=226, crest_y=266)


def back_view(canvas: Canvas, b: Back = BACK, breath: float = 0.0) -> Back:
    """Her back as the partner sees it, sitting on a stool, turned a little so that her
    belly shows at her right side. ``breath`` (0 to 1): breathing in, her shoulders rise a
    little and her ribs widen."""
    x = b.x
    rise, widen = SHOULDER_RISE * breath, RIBS_WIDEN * breath
    canvas.frame(x - 345, 0, 690)
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
    canvas.circle(FIGURE, (x + 94, b.waist_y + 14), 38 * (1 + BREATH_SWELL * breath))
    top, shoulder = b.neck_y - 8 - rise, b.shoulder_y - rise
    outline = [
        (x + 22, top), (x + 62, shoulder - 14), (x + 92, shoulder - 2),
        (x + 100 + widen, shoulder + 26), (x + 90 + widen, 176), (x + 92, b.waist_y - 6),
        (x + 106, 284), (x + 104, seat_y - 10),
        (x - 104, seat_y - 10), (x - 110, 284), (x - 94, b.waist_y),
        (x - 90 - widen, 176), (x - 100 - widen, shoulder + 26),
        (x - 92, shoulder - 2), (x - 62, shoulder - 14), (x - 22, top),
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


def leaning_on_chair_back(canvas: Canvas, hip_x: float, breath: float = 0.0) -> Joints:
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
    return figure(canvas, pose, breath=breath)


def back_line(j: Joints, low: float = 0.05, high: float = 0.85) -> tuple[Point, Point]:
    """Two points on the surface of her back (seen from the side), from low to high."""
    back = unit(j.front + 180)
    a = offset(lerp(j.hip, j.shoulder, low), back, HIP_WIDTH / 2 - 2)
    b = offset(lerp(j.hip, j.shoulder, high), back, TORSO_WIDTH / 2 - 2)
    return a, b


def towel(canvas: Canvas, j: Joints, lift: float = 0) -> tuple[Point, Point]:
    """The warm towel across the lower back (``lift`` above it, as it is laid on)."""
    low, high = back_line(j, 0.0, 0.55)
    out = unit(j.front + 180)
    a, b = offset(low, out, 6 + lift), offset(high, out, 6 + lift)
    canvas.segment(CARD, a, b, 34 + 2 * OUTLINE)
    canvas.segment(TOWEL, a, b, 34)
    return a, b


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
TILT_DEGREES = 12.0
"""How far her thighs come forward when she tucks her pelvis, lying on her side."""
HEAD_PILLOW: Point = (-150, 42)
"""Where the pillow under her head is, from her hip."""
LYING_BODY: tuple[tuple[float, float], ...] = (
    (-0.3, -4), (-0.2, -26), (0.05, -33), (0.45, -25), (0.8, -27), (1.05, -18),
    (1.12, 4), (0.95, 22), (0.82, 28), (0.7, 42), (0.58, 58), (0.44, 67), (0.3, 67),
    (0.17, 58), (0.07, 44), (-0.04, 32), (-0.16, 26), (-0.26, 16),
)  # fmt: skip
"""The outline of her body lying on her side, round from the buttock along the back to the
shoulder and back along the front, the belly one round curve of it resting on its
cushion: each point as (along the torso from the hip, in torso lengths; out in front of
its line, in picture pixels)."""
BELLY_FROM = 40.0
"""Points of the outline further in front than this are the belly: they swell with a breath."""


def lying_on_side(
    canvas: Canvas,
    ox: float = 400,
    oy: float = FLOOR_Y - 80,
    *,
    room_above: bool = False,
    tilt: float = 0.0,
    breath: float = 0.0,
) -> Lying:
    """Lying on her left side on a mat, seen from the front and a little above: head on
    a pillow, the belly resting in front on a small cushion, knees bent with a pillow
    between them. Her hip is at (``ox``, ``oy``); she is framed in the middle of the
    picture, or at its foot to leave room above. ``tilt`` (0 to 1) tucks her pelvis:
    the thighs come forward round the hip; ``breath`` swells the belly a little."""
    tuck = TILT_DEGREES * tilt
    thigh = SIDE_LYING.near_leg
    legs = Limb(thigh.upper + tuck, thigh.lower + tuck, (thigh.end or 0) + tuck)
    j = joints(replace(SIDE_LYING, hip=(ox, oy), near_leg=legs, far_leg=legs))
    s = FIGURE_HEIGHT
    if room_above:
        canvas.frame(ox - 256, oy + 112 - 260, 520)
    else:
        canvas.frame(ox - 226, oy - 112, 460)
    canvas.rounded_rect(MAT, canvas.left + 10, oy - 62, canvas.right - canvas.left - 20, 166, 22)
    pillow(canvas, offset(j.hip, HEAD_PILLOW), 118, 46, -4)
    # The lower leg on the mat, the pillow on it, the upper leg resting on the pillow:
    # her hips together, her knees apart.
    up = unit(-90)

    def leg(hip: Point, rest: Sequence[Point], lift: float) -> list[Point]:
        """The leg moved ``lift`` up the picture from the knee down, less at the hip."""
        return [offset(hip, up, lift * 0.3), *(offset(p, up, lift) for p in rest)]

    far = leg(j.hip, [j.far_knee, j.far_ankle, j.far_toe], -KNEES_APART * 4 / 9)
    near = leg(j.hip, [j.near_knee, j.near_ankle, j.near_toe], KNEES_APART * 5 / 9)
    limb(canvas, far, FIGURE_FAR, False, False)
    pillow(canvas, offset(lerp(far[1], near[1], 0.5), (14, 0)), 76, 30)
    limb(canvas, near, FIGURE, False, True)
    # The small cushion under her belly, then her body over the top of the thigh.
    belly_r = BELLY_RADIUS * s * (1 + BREATH_SWELL * breath)
    pillow(canvas, offset(j.belly, (6, belly_r * 1.05)), 96, 30)
    along, front = unit(heading(j.hip, j.shoulder)), unit(j.front)
    swell = 1 + BREATH_SWELL * breath
    body = [
        offset(offset(j.hip, along, a * TORSO * s), front, b * swell if b > BELLY_FROM else b)
        for a, b in LYING_BODY
    ]
    canvas.polygon(FIGURE, smooth(body))
    canvas.segment(FIGURE, j.shoulder, j.head, LIMB_WIDTH * 0.8)
    canvas.circle(FIGURE, j.head, HEAD_RADIUS * s)
    bun = heading(j.shoulder, j.head) + 60
    canvas.circle(HAIR, offset(j.head, unit(bun), HEAD_RADIUS * s * 0.95), HEAD_RADIUS * s * 0.45)
    arm = [offset(p, up, ARM_LIFT) for p in (j.shoulder, j.near_elbow, j.near_wrist)]
    limb(canvas, arm, FIGURE, True, True)
    back = unit(j.front + 180)
    return Lying(
        hip=j.hip,
        back=tuple(
            offset(lerp(j.hip, j.shoulder, t), back, TORSO_WIDTH / 2 + 4) for t in (0.9, 0.5, 0.05)
        ),
    )
