"""A routine's words in another language: the *words files* beside it.

A routine file (English unless it says ``language: xx``) keeps every time, count and
figure; its words in another language live beside it, in
``translations/<tag>/<same name>.yaml``::

    language: vi
    words:
      Daily back care: Chăm sóc lưng hằng ngày
      "Reach, {rep}": "Với tay, {rep}"

``words`` maps each text of the file (:data:`TEXT_KEYS`, as YAML reads it) to its
translation. Loading a routine in a language puts each translation in place of its text,
and keeps the text where there is none (or one that would not play: empty, or with other
placeholders); ``check`` tells every missing, extra or unfit translation at its place.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from player.language import DEFAULT_LANGUAGE, LANGUAGES, PSEUDO, normalise
from player.routine.document import Document, Mark
from player.routine.problems import Problem
from player.routine.value_types import LANGUAGE_PATTERN
from player.routine.values import describe
from player.routine.yaml_source import did_you_mean, read_document

TRANSLATIONS = "translations"
"""The folder beside a routine file that holds a folder of words files per language."""

TEXT_KEYS = frozenset(
    {
        "title",
        "summary",
        "note",
        "safety",
        "stop_if",
        "block",
        "exercise",
        "instruction",
        "do",
        "say",
        "name",
    }
)
"""The keys whose text values (or list of texts) are words a person reads or hears."""

NOT_TRANSLATED = frozenset({"sources"})
"""Keys whose texts stay as written: a source is cited by its own title, in its own
language, so that a reader can find it."""

_TAG = re.compile(LANGUAGE_PATTERN)
_KEYS = ("language", "words")
_BRACES = re.compile(r"\{\{|\}\}|\{[^{}]*\}|[{}]")
"""A doubled brace, a ``{...}`` with no brace inside, or a brace alone."""


def is_tag(value: object) -> bool:
    """Whether ``value`` is written as a language tag."""
    return isinstance(value, str) and _TAG.fullmatch(value) is not None


def written_in(data: object) -> str:
    """The language a file's data says it is written in (its ``language:``), English when
    it says none or none that is a tag (which validation reports)."""
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) and is_tag(language) else DEFAULT_LANGUAGE


def words_path(file: Path, language: str) -> Path:
    """Where the words of ``file`` in ``language`` are written."""
    return file.parent / TRANSLATIONS / language / file.name


def session_language(asked: str, played_in: str) -> str:
    """The language a session speaks: the one asked for when the routine is played in it;
    else the language the routine is played in (its own, having no words in the one asked
    for) when the player speaks that one, so that cues and the routine's words agree;
    else the one asked for."""
    if played_in == asked or asked == PSEUDO:
        return asked
    own = normalise(played_in)
    return own if own in LANGUAGES else asked


# -- the texts of a file ------------------------------------------------------------------


def texts(data: object) -> list[str]:
    """Every text of a file's data, each once, in the order written."""
    return list(dict.fromkeys(text for _holder, _key, text in _text_places(data)))


def _text_places(data: object) -> Iterator[tuple[dict[str, Any] | list[Any], Any, str]]:
    """Each text, with the mapping or list holding it and its key or index there."""
    if isinstance(data, list):
        for item in data:
            yield from _text_places(item)
        return
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if key in NOT_TRANSLATED:
            continue
        if key in TEXT_KEYS and isinstance(value, str):
            yield data, key, value
        elif key in TEXT_KEYS and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield value, index, item
        yield from _text_places(value)


def placeholders(text: str) -> Counter[str]:
    """The braces of a text that are not doubled (``{rep}``, or a stray one), counted."""
    return Counter(token for token in _BRACES.findall(text) if token not in ("{{", "}}"))


def fits(text: str, translation: object) -> bool:
    """Whether ``translation`` can stand for ``text``: words, with the same placeholders."""
    return (
        isinstance(translation, str)
        and bool(translation.strip())
        and placeholders(translation) == placeholders(text)
    )


def translate(data: object, words: dict[str, Any]) -> None:
    """Put in ``data``, in place, the translation of each text that has a fitting one;
    every other text keeps its words. Places of values stay as they were (the mappings and
    lists are the same)."""
    for holder, key, text in list(_text_places(data)):
        translation = words.get(text)
        if fits(text, translation):
            holder[key] = translation


# -- reading a words file ----------------------------------------------------------------


@dataclass
class WordsFile:
    """A words file as read: its translations by text, and where it was written."""

    doc: Document
    words: dict[str, Any]

    def key_mark(self, text: str) -> Mark:
        return self.doc.key_spot(("words", text))

    def value_mark(self, text: str) -> Mark:
        return self.doc.spot(("words", text))[0]


def read_words(path: Path, problems: list[Problem]) -> WordsFile | None:
    """The words file at ``path``, or None with why not added to ``problems``. Its
    ``words`` may still be incomplete or unfit: see :func:`words_problems`."""
    doc = read_document(path, problems)
    if doc is None:
        return None
    add = _Adder(doc, problems)
    if not isinstance(doc.data, dict):
        add(
            doc.root,
            "",
            f"a words file is a mapping with 'language:' and 'words:', found {describe(doc.data)}",
        )
        return None
    for key in doc.data:
        if key not in _KEYS:
            hint = did_you_mean(str(key), list(_KEYS))
            only = "only 'language:' and 'words:'"
            tail = f" A words file has {only}" if hint else f"; a words file has {only}"
            add(doc.key_spot((key,)), str(key), f"unknown key '{key}'{hint}{tail}")
    if "words" not in doc.data:
        add(doc.root, "words", "missing 'words:', the mapping of each text to its translation")
        return None
    words = doc.data["words"]
    if words is None:  # written, nothing under it yet: every text is missing
        return WordsFile(doc, {})
    if not isinstance(words, dict):
        add(
            doc.spot(("words",))[0],
            "words",
            "'words' maps each text of the routine file to "
            f"its translation, found {describe(words)}",
        )
        return None
    return WordsFile(doc, words)


