"""Where the window drew what matters most from across a room, as rectangles: the figure,
the countdown, the step's name, the rep, side and phase, and the caption. Written as a
JSON file beside each screenshot (``--screenshots``), so that what a person sees from the
mat can be checked by a program: the figure's share of the window, the height of the
letters."""

from __future__ import annotations

from typing import Any

from player.window.assets import Assets
from player.window.draw import figure_box, layout_for
from player.window.layout import Box
from player.window.present import Shown
from player.window.theme import DEFAULT_THEME, Theme

Rect = list[int]
"""``[x, y, width, height]`` in window pixels."""


def _rect(box: Box | None) -> Rect | None:
    return None if box is None else [box.x, box.y, box.w, box.h]


def drawn_regions(
    size: tuple[int, int], shown: Shown, assets: Assets, theme: Theme = DEFAULT_THEME
) -> dict[str, Any]:
    """The rectangles of what ``draw`` paints for ``shown`` in a window of ``size``: the
    figure as the picture is drawn (its aspect kept), the countdown as its digits' ink,
    the others as their boxes; None for what is not shown."""
    import pygame

    where = layout_for(pygame.Surface(size), shown, assets, theme)
    regions: dict[str, Any] = {"window": list(size), "flash": shown.flash}
    if shown.finished:
        return {
            **regions,
            "figure": None,
            "countdown": None,
            "step_name": None,
            "status": None,
            "caption": None,
        }
    figure = None
    if where.picture is not None and shown.figure is not None:
        figure = figure_box(where.picture)
    elif where.picture is not None and shown.picture is not None:
        image = assets.picture(shown.picture, where.picture.w, where.picture.h)
        if image is not None:
            drawn = image.get_rect(center=where.picture.center)
            figure = Box(drawn.x, drawn.y, drawn.w, drawn.h)
    box = where.beside if shown.breath_room else where.countdown
    digits = assets.fit_ink(shown.big_template, round(box.w * 0.92), round(box.h * 0.92))
    ink = assets.render(shown.big, digits, (255, 255, 255)).get_bounding_rect()
    countdown = Box(box.center[0] - ink.w // 2, box.center[1] - ink.h // 2, ink.w, ink.h)
    status = where.status if (shown.phase or shown.side or shown.rep or shown.hint) else None
    return {
        **regions,
        "figure": _rect(figure),
        "countdown": _rect(countdown),
        "step_name": _rect(where.title),
        "status": _rect(status),
        "caption": _rect(where.caption if shown.caption else None),
    }
