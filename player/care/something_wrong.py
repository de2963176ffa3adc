"""What to do when something is wrong: each warning sign, grouped by how soon to get help,
and the words of the screen that says so once a session has been stopped for it. Pure:
the language in use is the only thing read; how the lines are measured is an argument.

Every sign of ``safety.WARNING_SIGNS`` is in exactly one group. Where the sources differ,
or a sign may be mild or serious, the sign goes in the more urgent group:

- Call the local emergency number now: chest pain, and being out of breath before any
  effort (both can be a clot in the lung). NHS, "Chest pain" and "Pulmonary embolism":
  call 999 for sudden chest pain or sudden difficulty breathing. The same group names heavy
  bleeding and belly pain that does not come and go, which the NHS maternity units' "When
  to call the midwife" (University Hospitals Birmingham, after Tommy's "Call the midwife"
  poster) send to 999.
- Call the maternity unit (the labour ward, or the maternity triage line) now: bleeding or
  fluid leaking from the vagina, regular painful contractions, the baby moving less (NHS,
  "Your baby's movements": call at once, do not wait until the next day), a headache (it
  can be pre-eclampsia: NHS, "Pre-eclampsia"), feeling dizzy or faint, pain or swelling
  in a calf (a clot in the leg: NHS, "DVT"), and back pain with a fever, or with unusual
  discharge or pain in the belly (a high temperature and belly pain are on the maternity
  units' list above). These are the signs ACOG, "Exercise During Pregnancy", lists for
  stopping exercise and calling the obstetric care provider; NHS, "Exercise in
  pregnancy", says to stop and see the midwife or doctor if anything feels wrong.
- Contact the midwife or doctor today: back pain with pain when passing urine or passing
  it much more often, and back pain with nausea or vomiting beyond the usual morning
  sickness, which may be a urine or kidney infection (NHS, "Urinary tract infections
  (UTIs)" and "Kidney infection": an urgent appointment the same day). With a fever too,
  or if it gets worse, the group says to call the maternity unit now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from player.care.safety import DISCLAIMER, WARNING_SIGNS
from player.language import N_, _

REASON = "something is wrong"
"""Why the session stopped, as the events file and the history keep it (never translated)."""

Urgency = Literal["emergency", "now", "today"]


@dataclass(frozen=True)
class Group:
    """Warning signs that call for the same help, as soon."""

    urgency: Urgency
    heading: str
    """What to do, over the signs (marked with ``N_``: shown through ``_()``)."""
    signs: tuple[str, ...]
    """Warning signs, as ``WARNING_SIGNS`` words them (in English)."""
    more: tuple[str, ...] = ()
    """Signs of this group that are not among the warning signs (marked with ``N_``)."""
    also: tuple[str, ...] = ()
    """What to do besides, under the signs (marked with ``N_``)."""


def _sign(words: str) -> str:
    """A warning sign, checked to be one of ``WARNING_SIGNS`` word for word."""
    if words not in WARNING_SIGNS:
        raise ValueError(f"not a warning sign: {words!r}")
    return words


GROUPS: tuple[Group, ...] = (
    Group(
        "emergency",
        # TRANSLATORS: the heading over the warning signs that need an ambulance
        N_("Call your local emergency number now:"),
        (_sign("Chest pain"), _sign("Feeling out of breath before any effort")),
        # TRANSLATORS: one more item under "Call your local emergency number now:"
        more=(N_("Heavy bleeding, or pain in your belly that does not come and go"),),
    ),
    Group(
        "now",
        # TRANSLATORS: the heading over the warning signs that need the hospital's
        # maternity unit (labour ward, maternity triage) at once, by telephone
        N_("Call your maternity unit or labour ward now:"),
        (
            _sign("Bleeding from the vagina"),
            _sign("Fluid leaking from the vagina"),
            _sign("Regular, painful contractions"),
            _sign("The baby moving less than usual, once you feel the movements"),
            _sign("A headache"),
            _sign("Feeling dizzy or faint"),
            _sign("Pain or swelling in a calf"),
            _sign("Back pain with a fever"),
            _sign("Back pain with unusual discharge or pain in your belly"),
        ),
        # TRANSLATORS: under the signs for the maternity unit
        also=(N_("Early in pregnancy, call your midwife or doctor now instead."),),
    ),
    Group(
        "today",
        # TRANSLATORS: the heading over the warning signs that need an appointment today
        N_("Contact your midwife or doctor today:"),
        (
            _sign(
                "Back pain with pain when passing urine, or passing urine much more often "
                "than usual"
            ),
            _sign("Back pain with nausea or vomiting beyond your usual morning sickness"),
        ),
        # TRANSLATORS: under the signs for an appointment today
        also=(N_("If it gets worse, or you also have a fever, call your maternity unit now."),),
    ),
)

# TRANSLATORS: the title of the screen shown when a session was stopped because
# something is wrong
TITLE = N_("Stopped. What to do now")
NONE_OF_THESE = N_(
    "None of these? Rest, and do not go on if it hurts. "
    "If you are worried, call your midwife or doctor."
)


def group_of(sign: str) -> Group:
    """The group of a warning sign (as ``WARNING_SIGNS`` words it); KeyError for another."""
    for group in GROUPS:
        if sign in group.signs:
            return group
    raise KeyError(sign)


Kind = Literal["heading", "sign", "note", "text"]


@dataclass(frozen=True)
class Line:
    """One piece of the screen: a group's heading, a sign, a line under the signs, or the
    text after the groups. ``group`` is the index of its group (None after the groups)."""

    kind: Kind
    text: str
    group: int | None = None


def what_to_do() -> tuple[Line, ...]:
    """The screen's lines, in the language in use: each group (the most urgent first),
    then what to do when none applies, then the disclaimer."""
    lines: list[Line] = []
    for number, group in enumerate(GROUPS):
        lines.append(Line("heading", _(group.heading), number))
        lines += [Line("sign", _(sign), number) for sign in (*group.signs, *group.more)]
        lines += [Line("note", _(words), number) for words in group.also]
    lines.append(Line("text", _(NONE_OF_THESE)))
    lines.append(Line("text", _(DISCLAIMER)))
    return tuple(lines)


Page = tuple[Line, ...]


def pages(lines: Sequence[Line], rows: Callable[[Line], int], room: int) -> list[Page]:
    """``lines`` in pages of at most ``room`` rows, each line taking ``rows(line)``. A sign
    never stands without what to do: a page that begins inside a group begins with its
    heading again, and a heading never ends a page. A line taller than a page has a page
    of its own (the shell cuts it)."""
    headings = {line.group: line for line in lines if line.kind == "heading"}
    done: list[Page] = []
    page: list[Line] = []
    used = 0
    for index, line in enumerate(lines):
        need = rows(line)
        if line.kind == "heading" and index + 1 < len(lines):
            need += rows(lines[index + 1])  # kept with the line after it
        if page and used + need > room:
            done.append(tuple(page))
            page, used = [], 0
            heading = headings.get(line.group)
            if line.kind != "heading" and heading is not None:
                page, used = [heading], rows(heading)
        page.append(line)
        used += rows(line)
    if page:
        done.append(tuple(page))
    return done
