"""How a new routine file starts: a commented template, or a copy of another routine.

The template explains every key in comments and passes ``run.py check`` as it is, so that
a person can play it at once and change it a little at a time. A copy keeps the original's
text and comments, and brings along what it needs to load from its new folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from player.routine.words import languages_beside, words_path
from player.system.paths import MEDIA_DIR, ROUTINES_DIR
from player.system.regular_files import open_regular, resolved

SCHEMA_LINE = "# yaml-language-server: $schema=routine.schema.json\n"

_TEMPLATE = """\
# yaml-language-server: $schema=routine.schema.json
# A routine of your own. Change anything below in a text editor, then check it with
#   __PROGRAM__ check __PATH__
# and see the whole session as a table with
#   __PROGRAM__ plan __NAME__
# Lines starting with # are comments: the player ignores them. Indent with spaces, not
# tabs. Every key is explained in docs/routine-format.md.

# The routine's name, shown and said at the start. Required.
title: __TITLE__

# The language its words are written in: en (the default), es, vi, zh-Hans, fr...
# Optional. Its words in other languages go in translations/TAG/ beside this file.
# language: en

# A sentence or two about it, shown by '__PROGRAM__ list' and before playing. Optional.
summary: A few gentle minutes for my back.

# Who it suits: weeks of pregnancy (weeks: 14-40) or trimesters (trimesters: 2-3),
# and a note. Optional; leave it out for any time.
suits:
  trimesters: 1-3
  # note: not lying flat on my back after 16 weeks

# What it is based on, so that your midwife can look it up: a title, then who wrote or
# published it, the year, the section you followed and its web address. Optional.
sources:
  - title: Exercise in pregnancy
    publisher: NHS
    address: https://www.nhs.uk/pregnancy/keeping-well/exercise/
    # year: 2023
    # section: the part you followed
    # about: what you took from it

# Notes shown before playing. Optional.
safety:
  - Stop if it hurts.
  - Keep breathing; never hold your breath.

# Warning signs: stop and call a doctor or midwife. Shown before playing. Optional.
stop_if:
  - vaginal bleeding or fluid leaking
  - regular, painful contractions
  - dizziness or feeling faint
  - chest pain or a headache
  - calf pain or swelling
  - the baby moving less than usual

# The get-ready time before the first step (0 for none). Optional; 10s when left out.
lead_in: 10s

# Time to get into position before each exercise, while it is announced. Optional;
# by default as long as the announcement takes to say. 0 for none.
# prepare: 5s

# Which automatic cues speak: announce, next_up, halfway, countdown (true, false or
# seconds), switch_sides, rep_count, phases. Optional; each is on when left out.
cues:
  halfway: false
  countdown: 3

# Files of shared exercises to 'use:' below, beside this file or among the bundled
# routines. Optional. The bundled one holds pelvic tilts, pelvic floor holds and more:
# include:
#   - exercises/pregnancy-back.yaml

# Exercises written once and used by key in the steps ('use: KEY'). Optional.
exercises:
  shoulder-rolls:
    exercise: Shoulder rolls
    position: sitting
    do: Roll both shoulders slowly backwards, then let them drop.
    reps: 6
    time: 4s                       # each repetition

# The steps, in order. Required. Each step starts with its kind:
#   exercise: NAME     something to do, for a time, in repetitions or in phases
#   rest: 30s          a pause; 'do' says what to do meanwhile
#   instruction: TEXT  words read out, such as how to get into position
#   block: NAME        steps done as a set, repeated 'sets' times
#   use: KEY           an exercise from 'exercises', with any key changed
# Other keys of a step: do, position, sides: both, switch, prepare, cues, say, suits,
# and picture (a file beside this one or under the bundled media/ folder) or figure (a
# bundled figure that moves with the session, such as figure: pelvic-floor-hold).
steps:
  - instruction: Sit on a chair with your feet flat on the floor and your back upright.
    position: sitting
    time: 10s

  - use: shoulder-rolls
    reps: 5-8                      # a range: choose with --reps, or '__PROGRAM__ settings'

  - exercise: Side stretch
    position: sitting
    do: Reach one arm over your head and lean gently to the other side.
    sides: both                    # left, then right, with a pause to switch
    time: 20s                      # each side
    say:
      - at: 10s
        say: Breathe out and lean a little further

  - rest: 15s
    do: Sit back and breathe slowly.

  - exercise: Pelvic floor holds
    position: sitting
    do: Squeeze the muscles you would use to stop passing wind, hold, then let go.
    reps: 5
    cues:
      rep_count: false             # the words below say the count instead
    phases:                        # the parts of one repetition, in order
      - name: Squeeze
        time: 5s
        say: Squeeze and hold, {rep} of {reps}
      - name: Relax
        time: 5s
"""


def title_for(name: str) -> str:
    """``my-evening-stretch`` as ``My evening stretch``."""
    words = name.replace("_", "-").split("-")
    text = " ".join(word for word in words if word)
    return text[:1].upper() + text[1:] if text else name


def starting_routine(name: str, path_shown: str, program: str = "routine-player") -> str:
    """A new routine's text, with its title made from ``name``; its comments name
    ``program`` as the command that checks and plans it."""
    return (
        _TEMPLATE.replace("__TITLE__", json.dumps(title_for(name), ensure_ascii=False))
        .replace("__NAME__", name)
        .replace("__PATH__", path_shown)
        .replace("__PROGRAM__", program)
    )


# -- a copy of another routine ------------------------------------------------------------

SCHEMA_FILES = {"routine": "routine.schema.json", "library": "exercises.schema.json"}
_SCHEMA_COMMENT = "# yaml-language-server: $schema="


@dataclass
class Copied:
    """What copying a routine wrote, and what it left as it was."""

    path: Path
    alongside: list[Path] = field(default_factory=list)
    """Files the routine needs (included exercises, pictures beside it), copied beside it."""
    kept: list[Path] = field(default_factory=list)
    """Such files that were there already and differ from the original's: left as they were."""
    pointed: list[str] = field(default_factory=list)
    """References that cannot follow the copy, written as the original's full path."""


