"""``history --report FILE.pdf`` and ``--csv FILE.csv``: the weeks of sessions for an
appointment, read back out of the files they write (the PDF by pypdf, the CSV by the csv
module and by a strict reading of RFC 4180 by hand); and what they say when they cannot."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from player import cli
from player.care.safety import DISCLAIMER
from player.commands.base import Context
from player.history.appointment import Scores, appointment, period_of
from player.history.appointment_pdf import _minutes, _pain_averages
from player.history.chart import SIZE, facts_line
from player.history.opening import open_history
from player.history.sessions_csv import COLUMNS
from player.history.summary import Day
from player.home.user_dirs import UserDirs
from player.language import PSEUDO, _, use
from tests.pdf_text import all_text, pages_text, squeezed
from tests.pseudo_words import escaped_words
from tests.read_only import read_only
from tests.sample_history import NOW, ROUTINES, ignore, steps_of, write_sample


@pytest.fixture
def home(own_home: Path) -> UserDirs:
    dirs = UserDirs.under(own_home)
    write_sample(dirs.history_file)
    return dirs


def run(dirs: UserDirs, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=dirs, now=lambda: NOW, err_stream=lambda: err)
    code = cli.main(list(args), context=context)
    return code, out.getvalue(), err.getvalue()


def records(dirs: UserDirs) -> list:  # type: ignore[type-arg]
    history = open_history(dirs.history_file, ignore, NOW, recording=False)
    try:
        return history.sessions()
    finally:
        history.close()


# -- what the report counts ---------------------------------------------------------------


def test_the_period_is_whole_weeks_up_to_the_end_of_this_one() -> None:
    period = period_of(date(2026, 3, 25), 4)
    assert (period.first, period.last, period.weeks) == (date(2026, 3, 2), date(2026, 3, 29), 4)
    assert period.mondays()[-1] == date(2026, 3, 23)


def test_the_weeks_count_sessions_minutes_and_pain_as_the_history_does(home: UserDirs) -> None:
    found = appointment(records(home), NOW.date(), 4)
    first = found.weeks[0]
    # Mon 2 to Sun 8 Mar: five sessions played through (none on Thursday nor Sunday).
    assert (first.played, first.done, first.days_done) == (5, 5, 5)
    assert first.pain_before.count == 5 and first.pain_after.count == 5
    assert first.pain_before.average == pytest.approx((6 + 7 + 6 + 5 + 6) / 5)
    # The preview (played ten times as fast) is listed, but neither played nor practised.
    assert found.previews == 1
    assert any(r.speed == 10 for r in found.sessions)
    assert found.practised_ms == sum(w.practised_ms for w in found.weeks)
    assert found.practised_ms == sum(
        found.counted[r.id].practised_ms for r in found.sessions if found.counted[r.id].last is r
    )
    # The session carried on today counts once, with the one it carried on.
    assert found.weeks[-1].played == 4


def test_the_routines_are_counted_most_played_first(home: UserDirs) -> None:
    found = appointment(records(home), NOW.date(), 4)
    assert [r.routine for r in found.routines] == list(ROUTINES)
    massage = found.routines[2]
    assert (massage.played, massage.done) == (2, 1)


def test_sessions_stopped_early_name_the_step_they_ended_in(home: UserDirs) -> None:
    found = appointment(records(home), NOW.date(), 4)
    stopped = {(s.record.routine, s.record.outcome, s.step) for s in found.stopped}
    pelvic = steps_of("pelvic-strength")
    massage = steps_of("partner-back-massage")
    assert stopped == {
        ("pelvic-strength", "stopped", pelvic[3].name),
        ("partner-back-massage", None, massage[2].name),
    }


# -- the report ---------------------------------------------------------------------------


def test_the_report_holds_the_weeks_routines_pain_and_disclaimer(
    home: UserDirs, tmp_path: Path
) -> None:
    target = tmp_path / "for the midwife.pdf"

    code, out, err = run(home, "history", "--report", str(target))

    assert (code, err) == (0, "")
    assert out == f"Report of 24 sessions, 2 Mar 2026 to 29 Mar 2026, written to {target}\n"
    data = target.read_bytes()
    text = all_text(data)
    for words in (
        "Exercise and massage sessions",
        "2 Mar 2026 to 29 Mar 2026: the last 4 weeks, up to 25 Mar 2026.",
        "22 sessions played, 20 of them done.",
        "Sessions by week",
        "Week Played Done Days done Minutes Pain before Pain after",
        "2 Mar to 8 Mar 5 5 5 39 6.0 4.2",
        "23 Mar to 29 Mar 4 4 3 32 4.5 2.5",
        *ROUTINES,
        "daily-back-care 14 14 96",
        "Sessions stopped early",
        "Wed 11 Mar 08:00 pelvic-strength stopped: something was wrong (17%)",
        steps_of("pelvic-strength")[3].name,
        "Mon 2 Mar 08:00 pelvic-strength 12 done 6 4",
        "preview x10",
    ):
        assert squeezed(words) in text, words
    pages = pages_text(data)
    assert 2 <= len(pages) <= 5
    for number, page in enumerate(pages, start=1):
        assert squeezed(DISCLAIMER) in squeezed(page)
        assert squeezed(f"Page {number} of {len(pages)}") in squeezed(page)


def test_the_report_has_the_chart_of_the_same_weeks(home: UserDirs, tmp_path: Path) -> None:
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    assert run(home, "history", "--report", str(target))[0] == 0
    # fpdf2 before 2.8 lists every picture in the resources of every page: one picture,
    # however many times it is listed.
    pictures = [picture.image for page in PdfReader(target).pages for picture in page.images]
    assert pictures and {picture.size for picture in pictures if picture} == {(1200, 760)}


@pytest.mark.parametrize("language", ["es", "vi", "zh-Hans"])
def test_the_report_in_another_language_prints_its_words(
    language: str, own_home: Path, tmp_path: Path
) -> None:
    dirs = UserDirs.under(own_home)
    write_sample(dirs.history_file, language)
    target = tmp_path / "report.pdf"

    code, _out, err = run(dirs, "--language", language, "history", "--report", str(target))

    assert (code, err) == (0, "")
    text = all_text(target.read_bytes())
    use(language)
    assert squeezed(_(DISCLAIMER)) in text
    assert squeezed(_("Sessions by week")) in text
    for step in steps_of("pelvic-strength", language)[3:4]:
        assert squeezed(step.name) in text
    assert "?" not in text.replace(squeezed(_(DISCLAIMER)), "")


def test_the_report_in_the_pseudo_language_leaves_no_english_word(
    home: UserDirs, tmp_path: Path
) -> None:
    target, table = tmp_path / "report.pdf", tmp_path / "table.csv"

    code, out, err = run(
        home, "--language", PSEUDO, "history", "--report", str(target), "--csv", str(table)
    )

    assert (code, err) == (0, "")
    assert out.count("[!! ") == 2
    allowed = [
        str(target),
        str(table),
        *ROUTINES,
        *(part for name in ROUTINES for part in name.split("-")),  # pypdf 4 parts them
        # Routine text, not the player's: a step's name may be broken across lines.
        *(word for name in ROUTINES for step in steps_of(name) for word in step.name.split()),
    ]
    assert escaped_words(re.sub(r"\b\d+ Mar 2026\b", " ", out), allowed) == []
    for page in pages_text(target.read_bytes()):
        # Dates and times of day are the CLDR's (English's in the pseudo-language).
        page = re.sub(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mar)\b|\d\d:\d\d", " ", page)
        assert escaped_words(page, allowed) == [], page


# -- the table ----------------------------------------------------------------------------


def read_by_hand(text: str) -> list[list[str]]:
    """RFC 4180 read strictly: CR LF after every record, fields quoted with doubled quotes
    inside or not quoted at all (then with no quote, comma, CR or LF in them)."""
    assert text.endswith("\r\n")
    field = r'"(?:[^"]|"")*"|[^",\r\n]*'
    record = re.compile(rf"((?:{field})(?:,(?:{field}))*)\r\n")
    found: list[list[str]] = []
    at = 0
    while at < len(text):
        match = record.match(text, at)
        assert match is not None, f"not RFC 4180 at {text[at : at + 60]!r}"
        fields = re.findall(rf"(?:^|,)({field})", match[1])
        found.append([f[1:-1].replace('""', '"') if f.startswith('"') else f for f in fields])
        at = match.end()
    return found


def test_the_table_has_a_row_per_session_and_per_step(home: UserDirs, tmp_path: Path) -> None:
    target = tmp_path / "sessions.csv"

    code, out, err = run(home, "history", "--csv", str(target))

    assert (code, err) == (0, "")
    assert out == (
        f"Table of 24 sessions and their steps, 2 Mar 2026 to 29 Mar 2026, written to {target}\n"
    )
    text = target.read_bytes().decode("utf-8")
    by_hand = read_by_hand(text)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert by_hand[0] == list(COLUMNS)
    assert [list(row.values()) for row in rows] == by_hand[1:]
    sessions = [row for row in rows if row["kind"] == "session"]
    steps = [row for row in rows if row["kind"] == "step"]
    assert len(sessions) == 24
    assert {row["kind"] for row in rows} == {"session", "step"}
    ids = {row["session_id"] for row in sessions}
    assert {row["session_id"] for row in steps} <= ids
    first = sessions[0]
    assert first["started"] == "2026-03-02T08:00:00+00:00"
    assert (first["routine"], first["outcome"]) == ("pelvic-strength", "finished")
    assert first["done"] == "yes"
    assert (first["pain_before"], first["pain_after"]) == ("6", "4")
    assert first["stop_reason"] == ""
    halted = [row for row in sessions if row["stop_reason"]]
    assert [(row["outcome"], row["stop_reason"]) for row in halted] == [
        ("stopped", "something is wrong")
    ]
    its_steps = [row["step_name"] for row in steps if row["session_id"] == first["session_id"]]
    assert its_steps == [step.name for step in steps_of("pelvic-strength")]
    preview = next(row for row in sessions if row["preview"] == "yes")
    assert (preview["speed"], preview["done"]) == ("10", "no")
    carried = next(row for row in sessions if row["carried_on_from"])
    assert carried["carried_on_from"] in ids
    assert next(r for r in sessions if r["outcome"] == "interrupted")["ended"] == ""


def test_the_table_quotes_what_needs_quoting(own_home: Path, tmp_path: Path) -> None:
    from tests.sample_history import play

    dirs = UserDirs.under(own_home)
    history = open_history(dirs.history_file, ignore, NOW)
    session = play(history, "daily-back-care", NOW - timedelta(hours=1))
    history.close()
    import sqlite3

    with sqlite3.connect(dirs.history_file) as db:
        odd = 'Back, "gentle"\nmine'
        db.execute("UPDATE sessions SET routine = ? WHERE id = ?", (odd, session))
    db.close()
    target = tmp_path / "sessions.csv"
    assert run(dirs, "history", "--csv", str(target))[0] == 0
    text = target.read_bytes().decode("utf-8")
    assert '"Back, ""gentle""\nmine"' in text
    assert read_by_hand(text)[1][2] == 'Back, "gentle"\nmine'


# -- when nothing is written --------------------------------------------------------------


@pytest.mark.parametrize("option", ["--report", "--csv"])
def test_a_missing_folder_is_one_line_and_no_file(
    home: UserDirs, tmp_path: Path, option: str
) -> None:
    target = tmp_path / "no such folder" / ("x.pdf" if option == "--report" else "x.csv")

    code, out, err = run(home, "history", option, str(target))

    assert (code, out) == (1, "")
    assert err == (
        f"{target} could not be written: there is no folder {target.parent}; "
        "make it first, or choose another\n"
    )
    assert not target.parent.exists()


def test_a_folder_that_may_not_be_written_is_one_line_and_the_old_file_stays(
    home: UserDirs, tmp_path: Path
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"last month's")

    with read_only(folder):
        code, out, err = run(home, "history", "--report", str(target))

    assert (code, out) == (1, "")
    assert err == f"{target} could not be written: the folder {folder} may not be written\n"
    assert target.read_bytes() == b"last month's"
    assert os.listdir(folder) == ["report.pdf"]


def test_a_name_with_the_wrong_ending_is_refused(home: UserDirs, tmp_path: Path) -> None:
    code, out, err = run(home, "history", "--report", str(tmp_path / "report.png"))
    assert (code, out) == (2, "")
    assert err.startswith("The report is a PDF: give a file name ending in .pdf")
    assert os.listdir(tmp_path) == ["home"]


def test_no_history_yet_is_one_line_and_no_file(own_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"

    code, out, err = run(UserDirs.under(own_home), "history", "--report", str(target))

    assert (code, out) == (1, "")
    assert err == (
        "No sessions recorded yet: nothing written. Play a routine (routine-player play) first.\n"
    )
    assert not target.exists()


def test_no_sessions_in_the_weeks_asked_for_is_one_line_and_no_file(
    home: UserDirs, tmp_path: Path
) -> None:
    target = tmp_path / "sessions.csv"
    later = NOW + timedelta(weeks=10)
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=home, now=lambda: later, err_stream=lambda: err)

    code = cli.main(["history", "--csv", str(target), "--weeks", "2"], context=context)

    assert (code, out.getvalue()) == (1, "")
    assert err.getvalue() == (
        "No sessions in the last 2 weeks: nothing written. Ask for more weeks with --weeks.\n"
    )
    assert not target.exists()


# -- the report's words and its chart ------------------------------------------------------


def test_pain_scores_are_counted_in_words_and_none_is_said_so() -> None:
    use("en")
    assert _pain_averages(Scores(5.0, 1), Scores(None, 0)) == (
        "Pain from 0 (none) to 10 (worst), on average: 5.0 before a session (1 score), "
        "no score after."
    )
    assert _pain_averages(Scores(None, 0), Scores(3.5, 2)) == (
        "Pain from 0 (none) to 10 (worst), on average: no score before a session, "
        "3.5 after (2 scores)."
    )


def test_seconds_that_round_to_no_minute_are_shown_as_under_one() -> None:
    use("en")
    assert [_minutes(ms) for ms in (0, 20_000, 29_999, 31_000, 70_000)] == [
        "0",
        "<1",
        "<1",
        "1",
        "1",
    ]


def test_the_charts_line_counts_minutes_in_words_for_one_and_for_seconds() -> None:
    use("en")
    first, last = date(2026, 3, 2), date(2026, 3, 29)

    def day(number: int, ms: int) -> Day:
        return Day(date(2026, 3, number), 1, 1, ms, None, None)

    assert facts_line(first, last, [day(2, 40_000)]) == (
        "2 Mar to 29 Mar 2026:  1 day done,  1 minute in all"
    )
    assert facts_line(first, last, [day(2, 10_000), day(3, 10_000)]) == (
        "2 Mar to 29 Mar 2026:  2 days done,  under a minute in all"
    )


PLACED = rb"([\d.]+) 0 0 [\d.]+ [\d.]+ [\d.]+ cm /I"
"""A picture's width on the page, in points, where it is drawn."""


def test_the_reports_chart_is_printed_in_greys_with_labels_of_8_points_at_least(
    home: UserDirs, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    assert run(home, "history", "--report", str(target))[0] == 0
    reader = PdfReader(target)
    placed = [
        float(found)
        for page in reader.pages
        for found in re.findall(PLACED, page.get_contents().get_data())
    ]
    assert len(placed) == 1
    smallest_label = 22  # pixels, of the chart's 1200
    assert smallest_label * placed[0] / SIZE[0] >= 8  # points on paper
    picture = next(picture.image for page in reader.pages for picture in page.images)
    assert picture is not None
    colours = picture.convert("RGB").getcolors(1 << 20)
    assert colours and all(len(set(colour)) == 1 for _count, colour in colours)
