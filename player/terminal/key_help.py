"""The keys the terminal's help line shows: the person's keys for each action, packed into
as few lines as the width allows, what matters most first. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from player.home.bindings import DEFAULT_BINDINGS, Bindings, spoken_key
from player.language import N_, _
from player.terminal.text_fit import DOT, cells, fit

HelpKey = tuple[str, str, str]
"""A key of the view: the key, what it does, and that shorter (in English: ``_()`` them
where shown)."""

# TRANSLATORS: what a key does, in the terminal's help line beside the key's name, such
# as "Esc stop" or "Space pause": commands, as short as can be
_HELPED: tuple[tuple[str, str, str], ...] = (
    ("quit", N_("stop"), N_("stop")),
    ("pause", N_("pause"), N_("pause")),
    ("done", N_("done"), N_("done")),
    # TRANSLATORS: in the terminal's help line: the key that stops at once and shows what
    # to do, as in "x something wrong" (and "x:wrong" where room is short)
    ("something-wrong", N_("something wrong"), N_("wrong")),
    ("next", N_("next"), N_("next")),
    ("back", N_("back"), N_("back")),
    ("restart", N_("restart"), N_("restart")),
    # TRANSLATORS: ten seconds more (or less), in the terminal's help line
    ("more-time", N_("10 s"), N_("10s")),
    ("mute", N_("mute"), N_("mute")),
    ("captions", N_("captions"), N_("captions")),
)
"""What the help line tells, by the settings' name of each action; what matters most comes
first (how to stop), so that a narrow screen keeps it."""
_SHOWN_FIRST = ("escape", "space", "enter")


def help_keys(bindings: Bindings = DEFAULT_BINDINGS) -> tuple[HelpKey, ...]:
    """Every action of the view with the key shown for it: its first key that is one
    character or Esc, Space or Enter (the shortest to show), else its first key. Ten
    seconds more and less share ``+/-`` when those are their keys."""
    helped: list[HelpKey] = []
    for action, does, short in _HELPED:
        keys = bindings.keys_of(action)
        if not keys:
            continue
        shown = next((k for k in keys if len(k) == 1 or k in _SHOWN_FIRST), keys[0])
        key = spoken_key(shown)
        if action == "more-time":
            fewer = bindings.keys_of("less-time")
            key = f"{key}/{spoken_key(fewer[0])}" if fewer else key
        helped.append((key, does, short))
    return tuple(helped)


KEYS_HELP = help_keys()
"""The default keys of the view."""

KEY_LINES = 2
"""The most lines the keys take, when one line cannot hold them all."""


def spelled_keys(keys: Sequence[HelpKey] = KEYS_HELP) -> list[str]:
    """``Esc stop``, ``Space pause``, ...: the keys as the widest screens show them."""
    # TRANSLATORS: a key and what it does, in the terminal's help line: "Space pause"
    return [_("{key} {does}").format(key=key, does=_(does)) for key, does, _short in keys]


def short_keys(keys: Sequence[HelpKey] = KEYS_HELP) -> list[str]:
    """``Esc:stop``, ``Space:pause``, ...: the keys in fewer columns."""
    # TRANSLATORS: a key and what it does, where room is short: "Space:pause"
    return [_("{key}:{does}").format(key=key, does=_(short)) for key, _does, short in keys]


def pack(items: Sequence[str], separator: str, width: int, most: int) -> list[str]:
    """``items`` in order, as many to a line as fit ``width``, on at most ``most`` lines.
    Items that do not fit are left out from the end; see ``packs_all``."""
    return [separator.join(line) for line in _pack(items, separator, width, most)]


def packs_all(items: Sequence[str], separator: str, width: int, most: int) -> bool:
    """Whether ``pack`` keeps every one of ``items``."""
    return sum(map(len, _pack(items, separator, width, most))) == len(items)


def _pack(items: Sequence[str], separator: str, width: int, most: int) -> list[list[str]]:
    lines: list[list[str]] = []
    for item in items:
        if lines and cells(separator.join([*lines[-1], item])) <= width:
            lines[-1].append(item)
        elif len(lines) < most and cells(item) <= width:
            lines.append([item])
        else:
            break
    return lines


def key_help(
    width: int, off: str = "", most: int = KEY_LINES, helped: Sequence[HelpKey] = KEYS_HELP
) -> list[str]:
    """The keys in at most ``most`` lines of ``width`` columns, after ``off`` (what is
    switched off, see ``flags``): every key in words on the fewest lines that hold them,
    else every key shortly, else the keys that matter most, as many as fit."""
    forms = ((spelled_keys(helped), DOT), (short_keys(helped), " "))
    for lines in range(1, most + 1):
        for keys, separator in forms:
            items = [off + keys[0], *keys[1:]]
            if packs_all(items, separator, width, lines):
                return pack(items, separator, width, lines)
    keys = short_keys(helped)
    return (
        pack([off + keys[0], *keys[1:]], " ", width, most)
        or pack(keys, " ", width, most)
        or [fit(keys[0], width)]
    )
