"""Reading one YAML file safely into plain data, remembering where every value was written.

Safety comes before meaning: the size is checked before reading, the text must be
UTF-8, tags are refused, nesting depth is checked on the event stream before anything
recursive runs, and aliases are expanded against a budget, so that no file, however
hostile, can run code, exhaust memory or recurse without bound. A file with none of
that to watch for (no anchors, aliases or tags, nothing refused), as routine files are,
is read in one pass over the parser's events to the very same data and places.

Plain values are read by the YAML 1.2 core schema, as editors read them: only ``true`` and
``false`` (or ``True``, ``TRUE`` ...) are booleans, so ``yes``, ``no``, ``on`` and ``off``
are text; ``1:30`` is text, not the number 90; ``010`` is ten, and octal is written
``0o10``; dates stay text. PyYAML on its own reads YAML 1.1, where all of these differ.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from player.routine.document import Document as Document  # what read_document gives
from player.routine.document import Mark, Spot
from player.routine.problems import Problem, shown_path
from player.routine.yaml12 import MERGE_TAG, Yaml12Loader, scalar_value, tagged_value, untagged_tag
from player.routine.yaml12 import FastLoader as _FastLoader
from player.system.printable import first_control
from player.system.regular_files import LOOP, FileRefused, open_regular, reason

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 32
MAX_VALUES = 20_000
MAX_TEXT = 2_000
"""The most characters in one text (a name, what to do, an instruction): about 350 words,
two minutes read aloud."""
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}
_TEXT_TAG = "tag:yaml.org,2002:str"
_PARSER_DEPTH_LIMIT = "maximum nesting depth"
"""How libyaml 0.2.6 (in the wheels of PyYAML 6.0.4) says it refuses deep nesting."""
_TABS = "indent with spaces, not tabs"
_COLON = "a colon inside a value needs the value in quotes, or the indentation is off"
_HINTS = {
    "found character '\\t' that cannot start any token": _TABS,
    "found a tab character": _TABS,
    "mapping values are not allowed here": _COLON,
    "mapping values are not allowed in this context": _COLON,
    "could not find expected ':'": "a key needs a colon after it, or quotes are not closed",
    "found undefined alias": "an alias (*name) must come after its anchor (&name)",
    "expected a single document in the stream": "a routine file holds one document: remove '---'",
}


def not_a_routine_file(kind: str) -> str:
    """What to say of a path that names ``kind`` (a folder, a named pipe ...) instead."""
    if kind == "a folder":
        return "this is a folder, not a routine file"
    if kind == LOOP:
        return f"this is {kind}, not a routine file; point the link at a routine file"
    return f"this is {kind}, not a routine file; give the path of a routine's .yaml file"


def _mark(file: Path, shown: str, yaml_mark: Any) -> Mark:
    return Mark(file, shown, yaml_mark.line + 1, yaml_mark.column + 1)


class _Reader:
    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.shown = shown_path(path)
        self.problems = problems
        self.values = 0
        self.alias_marks: list[Mark] = []
        self.spots: dict[tuple[int, str | int], Spot] = {}
        self.lines: list[str] = []

    def problem(self, line: int, column: int, message: str, path: str = "") -> None:
        self.problems.append(Problem(self.shown, line, column, path, message))

    def read_bytes(self) -> bytes | None:
        try:
            with open_regular(self.path) as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_FILE_BYTES:
                    self.problem(
                        1,
                        1,
                        f"the file is {-(-size // 1024)} KiB; a routine file can be at most "
                        f"{MAX_FILE_BYTES // 1024} KiB",
                    )
                    return None
                # As much as fstat says and one byte more, to see the end: asking for the
                # most a file may hold would make room for that much, for every file.
                raw = handle.read(size + 1)
                if len(raw) > size:  # it grew, or its size was not told (/proc)
                    raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
        except FileNotFoundError:
            self.problem(1, 1, "no such file")
            return None
        except FileRefused as refused:
            if refused.kind is not None:
                self.problem(1, 1, not_a_routine_file(refused.kind))
            else:
                self.problem(1, 1, f"cannot read the file: {refused.reason}")
            return None
        except OSError as error:
            self.problem(1, 1, f"cannot read the file: {reason(error, self.path)}")
            return None
        except ValueError:  # a NUL in the name
            self.problem(1, 1, "cannot read the file: its name holds a NUL character")
            return None
        if len(raw) > MAX_FILE_BYTES:
            self.problem(1, 1, f"a routine file can be at most {MAX_FILE_BYTES // 1024} KiB")
            return None
        return raw

    def decode(self, raw: bytes) -> str | None:
        body = raw.removeprefix(codecs.BOM_UTF8)  # as YAML counts: from after the mark
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            line = body.count(b"\n", 0, error.start) + 1
            line_start = body.rfind(b"\n", 0, error.start) + 1
            # Columns count characters, as in every other message, not bytes.
            column = len(body[line_start : error.start].decode("utf-8")) + 1
            self.problem(
                line,
                column,
                f"the file is not UTF-8 text (byte 0x{body[error.start]:02x} here); "
                "save it as UTF-8 in your editor",
            )
            return None
        self.lines = _LINE_BREAKS.split(text)
        return text

    def read_plain(self, text: str) -> tuple[Any, Mark] | None:
        """The data of a document that needs none of the care below, and the place of its
        root, read in one pass over the parser's events: the data and places the careful
        reading gives it. None, with nothing said, for any other document (the careful
        reading then says what is wrong): one with an anchor, an alias or a tag, a merge
        key, a key that is not text or is written twice, text with a control character or
        over ``MAX_TEXT``, nesting over ``MAX_DEPTH``, more than ``MAX_VALUES`` values,
        other than one document, or anything the parser refuses."""
        spots: dict[tuple[int, str | int], Spot] = {}
        open_: list[_Open] = []  # the mappings and lists being read, outermost first
        root: tuple[Any, Mark] | None = None
        values = 0
        try:
            for event in yaml.parse(text, Loader=_FastLoader):
                if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                    if event.anchor is not None or event.tag is not None:
                        return None
                    mark = _mark(self.path, self.shown, event.start_mark)
                    top = open_[-1] if open_ else None
                    a_key = top is not None and top.key is None and isinstance(top.value, dict)
                    if isinstance(event, yaml.CollectionStartEvent):
                        if a_key or len(open_) >= MAX_DEPTH:
                            return None
                        mapping = isinstance(event, yaml.MappingStartEvent)
                        open_.append(_Open({} if mapping else [], mark))
                        continue
                    written = event.value
                    if len(written) > MAX_TEXT or first_control(written) is not None:
                        return None
                    tag = untagged_tag(written, event.implicit)
                    if tag == MERGE_TAG:
                        return None
                    if top is not None and a_key:
                        if tag != _TEXT_TAG or written in top.value:
                            return None
                        top.key = (written, mark)
                        continue
                    value: Any = tagged_value(tag, written)
                elif isinstance(event, yaml.CollectionEndEvent):
                    done = open_.pop()
                    value, mark = done.value, done.mark
                elif isinstance(event, yaml.AliasEvent) or (
                    isinstance(event, yaml.DocumentStartEvent) and root is not None
                ):
                    return None
                else:
                    continue
                values += 1
                if values > MAX_VALUES:
                    return None
                if not open_:
                    root = (value, mark)
                else:
                    open_[-1].add(value, mark, spots)
        except yaml.YAMLError:
            return None
        self.spots = spots
        return root

    def check_events(self, text: str, loader: Any = _FastLoader) -> bool:
        """One pass over the event stream: syntax, tags, depth and aliases, without recursion.

        Newer builds of libyaml refuse deep nesting themselves, at a depth far beyond this
        player's own limit and at a place of their own choosing; the pure-Python parser
        then reads the file again, so that the limit and the place are always the player's."""
        depth = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                tag = getattr(event, "tag", None)
                if tag is not None and tag not in _PLAIN_TAGS:
                    mark = _mark(self.path, self.shown, event.start_mark)
                    shown = tag.replace("tag:yaml.org,2002:", "!!", 1)
                    self.problem(
                        mark.line,
                        mark.column,
                        f"tags such as '{shown}' are not allowed in a routine file; remove it",
                    )
                    return False
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    depth += 1
                    if depth > MAX_DEPTH:
                        mark = _mark(self.path, self.shown, event.start_mark)
                        self.problem(
                            mark.line,
                            mark.column,
                            f"lists and mappings are nested more than {MAX_DEPTH} deep here",
                        )
                        return False
                elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                    depth -= 1
                elif isinstance(event, yaml.AliasEvent):
                    self.alias_marks.append(_mark(self.path, self.shown, event.start_mark))
        except yaml.MarkedYAMLError as error:
            if _PARSER_DEPTH_LIMIT in str(error.problem) and loader is not yaml.SafeLoader:
                self.alias_marks.clear()
                return self.check_events(text, yaml.SafeLoader)
            self.syntax_problem(error)
            return False
        except yaml.YAMLError as error:
            self.problem(1, 1, f"this is not readable YAML: {error}")
            return False
        return True

    def syntax_problem(self, error: yaml.MarkedYAMLError) -> None:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (error.problem or "this is not valid YAML").strip()
        if mark and problem == "found character that cannot start any token":
            # libyaml leaves out which character; name it, as the pure-Python parser does.
            text = self.lines[mark.line] if mark.line < len(self.lines) else ""
            if mark.column < len(text):
                problem = f"found character {text[mark.column]!r} that cannot start any token"
        message = problem
        if error.context and error.context not in problem:
            message = f"{error.context.strip()}: {problem}"
        for known, hint in _HINTS.items():
            if known in message:
                message = f"{message} ({hint})"
                break
        self.problem(line, column, f"YAML syntax: {message}")

    def compose(self, text: str) -> Any:
        try:
            return yaml.compose(text, Loader=Yaml12Loader)
        except yaml.MarkedYAMLError as error:
            self.syntax_problem(error)
        except (yaml.YAMLError, RecursionError) as error:
            self.problem(1, 1, f"this is not readable YAML: {error}")
        return None

    def check_text(self, root: yaml.Node) -> bool:
        """Refuse every scalar holding a control character (an ANSI escape can clear a
        terminal or retitle it): routine text is shown and printed as it is written; and
        every scalar longer than ``MAX_TEXT`` characters, which no screen shows and no
        voice reads in the time a step has."""
        clean = True
        seen: set[int] = set()
        waiting = [root]
        while waiting:
            node = waiting.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, yaml.ScalarNode):
                found = first_control(str(node.value))
                if len(str(node.value)) > MAX_TEXT:
                    mark = self.mark(node)
                    self.problem(
                        mark.line,
                        mark.column,
                        f"this text is {len(str(node.value))} characters long; a text in a "
                        f"routine can be at most {MAX_TEXT}: say it in fewer words",
                    )
                    clean = False
                elif found is not None:
                    mark = self.mark(node)
                    self.problem(
                        mark.line,
                        mark.column,
                        f"this text holds a control character ({found}); remove it: text in "
                        "a routine is shown and printed as it is written",
                    )
                    clean = False
            elif isinstance(node, yaml.SequenceNode):
                waiting.extend(reversed(node.value))
            elif isinstance(node, yaml.MappingNode):
                for key, value in reversed(node.value):
                    waiting.extend((value, key))
        return clean

    def to_data(self, node: yaml.Node, depth: int, open_nodes: set[int]) -> Any:
        """Plain data from a node, expanding aliases within the value budget."""
        self.values += 1
        if self.values > MAX_VALUES:
            raise _TooLarge
        if depth > 2 * MAX_DEPTH or id(node) in open_nodes:
            raise _TooDeep(node)
        if isinstance(node, yaml.ScalarNode):
            return scalar_value(node)
        open_nodes.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                items: list[Any] = []
                for index, child in enumerate(node.value):
                    items.append(self.to_data(child, depth + 1, open_nodes))
                    self.spots[(id(items), index)] = Spot(self.mark(child))
                return items
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                self.add_entry(mapping, key_node, value_node, depth, open_nodes)
            return mapping
        finally:
            open_nodes.discard(id(node))

    def add_entry(
        self,
        mapping: dict[str, Any],
        key_node: yaml.Node,
        value_node: yaml.Node,
        depth: int,
        open_nodes: set[int],
    ) -> None:
        key_mark = self.mark(key_node)
        if key_node.tag == MERGE_TAG:
            self.problem(
                key_mark.line,
                key_mark.column,
                "merge keys (<<) are not supported; to reuse an exercise, define it under "
                "'exercises' and write 'use: KEY'",
            )
            return
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            shown = f"'{key_node.value}'" if isinstance(key_node, yaml.ScalarNode) else "a list"
            self.problem(
                key_mark.line,
                key_mark.column,
                f"a key must be a name such as 'title', found {shown}; put it in quotes "
                "if it is meant as text",
            )
            return
        key: str = key_node.value
        if key in mapping:
            first = self.spots[(id(mapping), key)].key
            where = f" (first at line {first.line})" if first else ""
            self.problem(
                key_mark.line,
                key_mark.column,
                f"the key '{key}' is written twice in this mapping{where}; keep one",
            )
            return
        mapping[key] = self.to_data(value_node, depth + 1, open_nodes)
        self.spots[(id(mapping), key)] = Spot(self.mark(value_node), key_mark)

    def mark(self, node: yaml.Node) -> Mark:
        return _mark(self.path, self.shown, node.start_mark)


