"""The commands in Chinese, whose characters take two terminal columns: every line fits
80 columns and every table's columns start at the same column in every row."""

from __future__ import annotations

import io
import re

import pytest

from player import cli
from player.care.safety import daily_check_question
from player.commands import voices as voices_command
from player.language import use
from player.speech.voices import Voice
from player.terminal.questions import format_question
from player.terminal.text_fit import cells, wrap_as_typed

ZH = "zh-Hans"
WIDTH = 80
SENTENCE = "如果有任何一项符合，请不要运动：立即联系您的医生或助产士。"  # noqa: RUF001
COLUMN = re.compile(r"(?:^|(?<=  ))\S")
"""Where a column of a table begins: at the start of the line, or after two spaces."""


def zh(*args: str) -> str:
    out = io.StringIO()
    code = cli.main(["--language", ZH, *args], out=out)
    assert code == 0, out.getvalue()
    return out.getvalue()


def column_starts(line: str) -> list[int]:
    """The column (in cells) where each column of a table row begins."""
    return [cells(line[: found.start()]) for found in COLUMN.finditer(line)]


def assert_lined_up(rows: list[str], columns: int) -> None:
    assert len(rows) > 1
    starts = [column_starts(row) for row in rows]
    assert all(len(found) == columns for found in starts), rows
    assert all(found == starts[0] for found in starts), "\n".join(rows)


def assert_fits(lines: list[str]) -> None:
    too_wide = [line for line in lines if cells(line) > WIDTH]
    assert not too_wide, "\n".join(too_wide)


def table(out: str) -> list[str]:
    """The first block of lines of ``out`` with a column gap in each line."""
    blocks = [block.splitlines() for block in out.split("\n\n")]
    return next(b for b in blocks if len(b) > 1 and all("  " in line.strip() for line in b))


def test_safety_fits_80_columns_and_keeps_each_command_on_one_line() -> None:
    out = zh("safety")
    assert_fits(out.splitlines())
    assert any("settings set due-date 2027-05-01" in line for line in out.splitlines())
    assert any("settings set week 20" in line for line in out.splitlines())


def test_the_settings_table_lines_up_and_fits() -> None:
    rows = table(zh("settings"))
    assert rows[0].startswith("键")
    assert_lined_up(rows, 3)
    assert_fits(rows)


def test_the_voices_table_lines_up_from_its_header(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = (
        Voice("sit/cmn", "Chinese (Mandarin, latin as English)", ("cmn",)),
        Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
        Voice("sit/cmn-latn-pinyin", "Chinese (Mandarin, latin as Pinyin)", ("cmn",)),
    )
    monkeypatch.setattr(voices_command, "list_voices", lambda: installed)
    rows = zh("voices").split("\n\n")[0].splitlines()  # those that speak Chinese
    assert len(rows) == 3
    assert_lined_up(rows, 3)
    assert_fits(rows)


def test_the_sessions_of_the_history_line_up_with_no_spaces_to_spare() -> None:
    played = [
        "play",
        "daily-back-care",
        "--ui",
        "none",
        "--speed",
        "100",
        "--mute",
        "--no-warning-signs",
    ]
    for _ in range(2):
        zh(*played)
    out = zh("history")
    assert_fits(out.splitlines())
    sessions = [line for line in out.splitlines() if "daily-back-care" in line]
    assert len(sessions) == 2
    assert_lined_up(sessions, 5)
    day = sessions[0].split()[0]
    # the day and the time two spaces apart when the day is wider than ten columns
    assert cells(day) <= 10 or (f"{day}  " in sessions[0] and f"{day}   " not in sessions[0])


def test_the_routine_list_lines_up() -> None:
    rows = zh("list").split("\n\n")[0].splitlines()
    starts = [column_starts(row)[:4] for row in rows]
    assert all(found == starts[0] for found in starts), rows


def test_a_question_in_the_text_ui_fits_and_is_underlined_its_whole_width() -> None:
    use(ZH)
    lines = format_question(daily_check_question(), WIDTH, 40)
    assert_fits(lines)
    title, underline = lines[1], lines[2]
    assert set(underline) == {"="}
    assert len(underline) == cells(title)
    narrow = format_question(daily_check_question(), 30, 40)
    assert all(cells(line) <= 30 for line in narrow)


def test_wrapping_by_cells_breaks_between_chinese_characters_and_indents() -> None:
    lines = wrap_as_typed(SENTENCE, 20, "  ")
    assert all(cells(line) <= 20 for line in lines)
    assert all(line.startswith("  ") for line in lines[1:])
    assert "".join(line.strip() for line in lines) == SENTENCE
    assert not any(line.strip().startswith(("，", "。", "：")) for line in lines)  # noqa: RUF001
