"""A daily reminder to do a routine, as an iCalendar file any calendar application imports.

The time is written as floating local time (no time zone): calendars show it at that
hour wherever the person is, and across daylight-saving changes, which is what a daily
exercise reminder wants. A fixed UTC offset would drift by an hour twice a year, and the
system's IANA zone name cannot be found reliably on every platform.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from icalendar import Alarm, Calendar, Event

from player.language import _
from player.system.printable import printable

PRODID = "-//routine-player//Routine reminders//EN"
_TIME = re.compile(r"^\s*([0-9]{1,2}):([0-9]{2})\s*$")
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:routine-player:reminders")


def parse_time_of_day(text: str) -> time:
    """``07:30`` or ``7:30``, on the 24-hour clock; ValueError saying what to write."""
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError(
        f"expected a time of day as HH:MM on the 24-hour clock, such as 07:30 or 19:00, "
        f"found '{text}'"
    )


def next_start(at: time, now: datetime) -> datetime:
    """The first time ``at`` comes, as local time without a zone: today, or tomorrow if past."""
    local = now.replace(tzinfo=None, second=0, microsecond=0)
    start = datetime.combine(local.date(), at)
    return start if start >= local else start + timedelta(days=1)


@dataclass(frozen=True)
class Reminder:
    """What a daily reminder says."""

    title: str
    """The routine's title: the event's name in the calendar."""
    command: str
    """The command that plays it."""
    length: str
    """How long it takes, as people read it: ``6:10`` or ``6:10 plus your own pace``."""
    duration_ms: int
    at: time

    def uid(self) -> str:
        """The same for the same routine and time, so that importing again updates the event."""
        return f"{uuid.uuid5(_UID_NAMESPACE, f'{self.command}|{self.at:%H:%M}')}@routine-player"


def daily_calendar(reminder: Reminder, now: datetime) -> bytes:
    """An iCalendar file with one event repeated every day and an alarm at its start."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", reminder.uid())
    event.add("dtstamp", now.astimezone(timezone.utc).replace(microsecond=0))
    event.add("dtstart", next_start(reminder.at, now))
    event.add("duration", timedelta(minutes=max(1, math.ceil(reminder.duration_ms / 60_000))))
    event.add("rrule", {"freq": "daily"})
    title = printable(reminder.title)
    event.add("summary", title)
    event.add(
        "description",
        "\n".join(
            (
                _("{title}: about {length}.").format(title=title, length=reminder.length),
                _("Start it with: {command}").format(command=printable(reminder.command)),
                _("Stop at once if anything hurts."),
            )
        ),
    )
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    # TRANSLATORS: the calendar's alarm for a routine, such as "Time for Daily back care"
    alarm.add("description", _("Time for {title}").format(title=title))
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
