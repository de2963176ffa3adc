"""The window's loop: keys and clicks to session commands, and a redraw when the view changes.

The loop sleeps until the session's next change (a cue, the next second of the
countdown), the next frame of the moving figure or the breathing circle, or a key, and
draws only what has changed: the whole window when what is shown changes, else the
figure's box or the circle's, at a modest frame rate, so a laptop on battery barely
notices it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TypeGuard

import pygame

from player.care.something_wrong import REASON as SOMETHING_WRONG
from player.language import _
from player.listening.listener import Listener
from player.playback.clock import Clock
from player.playback.events import Event
from player.playback.motion import FigureMoment, figure_at
from player.playback.session import COMMANDS, Command, Session
from player.system.paths import MEDIA_DIR
from player.window.assets import Assets
from player.window.controls import (
    CLOSE_KEYS,
    DEFAULT_CONTROLS,
    Action,
    Controls,
    button_action,
)
from player.window.display import WINDOW_SIZE, Display, wait_for_input
from player.window.draw import draw, draw_breath, draw_figure_frame, layout_for
from player.window.hearing import hear, wake_from_another_thread
from player.window.layout import Box
from player.window.present import (
    Extras,
    Overlay,
    Shown,
    breath_fraction,
    breath_moves,
    present,
)
from player.window.regions import drawn_regions
from player.window.screenshots import Screenshots
from player.window.tally import Tally
from player.window.theme import (
    BREATH_FPS,
    BREATHING_FIGURE_FPS,
    DEFAULT_THEME,
    FIGURE_FPS,
    MAX_FPS,
    Theme,
    theme_for,
)
from player.window.what_to_do import WhatToDoScreen

Outcome = Literal["finished", "quit", "something wrong"]
""""something wrong": stopped at once with the "Something is wrong" key or button; the
screen of what to do has been shown, and closed."""

IDLE_MS = 1_000
"""The longest sleep, when nothing at all is due (paused, or waiting for done)."""
FRAME_MS = 1000 // MAX_FPS
BREATH_MS = 1000 // BREATH_FPS
FIGURE_MS = 1000 // FIGURE_FPS
BREATHING_FIGURE_MS = 1000 // BREATHING_FIGURE_FPS


def _is_command(action: Action) -> TypeGuard[Command]:
    return action in COMMANDS


CONFIRM_AFTER_MS = 400
"""A yes to stopping counts only this long after the question: a key that bounces, or a
button pressed twice in a hurry, must not end a session."""
FLASH_POLL_MS = 40
"""While the edge is lit, how often the loop looks whether it should go out."""


class WindowApp:
    """One session in a pygame window.

    Given a ``display``, it plays in that window and leaves it open; otherwise it opens
    its own and closes it at the end of ``run``."""

    def __init__(
        self,
        session: Session,
        clock: Clock,
        *,
        screenshots: Path | None = None,
        fullscreen: bool = False,
        picture_dirs: Sequence[Path] = (MEDIA_DIR,),
        size: tuple[int, int] = WINDOW_SIZE,
        close_at_end: bool = False,
        theme: Theme = DEFAULT_THEME,
        display: Display | None = None,
        assets: Assets | None = None,
        question_follows: bool = False,
        controls: Controls = DEFAULT_CONTROLS,
        frames_every_ms: int | None = None,
        ears: Listener | None = None,
    ) -> None:
        self.session = session
        self.ears = ears
        """Listening for commands said aloud, when asked to."""
        if ears is not None:
            ears.wake = wake_from_another_thread
        self.frames_every_ms = frames_every_ms
        """With ``screenshots``, one more every this many ms of the routine's time."""
        self._next_frame_ms = 0
        self.controls = controls
        self._paused_to_ask = False
        """The session was paused by asking whether to stop, and goes on if the answer is no."""
        self._asked_at = 0
        self.close_at_end = close_at_end
        """Close by itself once the end screen has been shown (for unattended runs)."""
        self.question_follows = question_follows
        """A question is asked in this window after the end screen, which then says so."""
        self.clock = clock
        self.theme = theme
        self._owns_display = display is None
        self.display = Display(fullscreen=fullscreen, size=size) if display is None else display
        # TRANSLATORS: the window's title; {title} is the routine's, from the routine file
        title = _("{title} \u2014 routine player")
        self.display.set_title(title.format(title=session.engine.timeline.title))
        self.assets = Assets(picture_dirs) if assets is None else assets
        self.overlay: Overlay | None = None
        self.outcome: Outcome | None = None
        self.draws = 0
        """Whole-window redraws so far."""
        self.breath_draws = 0
        """Redraws of the breathing circle alone."""
        self.figure_draws = 0
        """Redraws of the moving figure alone."""
        self._figure: FigureMoment | None = None
        """The figure as last drawn."""
        self._next_figure = 0
        self._picture_box: Box | None = None
        """Where the figure goes on the screen as last drawn: None when it has no place."""
        self._latest_figure: FigureMoment | None = None
        """The figure as the last step of the loop found it, for when to wake next."""
        self._waiting_since: tuple[int, int] | None = None
        """The segment waiting for done, and when the loop first saw it wait."""
        self.shown: Shown | None = None
        self._dirty = True
        self._pending: list[pygame.event.Event] = []
        self._tally = Tally()
        self._next_breath = 0
        self._last_step = 0
        steps = len(session.engine.timeline.steps)
        self.screenshots = Screenshots(screenshots, steps) if screenshots is not None else None

    # -- the loop ---------------------------------------------------------------------------

    def run(self) -> Outcome:
        """Play until the end screen is closed or the person quits."""
        try:
            while self.step(self.clock.now()):
                self.wait(self.next_wake(self.clock.now()))
            if self.outcome == "something wrong":
                self.show_what_to_do()
        finally:
            self.close()
        return self.outcome or "quit"

    def show_what_to_do(self) -> None:
        """After "Something is wrong": what to do for each warning sign, until it is closed
        (or the window is)."""
        if self.display.closed_by_person or not self.display.is_open:
            return
        folder = self.screenshots.folder if self.screenshots is not None else None
        WhatToDoScreen(
            self.clock,
            self.display,
            self.assets,
            theme=self.theme,
            controls=self.controls,
            screenshots=folder,
        ).run()

    @property
    def surface(self) -> pygame.Surface:
        return self.display.surface

    def wait(self, wake: int) -> None:
        """Sleep until ``wake`` or until a key or click arrives, whichever comes first."""
        wait_for_input(self.clock, wake)

    def step(self, now: int) -> bool:
        """Handle the events waiting, move the session to ``now``, redraw if anything shown
        changed. False once the person has quit or closed the end screen."""
        if self.outcome is not None:
            return False
        self._last_step = now
        if self.session.view(now).frame.state == "ready":
            self._tally.start(now)
            self._record(self.session.start(now), now)
            if self.ears is not None:
                self.ears.begin(now)
        events, self._pending = [*self._pending, *pygame.event.get()], []
        for event in events:
            self.handle(event, now)
            if self.outcome is not None:
                return False
        if self.ears is not None:
            hear(self, self.ears, now)
        self._record(self.session.tick(now), now)
        self._show(now)
        return self.outcome is None

    def next_wake(self, now: int) -> int:
        """When the loop should next wake, on the clock (a key wakes it sooner)."""
        due = self.session.next_wake(now)
        wake = now + IDLE_MS if due is None else min(due, now + IDLE_MS)
        if self.shown is not None and breath_moves(self.session.view(now), self.shown):
            # Only the animation is held to the frame cap; a cue or a new second never waits.
            wake = min(wake, max(self._next_breath, self._last_step + FRAME_MS))
        figure_due = self._figure_wake(now)
        if figure_due is not None:
            wake = min(wake, figure_due)
        if self.shown is not None and self.shown.flash:
            wake = min(wake, now + FLASH_POLL_MS)  # to put the edge out on time
        frame_due = self._frame_wake(now)
        if frame_due is not None:
            wake = min(wake, frame_due)
        return max(wake, now + 1)

    def close(self) -> None:
        """Close the window, if this session opened it."""
        if self._owns_display:
            self.display.close()

    # -- input ------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event, now: int) -> None:
        """Act on one pygame event."""
        if event.type == pygame.QUIT:
            self.display.closed_by_person = True
            self.outcome = "finished" if self._finished(now) else "quit"
        elif event.type == pygame.KEYDOWN:
            self._key(event.key, getattr(event, "unicode", "") or "", now)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos, now)
        elif self.display.follow(event):
            self._dirty = True

    def _key(self, key: int, typed: str, now: int) -> None:
        action = self.controls.action(key, typed)
        if action == "something_wrong" and not self._finished(now):
            self._something_wrong(now)  # at once, whatever is shown over the session
            return
        if self.overlay == "quit":
            if not self.controls.confirms_quit(key):
                self.go_on(now)
            elif now - self._asked_at >= CONFIRM_AFTER_MS:
                self.outcome = "quit"
            return  # a yes that comes too soon after the question (a bounce) does nothing
        if self._finished(now):
            if key in CLOSE_KEYS or key in self.controls.go_on_keys:
                self.outcome = "finished"
            elif action == "fullscreen":
                self.act(action, now)
            return
        if self.overlay == "help":
            self.overlay = None
            if action == "help":
                return
        if action == "next" and self.session.engine.state == "waiting":
            action = "done"  # a clicker cannot send Enter: going on from a wait is done
        if action is not None:
            self.act(action, now)

    def _click(self, pos: tuple[int, int], now: int) -> None:
        if self.shown is None:
            return
        where = layout_for(self.surface, self.shown, self.assets, self.theme)
        if where.button_at(*pos) == "wrong":
            self.act(button_action("wrong"), now)  # at once, whatever is shown over it
            return
        if self.overlay == "quit":
            if where.dialog_buttons[0].contains(*pos):
                self.outcome = "quit"
            else:
                self.go_on(now)
            return
        if self.overlay == "help":
            self.overlay = None
            return
        name = where.button_at(*pos)
        if name is not None:
            self.act(button_action(name), now)

    def command(self, name: Command, now: int) -> None:
        self._record(self.session.command(name, now), now)

    def act(self, action: Action, now: int) -> None:
        if _is_command(action):
            self._record(self.session.command(action, now), now)
        elif action == "fullscreen":
            self.display.toggle_fullscreen()
            self._dirty = True
        elif action == "help":
            self.overlay = "help"
        elif action == "quit":
            if self._finished(now):
                self.outcome = "finished"
            else:
                self._ask_to_stop(now)
        elif action in ("close", "stop"):
            self.outcome = "finished" if self._finished(now) else "quit"
        elif action == "something_wrong" and not self._finished(now):
            self._something_wrong(now)

    def _something_wrong(self, now: int) -> None:
        """Stop at once, silence the voice and record why; ``run`` then shows what to do."""
        self._record(self.session.stop(SOMETHING_WRONG, now), now)
        self.overlay = None
        self.outcome = "something wrong"

    def _ask_to_stop(self, now: int) -> None:
        """Pause at once, and ask whether to stop: time stands still while she answers."""
        self.overlay = "quit"
        self._asked_at = now
        if self.session.engine.state in ("playing", "waiting"):
            self._record(self.session.command("toggle_pause", now), now)
            self._paused_to_ask = True

    def go_on(self, now: int) -> None:
        """Not stopping after all: the session goes on as it was before the question."""
        self.overlay = None
        if self._paused_to_ask and self.session.engine.state == "paused":
            self._record(self.session.command("toggle_pause", now), now)
        self._paused_to_ask = False

    # -- output -----------------------------------------------------------------------------

    def _show(self, now: int) -> None:
        view = self.session.view(now)
        timeline = self.session.engine.timeline
        finished = view.frame.state == "finished"
        summary = self._tally.summary(timeline, now) if finished else None
        extras = Extras(
            self.overlay,
            summary,
            self.question_follows,
            self.controls.bindings,
            self.theme.flash,
            listening=self.ears is not None,
        )
        shown = present(view, timeline, extras)
        figure = self._latest_figure = self._figure_now(now)
        if shown != self.shown or self._dirty:
            breath = breath_fraction(view.frame)
            where = draw(self.surface, shown, self.assets, breath, self.theme, figure)
            self._picture_box = where.picture
            self._figure = figure
            self._next_figure = now + self._figure_ms(figure)
            pygame.display.flip()
            if self.draws == 0:
                self.session.note("first_frame", now)
            self.draws += 1
            self.shown = shown
            self._dirty = False
            self._next_breath = now + BREATH_MS
            if self.screenshots is not None:
                regions = functools.partial(self._regions, shown)
                if finished:
                    self.screenshots.end(self.surface, regions)
                else:
                    step = view.frame.step
                    self.screenshots.step(self.surface, step.index, step.name, regions)
            if finished and self.close_at_end:
                self.outcome = "finished"
        elif breath_moves(view, shown) and now >= self._next_breath:
            fraction = breath_fraction(view.frame)
            box = draw_breath(self.surface, shown, self.assets, fraction, self.theme)
            pygame.display.update(pygame.Rect(box.xywh))
            self.breath_draws += 1
            self._next_breath = now + BREATH_MS
        picture = self._picture_box
        if self._figure_due(figure, shown, now) and figure is not None and picture is not None:
            drawn = draw_figure_frame(self.surface, picture, self.assets, figure, self.theme)
            pygame.display.update(pygame.Rect(drawn.xywh))
            self.figure_draws += 1
            self._figure = figure
            self._next_figure = now + self._figure_ms(figure)
        self._take_frame(now)

    def _figure_now(self, now: int) -> FigureMoment | None:
        """The step's figure at ``now``; on a step waiting for done, by how long it has
        waited, since the session's position stands still."""
        frame = self.session.view(now).frame
        if frame.state != "waiting":
            self._waiting_since = None
            return figure_at(frame, self.session.engine.timeline)
        if self._waiting_since is None or self._waiting_since[0] != frame.segment.index:
            self._waiting_since = (frame.segment.index, now)
        waited = now - self._waiting_since[1]
        return figure_at(frame, self.session.engine.timeline, waited)

    @staticmethod
    def _figure_ms(figure: FigureMoment | None) -> int:
        """How long until the figure's next frame: sooner while it moves between key poses
        than while it only breathes."""
        return FIGURE_MS if figure is not None and figure.keyed else BREATHING_FIGURE_MS

    def _figure_due(self, figure: FigureMoment | None, shown: Shown, now: int) -> bool:
        """The figure moves, nothing covers it, its frame is due and it looks different."""
        return (
            figure is not None
            and figure.moving
            and shown.cover is None
            and now >= self._next_figure
            and figure != self._figure
        )

    def _figure_wake(self, now: int) -> int | None:
        """When the figure's next frame is due, while it moves; None while it is still."""
        if self.shown is None or self.shown.cover is not None or self._picture_box is None:
            return None
        figure = self._latest_figure
        if figure is None or not figure.moving:
            return None
        return max(self._next_figure, self._last_step + FRAME_MS)

    def _regions(self, shown: Shown) -> dict[str, Any]:
        return drawn_regions(self.surface.get_size(), shown, self.assets, self.theme)

    def _take_frame(self, now: int) -> None:
        """With ``frames_every_ms``, a screenshot each time play passes one more multiple of
        it (on the routine's clock, so a faster preview takes the same frames)."""
        if self.screenshots is None or not self.frames_every_ms or self.shown is None:
            return
        frame = self.session.view(now).frame
        if frame.state == "finished" or frame.position_ms < self._next_frame_ms:
            return
        regions = functools.partial(self._regions, self.shown)
        every = self.frames_every_ms
        due = frame.position_ms // every * every  # named by the moment it stands for
        self.screenshots.frame(self.surface, due, regions)
        self._next_frame_ms = due + every

    def _frame_wake(self, now: int) -> int | None:
        """When play reaches the next frame to take, on the clock; None when none is due."""
        if self.screenshots is None or not self.frames_every_ms:
            return None
        frame = self.session.view(now).frame
        if frame.state != "playing":
            return None
        ahead = max(0, self._next_frame_ms - frame.position_ms)
        return now + math.ceil(ahead / self.session.engine.speed)

    def _record(self, events: list[Event], now: int) -> None:
        self._tally.add(events, now)

    def _finished(self, now: int) -> bool:
        return self.session.view(now).frame.state == "finished"


def run_window(
    session: Session,
    clock: Clock,
    *,
    screenshots: Path | None = None,
    fullscreen: bool = False,
    picture_dirs: Sequence[Path] = (MEDIA_DIR,),
    close_at_end: bool = False,
    large_text: bool = False,
    high_contrast: bool = False,
) -> Outcome:
    """Play ``session`` in a window of its own; "finished" when the end screen was closed,
    else "quit". To ask questions in the same window, use ``open_window`` instead.

    The session is left open: closing it (its voice and log) is the caller's part."""
    app = WindowApp(
        session,
        clock,
        screenshots=screenshots,
        fullscreen=fullscreen,
        picture_dirs=picture_dirs,
        close_at_end=close_at_end,
        theme=theme_for(large_text=large_text, high_contrast=high_contrast),
    )
    return app.run()
