"""Routine files to Routine values, with every problem in every file reported at once.

``load_routine(path)`` returns a :class:`RoutineFile` or raises :class:`RoutineError`,
whose problems each read ``FILE:LINE:COL: dotted.path: what was expected, what was found``.
Nothing else ever comes out of it for a bad file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from player.routine.document import Document, Mark, Spot
from player.routine.figures import FIGURE_NAMES
from player.routine.messages import (
    PathKey,
    clean_loc,
    known_as,
    message_for,
    model_at,
    unknown_step_message,
)
from player.routine.model import ExerciseLibrary, Routine
from player.routine.pictures import picture_problem
from player.routine.problems import Problem, RoutineError, dotted
from player.routine.values import describe
from player.routine.words import read_words, translate, words_path, written_in
from player.routine.yaml_source import did_you_mean, read_document
from player.system.paths import MEDIA_DIR, ROUTINES_DIR
from player.system.regular_files import LOOP, FileRefused, open_regular, resolved

MAX_INCLUDED_FILES = 32
MAX_BLOCK_DEPTH = 4


@dataclass(frozen=True)
class RoutineFile:
    """A routine that loaded cleanly, with where it came from."""

    path: Path
    name: str
    routine: Routine
    digest: str
    """A hash of the file and every file it includes: it changes when any of them does."""
    steps_at: Mark | None = None
    """Where the routine's ``steps:`` key is written: what a problem of the whole session,
    such as its length, points at."""
    document: Document | None = field(default=None, compare=False, repr=False)
    """The file as read, with the place of every value: for telling where a step is."""
    language: str = "en"
    """The language the routine is played in: the one it was loaded in when it has words
    in it (``player.routine.words``), else the one its file is written in."""
    files: tuple[Path, ...] = ()
    """The routine file and every file it includes, whose words files ``check`` reads."""
    paced_by: Routine | None = field(default=None, compare=False, repr=False)
    """The routine as written, when ``routine`` has its words in another language: its
    words set the times that come from words, so a session lasts as long in every language
    (``load_playable`` sets it)."""

    def mark_of(self, path: tuple[str | int, ...]) -> Mark | None:
        """Where the value at ``path`` (such as ``("steps", 2)``) is written, if known."""
        return None if self.document is None else self.document.key_spot(path)

    def value_mark_of(self, path: tuple[str | int, ...]) -> Mark | None:
        """Where the value itself at ``path`` starts, when it is written in this file."""
        if self.document is None:
            return None
        mark, found = self.document.spot(path)
        return mark if found else None


@dataclass
class _Entry:
    """An exercise available to 'use:', and the document it was written in."""

    data: dict[str, Any]
    doc: Document


class _Loading:
    """The state of loading one routine: its problems, and the files read so far."""

    def __init__(self, routines_dir: Path, media_dir: Path, roots: tuple[Path, ...]) -> None:
        self.problems: list[Problem] = []
        self.routines_dir = routines_dir
        self.media_dir = media_dir
        self.roots = roots
        """The folders a routine's includes and pictures may come from, resolved."""
        self.docs: dict[Path, Document | None] = {}
        self.language: str | None = None
        """The language the routine is played in, whose words each file takes."""

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
            if not _inside(target, self.roots):
                self.add(mark, path, _outside(item, doc.path, "the bundled routines"))
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
            self.take_words(doc)
        return doc

    # -- words in another language --------------------------------------------------------

    def take_words(self, doc: Document) -> bool:
        """Put the words of the language played in into ``doc``, when its file is written
        in another and has a words file in it: whether it has. A words file that cannot be
        read changes nothing (``check`` tells why)."""
        if self.language is None or written_in(doc.data) == self.language:
            return False
        path = words_path(doc.path, self.language)
        if not path.is_file() or not _inside(resolved(path), self.roots):
            return False
        found = read_words(path, [])
        if found is None:
            return False
        translate(doc.data, found.words)
        return True

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

    # -- pictures and figures -------------------------------------------------------------

    def resolve_pictures(self, doc: Document, steps: Any, path: PathKey) -> None:
        """Turn every step's picture into an absolute path, or report the missing file;
        and report every figure that is not a bundled one."""
        if not isinstance(steps, list):
            return
        for index, step in enumerate(steps):
            if isinstance(step, dict):
                self.resolve_shown(doc, step, (*path, index))
                other = step.get("alternative")
                if isinstance(other, dict):
                    self.resolve_shown(doc, other, (*path, index, "alternative"))
                if "block" in step:
                    self.resolve_pictures(doc, step.get("steps"), (*path, index, "steps"))

    def resolve_shown(self, doc: Document, step: dict[str, Any], path: PathKey) -> None:
        """What one step shows: a picture of its own or a bundled figure, not both."""
        if "picture" in step and "figure" in step:
            # Told at the key written second (for a used exercise: the one written beside 'use').
            second = next(key for key in reversed(step) if key in ("picture", "figure"))
            spot = doc.spots.get((id(step), second))
            mark = (spot.key or spot.value) if spot else doc.spot(path)[0]
            self.add(mark, (*path, second), "give either a picture or a figure, not both")
        self.check_figure(doc, step, path)
        self.resolve_picture(doc, step, path)

    def check_figure(self, doc: Document, step: dict[str, Any], path: PathKey) -> None:
        figure = step.get("figure")
        if not isinstance(figure, str) or figure in FIGURE_NAMES:
            return  # none, a bundled one, or not text (which the model reports)
        spot = doc.spots.get((id(step), "figure"))
        mark = spot.value if spot else doc.spot(path)[0]
        hint = did_you_mean(figure, FIGURE_NAMES, most=3)
        message = (
            f"{describe(figure)} is not a bundled figure{hint} (every figure is listed "
            "under Figures in docs/routine-format.md)"
        )
        self.add(mark, (*path, "figure"), message)

    def resolve_picture(self, doc: Document, step: dict[str, Any], path: PathKey) -> None:
        picture = step.get("picture")
        if not isinstance(picture, str) or not picture.strip():
            return
        spot = doc.spots.get((id(step), "picture"))
        written_in = spot.value.file.parent if spot else doc.path.parent
        found = _first_file([written_in / picture, self.media_dir / picture])
        mark = spot.value if spot else doc.spot(path)[0]
        if isinstance(found, Path):
            real = resolved(found)
            if not _inside(real, self.roots):
                self.add(mark, (*path, "picture"), _outside(picture, doc.path, "media/"))
                return
            unfit = picture_problem(real)
            if unfit is not None:
                self.add(mark, (*path, "picture"), f"'{picture}' cannot be shown: {unfit}")
                return
            step["picture"] = str(real)
            return
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
        path = clean_loc(detail["loc"])
        kind = detail["type"]
        found = detail.get("input")
        if kind == "extra_forbidden":
            owner = model_at(model, path[:-1], doc.data)
            names = list(owner.model_fields) if owner else []
            key = str(path[-1])
            hint = did_you_mean(key, names) or known_as(key, names)
            self.add(doc.key_spot(path), path, f"unknown key '{key}'{hint}")
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
            self.add(doc.spot(path)[0], path, unknown_step_message(found))
            return
        self.add(doc.spot(path)[0], path, message_for(kind, detail, found))


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path.is_relative_to(root) for root in roots)


