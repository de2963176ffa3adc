"""The terminal view: what each size of screen shows, the keys, and the loop on a fake screen.

Sessions are real (engine, session, recording speaker) and move on a fake clock. The big
digits are read back with a decoder written here from the pixel font, so a test fails when
the digits drawn are not the time left.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import pytest

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import COMMANDS, Ending, Session, View
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.terminal import screen as terminal_screen
from player.terminal.render import (
    FILLED,
    FONT,
    KEYS_HELP,
    STEP_MARK,
    TO_DO,
    Line,
    big_text,
    progress_bar,
    render,
)
from player.terminal.screen import (
    KEYS,
    MAX_WAIT_MS,
    CursesScreen,
    TerminalLoop,
    key_to_command,
    run_terminal,
    terminal_available,
)

S = 1000
T0 = 1_000_000
SIZES = [(100, 30), (80, 24), (60, 16), (40, 12)]
LONG_DO = (
    "Sit comfortably. Squeeze the muscles you would use to stop passing wind and urine, "
    "lift them and hold. Keep breathing, and relax fully between squeezes. " * 3
)


def routine(*steps: dict[str, Any], **top: Any) -> Routine:
    return Routine.model_validate(
        {"title": "Test", "lead_in": 0, "prepare": 0, **top, "steps": steps}
    )


def session_of(plan: Routine, choices: Choices | None = None) -> Session:
    session = Session(Engine(plan, choices or Choices()), RecordingSpeaker())
    session.start(T0)
    return session


def view_at(session: Session, ms: int) -> View:
    """The view ``ms`` after the start, having played up to there."""
    session.tick(T0 + ms)
    return session.view(T0 + ms)


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


# -- reading the big digits back ----------------------------------------------------------


def big_rows(lines: Sequence[str]) -> list[str]:
    """The five rows of big digits on a screen (they are the only lines made of blocks)."""
    rows = [line for line in lines if FILLED in line and " / " not in line]
    assert len(rows) == 5, f"expected five rows of big digits, found {len(rows)}"
    return rows


def read_big(lines: Sequence[str]) -> str:
    """The text drawn in big digits, found by matching each glyph with the pixel font."""
    rows = big_rows(lines)
    width = max(len(row) for row in rows)
    grid = [row.ljust(width) for row in rows]
    columns = ["".join(row[x] for row in grid) for x in range(width)]
    glyphs: list[list[str]] = []
    current: list[str] = []
    for column in [*columns, " " * 5]:
        if column.strip():
            current.append(column)
        elif current:
            glyphs.append(current)
            current = []
    # Every glyph has a run of one pixel somewhere, so the shortest run is one pixel.
    scale = min(len(run) for row in rows for run in row.split() if run)
    by_pixels = {
        tuple("".join(FONT[c][row][x] for row in range(5)) for x in range(len(FONT[c][0]))): c
        for c in FONT
    }
    text = ""
    for glyph in glyphs:
        pixels = tuple(column.replace(FILLED, "#").replace(" ", ".") for column in glyph[::scale])
        assert pixels in by_pixels, f"a glyph that is no digit: {pixels}"
        text += by_pixels[pixels]
    return text


def bar_of(lines: Sequence[str]) -> str:
    line = next(line for line in lines if " / " in line and (FILLED in line or TO_DO in line))
    return line.split(" ")[0]


def test_the_digit_font_draws_one_colon_oh_five_as_blocks() -> None:
    art = [
        " #    ### ###",
        "##  # # # #",
        " #    # # ###",
        " #  # # #   #",
        "###   ### ###",
    ]
    assert big_text("1:05", scale=1) == [row.replace("#", FILLED) for row in art]
    assert big_text("1", scale=2)[1] == FILLED * 4


def test_the_decoder_reads_the_font_at_both_scales() -> None:
    assert read_big(big_text("0123456789", scale=1)) == "0123456789"
    assert read_big(big_text("12:34", scale=2)) == "12:34"


# -- the big timer ------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_big_timer_shows_the_seconds_left_in_the_segment(width: int, height: int) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 90}))
    assert read_big(render(view_at(session, 25 * S), width, height)) == "1:05"
    assert read_big(render(view_at(session, 84 * S + 1), width, height)) == "0:06"


def test_a_part_second_left_counts_as_a_whole_one() -> None:
    session = session_of(routine({"exercise": "Plank", "time": 90}))
    assert read_big(render(view_at(session, 500), 100, 30)) == "1:30"
    assert read_big(render(view_at(session, 89 * S + 999), 100, 30)) == "0:01"


def test_the_timer_counts_each_phase_not_the_whole_step() -> None:
    squeeze = {
        "exercise": "Squeeze",
        "reps": 2,
        "phases": [{"name": "Squeeze", "time": 5}, {"name": "Relax", "time": 8}],
    }
    session = session_of(routine(squeeze))
    assert read_big(render(view_at(session, 2 * S), 80, 24)) == "0:03"
    assert read_big(render(view_at(session, 6 * S), 80, 24)) == "0:07"


def test_an_hour_long_step_draws_smaller_digits_on_a_narrow_screen() -> None:
    session = session_of(routine({"exercise": "Long", "time": "1h10m"}))
    view = view_at(session, 7 * 60 * S + 55 * S)
    wide = render(view, 100, 30)
    narrow = render(view, 40, 12)
    assert read_big(wide) == read_big(narrow) == "1:02:05"
    assert max(len(row) for row in big_rows(narrow)) < max(len(row) for row in big_rows(wide))


def test_too_narrow_for_big_digits_the_time_is_one_plain_line() -> None:
    session = session_of(routine({"exercise": "Plank", "time": 90}))
    lines = render(view_at(session, 25 * S), 12, 12)
    assert not any(FILLED in line for line in lines[:-3])  # the bar and two lines of keys
    assert any(line.strip() == "1:05" for line in lines)


# -- the progress bar ---------------------------------------------------------------------


@pytest.mark.parametrize("at_s", [0, 25, 50, 80, 100])
@pytest.mark.parametrize(("width", "height"), [(100, 30), (40, 12)])
def test_the_bar_fills_in_proportion_to_the_whole_session(
    at_s: int, width: int, height: int
) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 100}))
    bar = bar_of(render(view_at(session, at_s * S), width, height))
    done = round(len(bar) * at_s / 100)
    assert bar == FILLED * done + TO_DO * (len(bar) - done)


def test_the_bar_has_a_mark_where_each_step_begins() -> None:
    session = session_of(
        routine(
            {"exercise": "A", "time": 25},
            {"exercise": "B", "time": 25},
            {"exercise": "C", "time": 50},
        )
    )
    bar = bar_of(render(view_at(session, 30 * S), 100, 30))
    marks = [i for i, cell in enumerate(bar) if cell == STEP_MARK]
    assert marks == [len(bar) * 25 // 100, len(bar) * 50 // 100]
    assert bar[: marks[0]] == FILLED * marks[0]
    assert TO_DO not in bar[: round(len(bar) * 0.3)]
    assert FILLED not in bar[round(len(bar) * 0.3) :]


def test_marks_too_close_together_are_left_out_so_the_bar_still_shows_progress() -> None:
    starts = [0, 10, 20, 30, 500]
    bar = progress_bar(250, 1000, starts, 20)
    assert bar.count(STEP_MARK) == 1
    assert bar[10] == STEP_MARK
    assert bar[:10] == FILLED * 5 + TO_DO * 5


# -- what the lines say -------------------------------------------------------------------


REACH = {
    "exercise": "Reach",
    "do": "Reach one arm forward.",
    "reps": 3,
    "sides": "both",
    "switch": 3,
    "phases": [{"name": "Squeeze", "time": 5}, {"name": "Relax", "time": 5}],
}


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_rep_side_and_phase_are_shown(width: int, height: int) -> None:
    session = session_of(routine(REACH, {"exercise": "After", "time": 10}))
    text = "\n".join(render(view_at(session, 12 * S), width, height))
    assert "rep 2 of 3 \u00b7 LEFT \u00b7 Squeeze" in text
    text = "\n".join(render(view_at(session, 31 * S), width, height))
    assert "switch to RIGHT" in text
    text = "\n".join(render(view_at(session, 39 * S), width, height))
    assert "rep 1 of 3 \u00b7 RIGHT \u00b7 Relax" in text


def test_name_set_do_text_and_next_up() -> None:
    plan = routine(
        {"block": "Circuit", "sets": 2, "rest": 10, "steps": [{"exercise": "Hop", "time": 20}]},
        {"exercise": "Stretch", "do": "Stretch as you like.", "time": 20},
    )
    session = session_of(plan)
    lines = [line.strip() for line in render(view_at(session, 5 * S), 100, 30)]
    assert "Hop \u00b7 set 1 of 2" in lines
    assert "Next up: Rest before set 2 of 2" in lines
    lines = [line.strip() for line in render(view_at(session, 35 * S), 100, 30)]
    assert "Hop \u00b7 set 2 of 2" in lines
    assert "Next up: Stretch" in lines
    lines = [line.strip() for line in render(view_at(session, 55 * S), 100, 30)]
    assert "Stretch" in lines
    assert "Stretch as you like." in lines
    assert "Last step" in lines


def paragraph_from(lines: Sequence[str], first_words: str) -> list[str]:
    """The lines of the paragraph that begins with ``first_words``, up to a blank line or the
    line that says what is next."""
    stripped = [line.strip() for line in lines]
    start = next(i for i, line in enumerate(stripped) if line.startswith(first_words))
    ends = (i for i in range(start, len(stripped)) if stripped[i] in ("", "Last step"))
    return stripped[start : next(ends)]


def test_the_do_text_wraps_to_the_width_and_is_cut_when_the_screen_is_short() -> None:
    session = session_of(routine({"exercise": "Hold", "do": LONG_DO, "time": 60}))
    view = view_at(session, 0)
    whole = " ".join(LONG_DO.split())
    tall = paragraph_from(render(view, 80, 40), "Sit comfortably.")
    assert " ".join(tall) == whole
    assert len(tall) > 3
    assert all(len(line) <= 76 for line in tall)
    short = paragraph_from(render(view, 80, 16), "Sit comfortably.")
    assert 0 < len(short) < len(tall)
    assert short[-1].endswith("\u2026")
    assert whole.startswith(" ".join(short)[:-1])


def test_the_caption_shows_what_was_said_while_captions_are_on() -> None:
    plan = routine({"exercise": "Plank", "time": 30, "say": [{"at": 10, "say": "Breathe out"}]})
    session = session_of(plan)
    assert any("\u00bb Breathe out" in line for line in render(view_at(session, 11 * S), 100, 30))
    session.command("captions", T0 + 11 * S)
    assert not any("Breathe out" in line for line in render(session.view(T0 + 11 * S), 100, 30))
    assert "captions off" in " ".join(render(session.view(T0 + 11 * S), 100, 30)[-2:])


def test_mute_is_shown_on_the_help_line() -> None:
    session = session_of(routine({"exercise": "Plank", "time": 30}))
    assert "muted" not in render(view_at(session, S), 100, 30)[-1]
    session.command("mute", T0 + S)
    assert render(session.view(T0 + S), 100, 30)[-1].strip().startswith("muted \u00b7 ")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_paused_then_the_get_ready_then_playing(width: int, height: int) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 60}))
    session.tick(T0 + 10 * S)
    session.command("toggle_pause", T0 + 10 * S)
    paused = [line.strip() for line in render(session.view(T0 + 40 * S), width, height)]
    assert "PAUSED \u2014 Space to go on" in paused
    assert read_big(paused) == "0:50"
    session.command("toggle_pause", T0 + 40 * S)
    lines = [line.strip() for line in render(view_at(session, 42 * S + 500), width, height)]
    assert "Get ready\u2026 3" in lines
    assert not any("PAUSED" in line for line in lines)
    lines = [line.strip() for line in render(view_at(session, 46 * S), width, height)]
    assert not any("PAUSED" in line or "Get ready" in line for line in lines)
    assert read_big(lines) == "0:49"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_step_that_waits_asks_for_enter_and_shows_no_clock(width: int, height: int) -> None:
    plan = routine(
        {"exercise": "Squeezes", "reps": 10, "do": "Quick squeezes."},
        {"exercise": "After", "time": 20},
    )
    session = session_of(plan)
    lines = [line.strip() for line in render(view_at(session, 5 * S), width, height)]
    assert "Press Enter when done" in lines
    assert "10 times, at your own pace" in lines
    assert not any(FILLED in line for line in lines if " / " not in line)
    session.command("done", T0 + 6 * S)
    lines = [line.strip() for line in render(view_at(session, 7 * S), width, height)]
    assert "After" in lines
    assert "Press Enter when done" not in lines
    assert read_big(lines) == "0:19"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_finished(width: int, height: int) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    lines = [line.strip() for line in render(view_at(session, 25 * S), width, height)]
    assert "Finished" in lines  # nothing counted it: no "Well done"
    assert "Press q to close" in lines
    assert not any("Well done" in line for line in lines)
    assert not any(line.startswith("Next up") for line in lines)
    assert bar_of(lines) == FILLED * len(bar_of(lines))


END_LINES = ("3 days in a row", "Today: 2 sessions, 18 minutes")
WELL_DONE = Ending("Well done", "", END_LINES)
NOT_COUNTED = Ending(
    "You did 2 of 13 minutes", "A session counts from 11 minutes", ("3 days in a row",)
)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_end_screen_says_well_done_with_the_end_lines_under_it(width: int, height: int) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    session.ending = WELL_DONE
    lines = [line.strip() for line in render(view_at(session, 25 * S), width, height)]
    streak = lines.index(END_LINES[0])
    assert lines.index("Well done") < lines.index("Press q to close") < streak
    assert lines[streak + 1] == END_LINES[1]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_session_not_counted_says_how_much_was_done_and_what_counts(
    width: int, height: int
) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    session.ending = NOT_COUNTED
    lines = [line.strip() for line in render(view_at(session, 25 * S), width, height)]
    assert "You did 2 of 13 minutes" in lines
    assert not any("Well done" in line for line in lines)
    if height >= 16:
        assert lines.index("You did 2 of 13 minutes") < lines.index("Press q to close")
        assert lines.index("Press q to close") < lines.index("A session counts from 11 minutes")


def test_the_end_lines_wait_for_the_end() -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    session.ending = WELL_DONE
    lines = [line.strip() for line in render(view_at(session, 5 * S), 80, 24)]
    assert not {"Well done", *END_LINES} & set(lines)


@pytest.mark.parametrize(("width", "height"), [(30, 8), (20, 6), (12, 4), (5, 2)])
def test_long_end_lines_are_cut_to_the_width(width: int, height: int) -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    session.ending = Ending(
        "You did 2 of 13 minutes", "A very long line about a streak of days " * 3, END_LINES
    )
    lines = render(view_at(session, 25 * S), width, height)
    assert len(lines) <= height
    assert all(cells(line) <= width for line in lines)


def test_the_quit_question_takes_the_help_line() -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    view = view_at(session, S)
    for width, height in SIZES:
        lines = render(view, width, height, asking_to_quit=True)
        assert lines[-1].strip().startswith("Stop")
        assert "Esc, q or y" in lines[-1] or "Esc/q/y" in lines[-1]


KEY_NAMES = [key for key, _does, _short in KEYS_HELP]


def keys_shown(footer: Sequence[str]) -> list[str]:
    """The keys a footer names, in the order it names them."""
    words = " ".join(footer).replace(":", " ").replace("\u00b7", " ").split()
    return [word for word in words if word in KEY_NAMES]


def footer(lines: Sequence[str], rows: int) -> list[str]:
    """The last ``rows`` lines, under the progress bar."""
    assert bar_of(lines[-rows - 1 :]), "the progress bar is not right above the footer"
    return [line.strip() for line in lines[-rows:]]


TYPED = {"Esc": ["\x1b"], "Space": [" "], "Enter": ["\n"], "+/-": ["+", "-"]}


def test_the_footer_lists_a_key_for_everything_the_view_does() -> None:
    typed = [char for name in KEY_NAMES for char in TYPED.get(name, [name])]
    assert {key_to_command(char) for char in typed} == set(KEYS.values())
    assert KEY_NAMES[0] == "Esc"


@pytest.mark.parametrize(("muted", "captions"), [(False, True), (True, False)])
def test_at_eighty_columns_the_footer_names_every_key_esc_first(
    muted: bool, captions: bool
) -> None:
    session = session_of(routine({"exercise": "Plank", "do": LONG_DO, "time": 60}))
    if muted:
        session.command("mute", T0)
    if not captions:
        session.command("captions", T0)
    lines = render(view_at(session, 5 * S), 80, 24)
    keys = footer(lines, 2)
    assert all(cells(line) <= 80 for line in lines)
    assert keys_shown(keys) == KEY_NAMES
    assert keys[0].startswith("muted \u00b7 captions off \u00b7 Esc" if muted else "Esc stop")


def test_wide_enough_the_keys_take_one_line() -> None:
    session = session_of(routine({"exercise": "Plank", "time": 20}))
    view = view_at(session, S)
    assert keys_shown(footer(render(view, 120, 30), 1)) == KEY_NAMES
    assert render(view, 120, 30)[-1].strip().startswith("Esc stop \u00b7 Space pause")
    assert keys_shown(footer(render(view, 90, 30), 1)) == KEY_NAMES
    assert render(view, 90, 30)[-1].strip().startswith("Esc:stop Space:pause")


@pytest.mark.parametrize(("width", "height"), [(60, 16), (40, 12), (30, 8), (20, 24), (12, 10)])
def test_narrower_the_footer_keeps_the_keys_that_matter_most_esc_first(
    width: int, height: int
) -> None:
    session = session_of(routine({"exercise": "Plank", "do": LONG_DO, "time": 20}))
    lines = render(view_at(session, S), width, height)
    shown = keys_shown([line.strip() for line in lines[-2:] if FILLED not in line])
    assert shown == KEY_NAMES[: len(shown)]
    assert shown[:2] == ["Esc", "Space"]
    assert all(cells(line) <= width for line in lines)


def test_a_short_screen_keeps_one_line_of_keys_esc_first() -> None:
    session = session_of(routine({"exercise": "Plank", "do": LONG_DO, "time": 20}))
    lines = render(view_at(session, S), 80, 8)
    assert len(lines) == 8
    keys = footer(lines, 1)
    assert keys_shown(keys) == KEY_NAMES[: len(keys_shown(keys))]
    assert keys[0].startswith("Esc:stop Space:pause Enter:done")


# -- fitting any size ---------------------------------------------------------------------


MIXED = routine(
    {"instruction": "Kneel on a mat on your hands and knees. " * 4, "time": 6},
    {
        "exercise": "A very long step name that goes on and on \u548c\u4f60\u597d " * 3,
        "do": LONG_DO,
        "reps": 2,
        "sides": "both",
        "switch": 2,
        "phases": [{"name": "Squeeze", "time": 3}, {"name": "Relax", "time": 2}],
    },
    {"exercise": "Squeezes", "reps": 10, "do": "Quick squeezes."},
    {"block": "Circuit", "sets": 2, "rest": 4, "steps": [{"exercise": "Hop", "time": 5}]},
    {"rest": 5, "do": "Sit back on your heels."},
    lead_in=3,
)


@pytest.mark.parametrize(
    ("width", "height"), [*SIZES, (41, 13), (200, 60), (30, 8), (12, 4), (5, 2), (1, 1), (0, 0)]
)
def test_every_line_fits_at_every_moment(width: int, height: int) -> None:
    session = session_of(MIXED)
    now = T0
    while session.engine.state != "finished":
        now += 700
        session.tick(now)
        if session.engine.state == "waiting":
            session.command("done", now)
        for asking in (False, True):
            lines = render(session.view(now), width, height, asking_to_quit=asking)
            assert len(lines) <= height
            for line in lines:
                assert cells(line) <= width, line
                assert "\n" not in line


def test_forty_by_twelve_keeps_the_name_state_timer_bar_and_keys() -> None:
    session = session_of(routine({"exercise": "Hold", "do": LONG_DO, "time": 60}))
    session.tick(T0 + 5 * S)
    session.command("toggle_pause", T0 + 5 * S)
    lines = render(session.view(T0 + 5 * S), 40, 12)
    assert len(lines) == 12
    stripped = [line.strip() for line in lines]
    assert stripped[0] == "Hold" or "Hold" in stripped
    assert "PAUSED \u2014 Space to go on" in stripped
    assert read_big(lines) == "0:55"
    assert footer(lines, 2)[0].startswith("Esc:stop Space:pause")


# -- keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "command"),
    [
        (" ", "toggle_pause"),
        ("n", "next"),
        ("N", "next"),
        ("KEY_RIGHT", "next"),
        ("p", "previous"),
        ("KEY_LEFT", "previous"),
        ("r", "restart"),
        ("+", "more_time"),
        ("=", "more_time"),
        ("-", "less_time"),
        ("_", "less_time"),
        ("\n", "done"),
        ("\r", "done"),
        ("KEY_ENTER", "done"),
        ("m", "mute"),
        ("c", "captions"),
        ("q", "quit"),
        ("Q", "quit"),
    ],
)
def test_key_to_command(key: str, command: str) -> None:
    assert key_to_command(key) == command


@pytest.mark.parametrize("key", ["z", "y", "KEY_RESIZE", "KEY_UP", "1", "\t", "KEY_999"])
def test_other_keys_do_nothing(key: str) -> None:
    assert key_to_command(key) is None


def test_every_session_command_has_a_key() -> None:
    reachable = {key_to_command(key) for key in [" ", "n", "p", "r", "+", "-", "\n", "m", "c"]}
    assert reachable == set(COMMANDS) - {"step_before"}  # said aloud only: "previous step"


# -- the loop on a fake screen ------------------------------------------------------------


class FakeScreen:
    """Keys that arrive at given clock times; waiting for one moves the fake clock on."""

    def __init__(
        self,
        clock: FakeClock,
        keys: Sequence[tuple[int, str]] = (),
        size: tuple[int, int] = (80, 24),
    ) -> None:
        self.clock = clock
        self.keys = list(keys)
        self.width, self.height = size
        self.frames: list[list[str]] = []
        self.waits: list[int] = []
        self.flashes: list[int] = []

    def size(self) -> tuple[int, int]:
        return self.width, self.height

    def read_key(self, timeout_ms: int) -> str | None:
        self.waits.append(timeout_ms)
        deadline = self.clock.now() + timeout_ms
        if self.keys and self.keys[0][0] <= deadline:
            at, key = self.keys.pop(0)
            self.clock.sleep_until(at)
            return key
        self.clock.sleep_until(deadline)
        return None

    def show(self, lines: Sequence[Line]) -> None:
        self.frames.append([text for text, _style in lines])

    def flash(self) -> None:
        self.flashes.append(self.clock.now())

    def last(self) -> list[str]:
        return [line.strip() for line in self.frames[-1]]


def looped(
    plan: Routine, keys: Sequence[tuple[int, str]] = (), size: tuple[int, int] = (80, 24)
) -> tuple[TerminalLoop, FakeScreen, FakeClock]:
    clock = FakeClock(T0)
    screen = FakeScreen(clock, [(T0 + at, key) for at, key in keys], size)
    session = Session(Engine(plan), RecordingSpeaker())
    return TerminalLoop(session, clock, screen), screen, clock


def steps_until(loop: TerminalLoop, clock: FakeClock, ms: int) -> None:
    while clock.now() < T0 + ms:
        assert loop.step() is None


def state_of(loop: TerminalLoop) -> str:
    return loop.session.engine.state


def showing(loop: TerminalLoop, screen: FakeScreen) -> list[str]:
    """What the screen shows now (the last wake drew it a little earlier)."""
    loop.draw(loop.clock.now())
    return screen.frames[-1]


TWO_STEPS = routine(
    {"exercise": "Plank", "time": 30},
    {"exercise": "Squeezes", "reps": 10},
    {"exercise": "Last", "time": 20},
)


def test_the_first_wake_starts_the_session_and_draws_it() -> None:
    loop, screen, _clock = looped(TWO_STEPS)
    assert loop.step() is None
    assert state_of(loop) == "playing"
    assert "Plank" in screen.last()
    assert read_big(showing(loop, screen)) == "0:30"


def test_space_pauses_and_resumes() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(5 * S, " "), (20 * S, " ")])
    steps_until(loop, clock, 5 * S + 1)
    assert state_of(loop) == "paused"
    steps_until(loop, clock, 19 * S)
    assert "PAUSED \u2014 Space to go on" in screen.last()
    assert read_big(showing(loop, screen)) == "0:25"
    steps_until(loop, clock, 20 * S + 1)
    assert state_of(loop) == "playing"
    steps_until(loop, clock, 27 * S)
    assert read_big(showing(loop, screen)) == "0:23"


def test_n_and_right_go_on_and_p_goes_back() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(S, "n"), (2 * S, "p"), (3 * S, "KEY_RIGHT")])
    steps_until(loop, clock, S + 1)
    assert loop.session.engine.frame(clock.now()).step.name == "Squeezes"
    steps_until(loop, clock, 2 * S + 1)
    assert loop.session.engine.frame(clock.now()).step.name == "Plank"
    steps_until(loop, clock, 3 * S + 1)
    assert loop.session.engine.frame(clock.now()).step.name == "Squeezes"
    steps_until(loop, clock, 4 * S)
    assert "Press Enter when done" in screen.last()


def test_enter_says_done_to_a_step_that_waits() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(40 * S, "\n")])
    steps_until(loop, clock, 39 * S)
    assert state_of(loop) == "waiting"
    steps_until(loop, clock, 41 * S)
    assert loop.session.engine.frame(clock.now()).step.name == "Last"
    assert "Last" in screen.last()


def test_plus_and_minus_change_the_time_left_by_ten_seconds() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(5 * S, "+"), (6 * S, "-"), (7 * S, "-")])
    steps_until(loop, clock, 5 * S + 1)
    assert read_big(showing(loop, screen)) == "0:35"
    steps_until(loop, clock, 7 * S + 1)
    assert read_big(showing(loop, screen)) == "0:13"


def test_m_mutes_and_c_hides_captions() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(S, "m"), (S, "c")])
    steps_until(loop, clock, S + 1)
    assert loop.session.muted
    assert not loop.session.captions_on
    assert screen.last()[-2].startswith("muted \u00b7 captions off \u00b7 Esc")


def test_r_restarts_the_step() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(10 * S, "r")])
    steps_until(loop, clock, 10 * S + 1)
    assert read_big(showing(loop, screen)) == "0:30"


@pytest.mark.parametrize("first", ["q", "\x1b"])
@pytest.mark.parametrize("second", ["q", "y", "Q", "\x1b"])
def test_q_or_esc_pauses_and_asks_and_a_second_q_esc_or_y_quits(first: str, second: str) -> None:
    loop, screen, clock = looped(TWO_STEPS, [(S, first), (2 * S, second)])
    steps_until(loop, clock, S + 1)
    assert screen.last()[-1].startswith("Stop")
    assert state_of(loop) == "paused"
    outcome = None
    while outcome is None:
        outcome = loop.step()
    assert outcome == "quit"
    assert clock.now() == T0 + 2 * S


def test_any_other_key_after_q_goes_on_and_is_not_acted_on() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(S, "q"), (2 * S, "n")])
    steps_until(loop, clock, 3 * S)
    assert not loop.asking_to_quit
    assert not screen.last()[-1].startswith("Stop")
    assert state_of(loop) == "playing"
    assert loop.session.engine.frame(clock.now()).step.name == "Plank"


def test_played_to_the_end_q_closes_at_once_as_finished() -> None:
    plan = routine({"exercise": "Plank", "time": 5})
    loop, screen, _clock = looped(plan, [(8 * S, "q")])
    outcome = None
    while outcome is None:
        outcome = loop.step()
    assert outcome == "finished"
    assert any(line.startswith("Finished") for line in screen.last())


def test_the_loop_shows_the_end_lines_once_played_to_the_end() -> None:
    loop, screen, _clock = looped(routine({"exercise": "Plank", "time": 5}), [(8 * S, "q")])
    loop.session.ending = WELL_DONE
    outcome = None
    while outcome is None:
        outcome = loop.step()
        if loop.session.engine.state != "finished":
            assert END_LINES[0] not in screen.last()
    assert outcome == "finished"
    assert END_LINES[0] in screen.last() and END_LINES[1] in screen.last()


def test_every_second_of_the_countdown_is_drawn_and_no_frame_twice() -> None:
    plan = routine({"exercise": "Plank", "time": 5})
    loop, screen, clock = looped(plan)
    steps_until(loop, clock, 6 * S)
    playing = [frame for frame in screen.frames if "Plank" in [line.strip() for line in frame]]
    shown = [read_big(frame) for frame in playing]
    assert [t for i, t in enumerate(shown) if i == 0 or shown[i - 1] != t] == [
        "0:05",
        "0:04",
        "0:03",
        "0:02",
        "0:01",
    ]
    assert all(a != b for a, b in zip(screen.frames, screen.frames[1:], strict=False))


def test_a_wake_never_waits_longer_than_the_cap_or_past_the_next_change() -> None:
    loop, screen, clock = looped(TWO_STEPS)
    steps_until(loop, clock, 10 * S)
    assert screen.waits and max(screen.waits) <= MAX_WAIT_MS
    loop.session.tick(T0 + 10 * S + 300)
    assert loop.wait_ms(T0 + 10 * S + 300) == MAX_WAIT_MS
    loop.session.tick(T0 + 10 * S + 900)
    assert loop.wait_ms(T0 + 10 * S + 900) == 100  # the next whole second on the timer
    # A second that turned while the screen was drawn, after the last tick: due at once.
    assert loop.wait_ms(T0 + 11 * S + 5) == 0


def test_nothing_is_redrawn_while_nothing_changes() -> None:
    loop, screen, clock = looped(TWO_STEPS, [(S, " ")])
    steps_until(loop, clock, 8 * S)  # paused, and the caption gone
    before = len(screen.frames)
    steps_until(loop, clock, 20 * S)
    assert len(screen.frames) == before
    screen.width, screen.height = 40, 12
    loop.step()
    assert len(screen.frames) == before + 1
    assert all(cells(line) <= 40 for line in screen.frames[-1])


# -- the curses side, without a terminal --------------------------------------------------


class FakeWindow:
    """The few curses window calls CursesScreen makes. A None among the keys is a wait in
    which no key comes: it moves the clock on by the timeout, as a real wait would."""

    def __init__(
        self,
        encoding: str = "utf-8",
        keys: Sequence[str | int | None] = (),
        clock: FakeClock | None = None,
    ) -> None:
        self.encoding = encoding
        self.keys = list(keys)
        self.clock = clock or FakeClock(T0)
        self.rows: dict[int, tuple[str, int]] = {}
        self.timeouts: list[int] = []

    def getmaxyx(self) -> tuple[int, int]:
        return 12, 40

    def timeout(self, ms: int) -> None:
        self.timeouts.append(ms)

    def get_wch(self) -> str | int:
        import curses

        key = self.keys.pop(0) if self.keys else None
        if key is None:
            self.clock.advance(self.timeouts[-1])
            raise curses.error("no input")
        return key

    def erase(self) -> None:
        self.rows.clear()

    def addstr(self, row: int, column: int, text: str, attr: int) -> None:
        self.rows[row] = (" " * column + text, attr)

    def refresh(self) -> None:
        pass

    def text(self) -> list[str]:
        return [self.rows[row][0] for row in sorted(self.rows)]


def test_curses_screen_names_special_keys_and_returns_none_without_a_key() -> None:
    curses = pytest.importorskip("curses")
    window = FakeWindow("utf-8", ["n", curses.KEY_LEFT, curses.KEY_ENTER])
    screen = CursesScreen(window)  # type: ignore[arg-type]
    assert screen.size() == (40, 12)
    assert [screen.read_key(100) for _ in range(4)] == ["n", "KEY_LEFT", "KEY_ENTER", None]
    assert window.timeouts == [100] * 4


def test_curses_screen_draws_plain_characters_where_blocks_cannot_be_encoded() -> None:
    pytest.importorskip("curses")
    window = FakeWindow("ascii")
    session = session_of(routine({"exercise": "Plank", "time": 90}))
    lines = [(text, "plain") for text in render(view_at(session, 25 * S), 40, 12)]
    CursesScreen(window).show(lines)  # type: ignore[arg-type]
    drawn = window.text()
    assert all(text.isascii() for text in drawn)
    assert (
        read_big([row.replace("#", FILLED) for row in drawn if "#" in row and "." not in row])
        == "1:05"
    )


def test_no_terminal_when_input_or_output_is_not_one(monkeypatch: pytest.MonkeyPatch) -> None:
    class Pipe:
        def isatty(self) -> bool:
            return False

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stdin", Pipe())
    monkeypatch.setattr("sys.stdout", Tty())
    assert not terminal_available()
    monkeypatch.setattr("sys.stdin", Tty())
    monkeypatch.setattr("sys.stdout", Pipe())
    assert not terminal_available()
    monkeypatch.setattr("sys.stdout", Tty())
    monkeypatch.setenv("TERM", "dumb")
    assert not terminal_available()
    monkeypatch.delenv("TERM")
    assert not terminal_available()


def test_curses_screen_draws_the_state_in_reverse_video_with_a_space_either_side() -> None:
    curses = pytest.importorskip("curses")
    window = FakeWindow()
    screen = CursesScreen(window)  # type: ignore[arg-type]
    screen.show([("      PAUSED", "state"), ("   Plank", "title")])
    assert window.rows[0] == ("      PAUSED ", curses.A_REVERSE | curses.A_BOLD)
    assert window.rows[1] == ("   Plank", curses.A_BOLD)


@pytest.mark.parametrize(
    ("keys", "outcome"),
    [(["q", "y"], "quit"), ([None] * 40 + ["q"], "finished")],
)
def test_run_terminal_plays_in_the_window_curses_gives_it(
    monkeypatch: pytest.MonkeyPatch, keys: list[str | None], outcome: str
) -> None:
    clock = FakeClock(T0)
    window = FakeWindow(keys=keys, clock=clock)
    monkeypatch.setattr(terminal_screen, "_in_full_screen", lambda play: play(window))
    session = Session(Engine(routine({"exercise": "Plank", "time": 3})), RecordingSpeaker())
    assert run_terminal(session, clock) == outcome
    assert session.engine.state == ("finished" if outcome == "finished" else "paused")


def test_ctrl_c_quits_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(play: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(terminal_screen, "_in_full_screen", interrupted)
    session = Session(Engine(routine({"exercise": "Plank", "time": 3})), RecordingSpeaker())
    assert run_terminal(session, FakeClock(T0)) == "quit"


def test_a_terminal_that_has_gone_ends_the_session_instead_of_spinning() -> None:
    import curses

    from player.terminal.screen import GONE_AFTER_INSTANT_MISSES, CursesScreen, TerminalGone

    class GoneWindow:
        encoding = "utf-8"

        def timeout(self, ms: int) -> None:
            pass

        def get_wch(self) -> str:
            raise curses.error("no input")  # at once: nothing is there to wait on

    screen = CursesScreen(GoneWindow())  # type: ignore[arg-type]
    for _ in range(GONE_AFTER_INSTANT_MISSES - 1):
        assert screen.read_key(250) is None
    with pytest.raises(TerminalGone):
        screen.read_key(250)


class SlowScreen(FakeScreen):
    """A screen that takes 3 ms to draw, as a real terminal takes a little time."""

    def show(self, lines: Sequence[Line]) -> None:
        super().show(lines)
        self.clock.advance(3)


def test_every_cue_is_said_on_time_though_drawing_takes_time() -> None:
    """The wait for a key runs from when drawing ends, not from when the wake began, so
    the next cue is not late by the time the screen took to draw."""
    clock = FakeClock(T0)
    screen = SlowScreen(clock)
    speaker = RecordingSpeaker()
    session = Session(Engine(TWO_STEPS), speaker)
    loop = TerminalLoop(session, clock, screen)
    steps_until(loop, clock, 40_000)
    planned = {T0 + cue.at_ms for cue in session.engine.timeline.cues if cue.at_ms < 40_000}
    said = {at for at, _text, _priority in speaker.said}
    assert len(planned) > 5
    assert said == planned
