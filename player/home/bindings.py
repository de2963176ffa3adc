"""Which key does what, in the window and the terminal alike, and how a person changes it.

Keys are named in words a person can type in the settings (``page down``, ``b``, ``.``,
``media next``), never by a toolkit's codes: the window and the terminal each turn the
names into what they read from the keyboard. The defaults fit a keyboard, a presentation
clicker (Page Down / Page Up, F5, Esc and ``.`` or ``b`` for a blank screen) and the media
keys. No key stops a session at once, so that a clicker's button can never end one by
accident: Esc and Q pause and ask first; only the window's Stop button stops at once.

Pure: no pygame, no curses.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

MOST_KEYS = 8
"""The most keys one action may have."""


@dataclass(frozen=True)
class Action:
    """Something a key can do, by the name the settings give it."""

    name: str
    does: str
    """What it does, in a few words, for help and the settings."""
    keys: tuple[str, ...]
    """The keys it has unless the settings say otherwise."""


ACTIONS: tuple[Action, ...] = (
    Action("pause", "pause or go on", ("space", "b", ".", "f5", "media play", "media stop")),
    Action("next", "the next step", ("right", "n", "page down", "media next")),
    Action(
        "back",
        "the step before (or this one again, past its first 3 s)",
        ("left", "p", "page up", "media previous"),
    ),
    Action("done", "done, for a step that waits", ("enter",)),
    Action("restart", "this step from its start", ("r",)),
    Action("more-time", "ten seconds more", ("+", "=")),
    Action("less-time", "ten seconds less", ("-", "_")),
    Action("mute", "voice off or on", ("m",)),
    Action("captions", "captions off or on", ("c",)),
    Action("quit", "pause and ask whether to stop", ("escape", "q")),
    Action("help", "the keys (window)", ("h", "?")),
    Action("fullscreen", "full screen (window)", ("f",)),
)
ACTION_NAMES: tuple[str, ...] = tuple(action.name for action in ACTIONS)
SESSION_COMMANDS: dict[str, str] = {
    "pause": "toggle_pause",
    "next": "next",
    "back": "previous",
    "done": "done",
    "restart": "restart",
    "more-time": "more_time",
    "less-time": "less_time",
    "mute": "mute",
    "captions": "captions",
}
"""The session's command for each action that is one (``playback.session.COMMANDS``); the
others are the shells' own: quit, help, full screen."""

NAMED_KEYS: tuple[str, ...] = (
    "space",
    "enter",
    "escape",
    "tab",
    "backspace",
    "delete",
    "insert",
    "home",
    "end",
    "page up",
    "page down",
    "up",
    "down",
    "left",
    "right",
    *(f"f{number}" for number in range(1, 25)),
    "media play",
    "media stop",
    "media next",
    "media previous",
)
"""Every key with a name, as the settings write it."""

_ALIASES = {
    "return": "enter",
    "esc": "escape",
    "pageup": "page up",
    "pgup": "page up",
    "prior": "page up",
    "pagedown": "page down",
    "pgdn": "page down",
    "del": "delete",
    "ins": "insert",
    "play": "media play",
    "play/pause": "media play",
    "media play/pause": "media play",
    "media prev": "media previous",
    "previous track": "media previous",
    "next track": "media next",
    "comma": ",",
    "period": ".",
    "dot": ".",
    "full stop": ".",
    "plus": "+",
    "minus": "-",
    "equals": "=",
    "question mark": "?",
    "left arrow": "left",
    "right arrow": "right",
    "up arrow": "up",
    "down arrow": "down",
}


def key_name(text: str) -> str:
    """The key ``text`` names, as the settings write it: ``page down``, ``b``, ``.``;
    ValueError, with the names there are, for anything else."""
    words = " ".join(text.split()).lower() if len(text.strip()) > 1 else text.strip().lower()
    words = _ALIASES.get(words, words)
    if words in NAMED_KEYS:
        return words
    if len(words) == 1 and words.isprintable() and not words.isspace():
        return words
    close = difflib.get_close_matches(words, [*NAMED_KEYS, *_ALIASES], n=1)
    hint = f" (did you mean '{_ALIASES.get(close[0], close[0])}'?)" if close else ""
    shown = text.strip() or "nothing"
    return _refuse(
        f"no key called '{shown}'{hint}; name one character (b, ., 5) or a key such as "
        "space, enter, escape, page down, page up, left, right, f5, media play, media next, "
        "media previous"
    )


def _refuse(message: str) -> str:
    raise ValueError(message)


_SPOKEN = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "page down": "Page Down",
    "page up": "Page Up",
    "left": "Left",
    "right": "Right",
    "up": "Up",
    "down": "Down",
}


