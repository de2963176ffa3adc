"""The ``language`` setting, read before anything else so that even ``--help`` is in the
person's language, and cheaply: one line of the settings file, found without loading YAML.
The player writes that line as ``language: vi``; one written by hand in another YAML form
(a flow mapping, a value on the next line) is not found here, and the language then comes
from the locale. A damaged settings file says what is wrong later, when it is read whole."""

from __future__ import annotations

import re
from pathlib import Path

from player.language.codes import PSEUDO, normalise
from player.system.regular_files import FileRefused, read_regular

_MOST_BYTES = 64 * 1024
_LINE = re.compile(r"""^language[ \t]*:[ \t]*(["']?)([A-Za-z_.@-]+)\1[ \t]*(?:#.*)?$""", re.M)


def language_setting(settings_file: Path) -> str | None:
    """The player's tag for the ``language`` in the settings file; None when there is
    none, or no file, or one that cannot be read."""
    try:
        text = read_regular(settings_file, _MOST_BYTES).decode("utf-8")
    except (FileRefused, OSError, UnicodeDecodeError):
        return None
    found = _LINE.search(text)
    tag = normalise(found.group(2)) if found else None
    return None if tag == PSEUDO else tag
