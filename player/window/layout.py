"""Where everything goes: the window's size in, a box for every region out. Pure.

Two arrangements: side by side for a landscape window (the countdown on the left, the
picture and what to do on the right) and stacked for a tall one. Sizes are fractions
of the window, so everything grows with it; the countdown takes the largest share.
Large text (``text_scale`` above 1) makes the rows that hold words taller, and the
countdown gives up the room. A picture shares its column with what to do: it gets what
the words (``words_h`` tall at a readable size) leave, and none when that is too little.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypedDict

ButtonId = Literal[
    "pause",
    "back",
    "next",
    "restart",
    "less",
    "more",
    "done",
    "mute",
    "captions",
    "help",
    "quit",
    "wrong",
    "close",
]

MIN_BUTTON_WIDTH = 64
"""Narrower than this, the buttons take two rows."""
WIDE_BUTTONS: dict[ButtonId, int] = {"wrong": 3}
"""Buttons as wide as this many others: "Something is wrong", for a hasty hand."""
MIN_WINDOW = (640, 360)
"""The smallest window the player lets itself be made; every screen fits it."""
MIN_COUNTDOWN = 0.22
"""The least share of the window's height the countdown keeps, whatever the type size."""
SMALLEST_PICTURE = 0.2
"""In a tall window, a picture shorter than this share of its column is left out: the
words need the room. (A landscape window gives the figure its own place, and keeps it.)"""
FIGURE_ASPECT = 2.0
"""Width over height of the figures (the bundled pictures are 800 by 400)."""
FIGURE_WIDTH = 0.64
"""The share of the width the figure may take in a landscape window."""
LABEL_ROW = 0.148
"""The height of the row of phase, side and repetition, as a share of the window's: it
makes their capital letters about a tenth of the window tall (75 pixels at 720), which
reads from three metres on a 13-inch screen."""
LARGE_LABELS = 1.15
"""How much larger large text makes that row. The caption band gives up the room, so that
the figure and the countdown keep their size."""
BAND = 0.095
"""The height of the caption band, as a share of the window's."""


@dataclass(frozen=True)
class Box:
    """A rectangle in window pixels."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def center(self) -> tuple[int, int]:
        return (self.x + self.w // 2, self.y + self.h // 2)

    @property
    def xywh(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def inset(self, dx: int, dy: int | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, max(0, self.w - 2 * dx), max(0, self.h - 2 * dy))


@dataclass(frozen=True)
class Layout:
    """Every region of the session screen, and of the overlays drawn over it."""

    size: tuple[int, int]
    progress: Box
    """The overall progress bar, with marks where steps start."""
    title: Box
    info: Box
    """The set ('Set 2 of 3') and the time left."""
    countdown: Box
    """The big number, when the step has no phases."""
    breath: Box
    """The breathing circle, for a step in phases: a square at the countdown's left."""
    beside: Box
    """The big number beside the breathing circle."""
    segment_bar: Box
    status: Box
    """The row of phase, side and repetition (or, for a step that waits, what to press)."""
    picture: Box | None
    position: Box
    do_text: Box
    next_up: Box
    caption: Box
    buttons: tuple[tuple[ButtonId, Box], ...]
    shade: Box
    """What an overlay covers: everything above the buttons, which stay clickable."""
    dialog: Box
    dialog_buttons: tuple[Box, Box]
    """Yes and no in the quit dialog."""

    @property
    def figure_first(self) -> bool:
        """The landscape arrangement with a figure: what to do has no place of its own
        (it goes in the band at the foot, and on the pause screen)."""
        return self.do_text.h <= 0

    def button_at(self, x: int, y: int) -> ButtonId | None:
        return next((name for name, box in self.buttons if box.contains(x, y)), None)

    def button(self, name: ButtonId) -> Box | None:
        return next((box for button, box in self.buttons if button == name), None)


class _Regions(TypedDict):
    progress: Box
    title: Box
    info: Box
    countdown: Box
    breath: Box
    beside: Box
    segment_bar: Box
    status: Box
    picture: Box | None
    position: Box
    do_text: Box
    next_up: Box
    caption: Box


