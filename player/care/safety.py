"""What keeps a session safe: the warning signs, the disclaimer, and what a pregnancy week
changes. Pure: the week is an argument; nothing here reads a file or the clock.

Lying flat on the back for long is not advised later in pregnancy: the weight of the bump
presses on the large vein that brings blood back to the heart, which can make a person
feel faint (NHS, "Exercise in pregnancy", from 16 weeks; ACOG, "Exercise During
Pregnancy", after the first trimester). The player is cautious and takes the start of the
second trimester, week 14: from then on, a step done lying on the back is played as its
side-lying alternative where the routine gives one, and is marked where it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from player.care.questions import Choice, Question
from player.playback.timeline import Timeline
from player.routine.model import LYING_ON_BACK, Routine
from player.routine.values import TRIMESTER_WEEKS, WeekRange

WARNING_SIGNS: tuple[str, ...] = (
    "Bleeding from the vagina",
    "Fluid leaking from the vagina",
    "Regular, painful contractions",
    "Feeling dizzy or faint",
    "Chest pain",
    "A headache",
    "Pain or swelling in a calf",
    "Feeling out of breath before any effort",
    "The baby moving less than usual, once you feel the movements",
    "Back pain with a fever",
    "Back pain with pain when passing urine, or passing urine much more often than usual",
    "Back pain with nausea or vomiting beyond your usual morning sickness",
    "Back pain with unusual discharge or pain in your belly",
)
"""Stop exercising and contact a doctor or midwife at once. The first nine are ACOG's
("Exercise During Pregnancy"); the back pain signs come from the two articles on back
pain in pregnancy that the routines cite as their sources (000_64a92f0a7ca4b48a.txt,
"5. Urinary infection, kidney stones, disc herniation"; 002_c83d1611f5999980.txt,
"Find out the causes of back pain in pregnant women in the first 3 months")."""

SIGNS_INTRO = "Stop and contact your doctor or midwife at once if you have any of these:"

DISCLAIMER = (
    "This player guides you through exercises and massage. It does not diagnose anything "
    "and does not replace your doctor or midwife: ask them which exercises suit you."
)

EMERGENCY = "If it feels like an emergency, call your local emergency number."

CALL_NOW = f"contact your doctor or midwife now. {EMERGENCY}"

REFUSAL = (
    "You said one of the warning signs applies to you today, so the session will not start. "
    f"Please contact your doctor or midwife now. {EMERGENCY}"
)

SECOND_TRIMESTER_WEEK = TRIMESTER_WEEKS[2][0]


def avoid_lying_on_back(week: int | None) -> bool:
    """From the second trimester on, steps on the back give way to their alternatives."""
    return week is not None and week >= SECOND_TRIMESTER_WEEK


def needs_daily_check(last_checked: date | None, today: date) -> bool:
    """The warning signs are checked before the first session of each day."""
    return last_checked != today


# -- questions ----------------------------------------------------------------------------

NONE_APPLIES = "none"
ONE_APPLIES = "one"
PLAY = "play"
DO_NOT_PLAY = "stop"


def daily_check_question() -> Question:
    """Asked before the first session of each day. "Yes" stops the session."""
    return Question(
        title="Does any of these apply to you today?",
        lines=(*WARNING_SIGNS, f"If one does, do not exercise: {CALL_NOW}", DISCLAIMER),
        choices=(
            Choice("y", "Yes, one of these applies", ONE_APPLIES),
            Choice("n", "No, none of these applies", NONE_APPLIES),
        ),
        cancel=DO_NOT_PLAY,
    )


# -- the pregnancy week -------------------------------------------------------------------


@dataclass(frozen=True)
class StepNote:
    """Something to know about one played step at this week."""

    step: int
    """The step's index in the timeline."""
    name: str
    text: str
    attention: bool
    """True when the person should decide before playing: outside its weeks, or lying on
    the back in the second trimester or later with no alternative to play instead."""