class _Adder:
    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def __call__(self, mark: Mark, path: str, message: str) -> None:
        self.problems.append(Problem(mark.shown, mark.line, mark.column, path, message))


def words_problems(file: Path, data: object, language: str, found: WordsFile) -> list[Problem]:
    """Everything wrong with the words of ``file`` (whose data is ``data``) in
    ``language``: a ``language:`` that is not that of the folder, texts with no
    translation, translations of no text, and translations that change placeholders."""
    problems: list[Problem] = []
    add = _Adder(found.doc, problems)
    doc = found.doc
    said = doc.data.get("language")
    if said is None:
        add(doc.root, "language", f"missing 'language: {language}' (the folder it is in)")
    elif said != language:
        add(
            doc.spot(("language",))[0],
            "language",
            f"language {describe(said)} but the file is in the folder '{language}'; write "
            f"language: {language}, or move the file to {TRANSLATIONS}/{said}/",
        )
    wanted = texts(data)
    known = set(wanted)
    at_words = doc.key_spot(("words",))
    for text in wanted:
        translation = found.words.get(text)
        if text not in found.words:
            add(at_words, "words", f"no translation of {describe(text)}; add it under 'words:'")
        elif not isinstance(translation, str) or not translation.strip():
            add(found.value_mark(text), "words", f"write the translation of {describe(text)}")
        elif not fits(text, translation):
            add(
                found.value_mark(text),
                "words",
                f"the translation of {describe(text)} has the placeholders "
                f"{_braces(translation)} but the text has {_braces(text)}; keep each "
                "placeholder, such as {rep}, exactly as the text writes it",
            )
    for text in found.words:
        if text not in known:
            hint = did_you_mean(str(text), wanted)
            fix = "orrect it to the text as the file now writes it, or remove it"
            fix = f" C{fix}" if hint else f"; c{fix}"
            message = f"{describe(text)} is no text of {file.name}{hint}{fix}"
            add(found.key_mark(text), "words", message)
    return sorted(problems)


def _braces(text: str) -> str:
    found = sorted(placeholders(text).elements())
    return " ".join(found) if found else "none"


def languages_beside(file: Path) -> list[str]:
    """The languages that have a words file for ``file``."""
    folder = file.parent / TRANSLATIONS
    try:
        return sorted(
            tag.name for tag in folder.iterdir() if (tag / file.name).exists() and is_tag(tag.name)
        )
    except OSError:
        return []


def check_words(files: Sequence[Path], only: str | None = None) -> list[Problem]:
    """Every problem of every words file beside ``files`` (a routine and the files it
    includes), in every language found, or in ``only``."""
    problems: list[Problem] = []
    for file in dict.fromkeys(files):
        languages = [only] if only else languages_beside(file)
        paths = [(language, words_path(file, language)) for language in languages]
        paths = [(language, path) for language, path in paths if path.exists()]
        if not paths:  # most files have no words files: not read a second time
            continue
        unused: list[Problem] = []  # the file's own problems are the loader's to tell
        doc = read_document(file, unused)
        if doc is None:
            continue
        for language, path in paths:
            found = read_words(path, problems)
            if found is not None:
                problems.extend(words_problems(file, doc.data, language, found))
    return problems


# -- a words file to fill in --------------------------------------------------------------


def draft(file: Path, language: str, problems: list[Problem]) -> str | None:
    """The words file of ``file`` in ``language`` with every text of the file, in the order
    written: each translation already there kept, each missing one empty, and any that
    matches no text any more last (``check`` tells them), with the comments at the top of
    the file there; None with why added to ``problems`` when ``file`` cannot be read."""
    doc = read_document(file, problems)
    if doc is None:
        return None
    path = words_path(file, language)
    found = read_words(path, problems) if path.is_file() else None
    before = found.words if found else {}
    words = {text: _text_or_empty(before.get(text)) for text in texts(doc.data)}
    words.update({text: value for text, value in before.items() if text not in words})
    header = _comments(found.doc.raw) if found else ""
    if not header:
        name = LANGUAGES.get(language, language)
        header = f"# {name} words for {file.name}. Times, counts and figures come from that file.\n"
    lines = [f"language: {_scalar(language)}", "words:"]
    for text, translation in words.items():
        key, value = _scalar(text), _scalar(translation)
        long = len(key) > _LONGEST_KEY  # YAML reads a key in one line only up to this
        lines.append(f"  ? {key}\n  : {value}" if long else f"  {key}: {value}")
    body = "\n".join(lines) + "\n"
    return header + body


def _comments(raw: bytes) -> str:
    """The comment lines a file starts with."""
    lines = raw.decode("utf-8", "replace").splitlines(keepends=True)
    end = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    top = lines[:end]
    return "".join(line if line.endswith("\n") else line + "\n" for line in top)


def _text_or_empty(value: object) -> str:
    return value if isinstance(value, str) else ""


_PLAIN = re.compile(r"[^\W\d_][^:#\n]*")
"""Text YAML reads back as itself when written without quotes: it starts with a letter
(of any script) and holds no colon, hash or line break."""
_NOT_TEXT = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
_LONGEST_KEY = 1000


def _scalar(text: str) -> str:
    """``text`` as a YAML value: as it is when that reads back the same, else in quotes."""
    plain = _PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _NOT_TEXT
    return text if plain else json.dumps(text, ensure_ascii=False)
