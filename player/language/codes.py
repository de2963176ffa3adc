"""The languages the player speaks, and how a language named anywhere (a setting, a locale
such as ``es_MX.UTF-8``, a routine's ``language:``) becomes one of them."""

from __future__ import annotations

import re
from collections.abc import Mapping

DEFAULT_LANGUAGE = "en"
PSEUDO = "x-pseudo"
"""Not a language: every message wrapped as ``[!! … !!]``, to see which words escape the
catalogs (``--language x-pseudo``)."""

LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "vi": "Tiếng Việt",
    "zh-Hans": "简体中文",
}
"""Each language the player has catalogs for, by its BCP 47 tag, with its own name."""

CATALOG_FOLDERS: dict[str, str] = {"es": "es", "vi": "vi", "zh-Hans": "zh_Hans"}
"""The folder of each translated language's catalog (Babel's locale identifiers)."""

_TRADITIONAL = {"hant", "tw", "hk", "mo"}
_SEPARATOR = re.compile(r"[-_]")


def normalise(name: str) -> str | None:
    """The player's tag for a language named as a person or a system may name it:
    ``es``, ``es-MX``, ``es_ES.UTF-8``, ``vi_VN``, ``zh``, ``zh-CN``, ``zh_Hans``; None when
    the player has no catalog for it (Chinese written in traditional characters included)."""
    text = name.strip().split(".", 1)[0].split("@", 1)[0]
    if text.lower() == PSEUDO:
        return PSEUDO
    parts = [part.lower() for part in _SEPARATOR.split(text) if part]
    if not parts:
        return None
    first = parts[0]
    if first == "zh":
        return None if _TRADITIONAL & set(parts[1:]) else "zh-Hans"
    return first if first in LANGUAGES else None


def language_name(tag: str) -> str:
    """A language's own name (``Tiếng Việt``), or the tag itself when the player has none."""
    return LANGUAGES.get(tag, tag)


def from_environment(environ: Mapping[str, str]) -> str | None:
    """The language of the system's locale, as gettext reads it: the first of ``LANGUAGE``
    (a list such as ``vi:en``), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set; None
    when that names no language of the player's (``C``, ``POSIX``, French...)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        names = value.split(":") if variable == "LANGUAGE" else [value]
        for each in names:
            found = normalise(each)
            if found is not None and found != PSEUDO:
                return found
        if variable != "LANGUAGE":
            return None  # the first locale variable set decides, as for gettext
    return None
