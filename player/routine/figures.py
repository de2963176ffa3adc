"""The bundled figures a step can name (``figure: pelvic-tilt-all-fours``), and how each moves.

A figure is drawn from a few numbers (the angle of a thigh, how far down the back the
partner's hands are, how much the pelvis is tucked); its *key poses* give those numbers
at the moments that matter, and the window draws the figure between them as the session
plays (``player.playback.motion`` says where between them it is). This module is data
only: no drawing, so ``check`` can know the names without loading pygame.

How a figure moves through a step:

- A step in phases moves from one key pose to the next in each phase: the first phase
  from the first key to the second, the second phase to the third, and round to the first
  again after the last key. "Tilt" then "Flat back" with two keys tucks and untucks.
- ``move_s`` is how long a move takes, from the start of its phase; the pose then holds
  to the end of the phase (a squeeze is quick, then held). Without it, the move takes the
  whole phase (thumbs slide down the spine for all six seconds).
- A step without phases is one phase: it moves from the first key to the second once.
- So a figure fits a step whose repetition has as many phases as it has key poses (it goes
  round and back to the first), or one fewer (it starts again from the first at the next
  repetition); ``check`` warns about a step in phases that fits neither.
- ``cycle_s`` makes a figure go round its keys by itself, that many seconds a turn,
  whatever the step's phases (walking, small circles, kneading).
- Every figure breathes gently while it plays (see ``BREATH_S``).
"""

from __future__ import annotations

from dataclasses import dataclass

KeyPose = tuple[tuple[str, float], ...]
"""A key pose: named numbers, such as (("tilt", 1.0),)."""


def pose(**values: float) -> KeyPose:
    """A key pose from named numbers: ``pose(tilt=1)``."""
    return tuple(sorted(values.items()))


@dataclass(frozen=True)
class Motion:
    """How one figure moves: its key poses, and how the session's time runs through them."""

    keys: tuple[KeyPose, ...] = ((),)
    move_s: float | None = None
    """Seconds a move from one key to the next takes; None: the whole phase."""
    cycle_s: float | None = None
    """Go round the keys by itself at this period, whatever the phases."""
    still: int = 0
    """The key pose the still picture shows (``media/pictures/NAME.png``)."""
    drawn_side: str = "left"
    """The side the drawing shows, for a step done on both sides: the other is mirrored.
    Lying on her left side; reaching with her right arm, the one nearer the viewer."""

    @property
    def moves(self) -> bool:
        """Whether it has anywhere to go besides breathing."""
        return len(self.keys) > 1 or self.cycle_s is not None


BREATH_S = 5.0
"""One slow breath in and out while a figure holds still: its chest and belly rise and fall."""

STILL = Motion()

FIGURES: dict[str, Motion] = {
    # Standing and walking
    "standing-tall": STILL,
    "walk-on-the-spot": Motion(keys=(pose(stride=0), pose(stride=1)), cycle_s=1.4),
    "wall-pelvic-tilt": Motion(keys=(pose(tilt=0), pose(tilt=1)), move_s=2.0),
    # On the floor, on all fours
    "kneel-to-all-fours": Motion(keys=(pose(down=0), pose(down=1)), move_s=4.0),
    "all-fours-start": STILL,
    "pelvic-tilt-all-fours": Motion(keys=(pose(tilt=0), pose(tilt=1)), move_s=2.0),
    "arm-reach": Motion(
        keys=(pose(reach=0), pose(reach=1)), move_s=1.5, still=1, drawn_side="right"
    ),
    "sit-back-on-heels": Motion(keys=(pose(back=0), pose(back=1)), move_s=4.0, still=1),
    # Sitting
    "seated-rest": STILL,
    "sit-on-chair": STILL,
    "sit-down-slowly": Motion(
        keys=(
            pose(thigh=90, shin=90, torso=-88, arm=94),
            pose(thigh=62, shin=98, torso=-66, arm=30),
            pose(thigh=2, shin=90, torso=-66, arm=24),
            pose(thigh=0, shin=90, torso=-92, arm=55),
        ),
        still=1,
    ),
    "sit-with-cushion": STILL,
    "squat-pick-up": Motion(
        keys=(
            pose(thigh=90, shin=90, torso=-88, arm=90, carry=0),  # standing
            pose(thigh=-24, shin=112, torso=-56, arm=74, carry=0),  # squatting by the box
            pose(thigh=-24, shin=112, torso=-60, arm=60, carry=1),  # box in her hands
            pose(thigh=90, shin=90, torso=-88, arm=60, carry=1),  # risen, holding it
            pose(thigh=-24, shin=112, torso=-60, arm=60, carry=1),  # squatting again
            pose(thigh=-24, shin=112, torso=-56, arm=74, carry=0),  # box put down
        ),
        still=1,
    ),
    # Lying down
    "side-lying-rest": STILL,
    "lie-down-on-side": STILL,
    "side-lying-pelvic-tilt": Motion(keys=(pose(tilt=0), pose(tilt=1)), move_s=2.0),
    "back-lying-rest": STILL,
    "back-lying-pelvic-tilt": Motion(keys=(pose(tilt=0), pose(tilt=1)), move_s=2.0),
    "relaxed-breathing": Motion(keys=(pose(deep=0), pose(deep=1))),
    # The pelvic floor
    "pelvic-floor-hold": Motion(keys=(pose(lift=0), pose(lift=1)), move_s=1.0, still=1),
    "pelvic-floor-quick": Motion(keys=(pose(lift=0), pose(lift=1)), cycle_s=1.2, still=1),
    # Warmth
    "towel-place": Motion(keys=(pose(lay=0), pose(lay=1)), move_s=3.0),
    "towel-on-back": Motion(cycle_s=2.5),
    "warm-towel": Motion(keys=(pose(wring=0), pose(wring=1)), cycle_s=1.6),
    "warm-shower": Motion(cycle_s=1.0),
    # The partner's massage, her back seen from behind
    "massage-setup": Motion(keys=(pose(reach=0), pose(reach=1)), move_s=3.0, still=1),
    "massage-thumbs-down-spine": Motion(keys=(pose(down=0), pose(down=1))),
    "massage-pelvis-circles": Motion(cycle_s=2.0),
    "massage-neck-shoulders": Motion(keys=(pose(knead=0), pose(knead=1)), cycle_s=1.5),
    "massage-palms-down-spine": Motion(
        keys=(pose(down=0, lift=0), pose(down=1, lift=0), pose(down=0, lift=1)),
    ),
    "massage-lower-back-sweep": Motion(keys=(pose(across=0), pose(across=1))),
    "massage-rest-together": STILL,
}
"""Every bundled figure by name, as a step names it."""

FIGURE_NAMES: tuple[str, ...] = tuple(FIGURES)
