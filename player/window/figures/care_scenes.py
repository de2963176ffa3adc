"""The scenes of warmth and of the partner's massage: the towel, the shower, her back seen
from behind with the partner's hands on it, resting together.

Each takes :class:`Values` (see ``values``); the hands move with the stroke the voice paces.
"""

from __future__ import annotations

from dataclasses import replace

from player.window.figures.body import (
    SEAT_Y,
    SEATED_HIP_Y,
    Limb,
    Pose,
    between_limbs,
    figure,
    joints,
    reach_to,
    standing,
)
from player.window.figures.canvas import (
    ARROW_WIDTH,
    FLOOR_Y,
    FURNITURE,
    FURNITURE_WIDTH,
    HEAT,
    LIMB_WIDTH,
    PARTNER,
    PARTNER_FAR,
    TOWEL,
    WATER,
    Canvas,
    arc_arrow,
    arrow,
    circle_arrow,
    heat,
    lerp,
    offset,
    unit,
    wave,
)
from player.window.figures.scenery import (
    Back,
    back_line,
    back_view,
    hand,
    leaning_on_chair_back,
    lying_on_side,
    on_the_floor,
    towel,
)
from player.window.figures.values import Values, mix


def towel_place(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 350, 540)
    j = leaning_on_chair_back(canvas, 330, v.breath)
    a, b = towel(canvas, j, lift=86 * (1 - v["lay"]))
    towards = unit(j.front)
    middle = lerp(a, b, 0.5)
    arrow(canvas, offset(middle, towards, 26), offset(middle, towards, 74))


def towel_on_back(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 350, 540)
    j = leaning_on_chair_back(canvas, 330, v.breath)
    a, b = towel(canvas, j)
    # Warmth rising from the towel.
    for t in (0.1, 0.5, 0.9):
        start = offset(lerp(a, b, t), unit(j.front + 180), 30)
        wave(
            canvas, start, offset(start, (-20, -62)), HEAT, amplitude=6, waves=1.5, width=7,
            phase=v.turn,
        )  # fmt: skip


def warm_towel(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 440, 740)
    # A table with a bowl of warm water.
    table_y = 250.0
    canvas.segment(FURNITURE, (440, table_y), (680, table_y), FURNITURE_WIDTH)
    canvas.segment(FURNITURE, (456, table_y), (456, FLOOR_Y), FURNITURE_WIDTH * 0.8)
    canvas.segment(FURNITURE, (664, table_y), (664, FLOOR_Y), FURNITURE_WIDTH * 0.8)
    bowl = [(466, table_y - 8), (620, table_y - 8), (640, table_y - 60), (446, table_y - 60)]
    canvas.polygon(WATER, bowl)
    canvas.segment(FURNITURE, (440, table_y - 62), (646, table_y - 62), 8)
    heat(canvas, 560, 640, table_y - 76, 2, phase=v.turn)
    pose = standing(340, near_arm=Limb(-6, -2), far_arm=Limb(0, 6))
    j = figure(canvas, pose, breath=v.breath)
    # The towel, wrung out between the hands over the bowl: the twist turns one way and
    # the other, and drops fall.
    hands = j.near_wrist
    twist = 8 * (1 - 2 * v["wring"])
    twisted = [
        offset(hands, (10 + i * 4 + (twist if i % 2 else -twist), 14 + i * 12)) for i in range(6)
    ]
    canvas.path(TOWEL, [hands, *twisted], 24)
    for dx, dy in ((34, 96), (14, 120)):
        canvas.circle(WATER, offset(hands, (dx, dy + 40 * v.turn)), 7)


def warm_shower(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 400, 740)
    pose = standing(440, near_arm=Limb(100, 70), far_arm=Limb(80, 100))
    j = joints(pose)
    # The shower above and behind her, the water falling onto her back.
    head = (330.0, 58.0)
    canvas.segment(FURNITURE, (250, 34), (250, 58), 14)
    canvas.segment(FURNITURE, (250, 58), head, 14)
    canvas.ellipse(FURNITURE, offset(head, (8, 6)), 70, 24, 28)
    low, high = back_line(j, 0.05, 1.0)
    for i, t in enumerate((0.0, 0.33, 0.66, 1.0)):
        target = offset(lerp(low, high, t), (-16, 0))
        start = offset(head, (-12 + i * 10, 22))
        wave(canvas, start, target, WATER, amplitude=5, waves=3, width=7, phase=v.turn)
    figure(canvas, pose, breath=v.breath)