@dataclass(frozen=True)
class _Frame:
    """What every region is placed from: the window, its margins and the type size."""

    width: int
    height: int
    margin: int
    gap: int
    inner: int
    buttons_top: int
    scale: float
    has_picture: bool
    words_h: int

    def grow(self, size: int) -> int:
        """``size`` for a row of words, taller with large text."""
        return round(size * self.scale)


@lru_cache(maxsize=32)
def layout(
    width: int,
    height: int,
    buttons: tuple[ButtonId, ...],
    has_picture: bool = False,
    text_scale: float = 1.0,
    words_h: int = 0,
) -> Layout:
    """The regions of a ``width`` x ``height`` window showing ``buttons``; ``words_h`` is
    how tall what to do is at a readable size (0 when unknown or none).

    Large text grows the rows of words only as far as the countdown keeps its share."""
    standard = _arrange(width, height, buttons, has_picture, 1.0, words_h)
    if standard.figure_first:  # it keeps the countdown's size itself
        return _arrange(width, height, buttons, has_picture, text_scale, words_h)
    least = min(standard.countdown.h, standard.size[1] * MIN_COUNTDOWN)
    while text_scale > 1.0:
        arranged = _arrange(width, height, buttons, has_picture, text_scale, words_h)
        if arranged.countdown.h >= least:
            return arranged
        text_scale = max(1.0, text_scale - 0.05)
    return standard


