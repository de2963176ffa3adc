"""The timeline as a table a person can read: ``run.py plan``."""

from __future__ import annotations

import functools

from player.care.safety import WeekCheck
from player.language import N_, _, ngettext, pgettext
from player.playback.announcements import DEFAULT_RATE, speaking_ms
from player.playback.room import cut_short
from player.playback.timeline import Segment, Timeline, ranged_counts
from player.routine.model import Routine
from player.routine.sources import citations
from player.routine.values import format_duration
from player.terminal.text_fit import cells, wrap_as_typed

# TRANSLATORS: what a part of a step is, in the table 'plan' prints
_KIND_WORDS = {
    "lead_in": N_("get ready"),
    "prepare": N_("get into position"),
    "rest": N_("rest"),
    "switch": N_("switch sides"),
    "instruction": N_("listen"),
    "wait": N_("until done"),
}
# TRANSLATORS: the side of the body, in the table 'plan' prints
_SIDE_WORDS = {"left": N_("left"), "right": N_("right")}


def _detail(timeline: Timeline, segment: Segment) -> str:
    step = timeline.steps[segment.step]
    parts = []
    if step.sets > 1:
        # TRANSLATORS: the set of a step, such as "set 2/3", in the table 'plan' prints
        parts.append(_("set {number}/{sets}").format(number=step.set, sets=step.sets))
    if segment.kind == "wait" and step.reps > 1:
        parts.append(ngettext("{count} time", "{count} times", step.reps).format(count=step.reps))
    if segment.rep:
        # TRANSLATORS: the repetition, such as "rep 3/8", in the table 'plan' prints
        parts.append(_("rep {rep}/{reps}").format(rep=segment.rep, reps=segment.reps))
    if segment.side:
        side = _SIDE_WORDS.get(segment.side)
        parts.append(_(side) if side else segment.side)
    if segment.phase:
        parts.append(segment.phase)
    if segment.kind in _KIND_WORDS and segment.kind != "lead_in":
        parts.append(_(_KIND_WORDS[segment.kind]))
    # TRANSLATORS: between the parts of one row of the table 'plan' prints
    return _(", ").join(parts)


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
    week = (
        _("Your week: {week}").format(week=check.week)
        if check.week is not None
        else _("Your week: not set")
    )
    lines = ["", week]
    if check.routine_note:
        # TRANSLATORS: {note} says why the routine does not suit the week, such as
        # "suits weeks 1-13; you are in week 20"
        said = _("This routine {note}.").format(note=check.routine_note)
        lines.append(f"  {ATTENTION} {said}")
    for note in check.distinct_notes():
        lines.append(f"  {ATTENTION if note.attention else NOTE} {note.name}: {note.text}")
    if check.needs_asking:
        said = _("'play' asks before starting a routine with {mark} marks.").format(mark=ATTENTION)
        lines.append(f"  {said}")
    return lines


CUT_MARK = N_("(cut short: too little room)")
"""Beside a cue whose words run into the next one (``_()`` it where shown)."""


def _ljust(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a wide character takes two)."""
    return text + " " * (width - cells(text))


def _rjust(text: str, width: int) -> str:
    return " " * (width - cells(text)) + text


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
        line = f"{offset} \u00ab{cue.text}\u00bb" + (f" {_(CUT_MARK)}" if cue.key in short else "")
        cues_by_segment.setdefault(cue.segment, []).append(line)
    rows = [
        (
            pgettext("plan heading", "start"),
            pgettext("plan heading", "step"),
            pgettext("plan heading", "rep / side / phase"),
            pgettext("plan heading", "length"),
        )
    ]
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
    widths = [max(cells(row[i]) for row in rows) for i in range(4)]
    lines = [timeline.title, ""]
    for row, cues in zip(rows, cue_lines, strict=True):
        columns = [
            _rjust(row[0], widths[0]),
            _ljust(row[1], widths[1]),
            _ljust(row[2], widths[2]),
            _rjust(row[3], widths[3]),
        ]
        text = "  ".join(columns)
        if row is rows[0]:
            text += "  " + pgettext("plan heading", "cues")
        if cues:
            text += "  " + cues[0]
        lines.append(text.rstrip())
        indent = " " * (sum(widths) + 2 * 4)
        lines.extend(indent + more for more in cues[1:])
    lines.append("")
    waits = timeline.waits
    length = format_duration(timeline.total_ms)
    if waits:
        total = ngettext(
            "Total: {length}, plus {count} step that waits for you to say done",
            "Total: {length}, plus {count} steps that wait for you to say done",
            waits,
        ).format(length=length, count=waits)
    else:
        total = _("Total: {length}").format(length=length)
    lines.append(total)
    choosable = ranged_counts(routine)
    if choosable:
        shown = timeline.reps_chosen
        for name, count in choosable:
            chosen = shown if shown is not None else count.default
            lines.append(
                _("Repetitions of '{name}': {chosen} (choose {low} to {high} with --reps)").format(
                    name=name, chosen=chosen, low=count.low, high=count.high
                )
            )
    lines.extend(_week_lines(week_check))
    lines.extend(source_lines(routine))
    return "\n".join(lines)


SOURCE_WIDTH = 78
"""Sources are prose: wrapped to fit an 80-column terminal, whatever the table's width."""


def source_lines(routine: Routine, width: int = SOURCE_WIDTH) -> list[str]:
    """The routine's sources, numbered, each with its address and what it is followed for."""
    if not routine.sources:
        return []
    # TRANSLATORS: the heading above the documents a routine is based on
    lines = ["", _("Sources:")]
    for number, citation in enumerate(citations(routine.sources), start=1):
        first = f"{number:>3}. "
        indent = " " * len(first)
        lines.extend(wrap_as_typed(citation.reference, width, indent, first))
        if citation.address:
            lines.append(indent + citation.address)  # never broken: it is copied whole
        if citation.about:
            # TRANSLATORS: {about} says what a routine takes from one of its sources
            about = _("Followed for: {about}").format(about=citation.about)
            lines.extend(wrap_as_typed(about, width, indent, indent))
    return lines
