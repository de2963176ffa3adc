"""A question on the window: where everything goes, and the drawing of it.

``question_layout`` places the title, every line to read, and a button for every choice
(its key on a badge), from the question, the window's size and a way to measure words:
pure, the same for the same values. The words are as large as fit, in one column or
two, never cut off in a window the player allows: this is read from a metre away.
``draw_question`` paints a layout and decides nothing.

A scale (a pain score) puts its numbers in one row of square buttons, with a row above
them for a note (how to answer, or the number typed), and its other choices (Skip) on a
row below.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from player.care.questions import Question
from player.window.assets import Assets
from player.window.layout import Box
from player.window.paint import button, line, rect
from player.window.text import ELLIPSIS, FontOf, shorten, wrap
from player.window.theme import DEFAULT_THEME, Colour, Palette, Theme

SPACING = 1.08
"""From the top of one line to the next, in line heights."""
ITEM_GAP = 0.45
"""The extra room between two of the question's lines, in line heights."""
SHRINK = 0.93
"""Each try at fitting the words is this much smaller than the one before."""
SMALLEST = 12
"""No words smaller than this; a window too small for the lines even so loses some."""


@dataclass(frozen=True)
class Text:
    """One line of words in its place: ``box`` is what its letters take."""

    words: str
    box: Box
    size: int


@dataclass(frozen=True)
class ChoiceBox:
    """The button of ``question.choices[index]``: its face, the key on a badge at its left
    (none where the label is the key, as on a scale's numbers) and its label."""

    index: int
    box: Box
    badge: Box | None
    key: Text | None
    label: tuple[Text, ...]


@dataclass(frozen=True)
class QuestionLayout:
    size: tuple[int, int]
    title: tuple[Text, ...]
    lines: tuple[Text, ...]
    """The question's lines, wrapped, in one column or two."""
    columns: int
    note: Box | None
    """The row above a scale's numbers: how to answer, or the number typed."""
    choices: tuple[ChoiceBox, ...]
    cut: bool
    """Some lines were left out: the window is smaller than the player allows."""

    def choice_at(self, x: int, y: int) -> int | None:
        """The index of the choice whose button is at (x, y), if any."""
        return next((c.index for c in self.choices if c.box.contains(x, y)), None)

    def texts(self) -> tuple[Text, ...]:
        """Every line of words on the screen, the buttons' included."""
        keys = tuple(c.key for c in self.choices if c.key is not None)
        labels = tuple(text for c in self.choices for text in c.label)
        return (*self.title, *self.lines, *keys, *labels)


@dataclass(frozen=True)
class _Frame:
    """The window, its margins, and ``base``: the length every size is a share of (the
    height, or less in a narrow window, so that words still fit across it)."""

    width: int
    height: int
    margin: int
    gap: int
    inner: int
    base: int
    scale: float

    def share(self, fraction: float) -> int:
        """``fraction`` of the base, for words: larger with large text."""
        return round(self.base * fraction * self.scale)


@dataclass(frozen=True)
class _Body:
    """The question's lines wrapped at one size: columns of items of lines."""

    size: int
    columns: tuple[tuple[tuple[str, ...], ...], ...]
    between: int
    height: int
    centred: bool
    """Each line centred (one column), rather than the columns' lines aligned left."""


@dataclass(frozen=True)
class _Row:
    """One row of buttons: the choices on it, and each button's size."""

    indexes: tuple[int, ...]
    w: int
    h: int
    spacing: int
    badges: bool


