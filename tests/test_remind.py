"""``run.py remind``: a daily reminder as an iCalendar file, checked by parsing it back."""

from __future__ import annotations

import io
import math
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from player import cli
from player.commands.base import Context
from player.home.reminders import PRODID, next_start, parse_time_of_day
from player.home.user_dirs import UserDirs
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.loader import load_routine
from player.routine.values import format_duration
from tests.conftest import ROUTINES

NOW = datetime(2026, 5, 4, 9, 15, 42, tzinfo=timezone(timedelta(hours=2)))


@pytest.fixture
def dirs(own_home: Path) -> UserDirs:
    return UserDirs.under(own_home)


def run(dirs: UserDirs, *args: str, now: datetime = NOW) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=dirs, now=lambda: now, err_stream=lambda: err)
    code = cli.main(list(args), context=context)
    return code, out.getvalue(), err.getvalue()


def reminder(dirs: UserDirs, *args: str, now: datetime = NOW) -> tuple[str, Calendar]:
    code, out, err = run(dirs, "remind", *args, now=now)
    assert (code, err) == (0, "")
    return out, Calendar.from_ical(out)


def test_a_daily_reminder_at_a_time_still_to_come_today(dirs: UserDirs) -> None:
    _text, calendar = reminder(dirs, "daily-back-care", "--daily", "19:00")
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 5, 4, 19, 0)
    assert start.tzinfo is None  # floating: 19:00 wherever the person is
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert set(event["RRULE"]) == {"FREQ"}
    routine = load_routine(ROUTINES / "daily-back-care.yaml").routine
    total_ms = compile_timeline(routine).total_ms
    assert str(event["SUMMARY"]) == routine.title
    assert str(event["DESCRIPTION"]) == (
        f"{routine.title}: about {format_duration(total_ms)}.\n"
        "Start it with: routine-player play daily-back-care\n"
        "Stop at once if anything hurts."
    )
    assert event.decoded("DURATION") == timedelta(minutes=math.ceil(total_ms / 60_000))
    assert event.decoded("DTSTAMP") == datetime(2026, 5, 4, 7, 15, 42, tzinfo=timezone.utc)
    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(0)
    assert str(alarms[0]["DESCRIPTION"]) == f"Time for {routine.title}"


def test_a_time_already_past_today_starts_tomorrow(dirs: UserDirs) -> None:
    _text, calendar = reminder(dirs, "posture-drills", "--daily", "7:30")
    assert calendar.walk("VEVENT")[0].decoded("DTSTART") == datetime(2026, 5, 5, 7, 30)


@pytest.mark.parametrize(
    ("at", "first"),
    [
        (time(9, 15), date(2026, 5, 4)),
        (time(9, 16), date(2026, 5, 4)),
        (time(9, 14), date(2026, 5, 5)),
        (time(0, 0), date(2026, 5, 5)),
        (time(23, 59), date(2026, 5, 4)),
    ],
)
def test_the_first_reminder_is_the_next_one_to_come(at: time, first: date) -> None:
    assert next_start(at, NOW) == datetime.combine(first, at)


def test_the_uid_is_the_same_for_the_same_routine_and_time(dirs: UserDirs) -> None:
    def uid(*args: str, now: datetime = NOW) -> str:
        return str(reminder(dirs, *args, now=now)[1].walk("VEVENT")[0]["UID"])

    first = uid("warm-compress", "--daily", "07:30")
    assert uid("warm-compress", "--daily", "7:30", now=NOW + timedelta(days=3)) == first
    assert uid("warm-compress", "--daily", "07:31") != first
    assert uid("posture-drills", "--daily", "07:30") != first
    assert first.endswith("@routine-player")


def test_the_file_follows_rfc_5545_line_rules(dirs: UserDirs) -> None:
    """Checked on the text itself, without the library: CRLF endings, folded at 75 octets."""
    dirs.routines.mkdir(parents=True)
    title = "Étirements du soir pour le dos, très doux, avec la respiration — " * 3
    (dirs.routines / "soir.yaml").write_text(
        f'title: "{title.strip()}"\nsteps:\n  - rest: 30s\n', encoding="utf-8"
    )
    text, calendar = reminder(dirs, "soir", "--daily", "21:00")
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # folding never cuts a character in two
    unfolded: list[str] = []
    for line in (line.decode("utf-8") for line in lines):
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR"
    assert unfolded[-1] == "END:VCALENDAR"
    assert "RRULE:FREQ=DAILY" in unfolded
    assert "DTSTART:20260504T210000" in unfolded
    escaped = title.strip().replace(",", "\\,")  # commas in text are escaped
    assert f"SUMMARY:{escaped}" in unfolded
    assert unfolded.count("BEGIN:VEVENT") == unfolded.count("BEGIN:VALARM") == 1
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == title.strip()


def test_written_to_a_byte_stream_the_endings_stay_crlf(dirs: UserDirs) -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n")
    context = Context(out=out, dirs=dirs, now=lambda: NOW)
    assert cli.main(["remind", "pelvic-strength", "--daily", "08:00"], context=context) == 0
    data = raw.getvalue()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"\r\r\n" not in data
    assert data.count(b"\r\n") == data.count(b"\n")


def test_a_routine_that_waits_for_you_says_so_and_a_path_plays_by_its_path(
    dirs: UserDirs, tmp_path: Path
) -> None:
    path = tmp_path / "waits.yaml"
    path.write_text(
        "title: Waits\nlead_in: 0\nprepare: 0\n"
        "steps:\n  - exercise: Squeezes\n    reps: 10\n  - rest: 1m\n",
        encoding="utf-8",
    )
    _text, calendar = reminder(dirs, str(path), "--daily", "12:00")
    description = str(calendar.walk("VEVENT")[0]["DESCRIPTION"])
    assert description.startswith("Waits: about 1:00 plus your own pace.\n")
    assert f"Start it with: routine-player play {path.resolve()}\n" in description


def test_the_length_follows_your_reps_setting(dirs: UserDirs) -> None:
    assert run(dirs, "settings", "set", "reps.partner-back-massage", "5")[0] == 0
    _text, calendar = reminder(dirs, "partner-back-massage", "--daily", "20:00")
    routine = load_routine(ROUTINES / "partner-back-massage.yaml").routine
    five = compile_timeline(routine, Choices(reps=5)).total_ms
    assert f"about {format_duration(five)}." in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])


@pytest.mark.parametrize("at", ["7pm", "24:00", "07:60", "7.30", "7", "", "07:30:00", "١٢:٣٠"])
def test_a_bad_time_is_refused_and_nothing_is_printed(dirs: UserDirs, at: str) -> None:
    code, out, err = run(dirs, "remind", "daily-back-care", "--daily", at)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "routine-player remind: argument --daily: expected a time of day as HH:MM on the 24-hour "
        f"clock, such as 07:30 or 19:00, found '{at}'"
    )


def test_parse_time_of_day() -> None:
    assert parse_time_of_day("07:05") == time(7, 5)
    assert parse_time_of_day(" 23:59 ") == time(23, 59)
    with pytest.raises(ValueError, match="HH:MM"):
        parse_time_of_day("7:5")


def test_an_unknown_routine_is_refused(dirs: UserDirs) -> None:
    code, out, err = run(dirs, "remind", "daily-bak-care", "--daily", "07:00")
    assert (code, out) == (2, "")
    assert err.startswith("no routine file or routine named 'daily-bak-care'")
