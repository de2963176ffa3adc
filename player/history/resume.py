"""Whether a session stopped part way is carried on, and from which step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from player.history.counting import is_preview
from player.history.forms import time_of_day
from player.history.records import SessionRecord
from player.language import N_, _

CHANGED = N_("The routine file changed since you stopped, so it starts from the beginning.")
"""Shown through ``_()``."""


@dataclass(frozen=True)
class ResumeDecision:
    """Where to start, with what, and the line to show (None: nothing to say)."""

    from_step: int
    """For ``Engine.start(now, from_step=...)``: 0 is the beginning."""
    resumed_from: int | None
    """The session carried on, for ``begin_session(resumed_from=...)``."""
    reps: int | None
    """The repetitions to play with: those of the stopped session, so its steps line up."""
    message: str | None


def resume_decision(
    record: SessionRecord | None, current_digest: str, reps: int | None = None
) -> ResumeDecision:
    """Carry on ``record`` (from ``store.resumable``) unless its routine file has changed
    since, or the person asked for other repetitions this time (``reps``; None when they
    did not ask), since either would move the steps."""
    if record is None:
        return ResumeDecision(0, None, reps, None)
    if record.digest != current_digest:
        return ResumeDecision(0, None, reps, _(CHANGED))
    if reps is not None and reps != record.reps:
        if record.reps is None:
            message = _(
                "You chose {reps} repetitions this time (the usual number before), "
                "so it starts from the beginning."
            ).format(reps=reps)
        else:
            message = _(
                "You chose {reps} repetitions this time ({before} before), "
                "so it starts from the beginning."
            ).format(reps=reps, before=record.reps)
        return ResumeDecision(0, None, reps, message)
    return ResumeDecision(
        record.at_step,
        record.id,
        record.reps,
        _("Carrying on from where you stopped at {time}.").format(
            time=time_of_day(record.last_moment)
        ),
    )


NotCarriedOn = Literal[
    "none today", "previews only", "finished", "carried on", "before a step", "something wrong"
]
"""Why no session of a routine begun on a day is carried on: none was begun, only
previews were, the last one was played to its end, was carried on already, stopped
before its first step was over, or was stopped because something was wrong."""


def last_played(that_day: Sequence[SessionRecord]) -> SessionRecord | None:
    """The last session of ``that_day`` (a routine's sessions begun on one day, in the
    order they began) that was not a preview."""
    played = [record for record in that_day if not is_preview(record)]
    return played[-1] if played else None


def why_not_carried_on(
    that_day: Sequence[SessionRecord], carried_on: Callable[[int], bool]
) -> NotCarriedOn | None:
    """Why ``last_played(that_day)`` is not to be carried on; None when it is.
    ``carried_on`` says whether another session carried on the one of that id already."""
    record = last_played(that_day)
    if record is None:
        return "previews only" if that_day else "none today"
    if record.finished:
        return "finished"
    if record.stop_reason is not None:
        return "something wrong"
    if carried_on(record.id):
        return "carried on"
    if record.at_step <= 0:
        return "before a step"
    return None


def nothing_to_resume(why: NotCarriedOn, routine: str) -> str:
    """What ``--resume`` says when there is nothing to carry on, for each reason."""
    if why == "something wrong":
        return _(
            "The session stopped today because something was wrong is not carried on: "
            "it starts from the beginning."
        )
    if why == "before a step":
        return _(
            "The session of {routine} stopped today was still in its first step, so there is "
            "nothing to carry on: it starts from the beginning."
        ).format(routine=routine)
    if why == "finished":
        return _(
            "The last session of {routine} today was played to its end, so there is nothing "
            "to carry on: it starts from the beginning."
        ).format(routine=routine)
    if why == "carried on":
        return _(
            "The session of {routine} stopped today was carried on already: this one starts "
            "from the beginning."
        ).format(routine=routine)
    if why == "previews only":
        return _(
            "Only previews of {routine} were played today, and a preview is not carried on: "
            "it starts from the beginning."
        ).format(routine=routine)
    return _("Nothing to resume: no session of {routine} was stopped today.").format(
        routine=routine
    )
