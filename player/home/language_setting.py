"""The ``language`` setting, read before anything else so that even ``--help`` is in the
person's language. Reading it is cheap and quiet: a damaged settings file says what is wrong
later, when the settings are read whole, and here simply gives no language."""

from __future__ import annotations

from pathlib import Path

import yaml

from player.language.codes import PSEUDO, normalise
from player.system.regular_files import FileRefused, read_regular

_MOST_BYTES = 64 * 1024


def language_setting(settings_file: Path) -> str | None:
    """The player's tag for the ``language`` in the settings file; None when there is
    none, or no file, or one that cannot be read."""
    try:
        text = read_regular(settings_file, _MOST_BYTES).decode("utf-8")
        values = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (FileRefused, OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = values.get("language") if isinstance(values, dict) else None
    found = normalise(value) if isinstance(value, str) else None
    return None if found == PSEUDO else found
