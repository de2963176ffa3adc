"""The pygame window, headless: real key presses and clicks, pixels where the layout says.

Every test drives the real WindowApp with a FakeClock: events are posted with
``pygame.event.post`` and handled by ``app.step(clock.now())``. Sessions start at ``T0``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import CAPTION_MS, Ending, Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.window.app import CONFIRM_AFTER_MS, WindowApp, run_window
from player.window.draw import layout_for
from player.window.layout import Box, layout
from player.window.overlays import end_rows
from player.window.paint import line
from player.window.present import Shown
from player.window.screenshots import slug
from player.window.theme import ACCENT, ACCENT_DARK, BACKGROUND, CAPTION_BAND, DIM, PANEL, TEXT

S = 1000
T0 = 1_000_000
SIZE = (800, 450)

MIXED: dict[str, Any] = {
    "title": "Window test",
    "lead_in": 0,
    "prepare": 0,
    "steps": [
        {"exercise": "Reach up", "time": 30, "do": "Reach both arms up and breathe."},
        {
            "exercise": "Holds",
            "reps": 2,
            "phases": [{"name": "Squeeze", "time": 4}, {"name": "Relax", "time": 4}],
        },
        {"exercise": "Quick squeezes", "reps": 10, "do": "At your own pace."},
        {"rest": 10},
    ],
}


class Player:
    """One WindowApp on a fake clock, with helpers to press keys and read pixels."""

    def __init__(
        self, data: dict[str, Any], screenshots: Path | None = None, **options: Any
    ) -> None:
        self.clock = FakeClock(T0)
        self.speaker = RecordingSpeaker()
        engine = Engine(Routine.model_validate(data), Choices())
        self.session = Session(engine, self.speaker)
        self.app = WindowApp(
            self.session, self.clock, screenshots=screenshots, size=SIZE, **options
        )

    @property
    def engine(self) -> Engine:
        return self.session.engine

    @property
    def shown(self) -> Shown:
        assert self.app.shown is not None
        return self.app.shown

    def step(self) -> bool:
        return self.app.step(self.clock.now())

    def press(self, key: int, typed: str = "") -> bool:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=typed, mod=0))
        return self.step()

    def click(self, x: int, y: int) -> bool:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(x, y)))
        return self.step()

    def wait(self, ms: int) -> None:
        """Move the clock on, stepping at every wake-up the app asks for on the way."""
        end = self.clock.now() + ms
        while self.clock.now() < end:
            self.step()
            self.clock.sleep_until(min(end, self.app.next_wake(self.clock.now())))
        self.step()

    def count(self, box: Box | None, colour: tuple[int, int, int]) -> int:
        """How many pixels of exactly ``colour`` the box holds on screen."""
        assert box is not None
        area = self.app.surface.subsurface(pygame.Rect(box.xywh))
        return int(pygame.mask.from_threshold(area, colour, (1, 1, 1, 255)).count())

    def where(self) -> Any:
        return layout_for(self.app.surface, self.shown, self.app.assets, self.app.theme)


@pytest.fixture
def player() -> Iterator[Player]:
    made = Player(MIXED)
    made.step()
    yield made
    made.app.close()


@pytest.fixture
def make_player() -> Iterator[Callable[..., Player]]:
    made: list[Player] = []

    def make(data: dict[str, Any], screenshots: Path | None = None) -> Player:
        made.append(Player(data, screenshots))
        made[-1].step()
        return made[-1]

    yield make
    for one in made:
        one.app.close()


# -- keys -----------------------------------------------------------------------------------


def test_space_pauses_and_a_second_space_plays_on(player: Player) -> None:
    player.wait(3 * S)
    player.press(pygame.K_SPACE, " ")
    assert player.engine.state == "paused"
    assert player.shown.cover == "paused"
    player.press(pygame.K_SPACE, " ")
    assert player.engine.state == "playing"
    assert player.shown.cover == "get_ready"


def test_right_moves_to_the_next_step_and_left_back(player: Player) -> None:
    player.press(pygame.K_RIGHT)
    assert player.session.view(player.clock.now()).frame.step.name == "Holds"
    player.press(pygame.K_LEFT)
    assert player.session.view(player.clock.now()).frame.step.name == "Reach up"


def test_enter_releases_a_step_that_waits(player: Player) -> None:
    player.press(pygame.K_RIGHT)
    player.wait(16 * S)
    assert player.engine.state == "waiting"
    assert player.shown.big == "Done?"
    assert "done" in player.shown.button_names
    player.press(pygame.K_RETURN, "\r")
    assert player.engine.state == "playing"
    assert player.session.view(player.clock.now()).frame.step.name == "Rest"


def test_plus_adds_ten_seconds_and_minus_takes_them_off(player: Player) -> None:
    total = player.engine.timeline.total_ms
    player.press(pygame.K_PLUS, "+")
    assert player.engine.timeline.total_ms == total + 10 * S
    player.press(pygame.K_EQUALS, "=")
    assert player.engine.timeline.total_ms == total + 20 * S
    player.press(pygame.K_MINUS, "-")
    assert player.engine.timeline.total_ms == total + 10 * S


def test_m_mutes_the_voice_and_c_hides_captions(player: Player) -> None:
    player.press(pygame.K_m, "m")
    assert player.session.muted and player.speaker.muted
    assert next(f for f in player.shown.buttons if f.name == "mute").label == "Unmute"
    player.press(pygame.K_c, "c")
    assert not player.session.captions_on
    assert player.shown.caption is None


def test_escape_pauses_at_once_and_asks_and_a_second_escape_stops(player: Player) -> None:
    assert player.engine.state == "playing"
    assert player.press(pygame.K_ESCAPE)
    assert player.engine.state == "paused"
    assert player.shown.cover == "quit"
    assert player.press(pygame.K_ESCAPE)  # at once again: a bounce, or a hurried press
    assert player.app.outcome is None
    player.clock.advance(CONFIRM_AFTER_MS)
    assert not player.press(pygame.K_ESCAPE)
    assert player.app.outcome == "quit"


def test_not_stopping_after_all_plays_on_from_where_it_paused(player: Player) -> None:
    player.wait(3 * S)
    player.press(pygame.K_ESCAPE)
    paused_at = player.session.view(player.clock.now()).frame.position_ms
    player.wait(5 * S)  # time stands still while she decides
    assert player.session.view(player.clock.now()).frame.position_ms == paused_at
    assert player.press(pygame.K_n, "n")  # any key but a stop key: go on
    assert player.shown.cover != "quit"
    assert player.engine.state == "playing"
    assert player.app.outcome is None


def test_asking_while_paused_leaves_the_session_paused(player: Player) -> None:
    player.press(pygame.K_SPACE, " ")
    player.press(pygame.K_ESCAPE)
    assert player.shown.cover == "quit"
    player.press(pygame.K_RIGHT)
    assert player.engine.state == "paused"


def test_escape_over_the_help_pauses_and_asks_as_anywhere(player: Player) -> None:
    player.press(pygame.K_h, "h")
    assert player.shown.cover == "help"
    assert player.press(pygame.K_ESCAPE)
    assert player.shown.cover == "quit"
    assert player.engine.state == "paused"
    assert player.app.outcome is None
    player.press(pygame.K_h, "h")  # not stopping: the help is closed, the session goes on
    assert player.shown.cover != "help"
    assert player.engine.state == "playing"


def test_escape_stops_at_once_while_asking_to_quit(player: Player) -> None:
    player.press(pygame.K_q, "q")
    assert player.shown.cover == "quit"
    player.clock.advance(CONFIRM_AFTER_MS)
    assert not player.press(pygame.K_ESCAPE)
    assert player.app.outcome == "quit"


def test_any_other_key_takes_back_the_question_to_quit(player: Player) -> None:
    player.press(pygame.K_q, "q")
    assert player.shown.cover == "quit"
    assert player.press(pygame.K_n, "n")
    assert player.shown.cover == "get_ready"  # going on, after a moment to get ready
    assert player.app.outcome is None
    assert player.press(pygame.K_q, "q")
    player.clock.advance(CONFIRM_AFTER_MS)
    assert not player.press(pygame.K_y, "y")
    assert player.app.outcome == "quit"


def test_h_and_question_mark_open_and_close_the_help(player: Player) -> None:
    player.press(pygame.K_h, "h")
    assert player.shown.cover == "help"
    player.press(pygame.K_SLASH, "?")
    assert player.shown.cover is None
    player.press(pygame.K_h, "h")
    assert player.press(pygame.K_h, "h")
    assert player.shown.cover is None


# -- clicks ---------------------------------------------------------------------------------


def test_clicking_the_pause_button_pauses_and_go_on_plays_on(player: Player) -> None:
    box = player.where().button("pause")
    player.click(*box.center)
    assert player.engine.state == "paused"
    assert next(f for f in player.shown.buttons if f.name == "pause").label == "Go on"
    player.click(*player.where().button("pause").center)
    assert player.engine.state == "playing"


def test_clicking_next_and_done_moves_through_the_steps(player: Player) -> None:
    player.click(*player.where().button("next").center)
    player.click(*player.where().button("next").center)
    assert player.engine.state == "waiting"
    player.click(*player.where().button("done").center)
    assert player.session.view(player.clock.now()).frame.step.name == "Rest"


def test_the_stop_button_stops_at_once(player: Player) -> None:
    assert not player.click(*player.where().button("quit").center)
    assert player.app.outcome == "quit"


def test_clicking_stop_in_the_quit_dialog_quits(player: Player) -> None:
    player.press(pygame.K_q, "q")
    assert player.shown.cover == "quit"
    yes, _no = player.where().dialog_buttons
    assert not player.click(*yes.center)
    assert player.app.outcome == "quit"


# -- pixels ---------------------------------------------------------------------------------


def test_the_countdown_is_drawn_large_in_its_region(player: Player) -> None:
    where = player.where()
    assert player.shown.big == "30"
    assert where.countdown.h >= SIZE[1] * 0.3
    text = player.count(where.countdown, TEXT)
    assert text > where.countdown.w * where.countdown.h * 0.05
    player.wait(1 * S)
    assert player.shown.big == "29"


def test_the_progress_bar_fills_as_time_passes(player: Player) -> None:
    bar = player.where().progress
    first = player.count(bar, ACCENT)
    player.wait(10 * S)
    later = player.count(bar, ACCENT)
    player.wait(15 * S)
    latest = player.count(bar, ACCENT)
    assert first < later < latest
    done = player.shown.progress
    filled_to = bar.x + round(bar.w * done)
    assert player.count(Box(bar.x + bar.h, bar.y, filled_to - bar.x - bar.h, bar.h), ACCENT) > 0
    assert player.count(Box(filled_to + 2, bar.y, bar.right - filled_to - 2, bar.h), ACCENT) == 0


def test_the_caption_shows_while_a_cue_is_due_and_goes_after(player: Player) -> None:
    caption = player.where().caption
    assert player.shown.caption is not None
    assert player.count(caption, CAPTION_BAND) > 0
    assert player.count(caption, TEXT) > 0
    player.wait(CAPTION_MS + S)
    assert player.shown.caption is None
    assert player.count(caption, BACKGROUND) == caption.w * caption.h


def test_the_caption_region_changes_when_the_next_cue_is_said(player: Player) -> None:
    caption = player.where().caption
    player.wait(CAPTION_MS + S)
    before = pygame.image.tobytes(player.app.surface.subsurface(caption.xywh), "RGB")
    player.wait(30 * S - CAPTION_MS - S)  # the next step's words
    after = pygame.image.tobytes(player.app.surface.subsurface(caption.xywh), "RGB")
    assert player.shown.caption
    assert before != after


def test_the_breathing_circle_grows_in_a_squeeze_and_only_its_box_is_redrawn(
    player: Player,
) -> None:
    player.press(pygame.K_RIGHT)
    player.wait(500)
    assert player.shown.phase == "Squeeze" and player.shown.breath == "grow"
    circle = player.where().breath
    small = player.count(circle, ACCENT_DARK)
    draws, breaths = player.app.draws, player.app.breath_draws
    player.clock.advance(400)
    player.step()
    assert player.app.draws == draws  # the countdown still shows the same second
    assert player.app.breath_draws == breaths + 1
    assert player.count(circle, ACCENT_DARK) > small


def test_a_missing_picture_draws_a_placeholder(make_player: Callable[..., Player]) -> None:
    steps = [{"exercise": "Pose", "time": 20, "picture": "no-such-picture.png", "do": "Hold."}]
    player = make_player({"title": "Pictures", "lead_in": 0, "prepare": 0, "steps": steps})
    where = player.where()
    assert where.picture is not None
    assert player.count(where.picture, PANEL) > where.picture.w * where.picture.h // 4


def test_an_unreadable_picture_draws_a_placeholder(
    make_player: Callable[..., Player], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"this is not a picture")
    steps = [{"exercise": "Pose", "time": 20, "picture": str(broken)}]
    player = make_player({"title": "Pictures", "lead_in": 0, "prepare": 0, "steps": steps})
    assert player.count(player.where().picture, PANEL) > 0


def test_a_picture_is_drawn_scaled_into_its_region(
    make_player: Callable[..., Player], tmp_path: Path
) -> None:
    colour = (10, 200, 90)
    picture = pygame.Surface((40, 30))
    picture.fill(colour)
    pygame.image.save(picture, str(tmp_path / "pose.png"))
    steps = [{"exercise": "Pose", "time": 20, "picture": str(tmp_path / "pose.png")}]
    player = make_player({"title": "Pictures", "lead_in": 0, "prepare": 0, "steps": steps})
    box = player.where().picture
    assert box is not None
    scale = min(box.w / 40, box.h / 30)
    assert player.count(box, colour) == pytest.approx(40 * scale * 30 * scale, rel=0.1)


# -- redrawing ------------------------------------------------------------------------------


def test_nothing_is_redrawn_when_nothing_shown_changed(player: Player) -> None:
    player.step()
    draws = player.app.draws
    for _ in range(5):
        player.clock.advance(100)
        player.step()
    assert player.app.draws == draws
    player.clock.advance(500)
    player.step()
    assert player.app.draws == draws + 1


def test_the_loop_sleeps_until_the_next_second_of_the_countdown(player: Player) -> None:
    now = player.clock.now()
    player.step()
    assert now < player.app.next_wake(now) <= now + S


def test_a_resize_redraws_to_the_new_size(player: Player) -> None:
    draws = player.app.draws
    pygame.display.set_mode((640, 480), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(640, 480), w=640, h=480))
    player.step()
    assert player.app.draws == draws + 1
    assert player.where().size == (640, 480)


# -- the end --------------------------------------------------------------------------------


def play_to_the_end(player: Player) -> None:
    """Play at once through every step, saying done when asked, up to the end screen."""
    for _ in range(10_000):
        if player.engine.state == "finished":
            return
        if player.engine.state == "waiting":
            player.press(pygame.K_RETURN, "\r")
        now = player.clock.now()
        player.clock.sleep_until(player.app.next_wake(now))
        player.step()
    raise AssertionError("the session did not end")


def test_the_end_screen_shows_a_summary_and_enter_closes_it(player: Player) -> None:
    player.press(pygame.K_RIGHT)
    play_to_the_end(player)
    summary = player.shown.summary
    assert player.shown.finished and summary is not None
    assert (summary.title, summary.steps_done, summary.steps_total) == ("Window test", 3, 4)
    assert player.shown.button_names == ("close",)
    assert not player.press(pygame.K_RETURN, "\r")
    assert player.app.outcome == "finished"


def test_one_screenshot_per_step_when_played_to_the_end(
    make_player: Callable[..., Player], tmp_path: Path
) -> None:
    folder = tmp_path / "shots"
    player = make_player(MIXED, screenshots=folder)
    play_to_the_end(player)
    names = sorted(p.name for p in folder.iterdir())
    steps = ["00-reach-up", "01-holds", "02-quick-squeezes", "03-rest", "end"]
    assert names == sorted(f"{step}.{kind}" for step in steps for kind in ("png", "json"))
    first = pygame.image.load(str(folder / "00-reach-up.png"))
    assert first.get_size() == SIZE


def test_closing_the_window_ends_run_with_quit(make_player: Callable[..., Player]) -> None:
    player = make_player(MIXED)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert player.app.run() == "quit"


def test_run_window_returns_finished_once_the_end_screen_is_closed() -> None:
    clock = FakeClock(T0)
    data = {"title": "Short", "lead_in": 0, "prepare": 0, "steps": [{"rest": 1}]}
    session = Session(Engine(Routine.model_validate(data), Choices()), RecordingSpeaker())
    session.start(clock.now())
    session.command("next", clock.now())
    pygame.display.init()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, unicode="\r"))
    assert run_window(session, clock) == "finished"


# -- layout and names -----------------------------------------------------------------------


BUTTONS = ("pause", "back", "next", "restart", "less", "more", "done", "mute", "captions")


@pytest.mark.parametrize("size", [(1280, 720), (800, 450), (600, 900), (320, 240)])
@pytest.mark.parametrize("picture", [False, True])
def test_every_region_lies_inside_the_window_and_none_overlap(
    size: tuple[int, int], picture: bool
) -> None:
    where = layout(*size, (*BUTTONS, "help", "quit"), picture)
    regions = {
        "progress": where.progress,
        "title": where.title,
        "info": where.info,
        "countdown": where.countdown,
        "segment_bar": where.segment_bar,
        "status": where.status,
        "position": where.position,
        "do_text": where.do_text,
        "next_up": where.next_up,
        "caption": where.caption,
        **({"picture": where.picture} if where.picture else {}),
        **{name: box for name, box in where.buttons},
    }
    width, height = size
    for name, box in regions.items():
        assert box.x >= 0 and box.right <= width and box.y >= 0 and box.bottom <= height, name
    names = sorted(regions)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            one, two = regions[a], regions[b]
            apart = (
                one.right <= two.x
                or two.right <= one.x
                or one.bottom <= two.y
                or two.bottom <= one.y
            )
            assert apart or one.w * one.h == 0 or two.w * two.h == 0, (a, b)


def test_the_countdown_takes_a_large_share_of_a_landscape_window() -> None:
    where = layout(1280, 720, ("pause", "quit"))
    assert where.countdown.h >= 720 * 0.3
    assert where.breath.w == where.breath.h and where.beside.x >= where.breath.right


def test_step_names_become_file_names() -> None:
    assert slug("Pelvic tilts on all fours") == "pelvic-tilts-on-all-fours"
    assert slug("Rest: 30 s (left / right)") == "rest-30-s-left-right"
    assert slug("Ünïcode näme") == "unicode-name"
    assert slug("???") == "step"


def test_an_unattended_window_closes_itself_at_the_end_and_logs_its_first_frame(
    tmp_path: Path,
) -> None:
    from player.playback.session import EventLog

    routine = Routine.model_validate(
        {"title": "Short", "lead_in": 0, "prepare": 0, "steps": [{"rest": 3}]}
    )
    log_path = tmp_path / "events.jsonl"
    session = Session(Engine(routine), RecordingSpeaker(), log=EventLog(log_path))
    clock = FakeClock(50_000)
    app = WindowApp(session, clock, close_at_end=True)
    steps = 0
    while app.step(clock.now()):
        clock.sleep_until(app.next_wake(clock.now()))
        steps += 1
        assert steps < 100
    session.close()
    assert app.outcome == "finished"
    records = [json.loads(line) for line in log_path.read_text().splitlines()]
    assert [r["event"] for r in records][:2] == ["step_started", "cue"]
    shown = [r for r in records if r["event"] == "first_frame"]
    assert shown == [{"event": "first_frame", "clock_ms": 50_000}]
    assert records[-1]["event"] == "finished"


def test_the_loop_sleeps_until_it_is_due_and_wakes_early_for_a_key() -> None:
    routine = Routine.model_validate(
        {"title": "Wait", "lead_in": 0, "prepare": 0, "steps": [{"rest": 30}]}
    )
    session = Session(Engine(routine), RecordingSpeaker())
    clock = FakeClock(10_000)
    app = WindowApp(session, clock)
    app.step(clock.now())
    pygame.event.clear()
    app.wait(11_000)
    assert clock.now() == 11_000  # nothing happened: asleep to the moment it was due
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, unicode=" "))
    app.wait(20_000)
    assert clock.now() < 11_000 + 100  # a key ends the sleep within one look for input
    app.step(clock.now())
    assert session.engine.state == "paused"
    app.close()


def ink(player: Player, box: Box, colour: tuple[int, int, int]) -> pygame.Rect:
    """The bounding box of the pixels of ``colour`` in ``box``, in window pixels."""
    area = player.app.surface.subsurface(pygame.Rect(box.xywh))
    rects = pygame.mask.from_threshold(area, colour, (1, 1, 1, 255)).get_bounding_rects()
    assert rects, box
    return rects[0].unionall(rects).move(box.x, box.y)


def test_the_end_screen_shows_the_end_lines_under_well_done(
    make_player: Callable[..., Player],
) -> None:
    player = make_player(MIXED)
    lines = ("3 days in a row", "Today: 2 sessions, 18 minutes")
    player.session.ending = Ending("Well done", "", lines)
    play_to_the_end(player)
    assert player.shown.end_headline == "Well done"
    assert player.shown.end_lines == lines
    where = player.where()
    area = Box(
        where.progress.x, where.title.y, where.progress.w, where.caption.bottom - where.title.y
    )
    rows = end_rows(area, 4)
    well_done, streak, today, close = rows[0], rows[4], rows[5], rows[6]
    close_button = where.button("close")
    assert close_button is not None and close.bottom <= close_button.y
    assert ink(player, well_done, ACCENT).bottom <= ink(player, streak, TEXT).top
    assert ink(player, streak, TEXT).bottom <= ink(player, today, TEXT).top
    assert ink(player, today, TEXT).w > ink(player, streak, TEXT).w * 1.5
    assert ink(player, close, DIM).top >= ink(player, today, TEXT).bottom


def test_without_end_lines_the_end_screen_keeps_its_four_lines(
    make_player: Callable[..., Player],
) -> None:
    player = make_player(MIXED)
    play_to_the_end(player)
    assert player.shown.end_lines == ()
    assert player.shown.end_headline == "Finished"  # nothing counted it: no "Well done"
    where = player.where()
    area = Box(
        where.progress.x, where.title.y, where.progress.w, where.caption.bottom - where.title.y
    )
    rows = end_rows(area, 2)
    assert player.count(rows[-1], DIM) > 0
    assert player.count(rows[-1], TEXT) == 0
    assert all(player.count(row, TEXT) > 0 for row in rows[1:4])


def drawn_alone(player: Player, box: Box, words: str, colour: tuple[int, int, int]) -> bool:
    """Whether ``box`` on screen holds ``words`` drawn as the end screen draws a line,
    and nothing else: pixel for pixel what ``line`` draws on the background alone."""
    expected = pygame.Surface((box.w, box.h))
    expected.fill(BACKGROUND)
    line(expected, player.app.assets, words, Box(0, 0, box.w, box.h), colour, "center")
    shown = player.app.surface.subsurface(pygame.Rect(box.xywh))
    return bool(pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(expected, "RGB"))


def end_hint_row(player: Player) -> Box:
    where = player.where()
    area = Box(
        where.progress.x, where.title.y, where.progress.w, where.caption.bottom - where.title.y
    )
    return end_rows(area, 2)[-1]


@pytest.mark.parametrize(
    ("question_follows", "words", "button"),
    [
        (False, "Press Enter to close", "Close"),
        (True, "Press Enter to say how your back feels now", "Go on"),
    ],
)
def test_the_end_screen_says_what_enter_does(
    question_follows: bool, words: str, button: str
) -> None:
    player = Player(MIXED, question_follows=question_follows)
    try:
        play_to_the_end(player)
        other = (
            "Press Enter to close"
            if question_follows
            else "Press Enter to say how your back feels now"
        )
        assert drawn_alone(player, end_hint_row(player), words, DIM)
        assert not drawn_alone(player, end_hint_row(player), other, DIM)
        assert [(face.name, face.label, face.key) for face in player.shown.buttons] == [
            ("close", button, "Enter")
        ]
        assert not player.press(pygame.K_RETURN, "\r")
        assert player.app.outcome == "finished"
    finally:
        player.app.close()
