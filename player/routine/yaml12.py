"""YAML 1.2's core schema for plain values, as editors read them.

Only ``true`` and ``false`` (or ``True``, ``TRUE`` ...) are booleans, so ``yes``, ``no``,
``on`` and ``off`` are text; ``1:30`` is text, not the number 90; ``010`` is ten, and octal
is written ``0o10``; dates stay text. PyYAML on its own reads YAML 1.1, where all of these
differ. ``Yaml12Loader`` keeps libyaml's fast parser where there is one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

if hasattr(yaml, "CSafeLoader"):
    from yaml import CSafeLoader as FastLoader
else:  # PyYAML built without libyaml
    from yaml import SafeLoader as FastLoader  # type: ignore[assignment]
__all__ = [
    "MERGE_TAG",
    "FastLoader",
    "Yaml12Loader",
    "scalar_value",
    "tagged_value",
    "untagged_tag",
]


BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
MERGE_TAG = "tag:yaml.org,2002:merge"
_TRUE = ("true", "True", "TRUE")
_CORE_SCHEMA: dict[str, re.Pattern[str]] = {
    BOOL_TAG: re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z"),
    NULL_TAG: re.compile(r"(?:~|null|Null|NULL|)\Z"),
    INT_TAG: re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z"),
    FLOAT_TAG: re.compile(
        r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
    ),
    MERGE_TAG: re.compile(r"<<\Z"),
}
"""How a plain (unquoted) value is read, by the YAML 1.2 core schema; anything else is
text. ``<<`` is still told apart, so that a merge key gets a message of its own."""
_FIRST_CHARACTERS = {
    BOOL_TAG: "tTfF",
    NULL_TAG: ["~", "n", "N", ""],
    INT_TAG: "-+0123456789",
    FLOAT_TAG: "-+.0123456789",
    MERGE_TAG: "<",
}


class Yaml12Loader(FastLoader):
    """PyYAML's safe loader (libyaml's parser where there is one), with plain values
    resolved by the YAML 1.2 core schema instead of YAML 1.1."""


Yaml12Loader.yaml_implicit_resolvers = {}  # none of YAML 1.1's
for _tag, _pattern in _CORE_SCHEMA.items():  # ints before floats: 5 is an int
    Yaml12Loader.add_implicit_resolver(_tag, _pattern, list(_FIRST_CHARACTERS[_tag]))


def scalar_value(node: yaml.ScalarNode) -> Any:
    """The value of a scalar as YAML 1.2 reads it; text when it is not what its tag says
    (``!!int many``), or a number too long for Python to read."""
    return tagged_value(node.tag, node.value)


def tagged_value(tag: str, text: str) -> Any:
    """``scalar_value`` of a scalar with this tag and text."""
    pattern = _CORE_SCHEMA.get(tag)
    if pattern is None or tag == MERGE_TAG or not pattern.match(text):
        return text
    if tag == BOOL_TAG:
        return text in _TRUE
    if tag == NULL_TAG:
        return None
    try:
        if tag == INT_TAG:
            return _core_int(text)
        return _core_float(text)
    except ValueError:  # more digits than Python reads as a number
        return text


class _Resolving(yaml.resolver.BaseResolver):
    """Yaml12Loader's resolver on its own, for scalars read from the parser's events."""

    yaml_implicit_resolvers = Yaml12Loader.yaml_implicit_resolvers


_RESOLVING = _Resolving()


def untagged_tag(text: str, implicit: tuple[bool, bool]) -> str:
    """The tag Yaml12Loader gives a scalar written without one, from its event's
    ``implicit``: by the core schema when it is plain, text when it is quoted."""
    tag: str = _RESOLVING.resolve(yaml.ScalarNode, text, implicit)  # type: ignore[no-untyped-call]
    return tag


def _core_int(text: str) -> int:
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _core_float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(text)
