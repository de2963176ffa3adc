"""The cues of a timeline: the words said at each moment, and when.

``CueWriter`` takes the steps as ``segments`` laid them out and places every cue: the
get-ready, each step's announcement and "Next up", "Set 2 of 3", sides, halfway, rep
counts, phase words, the last seconds counted down, and a routine's own words. Words due
at the same moment in a step are said as one sentence; a countdown number that would cut
off words still being said is left out.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from player.language import N_, _, pgettext
from player.playback.announcements import (
    DEFAULT_RATE,
    announcement,
    fill,
    join_words,
    next_up,
    set_words,
    speaking_ms,
    spoken_duration,
)
from player.playback.room import make_room
from player.playback.segments import PendingStep, first_of_set
from player.playback.timeline import (
    MAX_CUES,
    PRIORITY,
    Cue,
    CueKind,
    Segment,
    SessionTooLong,
    StepSpan,
)
from player.routine.model import CustomCue, Exercise, Phase, Routine

HALFWAY_FROM_MS = 20_000
"""A step (or a side) at least this long is told when half of it is done."""
NEXT_UP_FROM_MS = 20_000
"""A step at least this long says what comes next, ``NEXT_UP_BEFORE_END_MS`` before its end."""
NEXT_UP_BEFORE_END_MS = 10_000

CueAdder = Callable[[int, str, CueKind], None]

# The words said of a side, one whole message for each side ("left" and "right", the only
# sides a routine may name), looked up with _() when the cues are written.
START_WITH_SIDE = {
    # TRANSLATORS: spoken by the voice as a step on both sides starts; keep it short
    "left": N_("Start with the left side"),
    # TRANSLATORS: spoken by the voice as a step on both sides starts; keep it short
    "right": N_("Start with the right side"),
}
SWITCH_TO_SIDE = {
    # TRANSLATORS: spoken by the voice a few seconds before the second side; keep it short
    "left": N_("Switch to your left side"),
    # TRANSLATORS: spoken by the voice a few seconds before the second side; keep it short
    "right": N_("Switch to your right side"),
}
SIDE_NOW = {
    # TRANSLATORS: spoken by the voice as the second side begins; keep it short
    "left": N_("Left side"),
    # TRANSLATORS: spoken by the voice as the second side begins; keep it short
    "right": N_("Right side"),
}


@dataclass
class RawCue:
    """A cue before it is merged with others due at the same moment."""

    at_ms: int
    text: str
    kind: CueKind
    step: int


class CueWriter:
    """Places the cues of steps already laid out in segments."""

    def __init__(
        self,
        routine: Routine,
        segments: Sequence[Segment],
        pending: Sequence[PendingStep],
        words_per_minute: int = DEFAULT_RATE,
        opening: str = "",
    ) -> None:
        self.routine = routine
        self.segments = segments
        self.pending = pending
        self.words_per_minute = words_per_minute
        self.opening = opening
        """Said before the routine's title, in the get-ready (see ``Choices.opening``)."""

    def speaking_ms(self, text: str) -> int:
        """How long the voice may take to say ``text`` at this session's rate."""
        return speaking_ms(text, self.words_per_minute)

    def cues(self) -> list[Cue]:
        raw: list[RawCue] = []
        spans = [p.span for p in self.pending]
        for position, pending in enumerate(self.pending):
            following = next(
                (s for s in spans[position + 1 :] if s.kind not in ("rest", "set_rest")), None
            )
            raw.extend(self.cues_for(pending, following, spans[position + 1 :]))
            _within_bounds(raw)
        return self.merged(raw)

    def cues_for(
        self, pending: PendingStep, following: StepSpan | None, later: Sequence[StepSpan]
    ) -> list[RawCue]:
        placed = make_room(
            self.cues_in_step(pending, following, later), pending.span, self.speaking_ms
        )
        return clear_countdowns(placed, self.speaking_ms)

    def cues_in_step(
        self, pending: PendingStep, following: StepSpan | None, later: Sequence[StepSpan]
    ) -> list[RawCue]:
        span, on = pending.span, pending.switches
        out: list[RawCue] = []

        def cue(at_ms: int, text: str, kind: CueKind) -> None:
            if text.strip():
                out.append(RawCue(at_ms, text, kind, span.index))
                _within_bounds(out)

        next_name = following.name if following else None
        if span.kind == "lead_in":
            first = following.name if following else ""
            # TRANSLATORS: spoken by the voice before the first step, after the routine's
            # title; {name} is the first step's name
            get_ready = _("Get ready. First: {name}").format(name=first)
            said = join_words([self.opening, self.routine.title, get_ready])
            cue(span.start_ms, said, "get_ready")
            self.countdown(cue, on, span.start_ms, span.end_ms)
            return out
        if span.kind == "set_rest":
            upcoming = next(iter(later), None)
            # TRANSLATORS: spoken by the voice as the rest between two sets begins, such as
            # "Rest for 30 seconds"; keep it short
            words = [_("Rest for {duration}").format(duration=spoken_duration(span.duration_ms))]
            if on["next_up"] and upcoming is not None:
                # TRANSLATORS: spoken by the voice in the rest between sets: the set that
                # comes next and its first step's name
                coming = _("Next: set {set} of {sets}, {name}")
                words.append(coming.format(set=span.set + 1, sets=span.sets, name=upcoming.name))
            if on["announce"]:
                cue(span.start_ms, join_words(words), "announce")
            self.countdown(cue, on, span.start_ms, span.end_ms)
            return out

        values: dict[str, object] = {
            "step": span.name,
            "next": next_name or "",
            "set": span.set or "",
            "sets": span.sets or "",
            "reps": span.reps or "",
            "rep": "",
            "side": "",
        }
        if span.sets > 1 and first_of_set(self.pending, span):
            cue(span.start_ms, set_words(span), "announce")
        if on["announce"]:
            cue(
                span.start_ms,
                announcement(pending.span, next_name if on["next_up"] else None),
                "announce",
            )
        source = pending.source
        if isinstance(source, Exercise):
            self.exercise_cues(pending, cue, values)
        if span.kind == "rest":
            self.countdown(cue, on, span.start_ms, span.end_ms)
        if (
            on["next_up"]
            and next_name
            and span.kind == "exercise"
            and not span.waits_for_done
            and span.duration_ms >= NEXT_UP_FROM_MS
        ):
            cue(span.end_ms - NEXT_UP_BEFORE_END_MS, next_up(next_name), "next_up")
        own: tuple[CustomCue, ...] = getattr(source, "say", ())
        for custom in own:
            starts = pending.rep_starts if custom.each == "rep" else pending.side_starts
            for number, (side, start, _end) in enumerate(starts, start=1):
                rep = ((number - 1) % max(span.reps, 1)) + 1 if custom.each == "rep" else ""
                filled = fill(custom.say, {**values, "rep": rep, "side": side or ""})
                cue(start + custom.at, filled, "custom")
        return out

    def exercise_cues(self, pending: PendingStep, cue: CueAdder, values: dict[str, object]) -> None:
        span, on = pending.span, pending.switches
        source = pending.source
        assert isinstance(source, Exercise)
        prepared = any(
            s.kind == "prepare" for s in self.segments[span.first_segment : span.first_segment + 1]
        )
        if prepared and not source.phases and pending.side_starts:
            side, start, _end = pending.side_starts[0]
            # TRANSLATORS: spoken by the voice as a step starts: begin now; keep it short
            starting = _(START_WITH_SIDE[side]) if side else pgettext("spoken", "Start")
            cue(start, starting, "announce")
        for number, (side, start, end) in enumerate(pending.side_starts):
            if number > 0 and on["switch_sides"] and side:
                switch_start = start - source.switch
                cue(switch_start, _(SWITCH_TO_SIDE[side]), "switch_sides")
                cue(start, _(SIDE_NOW[side]), "switch_sides")
            if span.waits_for_done:
                continue
            if (
                on["halfway"]
                and span.reps <= 1
                and not source.phases
                and end - start >= HALFWAY_FROM_MS
            ):
                # TRANSLATORS: spoken by the voice when half of a step is done
                cue(start + (end - start) // 2000 * 1000, _("Halfway"), "halfway")
            # Counted down over the last segment only, so it never talks over reps or phases.
            last = next(s for s in reversed(pending.work) if s.end_ms == end)
            self.countdown(cue, on, last.start_ms, end)
        rep_starts = {start for _side, start, _end in pending.rep_starts}
        for segment in pending.work:
            if segment.start_ms in rep_starts and segment.rep > 1 and on["rep_count"]:
                # TRANSLATORS: spoken by the voice as a repetition starts, such as "2 of 8"
                count = _("{rep} of {reps}").format(rep=segment.rep, reps=segment.reps)
                cue(segment.start_ms, count, "rep_count")
            if segment.phase is not None and on["phases"]:
                phase = self.phase_named(source.phases, segment.phase)
                if phase is not None and phase.say:
                    filled = {**values, "rep": segment.rep or 1, "side": segment.side or ""}
                    cue(segment.start_ms, fill(phase.say, filled), "phase")
                else:  # a name is said as it is written, braces and all
                    cue(segment.start_ms, segment.phase, "phase")

    @staticmethod
    def phase_named(phases: tuple[Phase, ...] | None, name: str) -> Phase | None:
        return next((p for p in phases or () if p.name == name), None)

    @staticmethod
    def countdown(cue: CueAdder, on: dict[str, int], start: int, end: int) -> None:
        seconds = on["countdown"]
        if seconds <= 0 or end - start < (seconds + 3) * 1000:
            return
        for remaining in range(seconds, 0, -1):
            cue(end - remaining * 1000, str(remaining), "countdown")

    def merged(self, raw: list[RawCue]) -> list[Cue]:
        """One cue per moment of a step: words due together are said as one sentence."""
        spans = [p.span for p in self.pending]
        starts = [segment.start_ms for segment in self.segments]
        groups: dict[tuple[int, int, int], list[RawCue]] = {}
        for item in raw:
            segment = self.segment_in(spans[item.step], item.at_ms, item.kind, starts)
            groups.setdefault((item.at_ms, item.step, segment), []).append(item)
        cues: list[Cue] = []
        for (at_ms, step, segment), items in groups.items():
            top = items[0] if len(items) == 1 else max(items, key=lambda c: PRIORITY[c.kind])
            kinds = top.kind if len(items) == 1 else "+".join(sorted({c.kind for c in items}))
            cues.append(
                Cue(
                    key=f"{segment}@{at_ms - starts[segment]}:{kinds}",
                    at_ms=at_ms,
                    text=join_words([c.text for c in items]),
                    kind=top.kind,
                    priority=PRIORITY[top.kind],
                    step=step,
                    segment=segment,
                )
            )
        cues.sort(key=lambda c: (c.at_ms, c.segment))  # Cue.order
        return cues

    def segment_in(self, span: StepSpan, at_ms: int, kind: CueKind, starts: Sequence[int]) -> int:
        """The segment a cue belongs to. A waiting segment keeps the cues due at its start,
        but not the call to switch sides, which comes once the person has said done.

        A step's segments follow one another, and only a waiting one lasts no time: the
        one under way at ``at_ms`` is the last to start before it, unless one starts just
        then. ``starts`` are the start times of all the segments, in order."""
        after = span.last_segment + 1
        index = bisect.bisect_left(starts, at_ms, span.first_segment, after)
        if index > span.first_segment:
            segment = self.segments[index - 1]
            if segment.kind != "wait" and at_ms < segment.end_ms:
                return index - 1
        while index < after and starts[index] == at_ms:
            segment = self.segments[index]
            if segment.kind == "wait":
                if kind != "switch_sides":
                    return index
            elif at_ms < segment.end_ms:
                return index
            index += 1
        return span.last_segment


def clear_countdowns(cues: list[RawCue], speaking_ms: Callable[[str], int]) -> list[RawCue]:
    """Leave out countdown numbers that would cut off words still being said before them."""
    kept: list[RawCue] = []
    said_until = 0
    for item in sorted(cues, key=lambda c: c.at_ms):
        if item.kind == "countdown":
            if item.at_ms >= said_until:
                kept.append(item)
            continue
        kept.append(item)
        said_until = max(said_until, item.at_ms + speaking_ms(item.text))
    return kept


def _within_bounds(cues: list[RawCue]) -> None:
    if len(cues) > MAX_CUES:
        raise SessionTooLong(
            f"the session would have more than {MAX_CUES} cues, the most a session may have"
        )