def _arrange(
    width: int,
    height: int,
    buttons: tuple[ButtonId, ...],
    has_picture: bool,
    text_scale: float,
    words_h: int,
) -> Layout:
    width, height = max(width, 160), max(height, 120)
    margin = max(6, round(min(width, height * 16 / 9) * 0.018))
    gap = max(4, round(height * 0.015))
    inner = width - 2 * margin
    landscape = width >= height * 1.05
    figure_first = landscape and has_picture
    if figure_first:  # the buttons keep their size, and sit lower: the figure needs the room
        button_boxes, buttons_top = _button_row(width, height, margin // 2, buttons, 1.0)
    else:
        button_boxes, buttons_top = _button_row(width, height, margin, buttons, text_scale)
    frame = _Frame(width, height, margin, gap, inner, buttons_top, text_scale, has_picture, words_h)
    if figure_first:
        regions = _figure_first(frame)
    else:
        regions = _landscape(frame) if landscape else _portrait(frame)
    dialog_w = min(round(width * 0.86), round(height * 1.5))
    dialog_h = min(round(height * 0.62), buttons_top - 2 * margin)
    dialog = Box(
        (width - dialog_w) // 2, max(margin, (buttons_top - dialog_h) // 2), dialog_w, dialog_h
    )
    yes_no_h = max(32, round(dialog_h * 0.2))
    yes_no_w = round(dialog_w * 0.34)
    yes_no_y = dialog.bottom - gap * 2 - yes_no_h
    yes = Box(dialog.x + round(dialog_w * 0.12), yes_no_y, yes_no_w, yes_no_h)
    no = Box(dialog.right - round(dialog_w * 0.12) - yes_no_w, yes_no_y, yes_no_w, yes_no_h)
    return Layout(
        size=(width, height),
        buttons=button_boxes,
        shade=Box(0, 0, width, max(0, buttons_top - gap // 2)),
        dialog=dialog,
        dialog_buttons=(yes, no),
        **regions,
    )


def _button_row(
    width: int, height: int, margin: int, buttons: tuple[ButtonId, ...], scale: float
) -> tuple[tuple[tuple[ButtonId, Box], ...], int]:
    """The buttons spread evenly along the bottom, in one row or two; a wide button
    (``WIDE_BUTTONS``) takes the room of as many others."""
    spacing = max(3, round(width * 0.006))
    row_h = max(30, round(min(height * 0.085, width * 0.06) * (1 + (scale - 1) * 0.8)))
    inner = width - 2 * margin
    count = max(1, len(buttons))

    def unit(names: tuple[ButtonId, ...]) -> float:
        """The width of an ordinary button, for ``names`` in one row."""
        weight = sum(WIDE_BUTTONS.get(name, 1) for name in names) or 1
        return (inner - (max(1, len(names)) - 1) * spacing) / weight

    # A wide button squeezes the others, but does not make two rows where they fit one.
    ordinary = tuple(name for name in buttons if name not in WIDE_BUTTONS)
    rows = 1 if unit(ordinary or buttons) >= MIN_BUTTON_WIDTH else 2
    per_row = -(-count // rows)
    lines = [buttons[row * per_row : (row + 1) * per_row] for row in range(rows)]
    top = height - margin - rows * row_h - (rows - 1) * spacing
    # Every row shares one button width, so the buttons line up.
    w = min(int(min(unit(names) for names in lines if names)), row_h * 4) if buttons else 0
    placed: list[tuple[ButtonId, Box]] = []
    for row, names in enumerate(lines):
        if not names:
            continue
        weights = [WIDE_BUTTONS.get(name, 1) for name in names]
        widths = [w * weight + spacing * (weight - 1) for weight in weights]
        used = sum(widths) + (len(names) - 1) * spacing
        x = margin + (inner - used) // 2
        y = top + row * (row_h + spacing)
        for name, each in zip(names, widths, strict=True):
            placed.append((name, Box(x, y, each, row_h)))
            x += each + spacing
    return tuple(placed), top


def _landscape(f: _Frame) -> _Regions:
    height, margin, gap, inner, buttons_top = f.height, f.margin, f.gap, f.inner, f.buttons_top
    has_picture = f.has_picture
    progress = Box(margin, margin, inner, max(8, round(height * 0.022)))
    header_y = progress.bottom + gap
    header_h = max(24, f.grow(round(height * 0.1)))
    info_w = round(inner * 0.3)
    title = Box(margin, header_y, inner - info_w - gap, header_h)
    info = Box(title.right + gap, header_y, info_w, header_h)

    caption_h = max(30, f.grow(round(height * 0.14)))
    caption = Box(margin, buttons_top - gap - caption_h, inner, caption_h)

    main_y = title.bottom + gap
    main_h = max(40, caption.y - gap - main_y)
    left_w = round(inner * (0.5 if has_picture else 0.56))
    status_h = max(20, f.grow(round(height * 0.11)))
    bar_h = max(6, round(height * 0.022))
    countdown_h = max(20, main_h - status_h - bar_h - 2 * gap)
    countdown = Box(margin, main_y, left_w, countdown_h)
    breath, beside = _split_countdown(countdown, gap)
    segment_bar = Box(margin + left_w // 10, countdown.bottom + gap, left_w * 8 // 10, bar_h)
    status = Box(margin, segment_bar.bottom + gap, left_w, status_h)

    right_x = margin + left_w + 2 * gap
    next_h = max(24, f.grow(round(height * 0.12)))
    next_up = Box(right_x, main_y + main_h - next_h, margin + inner - right_x, next_h)
    right = Box(right_x, main_y, next_up.w, max(0, next_up.y - gap - main_y))
    picture, position, do_text = _picture_and_words(right, f, 0.74)
    return {
        "progress": progress,
        "title": title,
        "info": info,
        "countdown": countdown,
        "breath": breath,
        "beside": beside,
        "segment_bar": segment_bar,
        "status": status,
        "picture": picture,
        "position": position,
        "do_text": do_text,
        "next_up": next_up,
        "caption": caption,
    }


def _figure_first(f: _Frame) -> _Regions:
    """A landscape window with a figure: the figure, as large as the rest allows, at the
    left; the step's name, the time and the countdown beside it; under both, the phase,
    side and repetition in letters large enough to read across a room; then the caption.
    What to do is said by the voice and shown in the caption; it has no place of its own."""
    height, margin, gap, inner, buttons_top = f.height, f.margin, f.gap, f.inner, f.buttons_top
    progress = Box(margin, margin, inner, max(8, round(height * 0.022)))
    top = progress.bottom + gap
    labels_standard = round(height * LABEL_ROW)
    labels_h = round(labels_standard * (LARGE_LABELS if f.scale > 1.0 else 1.0))
    caption_h = max(24, round(height * BAND) - (labels_h - labels_standard))
    caption = Box(margin, buttons_top - gap - caption_h, inner, caption_h)
    status = Box(margin, caption.y - gap - labels_h, inner, labels_h)
    row_h = max(40, status.y - gap - top)
    figure_h = min(row_h, round(inner * FIGURE_WIDTH / FIGURE_ASPECT))
    figure_w = round(figure_h * FIGURE_ASPECT)
    picture = Box(margin, top + (row_h - figure_h) // 2, figure_w, figure_h)

    right_x = picture.right + 2 * gap
    right_w = margin + inner - right_x
    # The same boxes with large text: their words grow inside them (see draw).
    title = Box(right_x, top, right_w, max(24, round(height * 0.15)))  # two lines
    info = Box(right_x, title.bottom, right_w, max(16, round(height * 0.045)))
    next_h = max(16, round(height * 0.06))
    bar_h = max(6, round(height * 0.022))
    countdown_y = info.bottom + gap
    room = top + row_h - countdown_y - 2 * gap - bar_h  # for the countdown and next up
    if room - next_h < next_h * 2:  # a window too small for both: the countdown comes first
        next_h = 0
    next_up = Box(right_x, top + row_h - next_h, right_w, next_h)
    countdown = Box(right_x, countdown_y, right_w, max(1, room - next_h))
    segment_bar = Box(right_x + right_w // 10, countdown.bottom + gap, right_w * 8 // 10, bar_h)
    breath, beside = _split_countdown(countdown, gap)
    nowhere = Box(right_x, top, right_w, 0)
    return {
        "progress": progress,
        "title": title,
        "info": info,
        "countdown": countdown,
        "breath": breath,
        "beside": beside,
        "segment_bar": segment_bar,
        "status": status,
        "picture": picture,
        "position": nowhere,
        "do_text": nowhere,
        "next_up": next_up,
        "caption": caption,
    }


def _portrait(f: _Frame) -> _Regions:
    height, margin, gap, inner, buttons_top = f.height, f.margin, f.gap, f.inner, f.buttons_top
    progress = Box(margin, margin, inner, max(8, round(height * 0.016)))
    title = Box(margin, progress.bottom + gap, inner, max(24, f.grow(round(height * 0.065))))
    info = Box(margin, title.bottom, inner, max(16, f.grow(round(height * 0.04))))
    countdown = Box(margin, info.bottom + gap, inner, max(40, round(height * 0.2)))
    breath, beside = _split_countdown(countdown, gap)
    bar_h = max(6, round(height * 0.014))
    segment_bar = Box(margin + inner // 10, countdown.bottom + gap, inner * 8 // 10, bar_h)
    status = Box(margin, segment_bar.bottom + gap, inner, max(20, f.grow(round(height * 0.07))))

    caption_h = max(30, f.grow(round(height * 0.1)))
    caption = Box(margin, buttons_top - gap - caption_h, inner, caption_h)
    next_h = max(16, f.grow(round(height * 0.04)))
    next_up = Box(margin, caption.y - gap - next_h, inner, next_h)
    rest_y = status.bottom + gap
    rest = Box(margin, rest_y, inner, max(20, next_up.y - gap - rest_y))
    picture, position, do_text = _picture_and_words(rest, f, 0.45)
    return {
        "progress": progress,
        "title": title,
        "info": info,
        "countdown": countdown,
        "breath": breath,
        "beside": beside,
        "segment_bar": segment_bar,
        "status": status,
        "picture": picture,
        "position": position,
        "do_text": do_text,
        "next_up": next_up,
        "caption": caption,
    }


def _split_countdown(countdown: Box, gap: int) -> tuple[Box, Box]:
    """A square for the breathing circle at the left, the rest for the number."""
    side = min(countdown.h, round(countdown.w * 0.42))
    breath = Box(countdown.x, countdown.y + (countdown.h - side) // 2, side, side)
    beside = Box(breath.right + gap, countdown.y, countdown.right - breath.right - gap, countdown.h)
    return breath, beside


def _picture_and_words(area: Box, f: _Frame, picture_share: float) -> tuple[Box | None, Box, Box]:
    """The picture on top (when there is one and the words leave it room), the position
    label, then what to do."""
    gap = f.gap
    label_h = min(max(14, f.grow(round(f.height * 0.05))), area.h // 3)
    picture = None
    top = area.y
    room = area.h - label_h - gap - f.words_h
    picture_h = min(round(area.h * picture_share), room)
    if f.has_picture and picture_h >= area.h * SMALLEST_PICTURE:
        picture = Box(area.x, area.y, area.w, picture_h)
        top = picture.bottom + gap
    position = Box(area.x, top, area.w, label_h)
    do_text = Box(area.x, position.bottom, area.w, max(0, area.bottom - position.bottom))
    return picture, position, do_text
