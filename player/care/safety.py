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
from player.language import N_, _, pgettext
from player.playback.timeline import Timeline
from player.routine.model import LYING_ON_BACK, Routine
from player.routine.sources import citations
from player.routine.values import TRIMESTER_WEEKS, WeekRange

# The words below are in English, marked for the catalog: show them with _(), in the
# language in use (``warning_signs()`` gives the list so).
WARNING_SIGNS: tuple[str, ...] = (
    # TRANSLATORS: a warning sign in pregnancy, one item of a list
    N_("Bleeding from the vagina"),
    N_("Fluid leaking from the vagina"),
    N_("Regular, painful contractions"),
    N_("Feeling dizzy or faint"),
    N_("Chest pain"),
    N_("A headache"),
    N_("Pain or swelling in a calf"),
    N_("Feeling out of breath before any effort"),
    N_("The baby moving less than usual, once you feel the movements"),
    N_("Back pain with a fever"),
    N_("Back pain with pain when passing urine, or passing urine much more often than usual"),
    N_("Back pain with nausea or vomiting beyond your usual morning sickness"),
    N_("Back pain with unusual discharge or pain in your belly"),
)
"""Stop exercising and contact a doctor or midwife at once. The first nine are ACOG's
("Exercise During Pregnancy"); the back pain signs come from the two articles on back
pain in pregnancy that the routines cite as their sources ("Back pain in pregnancy causes
and treatment", section "5. Urinary infection, kidney stones, disc herniation"; Wilimedia,
"Back Pain in the First 3 Months of Pregnancy", section "Find out the causes of back pain
in pregnant women in the first 3 months")."""

SIGNS_INTRO = N_("Stop and contact your doctor or midwife at once if you have any of these:")

DISCLAIMER = N_(
    "This player guides you through exercises and massage. It does not diagnose anything "
    "and does not replace your doctor or midwife: ask them which exercises suit you."
)

EMERGENCY = N_("If it feels like an emergency, call your local emergency number.")

IF_ONE_APPLIES = N_(
    "If one does, do not exercise: contact your doctor or midwife now. "
    "If it feels like an emergency, call your local emergency number."
)
"""Under the warning signs of the daily check."""

REFUSAL = N_(
    "You said one of the warning signs applies to you today, so the session will not start. "
    "Please contact your doctor or midwife now. "
    "If it feels like an emergency, call your local emergency number."
)


def warning_signs() -> tuple[str, ...]:
    """The warning signs, in the language in use."""
    return tuple(_(sign) for sign in WARNING_SIGNS)


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
        title=_("Does any of these apply to you today?"),
        lines=(*warning_signs(), _(IF_ONE_APPLIES), _(DISCLAIMER)),
        choices=(
            # TRANSLATORS: an answer to the daily check, on a button picked with the key Y
            Choice("y", _("Yes, one of these applies"), ONE_APPLIES),
            # TRANSLATORS: an answer to the daily check, on a button picked with the key N
            Choice("n", _("No, none of these applies"), NONE_APPLIES),
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
    """Why a routine or step does not suit ``week``, said of the weeks as the routine wrote
    them: in trimesters (``weeks.label``) or in weeks."""
    if not weeks.label:
        # TRANSLATORS: a note after "This routine" or a step's name and a colon, such as
        # "Cat-cow: suits weeks 10-20; you are in week 30"
        note = _("suits weeks {first}-{last}; you are in week {week}")
        return note.format(first=weeks.first, last=weeks.last, week=week)
    first = _trimester_of(weeks.first)
    last = _trimester_of(weeks.last)
    if first == last:
        # TRANSLATORS: a note after "This routine" or a step's name and a colon
        note = _("suits trimester {trimester}; you are in week {week}")
        return note.format(trimester=first, week=week)
    # TRANSLATORS: a note after "This routine" or a step's name and a colon
    note = _("suits trimesters {first}-{last}; you are in week {week}")
    return note.format(first=first, last=last, week=week)


def _trimester_of(week: int) -> int:
    return next(t for t, (first, last) in TRIMESTER_WEEKS.items() if first <= week <= last)


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
                    # TRANSLATORS: a note after a step's name and a colon; {step} is the
                    # name of the step it replaces
                    _("on your side, in place of '{step}' (lying on the back)").format(
                        step=span.replaces
                    ),
                    attention=False,
                )
            )
        if span.position == LYING_ON_BACK:
            if late:
                # TRANSLATORS: a note after a step's name and a colon
                text = _("lying on the back: not advised from week 14; keep it short or skip it")
            elif week is None:
                # TRANSLATORS: a note after a step's name and a colon
                text = _("lying on the back: from week 14, do it on your side")
            else:
                # TRANSLATORS: a note after a step's name and a colon
                text = _("lying on the back: fine until week 13, then on your side")
            notes.append(StepNote(span.index, span.name, text, attention=late))
        if span.weeks is not None and week is not None and not span.weeks.contains(week):
            notes.append(StepNote(span.index, span.name, _outside(span.weeks, week), True))
    return WeekCheck(week, routine_note, tuple(notes))


