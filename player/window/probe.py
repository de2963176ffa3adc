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
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from player.language import _
from player.system.quiet import quiet_stderr

OFF_SCREEN_DRIVERS = frozenset({"offscreen", "dummy"})
CONNECT_TIMEOUT_S = 0.75
"""The longest the look at a display's socket may take, connecting and hearing back; the
whole look stays within two seconds even for a display that does not answer."""
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


X11_HELLO = b"l\x00" + (11).to_bytes(2, "little") + bytes(8)
"""The X11 connection setup, little-endian, protocol 11.0, with no authorisation: every X
server answers it at once, with its welcome or with a refusal."""
WAYLAND_SYNC = (
    (1).to_bytes(4, "little") + ((12 << 16) | 0).to_bytes(4, "little") + (2).to_bytes(4, "little")
)
"""wl_display.sync (object 1, opcode 0, 12 bytes, a new callback 2): a compositor answers
it with the callback's ``done``."""


def answers(place: Place, hello: bytes, timeout_s: float = CONNECT_TIMEOUT_S) -> bool:
    """Whether a server there accepts a connection and answers ``hello``, all within
    ``timeout_s``: one that accepts and then says nothing (stopped, or a forwarded port
    whose far end is gone) would hang the window's start where no signal reaches it."""
    deadline = time.monotonic() + timeout_s
    try:
        with _connected(place, timeout_s) as sock:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            sock.sendall(hello)
            return bool(sock.recv(1))
    except (OSError, ValueError):
        return False


def _connected(place: Place, timeout_s: float) -> socket.socket:
    if place.path is None:
        return socket.create_connection((place.host or "", place.port), timeout=timeout_s)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout_s)
    try:
        try:
            sock.connect(place.path)
        except OSError:
            if not sys.platform.startswith("linux"):
                raise
            sock.connect("\0" + place.path)  # X servers listen here on Linux too
    except BaseException:
        sock.close()
        raise
    return sock


def named_driver(environ: Mapping[str, str]) -> str:
    return environ.get("SDL_VIDEODRIVER", "").strip().lower()


def why_no_display(environ: Mapping[str, str] = os.environ) -> str | None:
    """None when a display answers here (or a driver is named); else why not, in a few
    words to follow "No display: ". Looks at sockets only: no SDL, no waiting past the
    connect timeout."""
    if named_driver(environ) or sys.platform.startswith(("win", "darwin")):
        return None
    wayland = wayland_place(environ)
    if wayland is not None and answers(wayland, WAYLAND_SYNC):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        if wayland is not None:
            # TRANSLATORS: follows "No display"; {name} is a name such as wayland-0
            return _("the Wayland display {name} does not answer").format(
                name=environ["WAYLAND_DISPLAY"]
            )
        # TRANSLATORS: follows "No display"; DISPLAY is the name of a setting, kept as it is
        return _("DISPLAY is not set")
    x11 = x11_place(display)
    if x11 is None:
        # TRANSLATORS: follows "No display"; DISPLAY is the name of a setting, kept as it is
        return _("DISPLAY={display} is not a display name").format(display=display)
    if not answers(x11, X11_HELLO):
        # TRANSLATORS: follows "No display"; DISPLAY is the name of a setting, kept as it is
        return _("nothing answers at DISPLAY={display}").format(display=display)
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
        # TRANSLATORS: follows "No display"; {error} is the graphics library's own message
        return _("the display could not be opened ({error})").format(error=error)
    if driver in OFF_SCREEN_DRIVERS and driver != named_driver(environ):
        pygame.display.quit()
        # TRANSLATORS: follows "No display"
        return _("the display did not answer")
    return None


def display_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """None when a window opened now would be seen (or the off-screen driver was asked
    for by name); else why not."""
    return why_no_display(environ) or driver_problem(environ)


def draw_off_screen() -> None:
    """Have SDL draw off screen: for screenshots where there is no display."""
    os.environ["SDL_VIDEODRIVER"] = "offscreen"
