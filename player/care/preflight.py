"""What happens between "play" and the first second of a session: the daily safety check
and, when the week does not suit the routine, the question whether to play it anyway.

Pure: the answers come from an ``Asker`` (a shell, or a script in tests), and what was
checked before is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from player.care import safety
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


@dataclass(frozen=True)
class Preflight:
    outcome: Outcome
    message: str | None = None
    """Why the session does not start, for the person to read."""
    confirmed_now: bool = False
    """True when the daily check was answered "none applies" just now: remember it."""


def before_session(
    ask: Asker,
    *,
    checked_today: bool,
    title: str,
    week_check: safety.WeekCheck,
    safety_command: str = "routine-player safety",
) -> Preflight:
    """Ask what must be asked, in order, and say whether the session starts."""
    confirmed_now = False
    if not checked_today:
        answer = ask(safety.daily_check_question())
        if answer == safety.ONE_APPLIES:
            return Preflight("refused", _(safety.REFUSAL))
        if answer != safety.NONE_APPLIES:
            return Preflight("cancelled", _(NOT_CHECKED).format(safety=safety_command))
        confirmed_now = True
    if week_check.needs_asking:
        answer = ask(safety.week_question(title, week_check))
        if answer != safety.PLAY:
            return Preflight("cancelled", _("Not started."), confirmed_now=confirmed_now)
    return Preflight("start", confirmed_now=confirmed_now)