def _outside(item: str, written_in: Path, bundled: str) -> str:
    return (
        f"'{item}' is outside the folders a routine's files may come from: the folder of "
        f"{written_in.name} and the folders in it, your routines folder, or {bundled}; "
        "copy the file there"
    )


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


def _digest(docs: list[Document]) -> str:
    hasher = hashlib.sha256()
    for doc in docs:
        hasher.update(doc.raw)
    return hasher.hexdigest()


def load_routine(
    path: Path,
    *,
    routines_dir: Path = ROUTINES_DIR,
    media_dir: Path = MEDIA_DIR,
    places: Sequence[Path] = (),
    language: str | None = None,
) -> RoutineFile:
    """Read, check and resolve one routine file, or raise RoutineError with every problem.

    Its includes and pictures may come from its own folder and the folders in it, the
    bundled routines and media, and ``places`` (the person's routines folder); a file
    anywhere else is refused at the line that names it.

    With ``language``, the routine is played in it when it has a words file in it, and
    each file (the routine and those it includes) takes its words from its own words file
    in that language; else the routine is played in the language it is written in, and
    the files it includes take their words in that one."""
    roots = (path.parent, *places, routines_dir, media_dir)
    loading = _Loading(routines_dir, media_dir, tuple(resolved(root) for root in roots))
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
    loading.language = language
    if language is None or not loading.take_words(doc):
        loading.language = written_in(doc.data)
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
                loading.resolve_shown(doc, value, ("exercises", key))
    loading.resolve_uses(doc, doc.data.get("steps"), ("steps",), library, 0)
    loading.resolve_pictures(doc, doc.data.get("steps"), ("steps",))
    routine = loading.validate(Routine, doc)
    if loading.problems or routine is None:
        raise RoutineError(loading.problems)
    included = [d for d in loading.docs.values() if d is not None]
    steps_at = doc.key_spot(("steps",))
    digest = _digest([doc, *included])
    files = (path, *(d.path for d in included))
    played_in = loading.language or routine.language
    return RoutineFile(path, path.stem, routine, digest, steps_at, doc, played_in, files)


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
