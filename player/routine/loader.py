"""Routine files to Routine values, with every problem in every file reported at once.

``load_routine(path)`` returns a :class:`RoutineFile` or raises :class:`RoutineError`,
whose problems each read ``FILE:LINE:COL: dotted.path: what was expected, what was found``.
Nothing else ever comes out of it for a bad file.
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from player.routine.model import STEP_KINDS, Block, Exercise, ExerciseLibrary, Routine, step_kind
from player.routine.problems import Problem, RoutineError, dotted
from player.routine.values import describe
from player.routine.yaml_source import Document, Mark, Spot, did_you_mean, read_document
from player.system.paths import MEDIA_DIR, ROUTINES_DIR
from player.system.regular_files import LOOP, FileRefused, open_regular, resolved

MAX_INCLUDED_FILES = 32
MAX_BLOCK_DEPTH = 4

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class RoutineFile:
    """A routine that loaded cleanly, with where it came from."""

    path: Path
    name: str
    routine: Routine
    digest: str
    """A hash of the file and every file it includes: it changes when any of them does."""


@dataclass
class _Entry:
    """An exercise available to 'use:', and the document it was written in."""

    data: dict[str, Any]
    doc: Document


class _Loading:
    """The state of loading one routine: its problems, and the files read so far."""

    def __init__(self, routines_dir: Path, media_dir: Path) -> None:
        self.problems: list[Problem] = []
        self.routines_dir = routines_dir
        self.media_dir = media_dir
        self.docs: dict[Path, Document | None] = {}

    def add(self, mark: Mark, path: PathKey, message: str) -> None:
        self.problems.append(Problem(mark.shown, mark.line, mark.column, dotted(path), message))

    # -- includes -------------------------------------------------------------------------

    def library(self, doc: Document, chain: tuple[Path, ...]) -> dict[str, _Entry]:
        """The exercises of every file ``doc`` includes, directly or through others."""
        found: dict[str, _Entry] = {}
        includes = doc.data.get("include", [])
        if isinstance(includes, str):
            includes = [includes]
            items: list[tuple[PathKey, Any]] = [(("include",), includes[0])]
        elif isinstance(includes, list):
            items = [(("include", i), item) for i, item in enumerate(includes)]
        else:
            return found
        for path, item in items:
            if not isinstance(item, str) or not item.strip():
                continue
            mark = doc.spot(path)[0]
            target = self.include_target(doc.path, item)
            if target is None:
                self.add(
                    mark,
                    path,
                    f"no file '{item}' beside this file or among the bundled routines",
                )
                continue
            if isinstance(target, FileRefused):
                self.add(mark, path, _cannot_use(item, target, "a file of exercises"))
                continue
            if target in chain:
                names = " -> ".join(p.name for p in (*chain[chain.index(target) :], target))
                self.add(mark, path, f"include cycle: {names}; remove one of these includes")
                continue
            included = self.read_library(target, mark, path)
            if included is None:
                continue
            for key, entry in self.library(included, (*chain, target)).items():
                self.offer(found, key, entry)
            exercises = included.data.get("exercises")
            if isinstance(exercises, dict):
                for key, value in exercises.items():
                    if isinstance(value, dict):
                        self.offer(found, key, _Entry(value, included))
        return found

    def offer(self, found: dict[str, _Entry], key: str, entry: _Entry) -> None:
        earlier = found.get(key)
        if earlier is None or earlier.data is entry.data:
            found[key] = entry
            return
        # Told where the second definition is written, however deep the include that brings it.
        mark = entry.doc.key_spot(("exercises", key))
        self.add(
            mark,
            ("exercises", key),
            f"the exercise '{key}' is also defined in {earlier.doc.shown}; give one of them "
            "another key",
        )

    def include_target(self, base: Path, item: str) -> Path | FileRefused | None:
        found = _first_file([base.parent / item, self.routines_dir / item])
        return resolved(found) if isinstance(found, Path) else found

    def read_library(self, target: Path, mark: Mark, path: PathKey) -> Document | None:
        if target in self.docs:
            return self.docs[target]
        if len(self.docs) >= MAX_INCLUDED_FILES:
            self.add(mark, path, f"a routine can include at most {MAX_INCLUDED_FILES} files")
            self.docs[target] = None
            return None
        doc = read_document(target, self.problems)
        if doc is not None and not isinstance(doc.data, dict):
            self.add(doc.root, (), "an included file must be a mapping with 'exercises:'")
            doc = None
        self.docs[target] = doc
        if doc is not None:
            self.validate(ExerciseLibrary, doc)
        return doc

    # -- 'use:' steps ---------------------------------------------------------------------

    def resolve_uses(
        self, doc: Document, steps: Any, path: PathKey, library: dict[str, _Entry], depth: int
    ) -> None:
        """Replace every ``use: KEY`` step by the exercise it names, with its changes."""
        if not isinstance(steps, list):
            return
        for index, step in enumerate(steps):
            if not isinstance(step, dict):
                continue
            here = (*path, index)
            if "use" in step:
                merged = self.merge_use(doc, step, here, library)
                if merged is not None:
                    steps[index] = merged
            if "block" in step and "exercise" not in step and "use" not in step:
                if depth >= MAX_BLOCK_DEPTH:
                    self.add(
                        doc.spot(here)[0],
                        here,
                        f"blocks can hold blocks at most {MAX_BLOCK_DEPTH} deep",
                    )
                    continue
                self.resolve_uses(doc, step.get("steps"), (*here, "steps"), library, depth + 1)
            else:
                self.resolve_alternative(doc, steps[index], here, library)

    def resolve_alternative(
        self, doc: Document, step: dict[str, Any], path: PathKey, library: dict[str, _Entry]
    ) -> None:
        """A step's alternative may also be ``use: KEY`` (one level: it has none of its own)."""
        other = step.get("alternative")
        if isinstance(other, dict) and "use" in other:
            merged = self.merge_use(doc, other, (*path, "alternative"), library)
            if merged is not None:
                step["alternative"] = merged
                # The step's key keeps pointing at where 'alternative' was written.

    def merge_use(
        self, doc: Document, step: dict[str, Any], path: PathKey, library: dict[str, _Entry]
    ) -> dict[str, Any] | None:
        key = step["use"]
        if not isinstance(key, str):
            return None
        entry = library.get(key)
        if entry is None:
            choices = sorted(library)
            known = (
                f" (defined: {', '.join(choices)})"
                if choices
                else ("; define it under 'exercises' or include a file that does")
            )
            self.add(
                doc.spot((*path, "use"))[0],
                (*path, "use"),
                f"no exercise '{key}' to use{did_you_mean(key, choices)}{known}",
            )
            return None
        merged: dict[str, Any] = {}
        for name, value in entry.data.items():
            merged[name] = value
            spot = entry.doc.spots.get((id(entry.data), name))
            if spot is not None:
                doc.spots[(id(merged), name)] = spot
        for name, value in step.items():
            # The step is replaced and freed, and a later dict may take its id: forget its places.
            spot = doc.spots.pop((id(step), name))
            if name == "use":
                continue
            merged[name] = value
            doc.spots[(id(merged), name)] = spot
        return merged

    # -- pictures -------------------------------------------------------------------------

    def resolve_pictures(self, doc: Document, steps: Any, path: PathKey) -> None:
        """Turn every step's picture into an absolute path, or report the missing file."""
        if not isinstance(steps, list):
            return
        for index, step in enumerate(steps):
            if isinstance(step, dict):
                self.resolve_picture(doc, step, (*path, index))
                other = step.get("alternative")
                if isinstance(other, dict):
                    self.resolve_picture(doc, other, (*path, index, "alternative"))
                if "block" in step:
                    self.resolve_pictures(doc, step.get("steps"), (*path, index, "steps"))

    def resolve_picture(self, doc: Document, step: dict[str, Any], path: PathKey) -> None:
        picture = step.get("picture")
        if not isinstance(picture, str) or not picture.strip():
            return
        spot = doc.spots.get((id(step), "picture"))
        written_in = spot.value.file.parent if spot else doc.path.parent
        found = _first_file([written_in / picture, self.media_dir / picture])
        if isinstance(found, Path):
            step["picture"] = str(resolved(found))
            return
        mark = spot.value if spot else doc.spot(path)[0]
        if found is None:
            message = (
                f"no picture '{picture}' beside {mark.file.name} or under media/; check the name"
            )
        else:
            message = _cannot_use(picture, found, "a picture file")
        self.add(mark, (*path, "picture"), message)

    # -- validation -----------------------------------------------------------------------

    def validate(self, model: type[BaseModel], doc: Document) -> Any:
        try:
            return model.model_validate(doc.data)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                self.translate(model, doc, detail)
            return None

    def translate(self, model: type[BaseModel], doc: Document, detail: ErrorDetails) -> None:
        path = _clean_loc(detail["loc"])
        kind = detail["type"]
        found = detail.get("input")
        if kind == "extra_forbidden":
            owner = _model_at(model, path[:-1], doc.data)
            names = list(owner.model_fields) if owner else []
            key = str(path[-1])
            self.add(doc.key_spot(path), path, f"unknown key '{key}'{did_you_mean(key, names)}")
            return
        if kind == "too_short" and found:
            return  # its entries were all refused, and each says why
        if kind == "missing":
            mark = doc.spot(path)[0]
            self.add(mark, path, f"missing '{path[-1]}', which is required here")
            return
        if kind == "union_tag_invalid":  # a kind of step that has no place here
            context = detail.get("ctx") or {}
            kinds = str(context.get("expected_tags", "")).replace("'", "")
            message = f"a {context.get('tag')} cannot be written here; write one step: {kinds}"
            self.add(doc.spot(path)[0], path, message)
            return
        if kind == "union_tag_not_found":
            self.add(doc.spot(path)[0], path, _unknown_step_message(found))
            return
        self.add(doc.spot(path)[0], path, _message(kind, detail, found))