@dataclass
class _Open:
    """A mapping or list being read from the events, and the key whose value comes next."""

    value: dict[str, Any] | list[Any]
    mark: Mark
    key: tuple[str, Mark] | None = None

    def add(self, value: Any, mark: Mark, spots: dict[tuple[int, str | int], Spot]) -> None:
        if isinstance(self.value, list):
            spots[(id(self.value), len(self.value))] = Spot(mark)
            self.value.append(value)
        elif self.key is not None:
            key, key_mark = self.key
            self.value[key] = value
            spots[(id(self.value), key)] = Spot(mark, key_mark)
            self.key = None


class _TooLarge(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def read_document(path: Path, problems: list[Problem]) -> Document | None:
    """The file as a Document, or None with the reasons added to ``problems``."""
    reader = _Reader(path, problems)
    raw = reader.read_bytes()
    if raw is None:
        return None
    text = reader.decode(raw)
    if text is None:
        return None
    plain = reader.read_plain(text)
    if plain is not None:
        data, root = plain
        return Document(path, reader.shown, data, root, reader.spots, raw)
    if not reader.check_events(text):
        return None
    node = reader.compose(text)
    if node is None:
        if not any(p.file == reader.shown for p in problems):
            reader.problem(1, 1, "the file is empty; a routine needs at least a title and steps")
        return None
    if not reader.check_text(node):
        return None
    try:
        data = reader.to_data(node, 0, set())
    except _TooLarge:
        first = reader.alias_marks[0] if reader.alias_marks else None
        if first is not None:
            reader.problem(
                first.line,
                first.column,
                f"the aliases (*name) in this file expand to more than {MAX_VALUES} values; "
                "use 'use:' or copy the few values you need",
            )
        else:
            reader.problem(1, 1, f"the file holds more than {MAX_VALUES} values")
        return None
    except _TooDeep as error:
        mark = reader.mark(error.node)
        end = _mark(path, reader.shown, error.node.end_mark)
        inside = [
            alias
            for alias in reader.alias_marks
            if (mark.line, mark.column) <= (alias.line, alias.column) <= (end.line, end.column)
        ]
        mark = inside[0] if inside else mark  # point at the alias itself when there is one
        reader.problem(
            mark.line,
            mark.column,
            "an alias here refers to a value that contains it, or nests "
            "too deeply; an alias can only copy a finished value",
        )
        return None
    root = reader.mark(node)
    return Document(path, reader.shown, data, root, reader.spots, raw)


def did_you_mean(word: str, choices: list[str] | tuple[str, ...], most: int = 1) -> str:
    """``; did you mean 'time'?`` when a close choice exists, else nothing; with ``most``
    above 1, up to that many, the closest first: ``; did you mean 'a' or 'b'?``."""
    close = [f"'{found}'" for found in difflib.get_close_matches(word, list(choices), most, 0.6)]
    if not close:
        return ""
    named = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
    return f"; did you mean {named}?"
