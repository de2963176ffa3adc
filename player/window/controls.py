"""Which key or button does what in the window. Pure: a key (or a button's name) in, an
action out. The keys come from :mod:`player.home.bindings`, named in words; here they
become pygame's key codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, cast

import pygame

from player.home.bindings import DEFAULT_BINDINGS, SESSION_COMMANDS, Bindings
from player.playback.session import Command
from player.window.layout import ButtonId

WindowAction = Literal["fullscreen", "help", "quit", "stop", "close", "something_wrong"]
"""Besides session commands: "quit" pauses and asks first; "stop" (the Stop button) stops
at once; "something_wrong" stops at once and shows what to do. No key a clicker sends
stops at once, so that a clicker cannot end a session by accident."""
Action = Command | WindowAction

_DOES = cast(
    dict[str, Action],
    {
        **SESSION_COMMANDS,
        "quit": "quit",
        "something-wrong": "something_wrong",
        "help": "help",
        "fullscreen": "fullscreen",
    },
)
"""The window's action for each action the settings name."""

_SDL_SCANCODE_MASK = 1 << 30
"""SDL2 makes the key code of a key with no character from its scan code this way."""
_MEDIA_SCANCODES = {
    "media next": 258,  # SDL_SCANCODE_AUDIONEXT
    "media previous": 259,  # SDL_SCANCODE_AUDIOPREV
    "media stop": 260,  # SDL_SCANCODE_AUDIOSTOP
    "media play": 261,  # SDL_SCANCODE_AUDIOPLAY
}
_F13 = 104  # SDL_SCANCODE_F13; F14 to F24 follow it

_NAMED_CODES: dict[str, tuple[int, ...]] = {
    "space": (pygame.K_SPACE,),
    "enter": (pygame.K_RETURN, pygame.K_KP_ENTER),
    "escape": (pygame.K_ESCAPE,),
    "tab": (pygame.K_TAB,),
    "backspace": (pygame.K_BACKSPACE,),
    "delete": (pygame.K_DELETE,),
    "insert": (pygame.K_INSERT,),
    "home": (pygame.K_HOME,),
    "end": (pygame.K_END,),
    "page up": (pygame.K_PAGEUP,),
    "page down": (pygame.K_PAGEDOWN,),
    "up": (pygame.K_UP,),
    "down": (pygame.K_DOWN,),
    "left": (pygame.K_LEFT,),
    "right": (pygame.K_RIGHT,),
    **{f"f{n}": (getattr(pygame, f"K_F{n}"),) for n in range(1, 13)},
    **{f"f{n}": ((_F13 + n - 13) | _SDL_SCANCODE_MASK,) for n in range(13, 25)},
    **{name: (code | _SDL_SCANCODE_MASK,) for name, code in _MEDIA_SCANCODES.items()},
}
"""The key codes of each named key."""

_KEYPAD = {"+": pygame.K_KP_PLUS, "-": pygame.K_KP_MINUS, ".": pygame.K_KP_PERIOD}
_KEYPAD.update({str(digit): getattr(pygame, f"K_KP{digit}") for digit in range(10)})
"""A character's key on the number pad, which types the same character."""

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
    "wrong": "something_wrong",
    "close": "close",
}


@dataclass(frozen=True)
class Controls:
    """The window's keys: by the character a key types, then by its code."""

    by_character: dict[str, Action] = field(default_factory=dict)
    by_code: dict[int, Action] = field(default_factory=dict)
    quit_keys: frozenset[int] = frozenset()
    """Keys that, once stopping has been asked, say yes: the quit keys and Y."""
    bindings: Bindings = DEFAULT_BINDINGS
    """The keys by name, for what the window shows of them."""

    def action(self, key: int, typed: str = "") -> Action | None:
        """The action of a key press; ``typed`` is the character it made, if any."""
        return self.by_character.get(typed.lower() if typed else "") or self.by_code.get(key)

    def confirms_quit(self, key: int) -> bool:
        return key in self.quit_keys

    @property
    def go_on_keys(self) -> frozenset[int]:
        """The codes of ``Bindings.going_on``: what answers a question going on answers."""
        return frozenset(code for name in self.bindings.going_on() for code in key_codes(name))


def controls_for(bindings: Bindings = DEFAULT_BINDINGS) -> Controls:
    """The window's keys for ``bindings``."""
    by_character: dict[str, Action] = {}
    by_code: dict[int, Action] = {}
    quit_keys = {pygame.K_y} if bindings.action_of("y") in (None, "quit") else set()
    for name, does in bindings.actions.items():
        action = _DOES[does]
        codes = key_codes(name)
        if len(name) == 1:
            by_character[name] = action
        for code in codes:
            by_code[code] = action
        if does == "quit":
            quit_keys.update(codes)
    return Controls(by_character, by_code, frozenset(quit_keys), bindings)


def key_codes(name: str) -> tuple[int, ...]:
    """The key codes of a key named as the settings name it."""
    if name in _NAMED_CODES:
        return _NAMED_CODES[name]
    codes = [ord(name)] if name.isascii() else []  # pygame's code of a character key
    if name in _KEYPAD:
        codes.append(_KEYPAD[name])
    return tuple(codes)


DEFAULT_CONTROLS = controls_for()

CLOSE_KEYS = frozenset(
    {pygame.K_ESCAPE, pygame.K_q, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
)
"""Keys that close the end screen."""


def key_action(key: int, typed: str = "") -> Action | None:
    """The action of a key press with the default keys."""
    return DEFAULT_CONTROLS.action(key, typed)


def button_action(name: ButtonId) -> Action:
    return _BUTTONS[name]
