"""The report for an appointment as a printed document (``history --report FILE.pdf``):
for the midwife, doctor or physiotherapist at the next appointment, on one to a few A4
pages. The words are in the language in use; the chart is the one ``history --chart``
draws, over the same weeks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from player.history.appointment import Appointment, Scores
from player.history.chart import FOR_PRINT, draw_chart
from player.history.counting import DONE_PERCENT
from player.history.forms import day_month, day_month_year, one_decimal, short_day, time_of_day
from player.history.report import outcome_text
from player.history.summary import days_of
from player.language import _, current, ngettext
from player.printing.document import MARGIN, PAGE_WIDTH, SMALL, Document

CHART_WIDTH = PAGE_WIDTH - 2 * MARGIN
"""Millimetres: the whole width of the text, so that the chart's smallest labels print at
9 points, in greys, to be read at arm's length from a black-and-white print."""


def report_document(found: Appointment, made: datetime) -> Document:
    """The document of the report ``found``, made at ``made``."""
    title = _("Exercise and massage sessions")
    document = Document(title, current(), made)
    document.title(title)
    period = found.period
    document.paragraph(
        ngettext(
            "{first} to {last}: the last {count} week, up to {today}.",
            "{first} to {last}: the last {count} weeks, up to {today}.",
            period.weeks,
        ).format(
            first=day_month_year(period.first),
            last=day_month_year(period.last),
            count=period.weeks,
            today=day_month_year(period.today),
        )
    )
    document.bullets(_facts(found))
    _weeks(document, found)
    _pain(document, found)
    _routines(document, found)
    _stopped(document, found)
    _sessions(document, found)
    document.paragraph(_how_counted(), size=SMALL, grey=True)
    return document


def _minutes(ms: int) -> str:
    """Whole minutes, rounded; "<1" for some seconds that round to none, so that a few
    sessions of "<1" add up to a minute without seeming to come from nothing."""
    minutes = round(ms / 60_000)
    if minutes == 0 and ms > 0:
        # TRANSLATORS: in the report, for less than half a minute played
        return _("<1")
    return str(minutes)


def _average(found: Scores) -> str:
    return "" if found.average is None else one_decimal(found.average)


def _facts(found: Appointment) -> list[str]:
    facts = [
        ngettext(
            "{played} session played, {done} of them done.",
            "{played} sessions played, {done} of them done.",
            found.played,
        ).format(played=found.played, done=found.done),
        ngettext(
            "{count} day with a session done, of {days}.",
            "{count} days with a session done, of {days}.",
            found.days_done,
        ).format(count=found.days_done, days=7 * found.period.weeks),
        _("Minutes practised: {minutes}.").format(minutes=_minutes(found.practised_ms)),
    ]
    before, after, change = found.pain_before, found.pain_after, found.pain_change
    if before.count or after.count:
        facts.append(_pain_averages(before, after))
    else:
        facts.append(_("No pain scores were given in these weeks."))
    if change.average is not None:
        facts.append(
            ngettext(
                "Within a session, pain changed by {change} on average "
                "({count} session with both scores).",
                "Within a session, pain changed by {change} on average "
                "({count} sessions with both scores).",
                change.count,
            ).format(change=one_decimal(change.average, signed=True), count=change.count)
        )
    return facts


def _pain_averages(before: Scores, after: Scores) -> str:
    """ "Pain ... on average: 5.0 before a session (1 score), no score after."."""
    if before.average is None:
        before_words = _("no score before a session")
    else:
        # TRANSLATORS: part of the sentence "Pain from 0 (none) to 10 (worst), on
        # average: 5.0 before a session (3 scores), 3.5 after (2 scores)."
        before_words = ngettext(
            "{average} before a session ({count} score)",
            "{average} before a session ({count} scores)",
            before.count,
        ).format(average=_average(before), count=before.count)
    if after.average is None:
        after_words = _("no score after")
    else:
        after_words = ngettext(
            "{average} after ({count} score)", "{average} after ({count} scores)", after.count
        ).format(average=_average(after), count=after.count)
    # TRANSLATORS: {before} is "5.0 before a session (3 scores)" or "no score before a
    # session"; {after} is "3.5 after (2 scores)" or "no score after"
    return _("Pain from 0 (none) to 10 (worst), on average: {before}, {after}.").format(
        before=before_words, after=after_words
    )


def _weeks(document: Document, found: Appointment) -> None:
    document.heading(_("Sessions by week"))
    rows = [
        [
            _("{first} to {last}").format(
                first=day_month(week.monday), last=day_month(week.monday + timedelta(days=6))
            ),
            str(week.played),
            str(week.done),
            str(week.days_done),
            _minutes(week.practised_ms),
            _average(week.pain_before),
            _average(week.pain_after),
        ]
        for week in found.weeks
    ]
    header = [
        _("Week"),
        _("Played"),
        _("Done"),
        _("Days done"),
        _("Minutes"),
        _("Pain before"),
        _("Pain after"),
    ]
    document.table(header, rows, align="LRRRRRR")


def _pain(document: Document, found: Appointment) -> None:
    period = found.period
    chart = draw_chart(days_of(found.sessions), period.today, period.weeks, palette=FOR_PRINT)
    height = CHART_WIDTH * chart.get_height() / chart.get_width()
    document.heading(_("Minutes and pain, day by day"), keep=height)
    document.image(chart, CHART_WIDTH)


def _routines(document: Document, found: Appointment) -> None:
    document.heading(_("Routines"))
    if not found.routines:
        document.paragraph(_("No routine was played in these weeks, previews aside."))
        return
    rows = [
        [r.routine, str(r.played), str(r.done), _minutes(r.practised_ms)] for r in found.routines
    ]
    header = [_("Routine"), _("Played"), _("Done"), _("Minutes")]
    document.table(header, rows, align="LRRR")


def _stopped(document: Document, found: Appointment) -> None:
    document.heading(_("Sessions stopped early"))
    if not found.stopped:
        document.paragraph(_("Every session was played to its end."))
        return
    rows = [
        [
            f"{short_day(each.record.local_day)} {time_of_day(each.record.started)}",
            each.record.routine,
            outcome_text(each.record, each.counted),
            each.step or "",
        ]
        for each in found.stopped
    ]
    header = [_("When"), _("Routine"), _("How it ended"), _("In the step")]
    document.table(header, rows, size=SMALL)


def _sessions(document: Document, found: Appointment) -> None:
    document.heading(_("Every session"))
    rows = []
    for record in found.sessions:
        counted = found.counted[record.id]
        rows.append(
            [
                f"{short_day(record.local_day)} {time_of_day(record.started)}",
                record.routine,
                _minutes(counted.practised_ms) if record.id == counted.last.id else "",
                outcome_text(record, counted),
                "" if record.pain_before is None else str(record.pain_before),
                "" if record.pain_after is None else str(record.pain_after),
            ]
        )
    header = [
        _("When"),
        _("Routine"),
        _("Minutes"),
        _("How it ended"),
        _("Pain before"),
        _("Pain after"),
    ]
    document.table(header, rows, align="LLRLRR", size=SMALL)


def _how_counted() -> str:
    return _(
        "A session is done once {percent} of its planned time is played; a session carried "
        "on later counts once, with the one it carried on. Minutes are the time really "
        "played, pauses left out. A preview, played faster than real time, is listed but "
        "never counted."
    ).format(percent=f"{DONE_PERCENT}%")