@dataclass(frozen=True)
class WeekCheck:
    week: int | None
    routine_note: str | None
    """Why the routine as a whole does not suit this week, when it does not."""
    step_notes: tuple[StepNote, ...]

    @property
    def needs_asking(self) -> bool:
        return self.routine_note is not None or any(n.attention for n in self.step_notes)

    def distinct_notes(self) -> list[StepNote]:
        """Each note once, though its step is played once per set."""
        seen: set[tuple[str, str]] = set()
        distinct = []
        for note in self.step_notes:
            if (note.name, note.text) not in seen:
                seen.add((note.name, note.text))
                distinct.append(note)
        return distinct


def _outside(weeks: WeekRange, week: int) -> str:
    return f"suits {weeks.describe()}; you are in week {week}"


def check_week(routine: Routine, timeline: Timeline, week: int | None) -> WeekCheck:
    """What the week means for this routine and each of its played steps.

    Compile the timeline with ``avoid_lying_on_back(week)`` so that replaced steps show as
    replaced."""
    suits = routine.suits.week_range if routine.suits else None
    routine_note = (
        _outside(suits, week) if suits and week is not None and not suits.contains(week) else None
    )
    notes: list[StepNote] = []
    late = avoid_lying_on_back(week)
    for span in timeline.steps:
        if span.replaces is not None:
            notes.append(
                StepNote(
                    span.index,
                    span.name,
                    f"on your side, in place of '{span.replaces}' (lying on the back)",
                    attention=False,
                )
            )
        if span.position == LYING_ON_BACK:
            if late:
                text = "lying on the back: not advised from week 14; keep it short or skip it"
            elif week is None:
                text = "lying on the back: from week 14, do it on your side"
            else:
                text = "lying on the back: fine until week 13, then on your side"
            notes.append(StepNote(span.index, span.name, text, attention=late))
        if span.weeks is not None and week is not None and not span.weeks.contains(week):
            notes.append(StepNote(span.index, span.name, _outside(span.weeks, week), True))
    return WeekCheck(week, routine_note, tuple(notes))


def week_question(title: str, check: WeekCheck) -> Question:
    """Play a routine, or a routine with steps, outside what suits this week?"""
    lines: list[str] = []
    if check.routine_note:
        lines.append(f"This routine {check.routine_note}.")
    steps_by_note: dict[str, list[str]] = {}
    for note in check.distinct_notes():
        if note.attention:
            steps_by_note.setdefault(note.text, []).append(note.name)
    for text, names in steps_by_note.items():  # one line for all the steps a note is about
        lines.append(f"{', '.join(names)}: {text}.")
    lines.append("Ask your doctor or midwife if you are not sure it suits you.")
    return Question(
        title=f"{title}: play it anyway?",
        lines=tuple(lines),
        choices=(Choice("y", "Play it", PLAY), Choice("n", "Don't play it", DO_NOT_PLAY)),
        cancel=DO_NOT_PLAY,
    )


START = "start"
NOT_NOW = "not now"


def start_question(
    routine: Routine, length: str, stop_keys: str, start_keys: str = "S or Enter"
) -> Question:
    """The routine's first screen: how long it is, its safety notes, and how to stop,
    answered by Start (or any key that goes on: ``start_keys`` says which). Esc does not
    answer it: only closing the window does not start."""
    notes = tuple(note for note in routine.safety if not says_stop_if_it_hurts(note))
    return Question(
        title=f"{routine.title} · {length}",
        lines=(
            *notes,
            f"Stop at once if anything hurts: {stop_keys} pauses at once and asks to stop."
            if stop_keys
            else "Stop at once if anything hurts: click Stop.",
            f"Start when you are ready: {start_keys}.",
        ),
        choices=(Choice("s", "Start", START),),
        cancel=NOT_NOW,
        on_go=START,
        esc_cancels=False,
    )


def says_stop_if_it_hurts(note: str) -> bool:
    """A routine's own "Stop if it hurts.", which the screen's line on stopping says too."""
    words = "".join(c for c in note.lower() if c.isalpha() or c == " ").split()
    return words in (["stop", "if", "it", "hurts"], ["stop", "if", "anything", "hurts"])


def list_mark(routine: Routine, week: int | None) -> str:
    """The mark beside a routine in ``list``: empty when it suits the week (or none is set)."""
    suits = routine.suits.week_range if routine.suits else None
    if suits is None or week is None or suits.contains(week):
        return ""
    return f"not for week {week}"
