"""A routine's handout: one to three A4 pages to keep by the mat or take to a midwife.

The title, how long the routine takes and who it suits; its safety notes; every step in
the order it is played, with its figure, what to do, and its time or repetitions (a step
done in every set of a block is shown once, under the block's sets); then the warning
signs and what to do, and the sources, numbered, with their addresses. The words are the
player's, in the language in use, and the routine's own; the figures are drawn for paper
by whoever makes the handout (``picture_for``), so that this module draws nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from player.care.safety import EMERGENCY, SIGNS_INTRO, WeekCheck, warning_signs
from player.language import N_, _, ngettext, pgettext
from player.playback.announcements import spoken_duration
from player.playback.outline import OutlineBlock, OutlineStep, outline
from player.playback.timeline import StepSpan, Timeline
from player.printing.document import Document, Passage
from player.routine.model import Routine
from player.routine.sources import Citation, citations

MOST_PAGES = 3
FIGURE_DOTS_PER_INCH = 300
BLOCK_INDENT = 8.0
"""Steps done in sets are set in under their block, in millimetres per block."""


@dataclass(frozen=True)
class Sizes:
    """The sizes a handout is set in: type in points, the figures' width in millimetres."""

    name: float = 13.0
    """A step's number, name and how long it takes."""
    text: float = 12.0
    """What to do: read without glasses at arm's length."""
    sources: float = 10.0
    """The sources, for a midwife or physiotherapist to look up."""
    figure: float = 38.0
    """A step's figure: 3.8 by 1.9 cm, beside its words."""

    @property
    def figure_pixels(self) -> int:
        """How many pixels wide a step's figure is drawn for print."""
        return round(self.figure / 25.4 * FIGURE_DOTS_PER_INCH)


REGULAR = Sizes()
COMPACT = Sizes(name=12.0, text=11.0, sources=9.0, figure=34.0)
"""For a routine whose handout would not fit on three pages in the regular sizes."""

PictureFor = Callable[[StepSpan, int], pygame.Surface | None]
"""A step's figure or picture for paper, so many pixels wide; None when it has none."""

# TRANSLATORS: on a printed handout, after how many times a step is done or how long
_SIDES = {
    ("left", "right"): N_("on each side, left first"),
    ("right", "left"): N_("on each side, right first"),
    ("left",): N_("on the left side"),
    ("right",): N_("on the right side"),
}


def handout_pdf(
    routine: Routine,
    timeline: Timeline,
    week_check: WeekCheck,
    suits: str,
    picture_for: PictureFor,
    language: str,
) -> tuple[bytes, int]:
    """The handout as a PDF file, and its number of pages: in the regular sizes, or in
    the compact ones when the regular would take more than three pages."""
    found = (b"", 0)
    for sizes in (REGULAR, COMPACT):
        made = handout(routine, timeline, week_check, suits, picture_for, language, sizes)
        found = made.pdf_and_pages()
        if found[1] <= MOST_PAGES:
            break
    return found


def handout(
    routine: Routine,
    timeline: Timeline,
    week_check: WeekCheck,
    suits: str,
    picture_for: PictureFor,
    language: str,
    sizes: Sizes = REGULAR,
) -> Document:
    """The handout of ``routine`` as ``timeline`` plays it (its repetitions, and the
    side-lying steps of the person's week), in ``language``; ``suits`` says who it suits."""
    document = Document(routine.title, language)
    document.title(routine.title)
    document.paragraph(_about(timeline, suits), size=sizes.text)
    if routine.summary:
        document.paragraph(routine.summary, size=sizes.text, grey=True)
    if week_check.routine_note:
        # TRANSLATORS: {note} says why the routine does not suit the week, such as
        # "suits weeks 1-13; you are in week 20"
        said = _("This routine {note}.").format(note=week_check.routine_note)
        document.paragraph(said, size=sizes.text)
    if routine.safety:
        # TRANSLATORS: a heading on a printed handout, above the routine's safety notes
        document.heading(_("Before you start"))
        document.bullets(routine.safety, size=sizes.text)
    # TRANSLATORS: a heading on a printed handout, above every step of the routine
    document.heading(_("The steps"))
    _steps(document, routine, timeline, week_check, picture_for, sizes)
    document.two_columns(
        warning_signs(),
        size=sizes.text,
        # TRANSLATORS: a heading on a printed handout, above the warning signs
        heading=_("When to stop"),
        above=_(SIGNS_INTRO),
        below=_(EMERGENCY),
    )
    if routine.sources:
        # TRANSLATORS: a heading on a printed handout, above the documents the routine
        # is based on
        document.heading(pgettext("handout heading", "Sources"))
        cited = [_source(citation) for citation in citations(routine.sources)]
        document.numbered(cited, size=sizes.sources)
    return document


