"""Pydantic's validation errors in words for people, at the place they are about.

Pydantic reports where in the data a value failed (``steps.2.exercise.reps``) and a
code for what failed; these turn that into the routine's own path (without the step
kinds pydantic adds), the model to suggest key names from, and a message that says what
was expected and what was found.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from player.routine.model import STEP_KINDS, Block, Exercise, step_kind
from player.routine.values import describe
from player.routine.yaml_source import did_you_mean

PathKey = tuple[str | int, ...]


def clean_loc(loc: tuple[str | int, ...]) -> PathKey:
    """Drop the step-kind tags pydantic adds after each step's index and 'alternative'."""
    out: list[str | int] = []
    for index, part in enumerate(loc):
        after_step = (
            index >= 2 and isinstance(loc[index - 1], int) and loc[index - 2] == "steps"
        ) or (index >= 1 and loc[index - 1] == "alternative")
        is_tag = isinstance(part, str) and part in STEP_KINDS and after_step
        if not is_tag:
            out.append(part)
    return tuple(out)


def inner_models(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def visit(item: Any) -> None:
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
            return
        for arg in typing.get_args(item):
            visit(arg)

    visit(annotation)
    return found


def is_container(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(is_container(arg) for arg in typing.get_args(annotation))
    return origin in (tuple, list, dict)


KIND_MODELS: dict[str, type[BaseModel]] = {"exercise": Exercise, "block": Block}


def model_at(root: type[BaseModel], path: PathKey, data: Any) -> type[BaseModel] | None:
    """The model that validates the mapping at ``path``: used to suggest key names."""
    model: type[BaseModel] | None = root
    current = data
    position = 0
    while position < len(path):
        name = path[position]
        position += 1
        field = model.model_fields.get(name) if model and isinstance(name, str) else None
        if field is None:
            return None
        models = inner_models(field.annotation)
        current = current.get(name) if isinstance(current, dict) else None
        if not models:
            return None
        if not is_container(field.annotation):
            kind = step_kind(current)
            model = next((m for m in models if kind and kind in m.model_fields), models[0])
            continue
        if position >= len(path):
            return None
        index = path[position]
        position += 1
        try:
            current = current[index]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            current = None
        if len(models) == 1:
            model = models[0]
        else:
            kind = step_kind(current)
            model = next((m for m in models if kind and kind in m.model_fields), None)
    return model


def unknown_step_message(found: Any) -> str:
    kinds = ", ".join(STEP_KINDS[:-1]) + " or " + STEP_KINDS[-1]
    if not isinstance(found, dict):
        return (
            f"expected a step: a mapping that starts with its kind ({kinds}), "
            f"found {describe(found)}"
        )
    named = [kind for kind in ("exercise", "rest", "instruction") if kind in found]
    if len(named) > 1:
        return f"a step is of one kind, but this one names {' and '.join(named)}; keep one"
    keys = [str(key) for key in found]
    for key in keys:
        hint = did_you_mean(key, STEP_KINDS)
        if hint:
            return f"unknown step kind '{key}'{hint}"
    shown = ", ".join(keys) or "none"
    return f"unknown step kind: a step needs one of the keys {kinds}; found keys {shown}"


TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "float_type": "a number",
    "float_parsing": "a number",
}


def message_for(kind: str, detail: ErrorDetails, found: Any) -> str:
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind in TYPE_WORDS:
        return f"expected {TYPE_WORDS[kind]}, found {describe(found)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "needs at least one entry"
    if kind == "literal_error":
        return f"expected one of {context.get('expected', '')}, found {describe(found)}"
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    return str(detail.get("msg", "is not valid here"))


_OTHER_NAMES = {
    "url": "address",
    "link": "address",
    "web": "address",
    "author": "authors",
    "date": "year",
    "site": "publisher",
    "website": "publisher",
    "journal": "publisher",
}
"""Keys people write for a source's, from other formats of citation."""


def known_as(key: str, names: list[str]) -> str:
    """``; did you mean 'address'?`` for a key a source's has under another name."""
    meant = _OTHER_NAMES.get(key.lower())
    return f"; did you mean '{meant}'?" if meant in names else ""
