"""Which key or button does what. Pure: a key (or a button's name) in, an action out."""

from __future__ import annotations

from typing import Literal

import pygame

from player.playback.session import Command
from player.window.layout import ButtonId

WindowAction = Literal["fullscreen", "help", "quit", "stop", "close"]
"""Besides session commands: "quit" asks first; "stop" (Esc) stops at once."""
Action = Command | WindowAction

_KEYS: dict[int, Action] = {
    pygame.K_SPACE: "toggle_pause",
    pygame.K_RIGHT: "next",
    pygame.K_LEFT: "previous",
    pygame.K_r: "restart",
    pygame.K_PLUS: "more_time",
    pygame.K_EQUALS: "more_time",
    pygame.K_KP_PLUS: "more_time",
    pygame.K_MINUS: "less_time",
    pygame.K_KP_MINUS: "less_time",
    pygame.K_RETURN: "done",
    pygame.K_KP_ENTER: "done",
    pygame.K_m: "mute",
    pygame.K_c: "captions",
    pygame.K_f: "fullscreen",
    pygame.K_h: "help",
    pygame.K_QUESTION: "help",
    pygame.K_ESCAPE: "stop",
    pygame.K_q: "quit",
}

_TYPED: dict[str, Action] = {"+": "more_time", "-": "less_time", "?": "help", "=": "more_time"}
"""Characters, for keyboards where they sit on other keys."""

_BUTTONS: dict[ButtonId, Action] = {
    "pause": "toggle_pause",
    "back": "previous",
    "next": "next",
    "restart": "restart",
    "less": "less_time",
    "more": "more_time",
    "done": "done",
    "mute": "mute",
    "captions": "captions",
    "help": "help",
    "quit": "stop",
    "close": "close",
}

CONFIRM_KEYS = frozenset({pygame.K_ESCAPE, pygame.K_q, pygame.K_y})
"""Keys that say yes to quitting once it has been asked."""
CLOSE_KEYS = frozenset(
    {pygame.K_ESCAPE, pygame.K_q, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
)
"""Keys that close the end screen."""


def key_action(key: int, typed: str = "") -> Action | None:
    """The action of a key press; ``typed`` is the character it made, if any."""
    return _TYPED.get(typed) or _KEYS.get(key)


def button_action(name: ButtonId) -> Action:
    return _BUTTONS[name]