def question_layout(
    question: Question, width: int, height: int, font_of: FontOf, text_scale: float = 1.0
) -> QuestionLayout:
    """Everything of ``question`` in a ``width`` x ``height`` window."""
    width, height = max(width, 160), max(height, 120)
    margin = max(8, round(min(width, height * 16 / 9) * 0.035))
    base = min(height, round(width * 0.8))
    gap = max(6, round(base * 0.03))
    frame = _Frame(width, height, margin, gap, width - 2 * margin, base, text_scale)
    rows, label_size = _rows(question, frame, font_of)
    buttons_h = sum(row.h for row in rows) + gap * (len(rows) - 1)
    note_h = frame.share(0.07) if question.scale else 0
    below = buttons_h + (note_h + gap if note_h else 0)
    after_title = round(gap * 1.4) if question.lines else 0
    room = height - 2 * margin - below - 2 * gap - after_title

    factor = 1.0
    while True:
        title_size = max(SMALLEST, round(frame.share(0.075) * factor))
        body_size = max(SMALLEST, round(frame.share(0.058) * factor))
        title = wrap(font_of(title_size), question.title, frame.inner)
        title_h = _lines_height(font_of(title_size), len(title))
        body = _body(question.lines, frame, font_of, body_size, room - title_h)
        if body is not None or (title_size == SMALLEST and body_size == SMALLEST):
            break
        factor *= SHRINK
    cut = body is None
    if body is None:
        body = _cut_body(question.lines, frame, font_of, body_size, max(0, room - title_h))

    total = title_h + after_title + body.height + 2 * gap + below
    top = margin + max(0, (height - 2 * margin - total) // 2)
    body_top = top + title_h + after_title
    buttons_top = body_top + body.height + 2 * gap
    note = None
    if note_h:
        note = Box(margin, buttons_top, frame.inner, note_h)
        buttons_top = note.bottom + gap
    return QuestionLayout(
        size=(width, height),
        title=_centred(title, font_of(title_size), title_size, top, width),
        lines=_place_body(body, frame, font_of(body.size), body_top),
        columns=len(body.columns),
        note=note,
        choices=_place_buttons(question, rows, frame, font_of, label_size, buttons_top),
        cut=cut,
    )


# -- the words --------------------------------------------------------------------------


def _step(font: pygame.font.Font) -> int:
    return round(font.get_height() * SPACING)


def _lines_height(font: pygame.font.Font, count: int) -> int:
    """From the top of the first of ``count`` lines to the bottom of the last."""
    return _step(font) * (count - 1) + font.get_height() if count > 0 else 0


def _column_height(font: pygame.font.Font, items: tuple[tuple[str, ...], ...]) -> int:
    count = sum(len(item) for item in items)
    gaps = round(font.get_height() * ITEM_GAP) * max(0, len(items) - 1)
    return _lines_height(font, count) + gaps if count else 0


def _centred(
    lines: list[str], font: pygame.font.Font, size: int, top: int, width: int
) -> tuple[Text, ...]:
    placed = []
    for number, words in enumerate(lines):
        w = font.size(words)[0]
        box = Box((width - w) // 2, top + number * _step(font), w, font.get_height())
        placed.append(Text(words, box, size))
    return tuple(placed)


def _wrapped(
    font: pygame.font.Font, lines: tuple[str, ...], width: int
) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(wrap(font, words, width)) for words in lines)


def _body(
    lines: tuple[str, ...], frame: _Frame, font_of: FontOf, size: int, room: int
) -> _Body | None:
    """The lines at ``size`` in one column, or else in two, if they fit ``room`` rows of
    pixels; None when neither does."""
    font = font_of(size)
    one = _wrapped(font, lines, frame.inner)
    if _column_height(font, one) <= room:
        # A few lines are centred under the title; a list is easier read aligned.
        centred = len(lines) <= 3
        return _Body(size, (one,), 0, _column_height(font, one), centred)
    if len(lines) < 2:
        return None
    between = max(12, round(frame.inner * 0.05))
    column_w = (frame.inner - between) // 2
    items = _wrapped(font, lines, column_w)
    split = min(
        range(1, len(items)),
        key=lambda k: max(_column_height(font, items[:k]), _column_height(font, items[k:])),
    )
    columns = (items[:split], items[split:])
    height = max(_column_height(font, column) for column in columns)
    return _Body(size, columns, between, height, centred=False) if height <= room else None


def _cut_body(
    lines: tuple[str, ...], frame: _Frame, font_of: FontOf, size: int, room: int
) -> _Body:
    """The lines in two columns at ``size``, as many as fit, the last one kept ending in
    an ellipsis: only for a window smaller than the player allows."""
    font = font_of(size)
    between = max(12, round(frame.inner * 0.05))
    column_w = max(1, (frame.inner - between) // 2)
    per_column = (room - font.get_height()) // _step(font) + 1 if room >= font.get_height() else 0
    flat = [words for item in _wrapped(font, lines, column_w) for words in item]
    kept = flat[: per_column * 2]
    if kept:
        kept[-1] = shorten(font, kept[-1] + ELLIPSIS, column_w)
    columns = ((tuple(kept[:per_column]),), (tuple(kept[per_column:]),))
    height = _lines_height(font, min(per_column, len(kept)))
    return _Body(size, columns, between, height, centred=False)


def _place_body(body: _Body, frame: _Frame, font: pygame.font.Font, top: int) -> tuple[Text, ...]:
    """The body's lines from ``top``: each column left-aligned, the columns together
    centred in the window."""
    widths = [
        max((font.size(words)[0] for item in column for words in item), default=0)
        for column in body.columns
    ]
    used = sum(widths) + body.between * (len(widths) - 1)
    x = frame.margin + max(0, (frame.inner - used) // 2)
    item_gap = round(font.get_height() * ITEM_GAP)
    placed: list[Text] = []
    for column, width in zip(body.columns, widths, strict=True):
        y = top
        for item in column:
            for words in item:
                w = font.size(words)[0]
                left = frame.margin + (frame.inner - w) // 2 if body.centred else x
                box = Box(left, y, w, font.get_height())
                placed.append(Text(words, box, body.size))
                y += _step(font)
            y += item_gap
        x += width + body.between
    return tuple(placed)


# -- the buttons ------------------------------------------------------------------------


def _rows(question: Question, frame: _Frame, font_of: FontOf) -> tuple[list[_Row], int]:
    """The scale's numbers in one row of squares, then every other choice in one row of
    buttons with a badge for the key, no wider than their labels need; and the one size
    of those labels."""
    count = len(question.choices)
    numbers = tuple(i for i, c in enumerate(question.choices) if question.scale and c.key.isdigit())
    others = tuple(i for i in range(count) if i not in numbers)
    rows = []
    if numbers:
        spacing = max(4, round(frame.inner * 0.01))
        side = (frame.inner - spacing * (len(numbers) - 1)) // len(numbers)
        side = max(16, min(side, frame.share(0.15)))
        rows.append(_Row(numbers, side, side, spacing, badges=False))
    if not others:
        return rows, SMALLEST
    spacing = max(8, round(frame.inner * 0.03))
    w = (frame.inner - spacing * (len(others) - 1)) // len(others)
    h = max(36, frame.share(0.1 if numbers else 0.13))
    w = min(w, round(frame.width * 0.46))
    labels = [question.choices[i].label for i in others]
    size = _label_size(labels, _label_room(Box(0, 0, w, h)), frame, font_of)
    font = font_of(size)
    badge, pad = _badge(Box(0, 0, w, h))
    needed = badge.w + 3 * pad + max(font.size(label)[0] for label in labels) + 2 * pad
    rows.append(_Row(others, max(min(w, needed), min(w, h * 3)), h, spacing, badges=True))
    return rows, size


def _badge(box: Box) -> tuple[Box, int]:
    """The square for the key at the left of a button, and the padding round it."""
    pad = max(4, box.h // 7)
    side = box.h - 2 * pad
    return Box(box.x + pad, box.y + pad, side, side), pad


def _label_room(box: Box) -> Box:
    badge, pad = _badge(box)
    return Box(badge.right + pad, badge.y, max(1, box.right - badge.right - 2 * pad), badge.h)


def _label_size(labels: list[str], room: Box, frame: _Frame, font_of: FontOf) -> int:
    """The largest size at which every label fits ``room`` in as many lines as it needs."""
    size = frame.share(0.055)
    while size > SMALLEST:
        font = font_of(size)
        if all(_lines_height(font, len(wrap(font, w, room.w))) <= room.h for w in labels):
            return size
        size = max(SMALLEST, round(size * SHRINK))
    return SMALLEST


def _place_buttons(
    question: Question,
    rows: list[_Row],
    frame: _Frame,
    font_of: FontOf,
    label_size: int,
    top: int,
) -> tuple[ChoiceBox, ...]:
    placed: list[ChoiceBox] = []
    y = top
    for row in rows:
        used = row.w * len(row.indexes) + row.spacing * (len(row.indexes) - 1)
        x = frame.margin + (frame.inner - used) // 2
        for index in row.indexes:
            box = Box(x, y, row.w, row.h)
            choice = question.choices[index]
            if row.badges:
                placed.append(
                    _with_badge(index, box, choice.key, choice.label, font_of, label_size)
                )
            else:
                size = _fit(font_of, choice.label, round(box.w * 0.62), round(box.h * 0.6))
                placed.append(
                    ChoiceBox(index, box, None, None, (_middle(font_of, choice.label, size, box),))
                )
            x += row.w + row.spacing
        y += row.h + frame.gap
    return tuple(placed)


def _with_badge(
    index: int, box: Box, key: str, label: str, font_of: FontOf, label_size: int
) -> ChoiceBox:
    badge, _pad = _badge(box)
    shown_key = key.upper()
    key_size = _fit(font_of, "W", round(badge.w * 0.7), round(badge.h * 0.66))
    key_text = _middle(font_of, shown_key, key_size, badge)
    room = _label_room(box)
    font = font_of(label_size)
    lines = wrap(font, label, room.w)
    y = room.y + (room.h - _lines_height(font, len(lines))) // 2
    texts = []
    for words in lines:
        texts.append(
            Text(words, Box(room.x, y, font.size(words)[0], font.get_height()), label_size)
        )
        y += _step(font)
    return ChoiceBox(index, box, badge, key_text, tuple(texts))


def _fit(font_of: FontOf, words: str, width: int, height: int) -> int:
    """The largest size at which ``words`` fit on one line of the box."""
    size = max(SMALLEST, height * 3 // 2)
    while size > 6:
        font = font_of(size)
        w = font.size(words)[0]
        if w <= width and font.get_height() <= height:
            return size
        size -= 1
    return 6


def _middle(font_of: FontOf, words: str, size: int, box: Box) -> Text:
    """``words`` at ``size``, centred in ``box``."""
    w, h = font_of(size).size(words)
    return Text(words, Box(box.x + (box.w - w) // 2, box.y + (box.h - h) // 2, w, h), size)


# -- drawing ----------------------------------------------------------------------------


def draw_question(
    surface: pygame.Surface,
    where: QuestionLayout,
    assets: Assets,
    *,
    lit: int | None = None,
    note: str = "",
    theme: Theme = DEFAULT_THEME,
) -> None:
    """Paint the question laid out in ``where``: the choice ``lit`` filled, ``note`` in
    its row (a scale only)."""
    colours = theme.palette
    surface.fill(colours.background)
    for text in where.title:
        _blit(surface, assets, text, colours.accent)
    for text in where.lines:
        _blit(surface, assets, text, colours.text)
    if where.note is not None and note:
        row = where.note.inset(0, where.note.h // 8)
        line(surface, assets, note, row, colours.dim, "center")
    for choice in where.choices:
        _choice(surface, assets, choice, choice.index == lit, colours)


def _choice(
    surface: pygame.Surface, assets: Assets, choice: ChoiceBox, lit: bool, colours: Palette
) -> None:
    button(surface, choice.box, colours, lit)
    if choice.badge is not None and choice.key is not None:
        radius = max(3, choice.badge.h // 5)
        fill = colours.on_accent if lit else colours.accent
        pygame.draw.rect(surface, fill, rect(choice.badge), border_radius=radius)
        _blit(surface, assets, choice.key, colours.accent if lit else colours.on_accent)
    for text in choice.label:
        _blit(surface, assets, text, colours.on_accent if lit else colours.text)


def _blit(surface: pygame.Surface, assets: Assets, text: Text, colour: Colour) -> None:
    surface.blit(assets.render(text.words, text.size, colour), (text.box.x, text.box.y))
