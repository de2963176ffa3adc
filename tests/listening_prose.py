"""Ordinary speech for the voice command tests: the repository's own prose (the README
and the documents in docs/), without its markup, read aloud by synthetic speakers.

A sentence that says one of the phrases listened for is left out: read aloud, it is a
command."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from player.listening.audio import RATE
from tests.listening_sounds import Recording, Speaker, said, silence

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`")
_ADDRESS = re.compile(r"<?https?://\S+>?")
_MARKS = re.compile(r"[*_#>]+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NOT_LETTERS = re.compile(r"[^a-z']+")
_NOT_WORDS = re.compile(r"[^A-Za-z0-9]+")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a Markdown text as plain words: no code blocks, tables, headings
    or pictures; links as their words, inline code as its words and numbers; addresses
    and emphasis left out."""
    found: list[str] = []
    lines: list[str] = []
    in_code = False
    for line in [*text.splitlines(), ""]:
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        skipped = line.startswith(("    ", "\t", "|", "#", "<")) or line.lstrip().startswith("![")
        if in_code or skipped:
            continue
        if not line.strip() or _LIST_MARK.match(line):
            if lines:
                found.append(" ".join(lines))
            lines = []
        if line.strip():
            lines.append(_plain(_LIST_MARK.sub("", line)))
    return [paragraph for paragraph in found if len(paragraph.split()) >= 5]


def _plain(line: str) -> str:
    line = _LINK.sub(r"\1", line)
    line = _CODE.sub(lambda code: " ".join(_NOT_WORDS.split(code[0])), _ADDRESS.sub("", line))
    return " ".join(_MARKS.sub(" ", line).split())


def without_phrases(paragraph: str, phrases: Sequence[str]) -> str:
    """The paragraph less every sentence in which one of ``phrases`` is said."""
    kept = [
        sentence
        for sentence in _SENTENCE_END.split(paragraph)
        if not any(
            f" {phrase} " in f" {' '.join(_NOT_LETTERS.split(sentence.lower()))} "
            for phrase in phrases
        )
    ]
    return " ".join(kept)


def prose(repo: Path, phrases: Sequence[str]) -> list[str]:
    """The paragraphs of the README and of each document in docs/, taken in turn from
    each file (the first of each, then the second of each, ...), less the sentences that
    say a phrase."""
    files = [repo / "README.md", *sorted((repo / "docs").glob("*.md"))]
    each = [paragraphs(path.read_text(encoding="utf-8")) for path in files]
    taken = [
        without_phrases(found[index], phrases)
        for index in range(max(map(len, each)))
        for found in each
        if index < len(found)
    ]
    return [paragraph for paragraph in taken if paragraph.strip()]


def readings(
    repo: Path, speakers: Sequence[Speaker], seconds: float, phrases: Sequence[str]
) -> list[Recording]:
    """``seconds`` of the repository's prose read aloud, a paragraph by each speaker in
    turn; one recording a speaker, named by the speaker, paragraphs a second apart."""
    recordings = {speaker.name: silence(1.0) for speaker in speakers}
    texts: dict[str, list[tuple[float, str]]] = {speaker.name: [] for speaker in speakers}
    total = 0.0
    for number, paragraph in enumerate(prose(repo, phrases)):
        if total >= seconds:
            break
        speaker = speakers[number % len(speakers)]
        spoken = said([paragraph], speaker, 1.0)[0]
        texts[speaker.name].append((len(recordings[speaker.name]) / RATE, paragraph))
        recordings[speaker.name] += spoken + silence(1.0)
        total += len(spoken) / RATE
    if total < seconds:
        raise RuntimeError(f"the prose read aloud lasts {total:.0f}s, less than {seconds:.0f}s")
    return [
        Recording(f"prose read by {name}", samples, tuple(texts[name]))
        for name, samples in recordings.items()
    ]
