"""Colours, type size and the few proportions every part of the window shares.

Two palettes: the standard one, off-white on near-black with one warm accent for what
changes (the phase, the progress, the breathing circle); and a high-contrast one, white
and yellow on pure black with thick outlines and no greys. Large text makes every word
about a third bigger; the layout gives the words the room. The caller picks, with
:func:`theme_for`; everything that draws is handed the :class:`Theme`.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]
Shade = tuple[int, int, int, int]


@dataclass(frozen=True)
class Palette:
    background: Colour
    text: Colour
    dim: Colour
    """Words that matter less: the time left, what comes next, the keys on the buttons."""
    accent: Colour
    accent_dark: Colour
    """The inside of the breathing circle."""
    on_accent: Colour
    """Words on a button filled with the accent."""
    panel: Colour
    panel_edge: Colour
    track: Colour
    """The part of a progress bar still to come."""
    track_edge: Colour | None
    """An outline round the progress bars, when the track alone would not show."""
    caption_band: Colour
    caption_edge: Colour | None
    shade: Shade
    """The dimming laid over the session behind an overlay (with alpha)."""
    outline: int
    """How thick the outlines of buttons and panels are, in pixels."""
    alarm: Colour = (178, 34, 34)
    """The "Something is wrong" button: a colour no other part of the window has."""
    on_alarm: Colour = (255, 255, 255)


STANDARD = Palette(
    background=(16, 16, 18),
    text=(242, 238, 228),
    dim=(170, 165, 155),
    accent=(255, 178, 66),
    accent_dark=(74, 50, 20),
    on_accent=(16, 16, 18),
    panel=(34, 34, 38),
    panel_edge=(78, 78, 86),
    track=(58, 58, 64),
    track_edge=None,
    caption_band=(40, 34, 26),
    caption_edge=None,
    shade=(8, 8, 10, 215),
    outline=2,
)

HIGH_CONTRAST = Palette(
    background=(0, 0, 0),
    text=(255, 255, 255),
    dim=(255, 236, 140),
    accent=(255, 221, 0),
    accent_dark=(120, 96, 0),
    on_accent=(0, 0, 0),
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    track=(0, 0, 0),
    track_edge=(255, 255, 255),
    caption_band=(0, 0, 0),
    caption_edge=(255, 221, 0),
    shade=(0, 0, 0, 235),
    outline=4,
)

LARGE_TEXT = 1.3
"""How much bigger large text makes the words."""


@dataclass(frozen=True)
class Theme:
    palette: Palette = STANDARD
    text_scale: float = 1.0
    flash: bool = False
    """Flash the edge of the window at each step and on a step's last three seconds."""


def theme_for(
    *, large_text: bool = False, high_contrast: bool = False, flash: bool = False
) -> Theme:
    """The theme for the person's settings."""
    return Theme(
        HIGH_CONTRAST if high_contrast else STANDARD, LARGE_TEXT if large_text else 1.0, flash
    )


DEFAULT_THEME = Theme()

# The standard palette by name, for code and tests that need no other.
BACKGROUND: Colour = STANDARD.background
TEXT: Colour = STANDARD.text
DIM: Colour = STANDARD.dim
ACCENT: Colour = STANDARD.accent
ACCENT_DARK: Colour = STANDARD.accent_dark
PANEL: Colour = STANDARD.panel
PANEL_EDGE: Colour = STANDARD.panel_edge
TRACK: Colour = STANDARD.track
CAPTION_BAND: Colour = STANDARD.caption_band
SHADE: Shade = STANDARD.shade

FIGURE_FPS = 10
"""Frames a second of a figure moving between key poses: smooth enough to follow a slow
stroke, cheap enough for a laptop on battery."""
BREATHING_FIGURE_FPS = 4
"""Frames a second of a figure that only breathes: a slow rise and fall."""
BREATH_FPS = 12
"""How often the breathing circle is redrawn while it moves."""
MAX_FPS = 30
"""No more wake-ups than this, whatever is due."""