def week_question(title: str, check: WeekCheck) -> Question:
    """Play a routine, or a routine with steps, outside what suits this week?"""
    lines: list[str] = []
    if check.routine_note:
        # TRANSLATORS: {note} is such as "suits weeks 10-20; you are in week 30"
        lines.append(_("This routine {note}.").format(note=check.routine_note))
    steps_by_note: dict[str, list[str]] = {}
    for note in check.distinct_notes():
        if note.attention:
            steps_by_note.setdefault(note.text, []).append(note.name)
    for text, names in steps_by_note.items():  # one line for all the steps a note is about
        # TRANSLATORS: {steps} are step names, {note} is such as "lying on the back: not
        # advised from week 14; keep it short or skip it"
        lines.append(_("{steps}: {note}.").format(steps=", ".join(names), note=text))
    lines.append(_("Ask your doctor or midwife if you are not sure it suits you."))
    return Question(
        # TRANSLATORS: {title} is the routine's title
        title=_("{title}: play it anyway?").format(title=title),
        lines=tuple(lines),
        choices=(
            # TRANSLATORS: a button, picked with the key Y
            Choice("y", _("Play it"), PLAY),
            # TRANSLATORS: a button, picked with the key N
            Choice("n", _("Don't play it"), DO_NOT_PLAY),
        ),
        cancel=DO_NOT_PLAY,
    )


START = "start"
NOT_NOW = "not now"
SOURCES = "sources"
BACK = "back"


def start_question(
    routine: Routine,
    length: str,
    stop_keys: str,
    start_keys: str | None = None,
    *,
    note: str | None = None,
    wrong_keys: str = "",
) -> Question:
    """The routine's first screen: how long it is, ``note`` (a line of the player's own,
    if any), its safety notes, how to stop, and how to stop when something is wrong
    (``wrong_keys``, or the button), answered by Start (or any key that goes on:
    ``start_keys`` says which). Esc does not answer it: only closing the window does not
    start."""
    notes = tuple(note for note in routine.safety if not says_stop_if_it_hurts(note))
    if note:
        notes = (note, *notes)
    if stop_keys:
        # TRANSLATORS: {keys} are key names, such as "Esc or Q"
        stopping = _("Stop at once if anything hurts: {keys} pauses at once and asks to stop.")
        stopping = stopping.format(keys=stop_keys)
    else:
        # TRANSLATORS: "Stop" is the name of the button that stops a session
        stopping = _("Stop at once if anything hurts: click Stop.")
    if start_keys is None:
        # TRANSLATORS: the keys that start a session; S and Enter are key names
        start_keys = _("S or Enter")
    return Question(
        title=f"{routine.title} · {length}",
        lines=(
            *notes,
            stopping,
            something_wrong_line(wrong_keys),
            # TRANSLATORS: {keys} are key names, such as "S, Enter, Space"
            _("Start when you are ready: {keys}.").format(keys=start_keys),
        ),
        # TRANSLATORS: the button that starts a session, picked with the key S
        choices=(Choice("s", _("Start"), START), *_sources_choice(routine)),
        cancel=NOT_NOW,
        on_go=START,
        esc_cancels=False,
    )


def something_wrong_line(keys: str) -> str:
    """How to stop at once and learn what to do, said before a session starts."""
    if keys:
        # TRANSLATORS: {keys} are key names, such as "X"
        said = _("Something wrong during the session? {keys} stops at once and says what to do.")
        return said.format(keys=keys)
    # TRANSLATORS: {button} is the label of the button, "Something is wrong"
    said = _(
        "Something wrong during the session? The button '{button}' stops at once and says "
        "what to do."
    )
    return said.format(button=pgettext("button", "Something is wrong"))


def _sources_choice(routine: Routine) -> tuple[Choice, ...]:
    # TRANSLATORS: a button on a routine's first screen that shows the documents the
    # routine is based on, picked with the key I
    return (Choice("i", _("Sources"), SOURCES),) if routine.sources else ()


def sources_question(routine: Routine) -> Question:
    """The routine's sources, asked for from its first screen: each with its address, so
    a midwife can look them up; Back (or Esc, or a key that goes on) returns."""
    lines = []
    for number, citation in enumerate(citations(routine.sources), start=1):
        found = f" {citation.address}" if citation.address else ""
        lines.append(f"{number}. {citation.reference}{found}")
    return Question(
        # TRANSLATORS: the title of the screen listing a routine's sources; {title} is
        # the routine's name
        title=_("Where '{title}' comes from").format(title=routine.title),
        lines=tuple(lines),
        # TRANSLATORS: a button that goes back to the routine's first screen, key B
        choices=(Choice("b", _("Back"), BACK),),
        cancel=BACK,
        on_go=BACK,
    )


def says_stop_if_it_hurts(note: str) -> bool:
    """A routine's own "Stop if it hurts.", which the screen's line on stopping says too:
    in English, or in the words the language in use gives it."""
    # TRANSLATORS: a routine's safety note; write it as the bundled routines' words files
    # do (routines/translations/LANG/), so that the start screen does not say it twice
    translated = _("Stop if it hurts.")
    return _letters(note) in (
        ["stop", "if", "it", "hurts"],
        ["stop", "if", "anything", "hurts"],
        _letters(translated),
    )


def _letters(text: str) -> list[str]:
    """The words of ``text``, in small letters, without its punctuation."""
    return "".join(c for c in text.lower() if c.isalpha() or c.isspace()).split()


def list_mark(routine: Routine, week: int | None) -> str:
    """The mark beside a routine in ``list``: empty when it suits the week (or none is set)."""
    suits = routine.suits.week_range if routine.suits else None
    if suits is None or week is None or suits.contains(week):
        return ""
    # TRANSLATORS: a mark beside a routine's name in the list of routines
    return _("not for week {week}").format(week=week)