def _about(timeline: Timeline, suits: str) -> str:
    length = spoken_duration(timeline.total_ms)
    if timeline.waits:
        # TRANSLATORS: a routine's length, when some steps wait for the person
        length = _("{length} + your pace").format(length=length)
    # TRANSLATORS: under a printed routine's title: how long it takes, and who it suits
    # (such as "trimesters 1-3")
    return _("Length: {length}. Suits: {suits}.").format(length=length, suits=suits)


def _steps(
    document: Document,
    routine: Routine,
    timeline: Timeline,
    week_check: WeekCheck,
    picture_for: PictureFor,
    sizes: Sizes,
) -> None:
    notes: dict[int, list[str]] = {}
    for note in week_check.step_notes:
        mark = "(!) " if note.attention else ""
        notes.setdefault(note.step, []).append(mark + note.text)
    number = 0
    opened: list[tuple[int, float, Sequence[Passage]]] = []
    """The blocks the step being set is in: their depth, indent and what says they go on."""
    for item in outline(routine, timeline):
        indent = BLOCK_INDENT * item.depth
        if any(depth >= item.depth for depth, _indent, _words in opened):
            opened = [each for each in opened if each[0] < item.depth]
            document.carry([(at, words) for _depth, at, words in opened])
        if isinstance(item, OutlineBlock):
            words = _block_words(item, sizes)
            document.beside(None, 0, words, indent=indent, keep_with_next=True)
            # TRANSLATORS: at the top of a printed handout's page, the name of the steps
            # done in sets that go on from the page before: "Massage sequence (continued)"
            going_on = _("{name} (continued)").format(name=item.name)
            opened.append((item.depth, indent, (Passage(going_on, sizes.name), words[1])))
            document.carry([(at, words) for _depth, at, words in opened])
            continue
        number += 1
        picture = picture_for(item.span, sizes.figure_pixels)
        # TRANSLATORS: a step's number, name and how long it takes on a printed handout:
        # "3. Pelvic tilts: 8 times: Tilt 4 seconds, Flat back 3 seconds"
        named = _("{number}. {name}: {how}").format(
            number=number, name=item.span.name, how=_how_long(item)
        )
        words = [
            Passage(named, sizes.name),
            *([Passage(item.span.do, sizes.text)] if item.span.do else []),
            *(Passage(note, sizes.text, grey=True) for note in notes.get(item.span.index, [])),
        ]
        document.beside(picture, sizes.figure, words, indent=indent)
    if opened:
        document.carry([])


def _block_words(block: OutlineBlock, sizes: Sizes) -> Sequence[Passage]:
    sets = ngettext("{count} set", "{count} sets", block.sets).format(count=block.sets)
    if block.rest_ms and block.sets > 1:
        # TRANSLATORS: on a printed handout, under the name of steps done in sets:
        # "8 sets, with a rest of 10 seconds between sets. In each set:"
        said = _("{sets}, with a rest of {length} between sets. In each set:").format(
            sets=sets, length=spoken_duration(block.rest_ms)
        )
    else:
        # TRANSLATORS: on a printed handout, under the name of steps done in sets
        said = _("{sets}. In each set:").format(sets=sets)
    return (Passage(block.name, sizes.name), Passage(said, sizes.text))


def _how_long(step: OutlineStep) -> str:
    """``8 times: Tilt 4 seconds, Flat back 3 seconds``, ``30 seconds on each side``."""
    span = step.span
    times = ngettext("{count} time", "{count} times", span.reps).format(count=span.reps)
    if step.phases:
        # TRANSLATORS: a phase of a repetition and its length on a printed handout:
        # "Squeeze 5 seconds"
        phase = _("{phase} {length}")
        phases = _(", ").join(
            phase.format(phase=name, length=spoken_duration(ms)) for name, ms in step.phases
        )
        # TRANSLATORS: how a step is done on a printed handout: "8 times: Tilt 4 seconds,
        # Flat back 3 seconds"
        said = _("{times}: {phases}").format(times=times, phases=phases)
    elif step.each_ms is None:
        if span.reps > 1:
            # TRANSLATORS: on a printed handout, for a step with no clock: "10 times, at
            # your own pace"
            said = _("{times}, at your own pace").format(times=times)
        else:
            # TRANSLATORS: on a printed handout, for a step with no clock
            said = _("At your own pace, until you are done")
    elif span.reps > 1:
        # TRANSLATORS: on a printed handout: "5 times, 6 seconds each"
        said = _("{times}, {length} each").format(times=times, length=spoken_duration(step.each_ms))
    else:
        said = spoken_duration(step.each_ms)
    sides = _SIDES.get(span.sides)
    if sides:
        # TRANSLATORS: how long a step takes, then on which sides: "30 seconds, on each
        # side, left first"
        said = _("{length}, {sides}").format(length=said, sides=_(sides))
    return said


def _source(citation: Citation) -> str:
    """The reference, its address on a line of its own, and what the routine takes."""
    lines = [citation.reference]
    if citation.address:
        lines.append(citation.address)
    if citation.about:
        # TRANSLATORS: {about} says what a routine takes from one of its sources
        lines.append(_("Followed for: {about}").format(about=citation.about))
    return "\n".join(lines)