def _first_file(candidates: list[Path]) -> Path | FileRefused | None:
    """The first of ``candidates`` that is a regular file the player can read; else why the
    first one that is there cannot be used; None when none is there at all.

    Each is opened without waiting and closed at once, so that a named pipe or a device
    is refused here, when the routine is checked, and never reaches the window. A name no
    file system takes (too long, a NUL) names nothing.
    """
    refused: FileRefused | None = None
    for candidate in candidates:
        try:
            with open_regular(candidate):
                return candidate
        except FileRefused as error:
            refused = refused or error
        except (OSError, ValueError):
            continue
    return refused


def _cannot_use(item: str, refused: FileRefused, wanted: str) -> str:
    """What to say of a file named in a routine that is there but cannot be used."""
    if refused.kind == LOOP:
        return f"'{item}' is {LOOP}; point the link at {wanted}"
    if refused.kind is not None:
        return f"'{item}' is {refused.kind}, not {wanted}; name {wanted} instead"
    return f"cannot read '{item}': {refused.reason}"


def _clean_loc(loc: tuple[str | int, ...]) -> PathKey:
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


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def visit(item: Any) -> None:
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
            return
        for arg in typing.get_args(item):
            visit(arg)

    visit(annotation)
    return found


def _is_container(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_container(arg) for arg in typing.get_args(annotation))
    return origin in (tuple, list, dict)


