"""Whether a session stopped part way is carried on, and from which step."""

from __future__ import annotations

from dataclasses import dataclass

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
