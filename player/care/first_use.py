"""The first-use check: before the first exercise routine is ever played, has a doctor or
midwife advised you not to exercise, or does one of the conditions apply that the
guidelines give as reasons not to exercise at all? The answer is remembered (the setting
``advised-against-exercise``); a yes means no exercise routine is played until it is
changed, while a routine that is no exercise (``suits: advised_against_exercise: true``,
a massage or warmth) still is.

The conditions are the absolute contraindications of two guidelines: ACOG Committee
Opinion 804 (2020), "Physical Activity and Exercise During Pregnancy and the Postpartum
Period", and the 2019 Canadian guideline for physical activity throughout pregnancy
(Mottola et al., SOGC/CSEP). Where they differ, the more cautious is taken: placenta
praevia from 26 weeks (ACOG; the Canadian guideline says 28), persistent bleeding at any
time in pregnancy (the Canadian guideline; ACOG names the second and third trimesters),
and twins at risk of premature labour (ACOG) as well as triplets or more (the Canadian
guideline).

Pure: the remembered answer is an argument; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Sequence

from player.care.questions import Choice, Question
from player.language import N_, _
from player.routine.model import Routine

PLACENTA_PRAEVIA_WEEKS = 26
"""ACOG's threshold for placenta praevia, the more cautious of the two."""
CANADIAN_PLACENTA_PRAEVIA_WEEKS = 28
"""The Canadian guideline's threshold, which the player does not take."""

# The words below are in English, marked for the catalog: show them with _() (or
# ``conditions()``), in the language in use.
CONDITIONS: tuple[str, ...] = (
    # TRANSLATORS: a reason not to exercise in pregnancy, one item of a list
    N_("Your waters have broken"),
    N_("Premature labour in this pregnancy"),
    N_("Bleeding from the vagina that goes on or keeps coming back"),
    # TRANSLATORS: {weeks} is a number of weeks of pregnancy, 26
    N_("Placenta praevia (a low-lying placenta) after {weeks} weeks"),
    N_("Pre-eclampsia, or high blood pressure that began in this pregnancy"),
    N_("A weak cervix (cervical insufficiency), or a stitch in the cervix"),
    N_("The baby not growing as expected (growth restriction)"),
    N_("Triplets or more, or twins at risk of premature labour"),
    N_("Diabetes, high blood pressure or thyroid disease that is not under control"),
    N_("Serious heart or lung disease"),
    N_("Severe anaemia"),
)
"""The reasons not to exercise at all, in words a person reads from a mat."""

ADVISED = "yes"
NOT_ADVISED = "no"
NOT_NOW = "later"


def conditions() -> tuple[str, ...]:
    """The conditions, in the language in use."""
    return tuple(_(c).format(weeks=PLACENTA_PRAEVIA_WEEKS) for c in CONDITIONS)


def is_exercise(routine: Routine) -> bool:
    """Every routine is exercise but one whose ``suits`` says it is still suitable for
    someone advised not to exercise."""
    return not (routine.suits is not None and routine.suits.advised_against_exercise)


def needs_asking(answer: bool | None, routine: Routine) -> bool:
    """Never answered, and about to play an exercise routine."""
    return answer is None and is_exercise(routine)


def refuses(answer: bool | None, routine: Routine) -> bool:
    """Answered yes, and about to play an exercise routine."""
    return answer is True and is_exercise(routine)


def answer_of(value: str) -> bool | None:
    """What an answer to the question means: True (advised against exercise), False, or
    None when it was not answered (nothing is remembered then)."""
    return {ADVISED: True, NOT_ADVISED: False}.get(value)


def question(settings_command: str = "routine-player settings") -> Question:
    """Asked once, before the first exercise routine. ``settings_command`` is the command
    that shows the settings, where the answer can be changed."""
    return Question(
        title=_("Were you advised not to exercise?"),
        lines=(
            _(
                "Has a doctor or midwife advised you not to exercise in this pregnancy? "
                "Or does any of these apply to you?"
            ),
            *conditions(),
            # TRANSLATORS: {settings} is the command that shows the settings
            _(
                "If so, talk to your midwife or doctor before using the exercise routines. "
                "Asked once; '{settings}' changes your answer."
            ).format(settings=settings_command),
        ),
        choices=(
            # TRANSLATORS: an answer to the first-use check, on a button picked with the key Y
            Choice("y", _("Yes, one applies or I was advised not to"), ADVISED),
            # TRANSLATORS: an answer to the first-use check, on a button picked with the key N
            Choice("n", _("No, none of these applies"), NOT_ADVISED),
            # TRANSLATORS: a button that leaves the first-use check unanswered; key L (later)
            Choice("l", _("Ask me later"), NOT_NOW),
        ),
        cancel=NOT_NOW,
    )


def refusal(title: str, still_suitable: Sequence[str], change_command: str) -> str:
    """Why an exercise routine does not start for someone advised not to exercise, which
    routines still do, and the command that changes the answer (``change_command``): one
    paragraph a line."""
    parts = [
        # TRANSLATORS: {title} is the routine's title
        _(
            "You said a doctor or midwife advised you not to exercise, or that one of the "
            "conditions that rule exercise out applies to you, so {title} will not start. "
            "Please talk to your midwife or doctor before using the exercise routines."
        ).format(title=title)
    ]
    if still_suitable:
        # TRANSLATORS: {routines} are routine names, separated by commas
        still = _(
            "Still suitable, as massage or warmth rather than exercise (ask your midwife "
            "about them too): {routines}."
        )
        parts.append(still.format(routines=", ".join(still_suitable)))
    # TRANSLATORS: {command} is a command to type, which sets the answer to no
    parts.append(_("If that has changed: '{command}'.").format(command=change_command))
    return "\n".join(parts)


def played_anyway_note() -> str:
    """Before a routine that is no exercise, played to someone advised not to exercise."""
    return _(
        "You said you were advised not to exercise: this routine is massage or warmth, not "
        "exercise, so it is played. Ask your midwife whether it suits you too."
    )


def what_the_answer_means(answer: bool | None) -> str:
    """What the player does with the answer, said after it is set or shown."""
    if answer is None:
        return _("Asked again before the next exercise routine.")
    if answer:
        return _(
            "The exercise routines are not played; the massage and warmth routines still are. "
            "Talk to your midwife or doctor before using the exercise routines."
        )
    return _("The exercise routines are played, after the daily check of the warning signs.")
