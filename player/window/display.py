"""The one pygame window, kept open through the questions and the session between them.

It opens the window, switches full screen, follows a resize, and sleeps until input
comes without costing a core: pygame.event.wait(timeout) polls every millisecond
(pygame-ce issue #1541), which alone costs about 2% of a core; sleeping on the clock and
looking for input every INPUT_POLL_MS costs almost nothing, and a key is still answered
within that time.
"""

from __future__ import annotations

import contextlib
import os
import warnings

import pygame

from player.language import N_, _
from player.playback.clock import Clock
from player.window.layout import MIN_WINDOW

WINDOW_SIZE = (1280, 720)
INPUT_POLL_MS = 40
"""How often the window looks for keys and clicks while it sleeps."""
QUIET = (pygame.MOUSEMOTION, pygame.FINGERMOTION, pygame.KEYUP, pygame.MOUSEBUTTONUP)
"""Events that would only wake the loop for nothing."""
INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.TEXTINPUT)
"""Keys and clicks: what a question throws away when it is first shown."""
REDRAW = (
    pygame.VIDEORESIZE,
    pygame.WINDOWSIZECHANGED,
    pygame.WINDOWEXPOSED,
    pygame.VIDEOEXPOSE,
    pygame.WINDOWRESTORED,
    pygame.WINDOWMAXIMIZED,
)
"""Events after which the window must be drawn again."""
TITLE = N_("Routine player")
"""The window's title while no routine plays (looked up when shown)."""


class Display:
    """The pygame window and its drawing surface."""

    def __init__(self, *, fullscreen: bool = False, size: tuple[int, int] = WINDOW_SIZE) -> None:
        # The window is drawn in software; presenting it through OpenGL would load the GL
        # driver (about 100 MB) for no gain.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_allow_screensaver(False)
        pygame.event.set_blocked(list(QUIET))
        self.fullscreen = fullscreen
        self._window_size = size
        self.surface = self._open()
        self.is_open = True
        self.closed_by_person = False
        """The person closed the window (its close button, or the system's)."""
        pygame.display.set_caption(_(TITLE))

    def set_title(self, title: str) -> None:
        pygame.display.set_caption(title)

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.surface = self._open()

    def follow(self, event: pygame.event.Event) -> bool:
        """Take in a change of the window's size or visibility; whether it must be drawn
        again. False for any other event."""
        if event.type not in REDRAW:
            return False
        if not self.fullscreen and event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            surface = pygame.display.get_surface()
            if surface is not None:
                self.surface = surface
                self._window_size = surface.get_size()
        return True

    def close(self) -> None:
        if self.is_open:
            self.is_open = False
            pygame.display.quit()

    def _open(self) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        surface = pygame.display.set_mode(self._window_size, pygame.RESIZABLE)
        _keep_at_least(MIN_WINDOW)
        return surface


def wait_for_input(clock: Clock, wake: int) -> None:
    """Sleep until ``wake`` or until a key or click arrives, whichever comes first."""
    while True:
        now = clock.now()
        if now >= wake:
            return
        clock.sleep_until(min(wake, now + INPUT_POLL_MS))
        if pygame.event.peek():
            return


def _keep_at_least(size: tuple[int, int]) -> None:
    """Stop the person from making the window smaller than ``size``. Where this pygame
    cannot, the screens still draw at any size, only smaller."""
    with warnings.catch_warnings(), contextlib.suppress(AttributeError, pygame.error):
        # Reaching the display module's window is deprecated in pygame-ce 2.5, and the
        # only way to set a smallest size for a window opened by set_mode.
        warnings.simplefilter("ignore", DeprecationWarning)
        pygame.Window.from_display_module().minimum_size = size
