"""What the settings say to a person, in the language in use: what a value may be, and
what is wrong with a setting's name or with the settings file."""

from __future__ import annotations

import difflib
from pathlib import Path

from player.home.setting_values import FIRST_WEEK, LAST_WEEK, MAX_LEAD_IN_S, MAX_RATE, MIN_RATE
from player.language import _, ngettext
from player.routine.problems import shown_path


def allowed_text(allowed: str) -> str:
    """What a setting's value may be (a ``Key.allowed``), its limits filled in."""
    return _(allowed).format(
        low=MIN_RATE, high=MAX_RATE, most=MAX_LEAD_IN_S, first=FIRST_WEEK, last=LAST_WEEK
    )


def unknown_setting(text: str, names: tuple[str, ...]) -> str:
    """``unknown setting 'x'; did you mean 'y'? The settings are: ...``."""
    close = difflib.get_close_matches(text.replace("_", "-"), names, 1, 0.6)
    if close:
        return _(
            "unknown setting '{typed}'; did you mean '{close}'? The settings are: {names}"
        ).format(typed=text, close=close[0], names=", ".join(names))
    return _("unknown setting '{typed}'. The settings are: {names}").format(
        typed=text, names=", ".join(names)
    )


def cannot_read(path: Path, why: str) -> str:
    """The settings file at ``path`` cannot be read, for the reason ``why``."""
    return _("{file}: cannot read the settings file: {reason}").format(
        file=shown_path(path), reason=why
    )


def not_a_settings_file(path: Path, kind: str) -> str:
    """At the settings file's path is ``kind`` (``a folder``...), not a file."""
    return _("{file}: this is {kind}, not a settings file").format(file=shown_path(path), kind=kind)


def no_keys_with_values(found: str) -> str:
    """The settings file holds ``found`` (described) instead of keys with values."""
    return _(
        "the settings file must hold keys with values, such as 'rate: 165', found {value}"
    ).format(value=found)


def not_used(problem: str, command: str) -> str:
    """The settings are damaged (``problem``); ``command`` shows what to fix."""
    return _(
        "Settings not used: {problem}. Going on with the defaults; '{command}' shows what to fix."
    ).format(problem=problem, command=command)


def and_more(problem: str, more: int) -> str:
    """The first problem, and how many ``more`` there are (if any)."""
    if more <= 0:
        return problem
    return ngettext("{problem} (and {count} more)", "{problem} (and {count} more)", more).format(
        problem=problem, count=more
    )