class _Copier:
    """Copies a routine's text, and makes each file it refers to reachable from the copy.

    Includes and pictures are found beside the file that names them, then in the bundled
    folders (routines/ for includes, media/ for pictures). A reference that reaches a file
    by a path going down from the original's folder is copied to the same place beside
    the copy, so the copy stands on its own and its shared exercises can be changed too;
    a file already there is never replaced. Any other reference (``../``, a full path) is
    rewritten to the full path of the file the original used.
    """

    def __init__(self, schema_dir: Path, routines_dir: Path, media_dir: Path) -> None:
        self.schema_dir = schema_dir
        self.fallback = {"include": routines_dir, "picture": media_dir}
        self.done: set[Path] = set()

    def text_for(self, source: Path, dest: Path, kind: str, result: Copied) -> str:
        text = _read(source).decode("utf-8-sig")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        edits: list[tuple[int, int, str]] = []
        for what, node in _references(root):
            replacement = self.follow(what, node.value, source, dest, result)
            if replacement is not None:
                edits.append((node.start_mark.index, node.end_mark.index, replacement))
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        return self.schema_line(text, dest, kind)

    def follow(self, what: str, item: str, source: Path, dest: Path, result: Copied) -> str | None:
        """The text to write instead of the reference ``item``, or None to keep it."""
        fallback = self.fallback[what]
        original = _first_file(source.parent / item, fallback / item)
        if original is None:
            return None
        beside = _is_file(source.parent / item)
        if _goes_down(item) and (beside or what == "include"):
            self.copy_along(what, original, dest.parent / item, result)
            return None
        reached = _first_file(dest.parent / item, fallback / item)
        if reached is not None and resolved(reached) == resolved(original):
            return None
        result.pointed.append(item)
        return json.dumps(str(resolved(original)), ensure_ascii=False)

    def copy_along(self, what: str, original: Path, target: Path, result: Copied) -> None:
        if resolved(target) in self.done:
            return
        self.done.add(resolved(target))
        if what == "include":
            content = self.text_for(original, target, "library", result).encode("utf-8")
            self.copy_words(original, target, result)
        else:
            content = _read(original)
        _write_new(original, target, content, result)

    def copy_words(self, original: Path, target: Path, result: Copied) -> None:
        """The words files of ``original`` in every language, beside ``target``."""
        for language in languages_beside(original):
            words = words_path(target, language)
            if resolved(words) not in self.done:
                self.done.add(resolved(words))
                source = words_path(original, language)
                _write_new(source, words, _read(source), result)

    def schema_line(self, text: str, dest: Path, kind: str) -> str:
        """Point the editor's schema comment of the first line at the schema beside the copy."""
        if not text.startswith(_SCHEMA_COMMENT):
            return text
        schema = os.path.relpath(self.schema_dir / SCHEMA_FILES[kind], dest.parent)
        first, _, rest = text.partition("\n")
        ending = "\r\n" if first.endswith("\r") else "\n"
        return f"{_SCHEMA_COMMENT}{Path(schema).as_posix()}{ending}{rest}"


def copy_routine(
    source: Path,
    dest: Path,
    *,
    routines_dir: Path = ROUTINES_DIR,
    media_dir: Path = MEDIA_DIR,
) -> Copied:
    """Copy the routine file ``source`` to ``dest`` (which must not exist), comments and all.

    The schema comment on the first line is pointed at the schema files in ``dest``'s folder.
    """
    copier = _Copier(dest.parent, routines_dir, media_dir)
    result = Copied(dest)
    copier.done.add(resolved(dest))
    text = copier.text_for(source, dest, "routine", result)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("x", encoding="utf-8", newline="") as out:
        out.write(text)
    copier.copy_words(source, dest, result)
    return result


def _write_new(original: Path, target: Path, content: bytes, result: Copied) -> None:
    """Write ``content`` to ``target`` unless a file is there: one that differs from
    ``original`` is kept as it is, and told."""
    if _is_file(target):
        if _read(target) != content and resolved(target) != resolved(original):
            result.kept.append(target)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:
        out.write(content)
    result.alongside.append(target)


def _references(root: yaml.Node | None) -> list[tuple[str, yaml.ScalarNode]]:
    """Every include and picture a file names, each node once."""
    found: list[tuple[str, yaml.ScalarNode]] = []
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "include":
                items = value.value if isinstance(value, yaml.SequenceNode) else [value]
                found.extend(("include", i) for i in items if _text_node(i))
    seen: set[int] = set()
    stack: list[yaml.Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if (
                    isinstance(key, yaml.ScalarNode)
                    and key.value == "picture"
                    and _text_node(value)
                ):
                    found.append(("picture", value))
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def _text_node(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and bool(node.value)


def _goes_down(item: str) -> bool:
    """Whether a reference names a place inside the folder of the file that names it."""
    path = Path(item)
    return not path.anchor and ".." not in path.parts


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _read(path: Path) -> bytes:
    """The bytes of a regular file (a named pipe is refused, not waited on)."""
    with open_regular(path) as handle:
        return handle.read()


def _first_file(*candidates: Path) -> Path | None:
    return next((c for c in candidates if _is_file(c)), None)
