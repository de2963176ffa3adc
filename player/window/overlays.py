"""What is drawn over the session (paused, get-ready, help, the question to quit) and the
end screen that replaces it."""

from __future__ import annotations

import pygame

from player.values import format_duration
from player.window.assets import Assets
from player.window.layout import Box, Layout
from player.window.paint import line, panel, rect
from player.window.present import Shown, Summary
from player.window.theme import ACCENT, BACKGROUND, DIM, PANEL, PANEL_EDGE, SHADE, TEXT

HELP = (
    ("Space", "Pause, or go on"),
    ("Right", "Next step"),
    ("Left", "Previous step (or back to its start)"),
    ("R", "Restart this step"),
    ("+  /  \u2212", "Ten seconds more  /  less"),
    ("Enter", "Done, for a step that waits"),
    ("M", "Mute or unmute the voice"),
    ("C", "Captions on or off"),
    ("F", "Full screen"),
    ("H  or  ?", "This help"),
    ("Esc  or  Q", "Quit (asks first)"),
)


def cover(surface: pygame.Surface, where: Layout, shown: Shown, assets: Assets) -> None:
    shade = pygame.Surface((where.shade.w, where.shade.h), pygame.SRCALPHA)
    shade.fill(SHADE)
    surface.blit(shade, (where.shade.x, where.shade.y))
    dialog = where.dialog
    panel(surface, dialog)
    inner = dialog.inset(max(8, dialog.w // 20), max(8, dialog.h // 14))
    if shown.cover == "paused":
        line(
            surface,
            assets,
            "Paused",
            Box(inner.x, inner.y, inner.w, inner.h * 11 // 20),
            ACCENT,
            "center",
        )
        line(
            surface,
            assets,
            "Space to go on",
            Box(inner.x, inner.y + inner.h * 12 // 20, inner.w, inner.h * 5 // 20),
            TEXT,
            "center",
        )
    elif shown.cover == "get_ready":
        line(
            surface,
            assets,
            "Get ready",
            Box(inner.x, inner.y, inner.w, inner.h // 4),
            TEXT,
            "center",
        )
        number = Box(inner.x, inner.y + inner.h // 4, inner.w, inner.h * 3 // 4)
        size = assets.fit_ink("0", number.w, round(number.h * 0.85))
        image = assets.render(shown.get_ready, size, ACCENT)
        ink = image.get_bounding_rect()
        surface.blit(image, (number.center[0] - ink.centerx, number.center[1] - ink.centery))
    elif shown.cover == "help":
        _help(surface, inner, assets)
    elif shown.cover == "quit":
        _quit(surface, where, inner, assets)


def _help(surface: pygame.Surface, box: Box, assets: Assets) -> None:
    title = Box(box.x, box.y, box.w, box.h // 8)
    line(surface, assets, "Keys (or click the buttons)", title, ACCENT, "center")
    rows = Box(box.x, title.bottom + box.h // 30, box.w, box.bottom - title.bottom - box.h // 30)
    row_h = rows.h // len(HELP)
    key_w = rows.w * 3 // 10
    size = min(
        assets.fit_line(action, rows.w - key_w - 10, round(row_h * 0.92), 1000)
        for _key, action in HELP
    )
    for number, (key, action) in enumerate(HELP):
        y = rows.y + number * row_h
        key_image = assets.render(key, size, ACCENT)
        surface.blit(key_image, (box.x + key_w - 20 - key_image.get_width(), y))
        surface.blit(assets.render(action, size, TEXT), (box.x + key_w, y))


def _quit(surface: pygame.Surface, where: Layout, box: Box, assets: Assets) -> None:
    yes, no = where.dialog_buttons
    line(
        surface, assets, "Stop the session?", Box(box.x, box.y, box.w, box.h // 4), ACCENT, "center"
    )
    words = "Esc, Q or Y to stop \u00b7 any other key to go on"
    text_box = Box(box.x, box.y + box.h // 4, box.w, max(10, yes.y - box.y - box.h // 4))
    line(surface, assets, words, text_box.inset(0, text_box.h // 4), TEXT, "center")
    for button, label, lit in ((yes, "Stop", True), (no, "Go on", False)):
        radius = max(4, button.h // 6)
        pygame.draw.rect(surface, ACCENT if lit else PANEL, rect(button), border_radius=radius)
        pygame.draw.rect(
            surface, ACCENT if lit else PANEL_EDGE, rect(button), 2, border_radius=radius
        )
        line(
            surface,
            assets,
            label,
            button.inset(button.w // 10, button.h // 5),
            BACKGROUND if lit else TEXT,
            "center",
        )


def end_screen(
    surface: pygame.Surface, where: Layout, summary: Summary | None, title: str, assets: Assets
) -> None:
    top = where.title.y
    area = Box(where.progress.x, top, where.progress.w, where.caption.bottom - top)
    rows = [
        ("Well done", ACCENT, 0.26),
        (summary.title if summary else title, TEXT, 0.14),
    ]
    if summary is not None:
        rows += [
            (f"Time taken {format_duration(summary.elapsed_ms)}", TEXT, 0.13),
            (f"Steps done {summary.steps_done} of {summary.steps_total}", TEXT, 0.13),
        ]
    rows.append(("Press Enter to close", DIM, 0.1))
    y = area.y + round(area.h * 0.04)
    for words, colour, share in rows:
        row = Box(area.x, y, area.w, round(area.h * share))
        line(surface, assets, words, row, colour, "center")
        y = row.bottom + round(area.h * 0.035)
