"""What the window keeps stays within fixed bounds, however long the session.

The countdown is rendered afresh every second at a large size (about half a megabyte at
1280x720); each second's surface once stayed in the cache of rendered words, so memory
climbed through every long step. Sessions here run on a fake clock, drawing every second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Choices
from player.routine.model import Routine
from player.window.app import WindowApp
from player.window.assets import (
    FONT_CACHE,
    ORIGINAL_BYTES,
    ORIGINAL_CACHE,
    PICTURE_BYTES,
    Assets,
    text_budget,
)
from player.window.draw import layout_for

S = 1000
T0 = 1_000_000
SIZE = (1280, 720)


class Played:
    """A session in a 1280x720 window on a fake clock."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.clock = FakeClock(T0)
        session = Session(Engine(Routine.model_validate(data), Choices()), RecordingSpeaker())
        self.app = WindowApp(session, self.clock, size=SIZE)
        self.assets: Assets = self.app.assets
        self.app.step(self.clock.now())

    def until(self, ms: int) -> None:
        """Play on to ``ms`` after the start, waking whenever the window asks to."""
        end = T0 + ms
        while self.clock.now() < end and self.app.step(self.clock.now()):
            self.clock.sleep_until(min(end, self.app.next_wake(self.clock.now())))

    def close(self) -> None:
        self.app.close()


def test_a_ten_minute_rest_keeps_no_more_rendered_words_than_its_budget() -> None:
    played = Played(
        {
            "title": "Long rest",
            "lead_in": 0,
            "prepare": 0,
            "steps": [{"exercise": "Stand", "time": 20}, {"rest": 600, "do": "Lie down."}],
        }
    )
    budget = text_budget()
    assert budget < 3 * 1024 * 1024  # at 1280x720
    most = 0
    try:
        for second in range(1, 621):
            played.until(second * S)
            most = max(most, played.assets.words.bytes)
        last = played.app.shown
        assert last is not None and (last.title, last.info) == ("Rest", "0:01 left")
        assert played.app.draws >= 600  # every second was drawn
    finally:
        played.close()
    # Each second's countdown alone is about half a megabyte: kept, they would pass the
    # budget within five seconds and reach over 50 MB.
    assert most <= budget


def test_many_pictures_keep_no_more_than_their_budgets_and_are_all_still_drawn(
    tmp_path: Path,
) -> None:
    colours = [(10 + 10 * n, 200 - 6 * n, 90) for n in range(24)]
    steps = []
    for n, colour in enumerate(colours):
        picture = pygame.Surface((800, 400))
        picture.fill(colour)
        name = str(tmp_path / f"pose-{n}.png")
        pygame.image.save(picture, name)
        steps.append({"exercise": f"Pose {n}", "time": 5, "picture": name})
    played = Played({"title": "Pictures", "lead_in": 0, "prepare": 0, "steps": steps})

    def drawn(colour: tuple[int, int, int]) -> int:
        shown = played.app.shown
        assert shown is not None
        box = layout_for(played.app.surface, shown, played.assets, played.app.theme).picture
        assert box is not None
        area = played.app.surface.subsurface(pygame.Rect(box.xywh))
        return int(pygame.mask.from_threshold(area, colour, (6, 6, 6, 255)).count())

    try:
        most_originals = most_scaled = 0
        for n, colour in enumerate(colours):
            played.until(n * 5 * S + 2 * S)
            assert drawn(colour) > 10_000
            most_originals = max(most_originals, played.assets.originals.bytes)
            most_scaled = max(most_scaled, played.assets.scaled.bytes)
            assert len(played.assets.originals) <= ORIGINAL_CACHE
        # The first picture was let go long ago: at a new size it is read again.
        assert str(tmp_path / "pose-0.png") not in played.assets.originals
        first = played.assets.picture(str(tmp_path / "pose-0.png"), 300, 200)
        assert first is not None
        seen = first.get_at((10, 10))
        assert all(abs(a - b) < 6 for a, b in zip(seen[:3], colours[0], strict=True))
    finally:
        played.close()
    assert most_originals <= ORIGINAL_BYTES
    assert most_scaled <= PICTURE_BYTES


def test_fonts_of_every_size_asked_for_are_kept_only_to_a_bound() -> None:
    assets = Assets()
    for size in range(10, 400):
        assert assets.font(size).get_height() > 0
    assert len(assets.fonts) == FONT_CACHE
