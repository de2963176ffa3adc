"""A routine's sources as a reader cites them: one line that finds the document, and one
that says what the routine takes from it. Pure; the words are the sources' own (a source
keeps its title in its own language), so nothing here goes through the catalogs."""

from __future__ import annotations

from dataclasses import dataclass

from player.routine.model import Source


@dataclass(frozen=True)
class Citation:
    """One source, ready to show or print."""

    reference: str
    """Title, who wrote or published it, year and section: ``Exercise in pregnancy. NHS.``"""
    address: str | None = None
    about: str | None = None
    """What the routine takes from it."""


def cite(source: Source) -> Citation:
    """The source as a reader finds it."""
    parts = [_sentence(source.title)]
    who = "; ".join(part for part in (source.authors, source.publisher) if part)
    if who and source.year is not None:
        parts.append(_sentence(f"{who}, {source.year}"))
    elif who or source.year is not None:
        parts.append(_sentence(who or str(source.year)))
    if source.section:
        parts.append(_sentence(source.section))
    return Citation(" ".join(parts), source.address, source.about)


def citations(sources: tuple[Source, ...]) -> tuple[Citation, ...]:
    return tuple(cite(source) for source in sources)


def _sentence(text: str) -> str:
    """``text`` ending as a sentence does, unless it already ends with a mark."""
    text = text.strip()
    return text if text[-1:] in ".?!" else text + "."
