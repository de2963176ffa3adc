"""Text made safe to show: no control characters reach a terminal, a window or a file.

A routine file is checked for them when it is loaded (``player.routine.yaml_source``);
this is the second line of defence, at every place text leaves the player, for text
from anywhere else (a file name, a setting, an error from a library).
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters but the tab and the line break: the escape that starts an ANSI
sequence (which can clear a screen or retitle a terminal), bells, backspaces, carriage
returns, the C1 controls; and the controls that embed, override or isolate the direction
of text (U+202A-U+202E, U+2066-U+2069), which make words show in another order than they
are written and push the rest of a printed line to its far end."""


def printable(text: str) -> str:
    """``text`` without its control characters (tabs and line breaks are kept)."""
    return CONTROL.sub("", text)


def first_control(text: str) -> str | None:
    """The first control character in ``text``, as ``U+001B``; None when there is none."""
    found = CONTROL.search(text)
    return None if found is None else f"U+{ord(found[0]):04X}"
