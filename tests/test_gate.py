"""The gate's parts one at a time: session bounds, picture headers, text made printable."""

from __future__ import annotations

import io
from datetime import datetime, time, timezone
from pathlib import Path

import pygame
import pytest

from player.commands.base import Context
from player.home.reminders import Reminder, daily_calendar
from player.playback.compiler import compile_timeline
from player.playback.engine import Engine
from player.playback.events import Adjusted
from player.playback.playable import load_playable
from player.playback.timeline import MAX_SEGMENTS, MAX_SESSION_MS, Choices, SessionTooLong
from player.routine.model import Routine
from player.routine.pictures import MAX_PICTURE_SIDE, picture_problem, picture_size
from player.routine.problems import RoutineError
from player.system.printable import first_control, printable
from player.window.assets import Assets
from tests.bad_routines import huge_jpeg, huge_png
from tests.conftest import WriteFile, png_bytes


def routine(data: dict[str, object]) -> Routine:
    return Routine.model_validate({"title": "T", "lead_in": 0, "prepare": 0, **data})


# -- the whole session's bounds ------------------------------------------------------------


def test_a_session_just_within_its_length_compiles() -> None:
    fits = routine({"steps": [{"rest": MAX_SESSION_MS // 1000}]})
    assert compile_timeline(fits).total_ms == MAX_SESSION_MS


def test_a_second_more_is_refused_whatever_the_counts() -> None:
    over = routine({"steps": [{"rest": "4h"}, {"rest": 1}]})
    with pytest.raises(SessionTooLong) as refused:
        compile_timeline(over)
    assert str(refused.value) == (
        "the session would last more than 4:00:00, the longest a session may be"
    )


def test_parts_are_counted_as_they_are_made() -> None:
    phases = [{"name": f"P{n}", "time": "0.1s"} for n in range(6)]
    many = routine({"steps": [{"exercise": "Tap", "phases": phases, "reps": 1000}]})
    assert MAX_SEGMENTS < 6 * 1000
    with pytest.raises(SessionTooLong) as refused:
        compile_timeline(many)
    assert f"more than {MAX_SEGMENTS} parts" in str(refused.value)


def test_the_most_repetitions_a_range_allows_is_what_check_measures(write: WriteFile) -> None:
    # 8 (the middle) fit in 4 h, 10 do not: the range is refused, since a person may choose 10.
    path = write("r.yaml", "title: R\nsteps:\n  - exercise: Long\n    time: 25m\n    reps: 5-10\n")
    with pytest.raises(RoutineError) as refused:
        load_playable(path)
    [problem] = refused.value.problems
    assert (problem.line, problem.column, problem.path) == (2, 1, "steps")
    assert problem.message.endswith(
        "longest a session may be with 10 repetitions; use fewer sets, repetitions or steps, "
        "or shorter times"
    )
    assert compile_timeline(load_playable_routine(path), Choices(reps=8)).total_ms < MAX_SESSION_MS


def load_playable_routine(path: Path) -> Routine:
    from player.routine.loader import load_routine

    return load_routine(path).routine


def test_adding_time_stops_at_the_longest_a_session_may_be() -> None:
    engine = Engine(routine({"steps": [{"rest": MAX_SESSION_MS // 1000 - 5}]}))
    engine.start(0)
    assert any(isinstance(e, Adjusted) for e in engine.adjust(1_000, 5_000))
    assert engine.timeline.total_ms == MAX_SESSION_MS
    assert not any(isinstance(e, Adjusted) for e in engine.adjust(2_000, 10_000))
    assert engine.timeline.total_ms == MAX_SESSION_MS
    assert engine.state == "playing"


# -- pictures, told from their first bytes ---------------------------------------------------

BOTTOM_UP_48 = (-48).to_bytes(4, "little", signed=True)
"""A BMP's height is negative when its rows are stored top down."""


@pytest.mark.parametrize(
    ("head", "kind", "size"),
    [
        (png_bytes(3, 2), "PNG", (3, 2)),
        (huge_jpeg(640, 480), "JPEG", (640, 480)),
        (b"GIF89a" + (320).to_bytes(2, "little") + (200).to_bytes(2, "little"), "GIF", (320, 200)),
        (
            b"BM"
            + bytes(16)
            + (64).to_bytes(4, "little")
            + (-48).to_bytes(4, "little", signed=True),
            "BMP",
            (64, 48),
        ),
    ],
)
def test_a_pictures_kind_and_size_from_its_header(
    head: bytes, kind: str, size: tuple[int, int]
) -> None:
    found = picture_size(head)
    assert found is not None
    assert (found.kind, (found.width, found.height)) == (kind, size)


def test_a_jpeg_with_markers_before_its_frame(tmp_path: Path) -> None:
    surface = pygame.Surface((40, 30))
    surface.fill((120, 80, 40))
    path = tmp_path / "real.jpg"
    pygame.image.save(surface, str(path))
    found = picture_size(path.read_bytes())
    assert found is not None
    assert (found.kind, found.width, found.height) == ("JPEG", 40, 30)
    assert picture_problem(path) is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"plain words", "it is not a PNG, JPEG, GIF or BMP picture (its first bytes say so)"),
        (
            huge_png(MAX_PICTURE_SIDE + 1, 10),
            f"the PNG is {MAX_PICTURE_SIDE + 1} x 10 pixels; a picture can be at most "
            f"{MAX_PICTURE_SIDE} pixels a side: make it smaller",
        ),
    ],
)
def test_a_picture_that_cannot_be_shown(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "p.png"
    path.write_bytes(content)
    assert picture_problem(path) == problem


def test_the_window_will_not_decode_a_picture_grown_huge_since_it_was_checked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.png"
    path.write_bytes(png_bytes(8, 8))
    assets = Assets([tmp_path])
    assert assets.picture("p.png", 100, 100) is not None
    path.write_bytes(huge_png(40_000, 40_000))
    assert Assets([tmp_path]).picture("p.png", 100, 100) is None


# -- text made printable ---------------------------------------------------------------------


def test_control_characters_are_taken_out_and_line_breaks_kept() -> None:
    assert printable("Back\x1b[2J care\x07\nnext\tline\x9b") == "Back[2J care\nnext\tline"
    assert first_control("fine\nwords") is None
    assert first_control("a\x1bb") == "U+001B"


def test_every_line_a_command_prints_is_printable() -> None:
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(out=out, err_stream=lambda: err)
    ctx.say("title \x1b]0;owned\x07 here")
    ctx.warn("a \x1b[31mred\x1b[0m warning")
    assert out.getvalue() == "title ]0;owned here\n"
    assert err.getvalue() == "a [31mred[0m warning\n"


def test_a_calendar_holds_no_control_character() -> None:
    reminder = Reminder(
        title="Back\x1b[2J care",
        command="routine-player play x",
        length="5:00",
        duration_ms=300_000,
        at=time(8, 30),
    )
    text = daily_calendar(reminder, datetime(2026, 5, 4, 7, 15, tzinfo=timezone.utc)).decode()
    assert "\x1b" not in text
    assert "SUMMARY:Back[2J care" in text
