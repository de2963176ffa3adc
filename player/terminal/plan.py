"""The timeline as a table a person can read: ``run.py plan``."""

from __future__ import annotations

import functools

from player.care.safety import WeekCheck
from player.playback.announcements import DEFAULT_RATE, speaking_ms
from player.playback.room import cut_short
from player.playback.timeline import Segment, Timeline, ranged_counts
from player.routine.model import Routine
from player.routine.values import format_duration

_KIND_WORDS = {
    "lead_in": "get ready",
    "prepare": "get into position",
    "rest": "rest",
    "switch": "switch sides",
    "instruction": "listen",
    "wait": "until done",
}


def _detail(timeline: Timeline, segment: Segment) -> str:
    step = timeline.steps[segment.step]
    parts = []
    if step.sets > 1:
        parts.append(f"set {step.set}/{step.sets}")
    if segment.kind == "wait" and step.reps > 1:
        parts.append(f"{step.reps} times")
    if segment.rep:
        parts.append(f"rep {segment.rep}/{segment.reps}")
    if segment.side:
        parts.append(segment.side)
    if segment.phase:
        parts.append(segment.phase)
    if segment.kind in _KIND_WORDS and segment.kind != "lead_in":
        parts.append(_KIND_WORDS[segment.kind])
    return ", ".join(parts)


ATTENTION = "(!)"
NOTE = "(*)"


def _marked_names(check: WeekCheck | None) -> dict[int, str]:
    marks: dict[int, str] = {}
    for note in check.step_notes if check else ():
        if note.attention or marks.get(note.step) != ATTENTION:
            marks[note.step] = ATTENTION if note.attention else NOTE
    return marks


def _week_lines(check: WeekCheck | None) -> list[str]:
    if check is None or (check.week is None and not check.step_notes):
        return []
    lines = ["", f"Your week: {check.week}" if check.week is not None else "Your week: not set"]
    if check.routine_note:
        lines.append(f"  {ATTENTION} This routine {check.routine_note}.")
    for note in check.distinct_notes():
        lines.append(f"  {ATTENTION if note.attention else NOTE} {note.name}: {note.text}")
    if check.needs_asking:
        lines.append(f"  'play' asks before starting a routine with {ATTENTION} marks.")
    return lines


CUT_MARK = "(cut short: too little room)"


def format_plan(
    routine: Routine,
    timeline: Timeline,
    week_check: WeekCheck | None = None,
    words_per_minute: int = DEFAULT_RATE,
) -> str:
    """One row per segment, its cues beneath it, then the totals and what the week changes.
    A cue whose words run into the next one is marked."""
    marks = _marked_names(week_check)
    speaking = functools.partial(speaking_ms, words_per_minute=words_per_minute)
    short = {found.cue.key for found in cut_short(timeline, speaking)}
    cues_by_segment: dict[int, list[str]] = {}
    for cue in timeline.cues:
        offset = format_duration(cue.at_ms)
        line = f"{offset} \u00ab{cue.text}\u00bb" + (f" {CUT_MARK}" if cue.key in short else "")
        cues_by_segment.setdefault(cue.segment, []).append(line)
    rows = [("start", "step", "rep / side / phase", "length")]
    cue_lines: list[list[str]] = [[]]
    for segment in timeline.segments:
        step = timeline.steps[segment.step]
        first = step.first_segment == segment.index
        rows.append(
            (
                format_duration(segment.start_ms),
                (f"{step.name} {marks[step.index]}" if step.index in marks else step.name)
                if first
                else "",
                _detail(timeline, segment),
                "-" if segment.kind == "wait" else format_duration(segment.duration_ms),
            )
        )
        cue_lines.append(cues_by_segment.get(segment.index, []))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [timeline.title, ""]
    for row, cues in zip(rows, cue_lines, strict=True):
        cells = [
            row[0].rjust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].rjust(widths[3]),
        ]
        text = "  ".join(cells)
        if row is rows[0]:
            text += "  cues"
        if cues:
            text += "  " + cues[0]
        lines.append(text.rstrip())
        indent = " " * (sum(widths) + 2 * 4)
        lines.extend(indent + more for more in cues[1:])
    lines.append("")
    waits = timeline.waits
    total = f"Total: {format_duration(timeline.total_ms)}"
    if waits:
        steps = "1 step that waits" if waits == 1 else f"{waits} steps that wait"
        total += f", plus {steps} for you to say done"
    lines.append(total)
    choosable = ranged_counts(routine)
    if choosable:
        shown = timeline.reps_chosen
        for name, count in choosable:
            chosen = shown if shown is not None else count.default
            choice = f"choose {count.low} to {count.high} with --reps"
            lines.append(f"Repetitions of '{name}': {chosen} ({choice})")
    lines.extend(_week_lines(week_check))
    return "\n".join(lines)
