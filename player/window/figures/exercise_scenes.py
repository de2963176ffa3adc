"""The scenes of the exercises: standing, on all fours, sitting, lying down, the pelvic floor.

Each takes :class:`Values` (see ``values``): the numbers of the figure's key poses blended
for this moment. The arrows stay where they are: they show the whole movement, while the
body shows where in it she is now.
"""

from __future__ import annotations

from dataclasses import replace

from player.window.figures.body import (
    ANKLE_Y,
    KNEE_ON_FLOOR_Y,
    SEAT_Y,
    Joints,
    Limb,
    Pose,
    between,
    figure,
    hip_over,
    joints,
    kneeling,
    on_all_fours,
    on_back,
    seated,
    standing,
)
from player.window.figures.canvas import (
    ARROW,
    CUSHION,
    FIGURE,
    FIGURE_HEIGHT,
    FLOOR_Y,
    FURNITURE,
    GUIDE,
    HEAD_RADIUS,
    HIP_WIDTH,
    MAT,
    SHIN,
    THIGH,
    TORSO_WIDTH,
    Canvas,
    arc_arrow,
    arc_points,
    arrow,
    heading,
    lerp,
    offset,
    unit,
)
from player.window.figures.scenery import (
    chair,
    lying_on_side,
    on_the_floor,
    pillow,
)
from player.window.figures.values import Values


def standing_tall(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 420, 740)
    j = figure(canvas, standing(400), breath=v.breath)
    # Grow tall; let the weight settle back towards the heels.
    arrow(canvas, (540, 300), (540, 40))
    heel = (j.near_ankle[0] - 14, j.near_ankle[1] - 6)
    arrow(canvas, (heel[0] - 90, heel[1] - 130), heel)


def walk_on_the_spot(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 400, 740)
    # One knee up, then the other: the arms swing the other way.
    left_up = replace(
        standing(380, near_arm=Limb(120, 100), far_arm=Limb(60, 24)),
        near_leg=Limb(36, 100),
        far_leg=Limb(90, 90),
    )
    right_up = replace(
        left_up, near_arm=Limb(60, 24), far_arm=Limb(120, 100), near_leg=Limb(90, 90),
        far_leg=Limb(36, 100),
    )  # fmt: skip
    j = figure(canvas, between(left_up, right_up, v["stride"]), breath=v.breath)
    x = max(j.near_knee[0], j.far_knee[0]) + 100
    arrow(canvas, (x, 190), (x, 370), both=True)


def wall_pelvic_tilt(canvas: Canvas, v: Values) -> None:
    wall_x = 250.0
    on_the_floor(canvas, wall_x + 170, 740)
    canvas.rounded_rect(FURNITURE, wall_x - 34, 22, 34, FLOOR_Y - 18, 6)
    leg = Limb(80, 100)
    hip = hip_over((0, ANKLE_Y), leg)
    tilt = v["tilt"]
    # Tucking the pelvis flattens the lower back to the wall: the hips come forward a
    # little and the knees bend a little more.
    pose = Pose(
        hip=(wall_x + HIP_WIDTH / 2 + 2 + 10 * tilt, hip[1] + 6 * tilt),
        torso=-91 - 5 * tilt,
        near_arm=Limb(95, 86),
        far_arm=Limb(84, 94),
        near_leg=Limb(80 - 6 * tilt, 100 + 4 * tilt),
        far_leg=Limb(81 - 6 * tilt, 99 + 4 * tilt),
    )
    j = figure(canvas, pose, breath=v.breath)
    # The bottom of the pelvis tucks forward and up; the lower back presses to the wall.
    arc_arrow(canvas, j.hip, 118, 70, -8)


def kneel_to_all_fours(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 320, 580)
    start = kneeling(220)
    hands_down = on_all_fours(220, head=14)
    # Where the hands go: under the shoulders once she is on all fours.
    hand_x = joints(hands_down).near_wrist[0]
    for x in (hand_x - 22, hand_x + 22):
        canvas.ellipse(GUIDE, (x, FLOOR_Y - 7), 36, 16)
    j = figure(canvas, between(start, hands_down, v["down"]), breath=v.breath)
    # Lean forward and put the hands down on the mat, under the shoulders.
    arc_arrow(canvas, j.near_knee, 226, -76, -16)


def all_fours_start(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 318, 470)
    pose = on_all_fours(290)
    j = joints(pose)
    # Hands under the shoulders, knees under the hips.
    for top, bottom in ((j.shoulder, j.near_wrist), (j.hip, j.near_knee)):
        canvas.dashed(GUIDE, (top[0], top[1] - 100), (bottom[0], FLOOR_Y))
    figure(canvas, pose, breath=v.breath)