_KIND_MODELS: dict[str, type[BaseModel]] = {"exercise": Exercise, "block": Block}


def _model_at(root: type[BaseModel], path: PathKey, data: Any) -> type[BaseModel] | None:
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
        models = _inner_models(field.annotation)
        current = current.get(name) if isinstance(current, dict) else None
        if not models:
            return None
        if not _is_container(field.annotation):
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


def _unknown_step_message(found: Any) -> str:
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


_TYPE_WORDS = {
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


def _message(kind: str, detail: ErrorDetails, found: Any) -> str:
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, found {describe(found)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "needs at least one entry"
    if kind == "literal_error":
        return f"expected one of {context.get('expected', '')}, found {describe(found)}"
    if kind == "value_error" and "error" in context:
        return str(context["error"])
    return str(detail.get("msg", "is not valid here"))


def _digest(docs: list[Document]) -> str:
    hasher = hashlib.sha256()
    for doc in docs:
        hasher.update(doc.raw)
    return hasher.hexdigest()


def load_routine(
    path: Path, *, routines_dir: Path = ROUTINES_DIR, media_dir: Path = MEDIA_DIR
) -> RoutineFile:
    """Read, check and resolve one routine file, or raise RoutineError with every problem."""
    loading = _Loading(routines_dir, media_dir)
    doc = read_document(path, loading.problems)
    if doc is None:
        raise RoutineError(loading.problems)
    if not isinstance(doc.data, dict):
        loading.add(
            doc.root,
            (),
            "a routine file must be a mapping of keys such as 'title:' and 'steps:', "
            f"found {describe(doc.data)}",
        )
        raise RoutineError(loading.problems)
    library = loading.library(doc, (resolved(path),))
    for shared in loading.docs.values():
        if shared is not None:
            # Values taken over by 'use:' keep the places they were written in the library.
            doc.spots.update(shared.spots)
    own = doc.data.get("exercises")
    if isinstance(own, dict):
        for key, value in own.items():
            if isinstance(value, dict):
                library[key] = _Entry(value, doc)
        for key, value in own.items():
            if isinstance(value, dict):
                loading.resolve_picture(doc, value, ("exercises", key))
    loading.resolve_uses(doc, doc.data.get("steps"), ("steps",), library, 0)
    loading.resolve_pictures(doc, doc.data.get("steps"), ("steps",))
    routine = loading.validate(Routine, doc)
    if loading.problems or routine is None:
        raise RoutineError(loading.problems)
    included = [d for d in loading.docs.values() if d is not None]
    return RoutineFile(path, path.stem, routine, _digest([doc, *included]))


def check_files(paths: list[Path]) -> list[Problem]:
    """Every problem in every file, for ``run.py check``."""
    problems: list[Problem] = []
    for path in paths:
        try:
            load_routine(path)
        except RoutineError as error:
            problems.extend(error.problems)
    return problems


__all__ = ["RoutineError", "RoutineFile", "Spot", "check_files", "load_routine"]
