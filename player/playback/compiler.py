"""From a routine and the person's choices to a timeline: every segment and cue in place.

Three steps, each in a module of its own: ``segments`` lays the steps out in time,
``cues`` places the words on them (with ``announcements`` saying what each step's
opening words are), and the result is one immutable ``Timeline``.
"""

from __future__ import annotations

from player.playback.cues import CueWriter
from player.playback.segments import SegmentBuilder
from player.playback.timeline import Choices, Timeline, check_choices
from player.routine.model import Routine


def compile_timeline(routine: Routine, choices: Choices | None = None) -> Timeline:
    """The whole session as a timeline. Raises ChoiceError for a choice out of range."""
    choices = choices or Choices()
    check_choices(routine, choices)
    builder = SegmentBuilder(routine, choices)
    builder.lead_in()
    builder.steps(routine.steps, (routine.cues,), (0, 0, None))
    writer = CueWriter(routine, builder.segments, builder.pending, choices.words_per_minute)
    cues = writer.cues()
    return Timeline(
        title=routine.title,
        segments=tuple(builder.segments),
        steps=tuple(p.span for p in builder.pending),
        cues=tuple(cues),
        total_ms=builder.now,
        reps_chosen=choices.reps,
    )
