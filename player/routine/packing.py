"""Which files a routine takes with it when it is shared as one file, and where each goes.

A shared routine is laid out as on the sender's disk, from the routine's own folder: the
routine file at the top, and each file it names where the player would look for it
first, beside the file that names it. So in the receiver's routines folder every
reference finds the very file that was sent:

- every file it includes, and every file those include: a file of exercises the routine
  took from the bundled ones goes beside it too, so that the routine plays as it did for
  the sender, whatever version of the player receives it;
- every picture of its own (found beside the file that names it); a bundled picture, or a
  bundled figure, is not taken: every player has those;
- the words files of each of these files (``translations/TAG/NAME.yaml``), in every
  language, so that the routine keeps its languages.

A file found beside but named by a path that leads out of the routine's folder
(``../exercises.yaml``, a full path) cannot be placed in the shared routine where the
receiver would find it: it is refused at the line that names it, with what to do.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from player.language import _
from player.routine.document import Document
from player.routine.words import languages_beside, words_path
from player.routine.yaml_source import read_document
from player.system.failures import InvalidInput
from player.system.paths import MEDIA_DIR, ROUTINES_DIR
from player.system.regular_files import resolved

MAX_MEMBER_NAME = 255
"""The longest path a file may have inside a shared routine, in characters."""

_NOT_IN_NAMES = frozenset('\\:*?"<>|')
"""Characters some file systems refuse or read as a drive or a folder (``C:``, ``a\\b``)."""


@dataclass(frozen=True)
class PackedFile:
    """A file to share: its path inside the shared routine (``exercises/mine.yaml``,
    always with ``/``) and the file on disk it is read from."""

    member: str
    source: Path


class PackRefused(InvalidInput):
    """The routine cannot be shared as it is; the message says where and what to do."""


def member_problem(name: str) -> str | None:
    """Why ``name`` cannot be the path of a file inside a shared routine, in a few words;
    None when it can: a relative path going down, each part a plain name."""
    if not name:
        return _("an empty name")
    if len(name) > MAX_MEMBER_NAME:
        return _("a name longer than {most} characters").format(most=MAX_MEMBER_NAME)
    if name.startswith("/") or _NOT_IN_NAMES & set(name):
        return _('a full path, or a name with one of \\ : * ? " < > |')
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        return _("a name with control characters")
    parts = name.removesuffix("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        return _("a path with '..', '.' or an empty part")
    if any(part != part.strip() or part.endswith(".") for part in parts):
        return _("a name that begins or ends with a space, or ends with a dot")
    return None


def same_name_key(name: str) -> str:
    """What two names that one file system may take for the same file have in common:
    letters in any case, and accents written either way."""
    return unicodedata.normalize("NFC", name).casefold()


def files_to_pack(
    routine: Path, *, routines_dir: Path = ROUTINES_DIR, media_dir: Path = MEDIA_DIR
) -> list[PackedFile]:
    """Every file the routine at ``routine`` takes with it, the routine first; PackRefused
    for a file that cannot be placed inside the shared routine. The routine is one that
    ``check`` passes: a reference to nothing is left to ``check`` to tell."""
    packing = _Packing(routines_dir, media_dir)
    packing.add_routine_file(routine, routine.name)
    return list(packing.files.values())


class _Packing:
    def __init__(self, routines_dir: Path, media_dir: Path) -> None:
        self.fallback = {"include": routines_dir, "picture": media_dir}
        self.files: dict[str, PackedFile] = {}
        self.keys: dict[str, str] = {}
        """Each member by ``same_name_key``: two that differ only in case are one file."""

    def take(self, member: str, source: Path) -> bool:
        """Put ``source`` at ``member``; False when it is there already."""
        key = same_name_key(member)
        earlier = self.keys.get(key)
        if earlier is not None:
            if resolved(self.files[earlier].source) == resolved(source):
                return False
            raise PackRefused(
                _(
                    "two different files would be shared as {member}: {first} and {second}; "
                    "rename one of them"
                ).format(member=member, first=self.files[earlier].source, second=source)
            )
        self.keys[key] = member
        self.files[member] = PackedFile(member, source)
        return True

    def add_routine_file(self, source: Path, member: str) -> None:
        """A routine or a file of exercises, its words files, and what it names."""
        if not self.take(member, source):
            return
        for language in languages_beside(source):
            self.take(words_path(Path(member), language).as_posix(), words_path(source, language))
        doc = read_document(source, [])
        if doc is None:
            return
        folder = posixpath.dirname(member)
        for what, path, item in references(doc.data):
            beside = source.parent / item
            if _is_file(beside):
                found = beside
            elif what == "include" and _is_file(self.fallback[what] / item):
                found = self.fallback[what] / item
            else:
                continue  # a bundled picture, or nothing (which check tells)
            placed = _placed(folder, item)
            if placed is None:
                raise PackRefused(_outside(doc, path, item, source))
            unfit = member_problem(placed)
            if unfit is not None:
                raise PackRefused(
                    _at(doc, path)
                    + _(
                        "'{item}' cannot be shared: it is {problem}, which some computers "
                        "cannot hold; rename the file"
                    ).format(item=item, problem=unfit)
                )
            if what == "include":
                self.add_routine_file(found, placed)
            else:
                self.take(placed, found)


def references(data: Any) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    """Each file a routine or a file of exercises names: ``("include", path, item)`` for
    its includes and ``("picture", path, item)`` for every picture of its steps and
    exercises, with the path of the value in the file."""
    includes = data.get("include") if isinstance(data, dict) else None
    if isinstance(includes, str):
        yield "include", ("include",), includes
    elif isinstance(includes, list):
        for index, item in enumerate(includes):
            if isinstance(item, str) and item:
                yield "include", ("include", index), item
    yield from _pictures(data, (), set())


def _pictures(
    data: Any, path: tuple[str | int, ...], seen: set[int]
) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    if id(data) in seen:
        return
    if isinstance(data, dict):
        seen.add(id(data))
        for key, value in data.items():
            if key == "picture" and isinstance(value, str) and value:
                yield "picture", (*path, key), value
            else:
                yield from _pictures(value, (*path, key), seen)
    elif isinstance(data, list):
        seen.add(id(data))
        for index, value in enumerate(data):
            yield from _pictures(value, (*path, index), seen)


def _placed(folder: str, item: str) -> str | None:
    """Where the file ``item``, named in a file whose folder inside the shared routine is
    ``folder``, goes: where the receiver's player will look for it first; None when that
    is outside the shared routine (or no name a file can have there)."""
    if item.startswith("/") or "\\" in item:
        return None
    placed = posixpath.normpath(posixpath.join(folder, item))
    if placed.startswith("../") or placed in ("..", "."):
        return None
    return placed


def _at(doc: Document, path: tuple[str | int, ...]) -> str:
    """``FILE:LINE:COL: `` of the value at ``path``, as ``check`` tells a place."""
    mark = doc.spot(path)[0]
    return f"{mark.shown}:{mark.line}:{mark.column}: "


def _outside(doc: Document, path: tuple[str | int, ...], item: str, source: Path) -> str:
    return _at(doc, path) + _(
        "'{item}' is outside the folder of {file}, so it cannot be shared with it: copy it "
        "into that folder (or a folder in it) and name it from there"
    ).format(item=item, file=source.name)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