def pelvic_tilt_all_fours(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 318, 440)
    tilt = v["tilt"]
    flat = on_all_fours(300)
    # Tucking the tailbone under drops the hips a little and rounds the lower back up.
    pose = replace(flat, hip=offset(flat.hip, (6 * tilt, 10 * tilt)), torso=flat.torso - 4 * tilt)
    j = figure(canvas, pose, breath=v.breath)
    middle = lerp(j.hip, j.shoulder, 0.42)
    canvas.circle(FIGURE, offset(middle, unit(j.front + 180), 16 * tilt - 4), TORSO_WIDTH * 0.58)
    # Tuck the tailbone under and round the lower back, then back to flat.
    arc_arrow(canvas, j.hip, 70, -76, -204, both=True)


def arm_reach(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 372, 520)
    down = on_all_fours(250, head=12)
    reaching = replace(on_all_fours(250, head=50), near_arm=Limb(-3, -3))
    reach = v["reach"]
    figure(canvas, between(down, reaching, reach), breath=v.breath)
    tip = joints(reaching).near_wrist
    arrow(canvas, offset(tip, (30, 0)), offset(tip, (140, 0)))


def sit_back_on_heels(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 450, 540)
    knee = (500.0, KNEE_ON_FLOOR_Y)
    ankle = offset(knee, (-SHIN * FIGURE_HEIGHT, 0))
    rest = (ankle[0] + 16, KNEE_ON_FLOOR_Y - 34)
    thigh = heading(rest, knee)
    hip = offset(knee, unit(thigh + 180), THIGH * FIGURE_HEIGHT)
    on_heels = Pose(
        hip=hip,
        torso=-84,
        near_arm=Limb(70, 8),
        far_arm=Limb(66, 12),
        near_leg=Limb(thigh, 180, 180),
        far_leg=Limb(thigh - 2, 180, 180),
    )
    hands_down = on_all_fours(knee[0], head=14)
    j = figure(canvas, between(hands_down, on_heels, v["back"]), breath=v.breath)
    # Sit back onto the heels.
    arc_arrow(canvas, j.hip, 104, -140, -196)


def seated_rest(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 380, 600)
    chair(canvas, 300, 420)
    pose = seated(300 + 10 + HIP_WIDTH / 2, torso=-96, near_arm=Limb(70, -14))
    figure(canvas, pose, breath=v.breath)


def sit_on_chair(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 360, 600)
    chair(canvas, 330, 450)
    figure(canvas, seated(330 + 10 + HIP_WIDTH / 2), breath=v.breath)
    # Come up slowly to sitting.
    arrow(canvas, (236, 350), (236, 110))


def sit_down_slowly(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 380, 800)
    chair(canvas, 220, 330)
    figure(canvas, _legs_over_ankle(SEATED_ANKLE_X, v), breath=v.breath)
    # Bend a little, then lower slowly onto the seat.
    arc_arrow(canvas, (300, SEAT_Y - 40), 100, -110, -172)


SEATED_ANKLE_X = 220 + 10 + HIP_WIDTH / 2 + THIGH * FIGURE_HEIGHT
"""Where her feet are as she sits down onto the chair at 220 to 330."""


def _legs_over_ankle(ankle_x: float, v: Values) -> Pose:
    """Standing, bending or sitting with the feet where they are: the thigh, shin and
    torso angles and the arm from ``v``, the hip where the legs put it."""
    leg = Limb(v["thigh"], v["shin"])
    arm = v["arm"]
    return Pose(
        hip=hip_over((ankle_x, ANKLE_Y), leg),
        torso=v["torso"],
        near_arm=Limb(arm, arm - 12),
        far_arm=Limb(arm + 4, arm - 6),
        near_leg=leg,
        far_leg=Limb(v["thigh"] + 2, v["shin"] - 2),
    )


def sit_with_cushion(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 320, 600)
    back_x = 300.0
    chair(canvas, back_x, back_x + 130)
    j = figure(canvas, seated(back_x + 40 + HIP_WIDTH / 2), breath=v.breath)
    # The cushion fills the hollow of the lower back, against the backrest.
    y = j.hip[1] - 0.13 * FIGURE_HEIGHT
    pillow(canvas, (back_x + 14, y), 40, 92, -4)
    arrow(canvas, (back_x - 150, y), (back_x - 20, y))


def squat_pick_up(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 390, 780)
    box_x = 470.0
    carry = v["carry"]
    pose = replace(_legs_over_ankle(380, v), head=16 * (1 - v["thigh"] / 90), belly_in_front=True)
    hands = joints(pose).near_wrist
    # The box: on the floor, then in her hands as she rises.
    floor_spot = (box_x, FLOOR_Y - 22)
    centre = lerp(floor_spot, offset(hands, (10, 14)), carry)
    canvas.rounded_rect(CUSHION, centre[0] - 36, centre[1] - 22, 72, 44, 12)
    figure(canvas, pose, breath=v.breath)
    # Down and up again slowly, the back kept straight.
    arrow(canvas, (236, 150), (236, 370), both=True)


