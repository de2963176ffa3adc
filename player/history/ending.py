"""What the end of a session says: "Well done" for a session that counts as done, and
otherwise how much was done, or that it was a preview. Pure: from the sessions recorded,
the session just played (as the recorder kept it) and today's date."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from player.history.counting import Sitting, sitting, sitting_of
from player.history.forms import number
from player.history.records import SessionRecord
from player.history.summary import end_screen_lines, summarize
from player.language import N_, _, ngettext
from player.playback.session import Ending

WELL_DONE = N_("Well done")
PREVIEW = N_("End of the preview")
IN_SECONDS_BELOW_MS = 120_000
"""A session planned shorter than this is told in seconds, not minutes."""


def session_ending(records: Sequence[SessionRecord], this: SessionRecord, today: date) -> Ending:
    """The end screen of ``this`` session, counted with the ``records`` of the history
    (where ``this`` may be already, as far as it was written)."""
    every = [*(r for r in records if this.id == 0 or r.id != this.id), this]
    found = sitting_of(every, this.id) or sitting([this])
    lines = end_screen_lines(summarize(every, today))
    if found.preview:
        return Ending(
            _(PREVIEW),
            _("At {speed} times the speed, it is not counted").format(speed=number(found.speed)),
            lines,
        )
    if found.counts:
        return Ending(_(WELL_DONE), "", lines)
    return Ending(did_text(found), counts_from_text(found), lines)


def did_text(sitting: Sitting) -> str:
    """``You did 2 of 13 minutes``: the planned time played, never more than it was."""
    in_seconds, size = _unit(sitting.planned_ms)
    done, planned = sitting.played_ms // size, round(sitting.planned_ms / size)
    if in_seconds:
        message = ngettext(
            "You did {done} of {planned} second", "You did {done} of {planned} seconds", planned
        )
    else:
        message = ngettext(
            "You did {done} of {planned} minute", "You did {done} of {planned} minutes", planned
        )
    return message.format(done=done, planned=planned)


def counts_from_text(sitting: Sitting) -> str:
    """``A session counts from 11 minutes``: never less than it takes."""
    in_seconds, size = _unit(sitting.planned_ms)
    needed = math.ceil(sitting.needed_ms / size)
    if in_seconds:
        message = ngettext(
            "A session counts from {count} second", "A session counts from {count} seconds", needed
        )
    else:
        message = ngettext(
            "A session counts from {count} minute", "A session counts from {count} minutes", needed
        )
    return message.format(count=needed)


def _unit(planned_ms: int) -> tuple[bool, int]:
    """Whether a session planned this long is told in seconds, and the size of the unit."""
    return (True, 1000) if planned_ms < IN_SECONDS_BELOW_MS else (False, 60_000)
