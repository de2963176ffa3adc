"""Colours and the few proportions every part of the window shares.

High contrast for a screen read from across a room: off-white on near-black, one warm
accent for what changes (the phase, the progress, the breathing circle).
"""

from __future__ import annotations

Colour = tuple[int, int, int]

BACKGROUND: Colour = (16, 16, 18)
TEXT: Colour = (242, 238, 228)
DIM: Colour = (170, 165, 155)
ACCENT: Colour = (255, 178, 66)
ACCENT_DARK: Colour = (74, 50, 20)
PANEL: Colour = (34, 34, 38)
PANEL_EDGE: Colour = (78, 78, 86)
TRACK: Colour = (58, 58, 64)
CAPTION_BAND: Colour = (40, 34, 26)
SHADE: tuple[int, int, int, int] = (8, 8, 10, 215)
"""The dimming laid over the session behind an overlay (with alpha)."""

BREATH_FPS = 12
"""How often the breathing circle is redrawn while it moves."""
MAX_FPS = 30
"""No more wake-ups than this, whatever is due."""