def side_lying_rest(canvas: Canvas, v: Values) -> None:
    lying_on_side(canvas, breath=v.breath)


def lie_down_on_side(canvas: Canvas, v: Values) -> None:
    lying = lying_on_side(canvas, room_above=True, breath=v.breath)
    # From sitting, the upper body comes down sideways onto the pillow.
    arc_arrow(canvas, lying.hip, 130, -84, -158)


def side_lying_pelvic_tilt(canvas: Canvas, v: Values) -> None:
    lying = lying_on_side(canvas, tilt=v["tilt"], breath=v.breath)
    # Tuck the tailbone under: the pelvis turns round the hip, its bottom forwards.
    arc_arrow(canvas, offset(lying.hip, (8, 0)), 58, -118, -8)


def back_lying_rest(canvas: Canvas, v: Values) -> None:
    """Lying on her back, knees bent, at rest: how to lie down before the tilts."""
    _on_back_on_mat(canvas, 0.0, v.breath)


def back_lying_pelvic_tilt(canvas: Canvas, v: Values) -> None:
    j = _on_back_on_mat(canvas, v["tilt"], v.breath)
    # The pelvis tilts, its bottom curling up, and the lower back presses gently down.
    arc_arrow(canvas, j.hip, 50, 30, -118, edge=True)


def _on_back_on_mat(canvas: Canvas, tilt: float, breath: float) -> Joints:
    on_the_floor(canvas, 390, 400)
    # A mat as long as the floor line, and a small cushion under her head.
    mat_top = FLOOR_Y - 12
    inset = 30 / canvas.scale
    canvas.rounded_rect(
        MAT, canvas.left + inset - 4, mat_top, canvas.right - canvas.left - 2 * inset + 8, 24, 8
    )
    flat = on_back(400, mat_top)
    pillow(canvas, (joints(flat).head[0] - 4, mat_top - 9), 84, 20)
    # The tilt curls the bottom of the pelvis up: the hip lifts a little and the knees
    # come towards her.
    pose = replace(
        flat,
        hip=offset(flat.hip, (4 * tilt, -7 * tilt)),
        torso=flat.torso - 3 * tilt,
        near_leg=Limb(flat.near_leg.upper - 6 * tilt, flat.near_leg.lower + 4 * tilt, 0),
        far_leg=Limb(flat.far_leg.upper - 6 * tilt, flat.far_leg.lower + 4 * tilt, 0),
    )
    return figure(canvas, pose, breath=breath)


def relaxed_breathing(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 390, 600)
    chair(canvas, 300, 420)
    pose = replace(
        seated(300 + 10 + HIP_WIDTH / 2, torso=-94), near_arm=Limb(62, -34), belly_in_front=False
    )
    deep = v["deep"]
    j = figure(canvas, pose, breath=deep * 2)
    # Breathe gently deep into the belly, and out again: the rings spread as she breathes in.
    for radius in (58, 82):
        canvas.path(ARROW, arc_points(j.belly, radius + 14 * deep, -46, 46, 20), 10)
    nose = offset(j.head, unit(10), HEAD_RADIUS * FIGURE_HEIGHT + 16)
    arrow(canvas, nose, offset(nose, (100, 0)), both=True)


def pelvic_floor_hold(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 390, 600)
    chair(canvas, 300, 420)
    j = figure(canvas, seated(300 + 10 + HIP_WIDTH / 2), breath=v.breath)
    # Squeeze and lift, then hold: one long lift with a bar across its top; the lift
    # rises with the squeeze and sinks as she relaxes.
    lift = v["lift"]
    x = j.near_knee[0] + 64
    top = SEAT_Y - 20 + (j.belly[1] - 30 - (SEAT_Y - 20)) * lift
    arrow(canvas, (x, SEAT_Y + 30), (x, top))
    canvas.segment(ARROW, (x - 34, top - 16), (x + 34, top - 16), 12)


def pelvic_floor_quick(canvas: Canvas, v: Values) -> None:
    on_the_floor(canvas, 400, 600)
    chair(canvas, 300, 420)
    j = figure(canvas, seated(300 + 10 + HIP_WIDTH / 2), breath=v.breath)
    # Quick squeezes: short lifts, one after another.
    for index in range(3):
        x = j.near_knee[0] + 56 + index * 50
        arrow(canvas, (x, SEAT_Y + 30), (x, SEAT_Y - 6 - 40 * v["lift"]))