def spoken_key(name: str) -> str:
    """A key as help and messages show it: ``Esc``, ``Page Down``, ``F5``, ``q``."""
    if name in _SPOKEN:
        return _SPOKEN[name]
    if name.startswith("f") and name[1:].isdigit():
        return name.upper()
    if len(name) == 1:
        return name
    return name.title()


def window_key(name: str) -> str:
    """A key as the window shows it: a letter as printed on the key (``Q``), else as
    ``spoken_key`` says it."""
    shown = spoken_key(name)
    return shown.upper() if len(shown) == 1 else shown


def parse_keys(value: Any) -> tuple[str, ...]:
    """Keys for one action: ``page down, n`` as typed, or a list in the settings file."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a digit key, as YAML reads a bare 5
    if isinstance(value, str):
        parts = value.split(",") if value.strip() != "," else [","]
    elif isinstance(value, (list, tuple)):
        parts = [_one_key(item) for item in value]
    else:
        raise ValueError(
            "expected keys separated by commas, such as 'page down, n', "
            f"found {_described(value)}"
        )
    if not parts or any(not part.strip() for part in parts):
        raise ValueError(
            "expected keys separated by commas, such as 'page down, n'; a comma is written 'comma'"
        )
    names = tuple(dict.fromkeys(key_name(part) for part in parts))
    if len(names) > MOST_KEYS:
        raise ValueError(f"expected at most {MOST_KEYS} keys, found {len(names)}")
    return names


def _one_key(item: Any) -> str:
    """One key of a list in the settings file; ValueError for what cannot be a key."""
    if isinstance(item, str):
        return item
    if isinstance(item, int) and not isinstance(item, bool):
        return str(item)
    raise ValueError(f"expected a key such as page down or b in the list, found {_described(item)}")


def _described(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "on or off"
    if isinstance(value, dict):
        return "keys with values"
    return "a list" if isinstance(value, list) else type(value).__name__


def action_named(text: str) -> str:
    """The action ``text`` names; ValueError naming the actions there are."""
    name = text.strip().lower().replace("_", "-")
    if name in ACTION_NAMES:
        return name
    close = difflib.get_close_matches(name, ACTION_NAMES, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "."
    raise ValueError(
        f"no action called '{text.strip()}'{hint} The actions are: {', '.join(ACTION_NAMES)}"
    )


@dataclass(frozen=True)
class Bindings:
    """Every key and the action it does."""

    actions: Mapping[str, str]
    """Key name to action name."""

    def action_of(self, key: str) -> str | None:
        return self.actions.get(key)

    def keys_of(self, action: str) -> tuple[str, ...]:
        """The keys of an action, in the order they were given."""
        return tuple(key for key, does in self.actions.items() if does == action)

    def going_on(self) -> tuple[str, ...]:
        """The keys that go to the next step or pause, but letters and digits: they also
        answer a question that going on answers (a clicker's or a pedal's buttons), while
        a letter or a digit typed there keeps its meaning (a pain score is typed)."""
        names = (*self.keys_of("next"), *self.keys_of("pause"))
        return tuple(name for name in names if not (len(name) == 1 and name.isalnum()))


CLICKER_KEYS = frozenset(
    {
        "page down",
        "page up",
        "f5",
        ".",
        "b",
        "media next",
        "media previous",
        "media play",
        "media stop",
    }
)
"""What presentation clickers send: never a key that ends a session, even after asking."""


def bindings(changes: Mapping[str, Iterable[str]] | None = None) -> Bindings:
    """The default keys, with the actions in ``changes`` given the keys listed there.

    A key given to an action is taken from the action it had by default, so that
    ``next: b`` makes b go to the next step and no longer pause. ValueError when two
    changed actions name the same key, or an action is unknown."""
    wanted = {action_named(name): tuple(keys) for name, keys in (changes or {}).items()}
    sent_by_clickers = sorted(CLICKER_KEYS.intersection(wanted.get("quit", ())))
    if sent_by_clickers:
        raise ValueError(
            f"{', '.join(sent_by_clickers)} is what a presentation clicker sends, and a "
            "clicker must never end a session; give quit another key"
        )
    given: dict[str, str] = {}
    for name, keys in wanted.items():
        for key in keys:
            other = given.get(key)
            if other is not None and other != name:
                raise ValueError(f"'{key}' is given to both {other} and {name}; give it to one")
            given[key] = name
    actions: dict[str, str] = {}
    for action in ACTIONS:
        for key in wanted.get(action.name, action.keys):
            if given.get(key, action.name) == action.name:
                actions[key] = action.name
    return Bindings(actions)


DEFAULT_BINDINGS = bindings()
