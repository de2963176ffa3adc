"""Whether a window can really be seen here, found out before one is opened.

SDL, given a display it cannot reach, quietly falls back to drawing off screen: the
session would then play where nobody can see it. So the player looks first, within a
bound of time: the display's socket must answer, and the driver SDL ends up with must be
a real one. Off-screen drawing is only used when asked for, by naming the driver in
SDL_VIDEODRIVER (as the tests do) or for screenshots with no display at all.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from player.system.quiet import quiet_stderr

OFF_SCREEN_DRIVERS = frozenset({"offscreen", "dummy"})
CONNECT_TIMEOUT_S = 1.5
"""The longest the look at a display's socket may take; the whole look stays within two
seconds even for a display on another machine that does not answer."""
X11_TCP_PORT = 6000

_X11_DISPLAY = re.compile(r"^(?P<host>[^:]*?)(?:/unix)?:(?P<number>\d+)(?:\.\d+)?$")


@dataclass(frozen=True)
class Place:
    """Where a display's server listens: a local socket file, or a host and port."""

    path: str | None = None
    host: str | None = None
    port: int = 0


def x11_place(display: str) -> Place | None:
    """Where the X server named by DISPLAY (``:0``, ``:1.0``, ``host:10.0``,
    ``unix:0``, ``/path/to/socket``) listens; None when the name cannot be read."""
    if display.startswith("/"):  # macOS's launchd socket, named by its path
        return Place(path=display.split(":")[0])
    found = _X11_DISPLAY.match(display)
    if found is None:
        return None
    host, number = found["host"], int(found["number"])
    if host in ("", "unix"):
        return Place(path=f"/tmp/.X11-unix/X{number}")
    return Place(host=host, port=X11_TCP_PORT + number)


def wayland_place(environ: Mapping[str, str]) -> Place | None:
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return None
    if name.startswith("/"):
        return Place(path=name)
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    return Place(path=str(Path(runtime) / name)) if runtime else None


def answers(place: Place, timeout_s: float = CONNECT_TIMEOUT_S) -> bool:
    """Whether something accepts a connection there, within ``timeout_s``."""
    try:
        if place.path is not None:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(timeout_s)
                try:
                    sock.connect(place.path)
                except OSError:
                    if not sys.platform.startswith("linux"):
                        raise
                    sock.connect("\0" + place.path)  # X servers listen here on Linux too
            return True
        with socket.create_connection((place.host or "", place.port), timeout=timeout_s):
            return True
    except (OSError, ValueError):
        return False


def named_driver(environ: Mapping[str, str]) -> str:
    return environ.get("SDL_VIDEODRIVER", "").strip().lower()


def why_no_display(environ: Mapping[str, str] = os.environ) -> str | None:
    """None when a display answers here (or a driver is named); else why not, in a few
    words to follow "No display: ". Looks at sockets only: no SDL, no waiting past the
    connect timeout."""
    if named_driver(environ) or sys.platform.startswith(("win", "darwin")):
        return None
    wayland = wayland_place(environ)
    if wayland is not None and answers(wayland):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        if wayland is not None:
            return f"the Wayland display {environ['WAYLAND_DISPLAY']} does not answer"
        return "DISPLAY is not set"
    x11 = x11_place(display)
    if x11 is None:
        return f"DISPLAY={display} is not a display name"
    if not answers(x11):
        return f"nothing answers at DISPLAY={display}"
    return None


def driver_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """Start SDL's video and check the driver it chose: None when it is a real display,
    or the off-screen one that was named; else why it cannot be used. On success SDL's
    video is left started, for the window about to open."""
    import pygame

    try:
        with quiet_stderr():
            pygame.display.init()
        driver = pygame.display.get_driver()
    except pygame.error as error:
        return f"the display could not be opened ({error})"
    if driver in OFF_SCREEN_DRIVERS and driver != named_driver(environ):
        pygame.display.quit()
        return "the display did not answer"
    return None


def display_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """None when a window opened now would be seen (or the off-screen driver was asked
    for by name); else why not."""
    return why_no_display(environ) or driver_problem(environ)


def draw_off_screen() -> None:
    """Have SDL draw off screen: for screenshots where there is no display."""
    os.environ["SDL_VIDEODRIVER"] = "offscreen"
