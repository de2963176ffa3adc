"""What happens between "play" and the first second of a session: the first-use check
(before the first exercise routine), the daily safety check and, when the week does not
suit the routine, the question whether to play it anyway.

Pure: the answers come from an ``Asker`` (a shell, or a script in tests), and what was
checked and answered before is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from player.care import first_use, safety
from player.care.questions import Asker
from player.language import N_, _

Outcome = Literal["start", "refused", "cancelled"]

# TRANSLATORS: {safety} is the command that shows the warning signs; --no-warning-signs
# is an option, typed as it is
NOT_CHECKED = N_(
    "Not started: the warning signs were not checked today. Read them with "
    "'{safety}'; when none applies, play again and answer the question, or add "
    "--no-warning-signs."
)
"""``{safety}`` is the command that shows the warning signs."""


# TRANSLATORS: {settings} is the command that shows the settings
NOT_ANSWERED = N_(
    "Not started: the question whether you were advised not to exercise was not answered. "
    "It is asked again next time; '{settings}' shows what is set."
)


@dataclass(frozen=True)
class FirstUse:
    """What the first-use check needs to know: the answer remembered, and the routine."""

    answer: bool | None
    """True: advised not to exercise; False: not; None: never answered."""
    exercise: bool
    """The routine is exercise (``first_use.is_exercise``)."""
    still_suitable: Callable[[], Sequence[str]] = tuple
    """The routines that are no exercise, to name when one that is is refused: asked for
    only then."""
    settings_command: str = "routine-player settings"
    change_command: str = "routine-player settings set advised-against-exercise no"


@dataclass(frozen=True)
class Preflight:
    outcome: Outcome
    message: str | None = None
    """Why the session does not start, for the person to read."""
    confirmed_now: bool = False
    """True when the daily check was answered "none applies" just now: remember it."""
    advised_now: bool | None = None
    """The first-use check's answer, when it was answered just now: remember it."""
    note: str | None = None
    """A line to show before the session: a routine that is no exercise, played to
    someone advised not to exercise."""


def before_session(
    ask: Asker,
    *,
    first_use_check: FirstUse,
    checked_today: bool,
    title: str,
    week_check: safety.WeekCheck,
    safety_command: str = "routine-player safety",
) -> Preflight:
    """Ask what must be asked, in order, and say whether the session starts."""
    check = first_use_check
    advised, advised_now = check.answer, None
    if advised is None and check.exercise:
        advised_now = first_use.answer_of(ask(first_use.question(check.settings_command)))
        if advised_now is None:
            return Preflight("cancelled", _(NOT_ANSWERED).format(settings=check.settings_command))
        advised = advised_now
    if advised and check.exercise:
        message = first_use.refusal(title, check.still_suitable(), check.change_command)
        return Preflight("refused", message, advised_now=advised_now)
    note = first_use.played_anyway_note() if advised else None
    confirmed_now = False
    if not checked_today:
        answer = ask(safety.daily_check_question())
        if answer == safety.ONE_APPLIES:
            return Preflight("refused", _(safety.REFUSAL), advised_now=advised_now)
        if answer != safety.NONE_APPLIES:
            message = _(NOT_CHECKED).format(safety=safety_command)
            return Preflight("cancelled", message, advised_now=advised_now)
        confirmed_now = True
    if week_check.needs_asking:
        answer = ask(safety.week_question(title, week_check))
        if answer != safety.PLAY:
            return Preflight(
                "cancelled", _("Not started."), confirmed_now=confirmed_now, advised_now=advised_now
            )
    return Preflight("start", confirmed_now=confirmed_now, advised_now=advised_now, note=note)
