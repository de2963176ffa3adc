"""When a session flashes, for a noisy room or a person hard of hearing: at the start of
each step and as each of a step's last three seconds begins. Pure: a frame in, lit or not
out; the window lights its edge, the terminal flashes its screen."""

from __future__ import annotations

from player.playback.events import Frame

FLASH_MS = 400
"""How long the edge stays lit each time."""
FLASH_SECONDS = 3
"""A step's last seconds that each flash as they begin."""


def flashing(frame: Frame) -> bool:
    """Whether the edge is lit at this moment: the first ``FLASH_MS`` of a step (but the
    lead-in), and of each of the last ``FLASH_SECONDS`` of a timed step. Only while the
    session plays; a step that waits for done has no last seconds."""
    if frame.state != "playing" or frame.segment.kind == "wait":
        return False
    step = frame.step
    if step.kind != "lead_in" and frame.step_elapsed_ms < FLASH_MS:
        return True
    remaining = frame.step_remaining_ms
    return any(
        second * 1000 - FLASH_MS < remaining <= second * 1000
        for second in range(1, FLASH_SECONDS + 1)
    )
