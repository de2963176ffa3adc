"""From a routine and the person's choices to a timeline: every segment and cue in place.

Three steps, each in a module of its own: ``segments`` lays the steps out in time,
``cues`` places the words on them (with ``announcements`` saying what each step's
opening words are), and the result is one immutable ``Timeline``.
"""

from __future__ import annotations

from player.language import LANGUAGES, speaking
from player.playback.cues import CueWriter
from player.playback.segments import SegmentBuilder
from player.playback.timeline import Choices, Timeline, check_choices
from player.routine.model import Routine


def compile_timeline(
    routine: Routine, choices: Choices | None = None, paced_by: Routine | None = None
) -> Timeline:
    """The whole session as a timeline. Raises ChoiceError for a choice out of range.

    ``paced_by`` is the routine as written when ``routine`` is its words in another
    language: the times that come from words (how long an instruction takes to read, the
    time to get into position while a step is announced) are then those of the words as
    written, in the language they are written in, so that a session lasts as long in
    every language."""
    choices = choices or Choices()
    check_choices(routine, choices)
    builder = _laid_out(routine, choices, _pace_of(paced_by, choices))
    writer = CueWriter(
        routine, builder.segments, builder.pending, choices.words_per_minute, choices.opening
    )
    cues = writer.cues()
    return Timeline(
        title=routine.title,
        segments=tuple(builder.segments),
        steps=tuple(p.span for p in builder.pending),
        cues=tuple(cues),
        total_ms=builder.now,
        reps_chosen=choices.reps,
    )


def _laid_out(routine: Routine, choices: Choices, paced: list[int] | None) -> SegmentBuilder:
    builder = SegmentBuilder(routine, choices, paced)
    builder.lead_in()
    builder.steps(routine.steps, (routine.cues,), (0, 0, None))
    if paced is not None and len(paced) != len(builder.segments):
        return _laid_out(routine, choices, None)  # not the same steps: its own times
    return builder


def _pace_of(written: Routine | None, choices: Choices) -> list[int] | None:
    """The planned length of every segment of the routine as written, in its language."""
    if written is None:
        return None
    with speaking(written.language if written.language in LANGUAGES else "en"):
        builder = _laid_out(written, choices, None)
    return [segment.planned_ms for segment in builder.segments]
