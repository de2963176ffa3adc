"""Which key does what, in the window and the terminal alike, and how a person changes it.

Keys are named in words a person can type in the settings (``page down``, ``b``, ``.``,
``media next``), never by a toolkit's codes: the window and the terminal each turn the
names into what they read from the keyboard. The defaults fit a keyboard, a presentation
clicker (Page Down / Page Up, F5, Esc and ``.`` or ``b`` for a blank screen) and the media
keys. No key stops a session at once, so that a clicker's button can never end one by
accident: Esc and Q pause and ask first; only the window's Stop button stops at once.
The one key that does stop at once is "something is wrong" (X): no clicker sends it (W,
which PowerPoint takes for a white screen and a clicker might send, is left free), and it
cannot be given a key a clicker sends.

Pure: no pygame, no curses.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from player.language import N_, _

MOST_KEYS = 8
"""The most keys one action may have."""


@dataclass(frozen=True)
class Action:
    """Something a key can do, by the name the settings give it."""

    name: str
    does: str
    """What it does, in a few words, for help and the settings (marked with ``N_``: shown
    through ``_()``)."""
    keys: tuple[str, ...]
    """The keys it has unless the settings say otherwise."""


ACTIONS: tuple[Action, ...] = (
    Action("pause", N_("pause or go on"), ("space", "b", ".", "f5", "media play", "media stop")),
    Action("next", N_("the next step"), ("right", "n", "page down", "media next")),
    Action(
        "back",
        N_("the step before (or this one again, past its first 3 s)"),
        ("left", "p", "page up", "media previous"),
    ),
    Action("done", N_("done, for a step that waits"), ("enter",)),
    Action("restart", N_("this step from its start"), ("r",)),
    Action("more-time", N_("ten seconds more"), ("+", "=")),
    Action("less-time", N_("ten seconds less"), ("-", "_")),
    Action("mute", N_("voice off or on"), ("m",)),
    Action("captions", N_("captions off or on"), ("c",)),
    Action("quit", N_("pause and ask whether to stop"), ("escape", "q")),
    Action("something-wrong", N_("stop at once and show what to do: something is wrong"), ("x",)),
    Action("help", N_("the keys (window)"), ("h", "?")),
    Action("fullscreen", N_("full screen (window)"), ("f",)),
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
others are the shells' own: quit, something wrong, help, full screen."""

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
    keys = (
        "space, enter, escape, page down, page up, left, right, f5, media play, media next, "
        "media previous"
    )
    if not text.strip():
        return _refuse(
            _(
                "no key called 'nothing'; name one character (b, ., 5) or a key such as {keys}"
            ).format(keys=keys)
        )
    if close:
        return _refuse(
            _(
                "no key called '{typed}' (did you mean '{close}'?); name one character "
                "(b, ., 5) or a key such as {keys}"
            ).format(typed=text.strip(), close=_ALIASES.get(close[0], close[0]), keys=keys)
        )
    return _refuse(
        _("no key called '{typed}'; name one character (b, ., 5) or a key such as {keys}").format(
            typed=text.strip(), keys=keys
        )
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
            _("expected keys separated by commas, such as 'page down, n', found {value}").format(
                value=_described(value)
            )
        )
    if not parts or any(not part.strip() for part in parts):
        raise ValueError(
            _(
                "expected keys separated by commas, such as 'page down, n'; "
                "a comma is written 'comma'"
            )
        )
    names = tuple(dict.fromkeys(key_name(part) for part in parts))
    if len(names) > MOST_KEYS:
        raise ValueError(
            _("expected at most {most} keys, found {count}").format(
                most=MOST_KEYS, count=len(names)
            )
        )
    return names


def _one_key(item: Any) -> str:
    """One key of a list in the settings file; ValueError for what cannot be a key."""
    if isinstance(item, str):
        return item
    if isinstance(item, int) and not isinstance(item, bool):
        return str(item)
    raise ValueError(
        _("expected a key such as page down or b in the list, found {value}").format(
            value=_described(item)
        )
    )


def _described(value: Any) -> str:
    """What a value found instead of keys is, in a few words (a type name stays as is)."""
    if value is None:
        # TRANSLATORS: what was found instead of keys: no value at all
        return _("nothing")
    if isinstance(value, bool):
        # TRANSLATORS: what was found instead of keys: a yes/no value
        return _("on or off")
    if isinstance(value, dict):
        return _("keys with values")
    return _("a list") if isinstance(value, list) else type(value).__name__


def action_named(text: str) -> str:
    """The action ``text`` names; ValueError naming the actions there are."""
    name = text.strip().lower().replace("_", "-")
    if name in ACTION_NAMES:
        return name
    close = difflib.get_close_matches(name, ACTION_NAMES, n=1)
    actions = ", ".join(ACTION_NAMES)
    if close:
        raise ValueError(
            _(
                "no action called '{typed}'; did you mean '{close}'? The actions are: {actions}"
            ).format(typed=text.strip(), close=close[0], actions=actions)
        )
    raise ValueError(
        _("no action called '{typed}'. The actions are: {actions}").format(
            typed=text.strip(), actions=actions
        )
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


class KeyGivenTwice(ValueError):
    """One key given to two actions; ``second`` is the one given it last."""

    def __init__(self, key: str, first: str, second: str) -> None:
        super().__init__(
            _("'{key}' is given to both {first} and {second}; give it to one").format(
                key=key, first=first, second=second
            )
        )
        self.second = second


def bindings(changes: Mapping[str, Iterable[str]] | None = None) -> Bindings:
    """The default keys, with the actions in ``changes`` given the keys listed there.

    A key given to an action is taken from the action it had by default, so that
    ``next: b`` makes b go to the next step and no longer pause. ValueError when two
    changed actions name the same key, or an action is unknown."""
    wanted = {action_named(name): tuple(keys) for name, keys in (changes or {}).items()}
    sent_by_clickers = sorted(CLICKER_KEYS.intersection(wanted.get("quit", ())))
    if sent_by_clickers:
        raise ValueError(
            _(
                "{keys} is what a presentation clicker sends, and a clicker must never end "
                "a session; give quit another key"
            ).format(keys=", ".join(sent_by_clickers))
        )
    sent_by_clickers = sorted(CLICKER_KEYS.intersection(wanted.get("something-wrong", ())))
    if sent_by_clickers:
        raise ValueError(
            _(
                "{keys} is what a presentation clicker sends, and a clicker must never end "
                "a session; give something-wrong another key"
            ).format(keys=", ".join(sent_by_clickers))
        )
    given: dict[str, str] = {}
    for name, keys in wanted.items():
        for key in keys:
            other = given.get(key)
            if other is not None and other != name:
                raise KeyGivenTwice(key, other, name)
            given[key] = name
    actions: dict[str, str] = {}
    for action in ACTIONS:
        for key in wanted.get(action.name, action.keys):
            if given.get(key, action.name) == action.name:
                actions[key] = action.name
    return Bindings(actions)


DEFAULT_BINDINGS = bindings()
