"""The sessions as a table for a spreadsheet (``history --csv FILE.csv``): one row per
session and one per step it played, in UTF-8 with RFC 4180 quoting.

The columns have stable English names (README lists them) and the values are data, not
sentences: ISO 8601 times with their offset from UTC, seconds with up to three decimals,
``yes`` and ``no``. ``kind`` tells a session's row (``session``) from a step's (``step``);
``session_id`` links each step to its session. Pure but for the text it returns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import datetime

from player.history.counting import Sitting, played_speed, sitting
from player.history.records import SessionRecord, StepRecord

COLUMNS = (
    "kind",
    "session_id",
    "routine",
    "started",
    "ended",
    "local_day",
    "outcome",
    "stop_reason",
    "done",
    "preview",
    "speed",
    "planned_seconds",
    "played_seconds",
    "percent_played",
    "carried_on_from",
    "pain_before",
    "pain_after",
    "step_number",
    "step_name",
    "step_planned_seconds",
    "step_played_seconds",
    "step_skipped",
    "routine_file",
)


def rows(records: Iterable[SessionRecord], counted: Mapping[int, Sitting]) -> list[dict[str, str]]:
    """Each session's row, followed by its steps' rows, in the order they were played."""
    found: list[dict[str, str]] = []
    for record in records:
        found.append(_session_row(record, counted.get(record.id) or sitting([record])))
        found.extend(_step_row(record, step) for step in record.steps)
    return found


def csv_text(found: Iterable[Mapping[str, str]]) -> str:
    """The rows as CSV: a header row, then one line per row, lines ended by CR LF."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(found)
    return out.getvalue()


def _session_row(record: SessionRecord, counted: Sitting) -> dict[str, str]:
    return {
        **_blank(),
        "kind": "session",
        "session_id": str(record.id),
        "routine": record.routine,
        "started": _moment(record.started),
        "ended": _moment(record.ended),
        "local_day": record.local_day.isoformat(),
        "outcome": record.outcome or "interrupted",
        "stop_reason": record.stop_reason or "",
        "done": _yes(counted.counts),
        "preview": _yes(counted.preview),
        "speed": f"{played_speed(record):g}",
        "planned_seconds": _seconds(record.planned_ms),
        "played_seconds": _seconds(record.done_ms),
        "percent_played": str(sitting([record]).percent),
        "carried_on_from": "" if record.resumed_from is None else str(record.resumed_from),
        "pain_before": "" if record.pain_before is None else str(record.pain_before),
        "pain_after": "" if record.pain_after is None else str(record.pain_after),
        "routine_file": record.path,
    }


def _step_row(record: SessionRecord, step: StepRecord) -> dict[str, str]:
    return {
        **_blank(),
        "kind": "step",
        "session_id": str(record.id),
        "routine": record.routine,
        "ended": _moment(step.ended),
        "local_day": record.local_day.isoformat(),
        "step_number": str(step.step_index + 1),
        "step_name": step.name,
        "step_planned_seconds": _seconds(step.planned_ms),
        "step_played_seconds": _seconds(step.done_ms),
        "step_skipped": _yes(step.skipped),
    }


def _blank() -> dict[str, str]:
    return dict.fromkeys(COLUMNS, "")


def _moment(when: datetime | None) -> str:
    return "" if when is None else when.isoformat(timespec="seconds")


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.3f}".rstrip("0").rstrip(".")


def _yes(value: bool) -> str:
    return "yes" if value else "no"
