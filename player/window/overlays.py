"""What is drawn over the session (paused, get-ready, help, the question to quit) and the
end screen that replaces it."""

from __future__ import annotations

import pygame

from player.language import _, pgettext
from player.routine.values import format_duration
from player.window.assets import Assets
from player.window.layout import Box, Layout
from player.window.paint import block, button, line, panel
from player.window.present import Shown
from player.window.theme import Colour, Palette, Theme


def cover(
    surface: pygame.Surface, where: Layout, shown: Shown, assets: Assets, colours: Palette
) -> None:
    shade = pygame.Surface((where.shade.w, where.shade.h), pygame.SRCALPHA)
    shade.fill(colours.shade)
    surface.blit(shade, (where.shade.x, where.shade.y))
    dialog = where.dialog
    panel(surface, dialog, colours)
    inner = dialog.inset(max(8, dialog.w // 20), max(8, dialog.h // 14))
    if shown.cover == "paused":
        _paused(surface, inner, shown, assets, colours)
    elif shown.cover == "get_ready":
        line(
            surface,
            assets,
            _("Get ready"),
            Box(inner.x, inner.y, inner.w, inner.h // 4),
            colours.text,
            "center",
        )
        number = Box(inner.x, inner.y + inner.h // 4, inner.w, inner.h * 3 // 4)
        size = assets.fit_ink("0", number.w, round(number.h * 0.85))
        image = assets.render(shown.get_ready, size, colours.accent)
        ink = image.get_bounding_rect()
        surface.blit(image, (number.center[0] - ink.centerx, number.center[1] - ink.centery))
    elif shown.cover == "help":
        _help(surface, inner, assets, colours, shown.help_rows)
    elif shown.cover == "quit":
        _quit(surface, where, inner, assets, colours, shown.stop_keys)


def _paused(
    surface: pygame.Surface, inner: Box, shown: Shown, assets: Assets, colours: Palette
) -> None:
    """ "Paused", the key that goes on, and what to do, to read at leisure (when there is
    something to do, the first two are smaller to leave it room)."""
    twentieths = (5, 3, 9) if shown.do_text else (11, 5, 0)
    title_h, keys_h, words_h = (inner.h * n // 20 for n in twentieths)
    title = Box(inner.x, inner.y, inner.w, title_h)
    # TRANSLATORS: the title of the screen shown while the session is paused
    line(surface, assets, _("Paused"), title, colours.accent, "center")
    keys = Box(inner.x, title.bottom + inner.h // 20, inner.w, keys_h)
    line(surface, assets, go_on_words(shown), keys, colours.text, "center")
    if shown.do_text:
        words = Box(inner.x, keys.bottom + inner.h // 20, inner.w, words_h)
        largest = round(inner.h * 0.12)
        block(surface, assets, shown.do_text, words, colours.text, largest, largest // 3, "center")


def go_on_words(shown: Shown) -> str:
    """``Space to go on``, with the first key that pauses and goes on (and, while
    listening, the phrase that goes on)."""
    key = next((face.key for face in shown.buttons if face.name == "pause"), "")
    if key and shown.go_on_said:
        # TRANSLATORS: {key} is the key that goes on, {phrase} the English phrase to say,
        # as in "Space or “keep going” to go on"
        return _("{key} or {phrase} to go on").format(key=key, phrase=shown.go_on_said)
    if key:
        # TRANSLATORS: {key} is the key that goes on, as in "Space to go on"
        return _("{key} to go on").format(key=key)
    return _("Click Go on to go on")


def _help(
    surface: pygame.Surface,
    box: Box,
    assets: Assets,
    colours: Palette,
    help_rows: tuple[tuple[str, str], ...],
) -> None:
    title = Box(box.x, box.y, box.w, box.h // 8)
    line(surface, assets, _("Keys (or click the buttons)"), title, colours.accent, "center")
    rows = Box(box.x, title.bottom + box.h // 30, box.w, box.bottom - title.bottom - box.h // 30)
    row_h = rows.h // max(1, len(help_rows))
    key_w = rows.w * 4 // 10
    size = min(
        [
            *(
                assets.fit_line(action, rows.w - key_w - 10, round(row_h * 0.92), 1000)
                for _key, action in help_rows
            ),
            *(
                assets.fit_line(key, key_w - 30, round(row_h * 0.92), 1000)
                for key, _action in help_rows
            ),
        ],
        default=10,
    )
    for number, (key, action) in enumerate(help_rows):
        y = rows.y + number * row_h
        key_image = assets.render(key, size, colours.accent)
        surface.blit(key_image, (box.x + key_w - 20 - key_image.get_width(), y))
        surface.blit(assets.render(action, size, colours.text), (box.x + key_w, y))


ONE_LINE_CHARACTERS = 44
"""The longest question of whether to stop said on one line: "Esc, Q or Y to stop · any
other key to go on"; a longer one (in other words, or with a phrase to say) takes two."""


def _quit(
    surface: pygame.Surface,
    where: Layout,
    box: Box,
    assets: Assets,
    colours: Palette,
    stop_keys: str,
) -> None:
    yes, no = where.dialog_buttons
    title = Box(box.x, box.y, box.w, box.h // 4)
    line(surface, assets, _("Stop the session?"), title, colours.accent, "center")
    # TRANSLATORS: {keys} are the keys that stop, as in "Esc, Q or Y"
    words = _("{keys} to stop \u00b7 any other key to go on").format(keys=stop_keys)
    text_box = Box(box.x, box.y + box.h // 4, box.w, max(10, yes.y - box.y - box.h // 4))
    parts = words.split(" \u00b7 ")
    if len(words) <= ONE_LINE_CHARACTERS or len(parts) != 2:
        line(surface, assets, words, text_box.inset(0, text_box.h // 4), colours.text, "center")
    else:  # to stop, then to go on, one above the other, each as large as one would be
        half = text_box.h // 2
        for number, part in enumerate(parts):
            lines_box = Box(text_box.x, text_box.y + number * half, text_box.w, half)
            line(surface, assets, part, lines_box.inset(0, half // 8), colours.text, "center")
    stop, go_on = pgettext("button", "Stop"), pgettext("button", "Go on")
    for face, label, lit in ((yes, stop, True), (no, go_on, False)):
        button(surface, face, colours, lit)
        ink = colours.on_accent if lit else colours.text
        line(surface, assets, label, face.inset(face.w // 10, face.h // 5), ink, "center")


def end_rows(area: Box, count: int) -> list[Box]:
    """The rows of the end screen, top to bottom: the headline ("Well done"), the
    routine's name, then ``count`` lines of what was done, then how to close. Pure."""
    weights = [2.0, 1.08, *[1.0] * count, 0.77]
    gap = 0.27
    unit = min(area.h * 0.13, area.h * 0.96 / (sum(weights) + gap * (len(weights) - 1)))
    used = unit * (sum(weights) + gap * (len(weights) - 1))
    y = area.y + (area.h - used) / 2
    rows = []
    for weight in weights:
        rows.append(Box(area.x, round(y), area.w, round(unit * weight)))
        y += unit * (weight + gap)
    return rows


def end_screen(
    surface: pygame.Surface, where: Layout, shown: Shown, assets: Assets, theme: Theme
) -> None:
    """The headline ("Well done" for a session that counts as done, else how much was
    done), the routine, the time and steps it took, the lines the session adds (why it
    does not count, the streak, today's sessions), and what Enter does: close, or go on to
    a question."""
    colours = theme.palette
    summary = shown.summary
    top = where.title.y
    area = Box(where.progress.x, top, where.progress.w, where.caption.bottom - top)
    said: list[tuple[str, Colour]] = [
        (shown.end_headline, colours.accent),
        (summary.title if summary else shown.routine_title, colours.text),
    ]
    if summary is not None:
        said += [
            (_("Time taken {time}").format(time=format_duration(summary.elapsed_ms)), colours.text),
            (
                _("Steps done {done} of {total}").format(
                    done=summary.steps_done, total=summary.steps_total
                ),
                colours.text,
            ),
        ]
    said += [(words, colours.text) for words in shown.end_lines]
    said.append((shown.end_hint, colours.dim))
    for (words, colour), row in zip(said, end_rows(area, len(said) - 3), strict=True):
        line(surface, assets, words, row, colour, "center")