def massage_setup(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 360, 600)
    j = leaning_on_chair_back(canvas, 400, v.breath)
    # The partner sits behind her and reaches out to rest a hand on her back.
    stool_x = 250.0
    canvas.segment(FURNITURE, (stool_x - 42, SEAT_Y), (stool_x + 42, SEAT_Y), FURNITURE_WIDTH)
    for side in (-1, 1):
        canvas.segment(
            FURNITURE,
            (stool_x + side * 32, SEAT_Y),
            (stool_x + side * 36, FLOOR_Y),
            FURNITURE_WIDTH * 0.8,
        )
    reach = v["reach"]
    low, high = back_line(j)
    on_her_back = lerp(low, high, 0.35)
    partner = Pose(
        hip=(stool_x, SEATED_HIP_Y),
        torso=-86 + 28 * reach,  # leaning in to reach her
        near_arm=Limb(70, 40),  # the hand resting on the knee
        far_arm=Limb(16, -8),
        near_leg=Limb(0, 90),
        far_leg=Limb(-3, 88),
        belly=False,
    )
    reaching = reach_to(joints(partner).shoulder, on_her_back)
    partner = replace(partner, near_arm=between_limbs(partner.near_arm, reaching, reach))
    p = figure(canvas, partner, PARTNER, PARTNER_FAR)
    hand(canvas, p.near_wrist, j.front - 90, 1)


def _thumb_hands(canvas: Canvas, b: Back, y: float) -> None:
    """Both hands on her back, the thumbs either side of the spine at height ``y``."""
    hand(canvas, (b.x - 58, y), -120, 1)
    hand(canvas, (b.x + 58, y), -60, -1)


def massage_thumbs_down_spine(canvas: Canvas, v: Values) -> None:
    b = back_view(canvas, breath=v.breath)
    for side in (-1, 1):
        x = b.x + side * 26
        arrow(canvas, (x, b.shoulder_y + 30), (x, b.crest_y + 6), width=ARROW_WIDTH * 0.85)
    _thumb_hands(canvas, b, b.shoulder_y + 4 + (b.crest_y - 30 - b.shoulder_y) * v["down"])


def massage_pelvis_circles(canvas: Canvas, v: Values) -> None:
    b = back_view(canvas, breath=v.breath)
    # Thumbs on the top of the pelvis, pressing small circles from the middle outwards:
    # the hands go round with them.
    turn = unit(360 * v.turn)
    for side in (-1, 1):
        for step in (0, 1):
            circle_arrow(canvas, (b.x + side * (36 + step * 50), b.crest_y - 10 + step * 2), 21)
        centre = (b.x + side * (118 + 10 * turn[0]), b.crest_y - 22 + 10 * turn[1])
        hand(canvas, centre, 90 - side * 72, -side)


def massage_neck_shoulders(canvas: Canvas, v: Values) -> None:
    b = back_view(canvas, breath=v.breath)
    for side in (-1, 1):
        centre = (b.x + side * 62, b.shoulder_y + 34)
        arc_arrow(
            canvas, centre, 24, -160 if side < 0 else -20, 20 if side < 0 else -200, both=True
        )
    # Kneading: the fingers and thumbs close in towards the neck and let go.
    knead = v["knead"]
    hand(canvas, (b.x - 64 + 8 * knead, b.shoulder_y - 20), -24 + 10 * knead, 1)
    hand(canvas, (b.x + 64 - 8 * knead, b.shoulder_y - 20), -156 - 10 * knead, -1)


def massage_palms_down_spine(canvas: Canvas, v: Values) -> None:
    b = back_view(canvas, breath=v.breath)
    # Down with the palms flat; lifted (paler, off her back) on the way back up.
    y = b.shoulder_y + 8 + (b.crest_y - 30 - b.shoulder_y) * v["down"]
    colour = mix(PARTNER, PARTNER_FAR, v["lift"])
    for side in (-1, 1):
        x = b.x + side * 52
        arrow(canvas, (x, b.shoulder_y + 40), (x, b.crest_y + 10))
        hand(canvas, (x, y), 90, side, colour)


def massage_lower_back_sweep(canvas: Canvas, v: Values) -> None:
    b = back_view(canvas, breath=v.breath)
    y = b.crest_y - 22
    arrow(canvas, (b.x - 150, y + 40), (b.x + 160, y + 40))
    x = b.x + 120 * v["across"]
    hand(canvas, (x - 84, y), -90, 1)
    hand(canvas, (x - 36, y - 4), -90, 1)


def massage_rest_together(canvas: Canvas, v: Values) -> None:
    lying = lying_on_side(canvas, room_above=True, breath=v.breath)
    # The partner's hands resting on her back, the arms reaching from behind her.
    for point, angle in ((lying.back[0], 80), (lying.back[2], 100)):
        wrist = offset(point, (0, -20))
        canvas.segment(PARTNER, offset(wrist, unit(angle + 180), 150), wrist, LIMB_WIDTH)
        hand(canvas, offset(point, (0, 4)), angle, 1)
