"""``run.py history``: what a person reads, from a real history file."""

from __future__ import annotations

import argparse
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pygame
import pytest

from player.commands.base import EXIT_INVALID, EXIT_OK, Context
from player.commands.history import COMMAND
from player.history.opening import open_history
from player.history.report import NO_HISTORY
from player.history.store import History
from player.home.user_dirs import UserDirs
from tests.read_only import read_only

PARIS = timezone(timedelta(hours=1))
NOW = datetime(2025, 3, 12, 20, 0, tzinfo=PARIS)  # a Wednesday evening


def ignore(warning: str) -> None:
    """For the opening of a history whose warnings another test looks at."""


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="history")
    COMMAND.add_arguments(parser)
    return parser.parse_args(list(argv))


def run(tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(out=out, dirs=UserDirs.under(tmp_path), now=lambda: NOW, err_stream=lambda: err)
    code = COMMAND.run(parse(*argv), ctx)
    return code, out.getvalue(), err.getvalue()


def add(
    history: History,
    started: datetime,
    minutes: int,
    outcome: str | None = "finished",
    before: int | None = None,
    after: int | None = None,
    routine: str = "back-care",
    speed: float = 1.0,
) -> None:
    """A session of ``minutes``: played whole when finished, else stopped half way."""
    planned = minutes * 60_000 * (1 if outcome == "finished" else 2)
    sid = history.begin_session(
        routine=routine,
        digest="d",
        path="p",
        reps=None,
        planned_ms=planned,
        started=started,
        speed=speed,
    )
    history.record_step(
        sid,
        0,
        "Cat cow",
        planned_ms=planned,
        done_ms=minutes * 60_000,
        skipped=False,
        ended=started + timedelta(minutes=minutes),
    )
    if before is not None:
        history.record_pain(sid, "before", before)
    if after is not None:
        history.record_pain(sid, "after", after)
    if outcome == "finished":
        history.end_session(sid, "finished", started + timedelta(minutes=minutes))
    elif outcome == "stopped":
        history.end_session(sid, "stopped", started + timedelta(minutes=minutes))


def filled(tmp_path: Path) -> None:
    history = open_history(UserDirs.under(tmp_path).history_file, ignore, NOW)
    day = timedelta(days=1)
    for back, before, after in ((13, 6, 5), (11, 7, 5), (9, 6, 4)):
        add(history, NOW - back * day, 12, before=before, after=after)
    add(history, datetime(2025, 3, 10, 8, 0, tzinfo=PARIS), 15, before=3, after=2)
    add(history, datetime(2025, 3, 11, 7, 30, tzinfo=timezone(timedelta(hours=9))), 9, "stopped")
    add(history, datetime(2025, 3, 11, 19, 0, tzinfo=PARIS), 20, before=4, after=2)
    add(history, datetime(2025, 3, 12, 8, 5, tzinfo=PARIS), 18, routine="pelvic-tilts", before=4)
    add(history, datetime(2025, 3, 12, 12, 0, tzinfo=PARIS), 6, outcome=None)
    history.close()


def test_no_history_yet_says_so_kindly_and_makes_no_file(tmp_path: Path) -> None:
    code, out, err = run(tmp_path)

    assert code == EXIT_OK
    assert out.strip() == (
        "No sessions recorded yet. Play a routine (routine-player play) and it will show here."
    )
    assert err == ""
    assert not UserDirs.under(tmp_path).history_file.exists()


def test_recent_sessions_streak_days_and_pain(tmp_path: Path) -> None:
    filled(tmp_path)

    code, out, err = run(tmp_path, "--days", "7")

    assert code == EXIT_OK and err == ""
    lines = out.splitlines()
    assert lines[0] == "Sessions in the last 7 days:"
    assert lines[1:6] == [
        "  Mon 10 Mar  08:00  back-care      15 min  done               pain 3 to 2",
        "  Tue 11 Mar  07:30  back-care       9 min  stopped (50%)",
        "  Tue 11 Mar  19:00  back-care      20 min  done               pain 4 to 2",
        "  Wed 12 Mar  08:05  pelvic-tilts   18 min  done               pain 4 before",
        "  Wed 12 Mar  12:00  back-care       6 min  interrupted (50%)",
    ]
    assert "Streak: 3 days in a row, today included." in lines
    assert "This week: 3 of 7 days done. This month: 5 days done." in lines
    assert lines[lines.index("") + 3 : lines.index("") + 5] == [
        "(A day is done once a session on it is done: 80% of its time played.",
        " A preview, played faster than real time, is never counted.)",
    ]
    pain = lines[lines.index("") + 6 :]
    assert pain == [
        "Pain, from 0 (none) to 10 (worst), on average:",
        "                    last 7 days      the 7 days before",
        "  before sessions   3.7 (3 scores)   6.3 (3 scores)",
        "  after sessions    2.0 (2 scores)   4.7 (3 scores)",
        "Within a session, pain changed by -1.5 on average from before to after",
        "  (2 sessions with both scores in the last 7 days).",
        "Pain before sessions is 2.7 points lower than the week before.",
    ]


def test_a_session_carried_on_is_marked(tmp_path: Path) -> None:
    history = open_history(UserDirs.under(tmp_path).history_file, ignore, NOW)
    first = history.begin_session(
        routine="back-care", digest="d", path="p", reps=None, planned_ms=1, started=NOW
    )
    history.end_session(first, "stopped", NOW)
    history.begin_session(
        routine="back-care",
        digest="d",
        path="p",
        reps=None,
        planned_ms=1,
        started=NOW + timedelta(minutes=5),
        start_step=3,
        resumed_from=first,
    )
    history.close()

    _code, out, _err = run(tmp_path)

    assert out.splitlines()[1].endswith("stopped, then carried on")
    assert out.splitlines()[2].endswith("interrupted (0%), carried on")


def test_a_preview_is_shown_as_such_and_counted_nowhere(tmp_path: Path) -> None:
    history = open_history(UserDirs.under(tmp_path).history_file, ignore, NOW)
    add(history, NOW - timedelta(days=1), 12)
    add(history, NOW - timedelta(hours=2), 13, routine="massage", speed=25)
    history.close()

    code, out, _err = run(tmp_path)

    lines = out.splitlines()
    assert code == EXIT_OK
    assert lines[2] == "  Wed 12 Mar  18:00  massage      1 min  preview x25"  # 31 s of clock
    assert "Streak: 1 day in a row up to yesterday; finish a session today to keep it going." in (
        lines
    )
    assert "This week: 1 of 7 days done. This month: 1 day done." in lines


def test_the_chart_is_written_where_asked(tmp_path: Path) -> None:
    filled(tmp_path)
    target = tmp_path / "chart.png"

    code, out, _err = run(tmp_path, "--chart", str(target), "--weeks", "2")

    assert code == EXIT_OK
    assert out.splitlines()[-1] == f"Chart of the last 2 weeks written to {target}"
    assert pygame.image.load(str(target)).get_size() == (1200, 760)


def test_a_chart_that_is_not_a_png_is_refused(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "--chart", str(tmp_path / "chart.jpg"))

    assert code == EXIT_INVALID
    assert out == ""
    assert "ending in .png" in err
    assert not (tmp_path / "chart.jpg").exists()


def test_a_chart_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    filled(tmp_path)

    code, _out, err = run(tmp_path, "--chart", str(tmp_path / "no" / "such" / "chart.png"))

    assert code != EXIT_OK
    assert err.startswith("The chart could not be written to ")


def test_a_damaged_history_is_reported_in_one_line_and_the_command_goes_on(
    tmp_path: Path,
) -> None:
    path = UserDirs.under(tmp_path).history_file
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00garbage" * 100)

    code, out, err = run(tmp_path)

    assert code == EXIT_OK
    assert len(err.splitlines()) == 1 and "was damaged: it was moved to" in err
    assert out.startswith("No sessions recorded yet.")


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_history_that_may_not_be_written_is_shown_all_the_same(tmp_path: Path, what: str) -> None:
    filled(tmp_path)
    path = UserDirs.under(tmp_path).history_file
    assert not Path(f"{path}-wal").exists()
    _, writable_out, _ = run(tmp_path, "--days", "7")

    with read_only(path.parent if what == "folder" else path):
        code, out, err = run(tmp_path, "--days", "7")

    assert code == EXIT_OK and err == ""
    assert out == writable_out
    assert "Sessions in the last 7 days:" in out
    assert NO_HISTORY not in out
    assert sorted(p.name for p in path.parent.iterdir()) == ["history.sqlite3"]
