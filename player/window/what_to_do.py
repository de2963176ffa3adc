"""The screen after "Something is wrong": what to do for each warning sign, in large type,
a page at a time (``player.care.something_wrong`` decides the words and the pages).

It reads from across a room: a line of it is about a sixteenth of the window tall. Page
Down, Right, Space, N or a click on "Read on" turns the page; Page Up, Left or P goes back;
Esc, Q (or Enter on the last page) or "Close" closes it, and with it the player. For a
moment after it appears it takes no key or click, so that a key pressed twice in the hurry
of stopping does not turn or close it unread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from player.care.something_wrong import TITLE, Kind, Line, pages, what_to_do
from player.home.bindings import window_key
from player.language import _, fonts, pgettext
from player.playback.clock import Clock
from player.window.assets import Assets
from player.window.controls import DEFAULT_CONTROLS, Controls
from player.window.display import Display, wait_for_input
from player.window.layout import Box
from player.window.paint import button, line
from player.window.screenshots import save_screenshot
from player.window.text import wrap
from player.window.theme import DEFAULT_THEME, Theme

SETTLE_MS = 800
"""How long after it appears the screen takes no key or click."""
IDLE_MS = 1_000
CAPITALS_SHARE = 0.04
"""How tall a capital letter of the words is, as a share of the window's height (29
pixels at 720: over 6 mm on a 13-inch screen). Measured in ink, so that every language's
font draws its words as large."""
ROW_SPACING = 1.12

READ_ON_KEYS = frozenset({pygame.K_DOWN, pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER})
BACK_KEYS = frozenset({pygame.K_UP})


@dataclass(frozen=True)
class Row:
    """One line of words as drawn: its text, what it is part of, and its box."""

    text: str
    kind: Kind
    box: Box
    first: bool
    """The first row of its line (a sign's bullet goes there)."""


@dataclass(frozen=True)
class WhatToDoLayout:
    size: tuple[int, int]
    text_size: int
    title: Box
    page_number: Box
    pages: tuple[tuple[Row, ...], ...]
    close: Box
    back: Box
    read_on: Box

    def button_at(self, x: int, y: int) -> str | None:
        for name, box in (("close", self.close), ("back", self.back), ("read on", self.read_on)):
            if box.contains(x, y):
                return name
        return None


def what_to_do_layout(
    width: int, height: int, assets: Assets, text_scale: float = 1.0
) -> WhatToDoLayout:
    """The screen for a window ``width`` by ``height``, in the language in use."""
    width, height = max(width, 160), max(height, 120)
    margin = max(8, round(width * 0.035))
    gap = max(4, round(height * 0.015))
    title = Box(margin, gap, width - 2 * margin, max(24, round(height * 0.11)))
    number_w = round(title.w * 0.16)
    title = Box(title.x, title.y, title.w - number_w - gap, title.h)
    page_number = Box(title.right + gap, title.y, number_w, title.h)
    button_h = max(30, round(height * 0.11))
    button_w = max(60, round(width * 0.22))
    buttons_y = height - gap - button_h
    close = Box(margin, buttons_y, button_w, button_h)
    read_on = Box(width - margin - button_w, buttons_y, button_w, button_h)
    back = Box(read_on.x - gap * 2 - button_w, buttons_y, button_w, button_h)
    body = Box(margin, title.bottom + gap, width - 2 * margin, buttons_y - gap - title.bottom - gap)
    size = assets.fit_ink("H", 10_000, max(8, round(height * CAPITALS_SHARE * text_scale)))
    font = assets.font(size)
    row_h = round(font.get_height() * ROW_SPACING)
    while size > 10 and body.h // max(1, row_h) < 4:  # a short window: at least four rows
        size -= 2
        font = assets.font(size)
        row_h = round(font.get_height() * ROW_SPACING)
    indent = font.size("\u2022  ")[0]

    def wrapped(item: Line) -> list[str]:
        room = body.w - (indent if item.kind in ("sign", "note") else 0)
        return wrap(font, fonts.shaped(item.text), room) or [""]

    lines = what_to_do()
    # Counted in half rows: half a row of space comes before a heading and a paragraph,
    # but at a page's top.
    spaced = ("heading", "text")
    halves = {item: 2 * len(wrapped(item)) + (item.kind in spaced) for item in lines}
    room = max(2, 2 * (body.h // row_h))
    placed: list[tuple[Row, ...]] = []
    for page in pages(lines, lambda item: halves[item], room):
        rows: list[Row] = []
        used = 0
        for item in page:
            x = body.x + (indent if item.kind in ("sign", "note") else 0)
            if item.kind in spaced and rows:
                used += 1
            for number, text in enumerate(wrapped(item)):
                if used + 2 > room:
                    break  # a line taller than a page: cut
                y = body.y + used * row_h // 2
                rows.append(Row(text, item.kind, Box(x, y, body.right - x, row_h), number == 0))
                used += 2
        placed.append(tuple(rows))
    return WhatToDoLayout(
        (width, height), size, title, page_number, tuple(placed), close, back, read_on
    )


def draw_what_to_do(
    surface: pygame.Surface, where: WhatToDoLayout, page: int, assets: Assets, theme: Theme
) -> None:
    """Paint page ``page`` (from 0) of the screen."""
    colours = theme.palette
    surface.fill(colours.background)
    line(surface, assets, _(TITLE), where.title, colours.accent, "left")
    count = len(where.pages)
    # TRANSLATORS: the page of the screen that says what to do, as in "2 / 4"
    shown = _("{page} / {pages}").format(page=page + 1, pages=count)
    number = where.page_number.inset(0, where.title.h // 5)
    line(surface, assets, shown, number, colours.dim, "right")
    size = where.text_size
    for row in where.pages[page]:
        colour = colours.text if row.kind == "sign" or row.kind == "text" else colours.accent
        image = assets.render(row.text, size, colour)
        top = row.box.y + (row.box.h - image.get_height()) // 2
        surface.blit(image, (row.box.x, top))
        if row.kind == "sign" and row.first:
            bullet = assets.render("\u2022", size, colours.accent)
            surface.blit(bullet, (row.box.x - round(size * 0.9), top))
    faces = [
        # TRANSLATORS: the button that closes the screen of what to do (and the player)
        (where.close, pgettext("button", "Close"), "escape", False, True),
        # TRANSLATORS: the button that shows the page before, of what to do
        (where.back, pgettext("page", "Back"), "page up", False, page > 0),
        # TRANSLATORS: the button that shows the next page of what to do
        (where.read_on, pgettext("button", "Read on"), "page down", True, page + 1 < count),
    ]
    for box, label, key, lit, shown_now in faces:
        if not shown_now:
            continue
        button(surface, box, colours, lit)
        ink = colours.on_accent if lit else colours.text
        inner = box.inset(box.w // 12, box.h // 10)
        label_box = Box(inner.x, inner.y, inner.w, inner.h * 3 // 5)
        key_box = Box(inner.x, label_box.bottom, inner.w, inner.h - label_box.h)
        line(surface, assets, label, label_box, ink, "center")
        key_ink = colours.on_accent if lit else colours.dim
        line(surface, assets, window_key(key), key_box, key_ink, "center")


class WhatToDoScreen:
    """The screen shown in ``display`` until it is closed."""

    def __init__(
        self,
        clock: Clock,
        display: Display,
        assets: Assets,
        *,
        theme: Theme = DEFAULT_THEME,
        controls: Controls = DEFAULT_CONTROLS,
        screenshots: Path | None = None,
    ) -> None:
        self.clock = clock
        self.display = display
        self.assets = assets
        self.theme = theme
        self.controls = controls
        self.screenshots = screenshots
        """A folder for a picture of each page the first time it is shown."""
        self.page = 0
        self.closed = False
        self.shown_at: int | None = None
        self.draws = 0
        self._drawn: tuple[tuple[int, int], int] | None = None
        self._layout: WhatToDoLayout | None = None
        self._saved: set[int] = set()

    def run(self) -> None:
        """Show the screen until it is closed (or the window is)."""
        while self.step(self.clock.now()):
            wait_for_input(self.clock, self.clock.now() + IDLE_MS)

    def step(self, now: int) -> bool:
        """Handle the events waiting and redraw if the page changed. False once closed."""
        if self.shown_at is None:
            self.shown_at = now
            pygame.event.clear()  # what was pressed before it appeared is not for it
        for event in pygame.event.get():
            self.handle(event, now)
            if self.closed:
                return False
        self._show()
        return True

    def layout(self) -> WhatToDoLayout:
        width, height = self.display.surface.get_size()
        if self._layout is None or self._layout.size != (max(width, 160), max(height, 120)):
            self._layout = what_to_do_layout(width, height, self.assets, self.theme.text_scale)
            self.page = min(self.page, len(self._layout.pages) - 1)
        return self._layout

    def handle(self, event: pygame.event.Event, now: int) -> None:
        if event.type == pygame.QUIT:
            self.display.closed_by_person = True
            self.closed = True
            return
        if self.display.follow(event):
            self._drawn = None
            return
        settled = self.shown_at is not None and now - self.shown_at >= SETTLE_MS
        if event.type == pygame.KEYDOWN and settled:
            self._key(event.key, getattr(event, "unicode", "") or "")
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and settled:
            self._do(self.layout().button_at(*event.pos))

    def _key(self, key: int, typed: str) -> None:
        action = self.controls.action(key, typed)
        if action == "fullscreen":
            self.display.toggle_fullscreen()
            self._drawn = None
        elif action == "quit":
            self._do("close")
        elif action in ("next", "toggle_pause", "done") or key in READ_ON_KEYS:
            last = self.page + 1 >= len(self.layout().pages)
            enter = key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            self._do("close" if last and enter else "read on")
        elif action == "previous" or key in BACK_KEYS:
            self._do("back")

    def _do(self, what: str | None) -> None:
        if what == "close":
            self.closed = True
        elif what == "read on":
            self.page = min(self.page + 1, len(self.layout().pages) - 1)
        elif what == "back":
            self.page = max(0, self.page - 1)

    def _show(self) -> None:
        surface = self.display.surface
        drawn = (surface.get_size(), self.page)
        if drawn == self._drawn:
            return
        draw_what_to_do(surface, self.layout(), self.page, self.assets, self.theme)
        pygame.display.flip()
        self.draws += 1
        self._drawn = drawn
        if self.screenshots is not None and self.page not in self._saved:
            self._saved.add(self.page)
            save_screenshot(surface, self.screenshots / f"what-to-do-{self.page + 1}.png")
