"""Every bundled figure's scene by name: the exercises (``exercise_scenes``) and warmth and
massage (``care_scenes``), each drawn at one moment of its motion from :class:`Values`
(``player.routine.figures`` holds the key poses)."""

from __future__ import annotations

from collections.abc import Callable

from player.window.figures.canvas import Canvas
from player.window.figures.care_scenes import (
    massage_lower_back_sweep,
    massage_neck_shoulders,
    massage_palms_down_spine,
    massage_pelvis_circles,
    massage_rest_together,
    massage_setup,
    massage_thumbs_down_spine,
    towel_on_back,
    towel_place,
    warm_shower,
    warm_towel,
)
from player.window.figures.exercise_scenes import (
    all_fours_start,
    arm_reach,
    back_lying_pelvic_tilt,
    back_lying_rest,
    kneel_to_all_fours,
    lie_down_on_side,
    pelvic_floor_hold,
    pelvic_floor_quick,
    pelvic_tilt_all_fours,
    relaxed_breathing,
    seated_rest,
    side_lying_pelvic_tilt,
    side_lying_rest,
    sit_back_on_heels,
    sit_down_slowly,
    sit_on_chair,
    sit_with_cushion,
    squat_pick_up,
    standing_tall,
    walk_on_the_spot,
    wall_pelvic_tilt,
)
from player.window.figures.values import Values

__all__ = ["SCENES", "Values"]

# -- all of them -------------------------------------------------------------------------------

SCENES: dict[str, Callable[[Canvas, Values], None]] = {
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
    "back-lying-rest": back_lying_rest,
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
"""Every bundled figure by name, and the function that draws its scene."""
