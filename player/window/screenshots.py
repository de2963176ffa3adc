"""Saving a picture of the window at the start of each step (``--screenshots DIR``), and
every so often (``--frames-every MS``), each with a JSON file beside it that says where
the figure, the countdown, the step's name and the caption were drawn."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from player.language import _
from player.system.png import save_png
from player.system.regular_files import folder_problem, reason

MAX_SLUG = 40
Regions = Callable[[], dict[str, Any]]
"""Where the window drew what it shows (see ``window.regions``), worked out only for the
screenshots that are saved."""


def slug(name: str) -> str:
    """``Pelvic tilts on all fours`` -> ``pelvic-tilts-on-all-fours``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return words[:MAX_SLUG].rstrip("-") or "step"


class Screenshots:
    """One PNG per step, named by the step's number and name, and one of the end screen."""

    def __init__(self, folder: Path, steps: int) -> None:
        self.folder = folder
        self.digits = max(2, len(str(steps)))
        self.taken: set[int] = set()
        self.saved: list[Path] = []
        _make_folder(folder)

    def step(self, surface: pygame.Surface, index: int, name: str, regions: Regions) -> None:
        """Save the window as it shows step ``index``, the first time it does."""
        if index in self.taken:
            return
        self.taken.add(index)
        self._save(surface, f"{index:0{self.digits}d}-{slug(name)}.png", regions)

    def frame(self, surface: pygame.Surface, position_ms: int, regions: Regions) -> None:
        """Save the window as it is at ``position_ms`` of the routine (``--frames-every``)."""
        self._save(surface, f"frame-{position_ms:08d}.png", regions)

    def end(self, surface: pygame.Surface, regions: Regions) -> None:
        if -1 not in self.taken:
            self.taken.add(-1)
            self._save(surface, "end.png", regions)

    def _save(self, surface: pygame.Surface, name: str, regions: Regions) -> None:
        path = self.folder / name
        save_screenshot(surface, path)
        _save_regions(path.with_suffix(".json"), regions())
        self.saved.append(path)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        why = folder_problem(folder) or reason(error, folder)
        words = _("cannot save screenshots in {folder}: {reason}")
        raise OSError(words.format(folder=folder, reason=why)) from None


def _save_regions(path: Path, regions: dict[str, Any]) -> None:
    try:
        path.write_text(json.dumps(regions, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        words = _("cannot save {path}: {reason}")
        raise OSError(words.format(path=path, reason=reason(error, path))) from None


def save_screenshot(surface: pygame.Surface, path: Path) -> None:
    """Save the window as a PNG at ``path``, making its folder if need be; an OSError that
    says which file and why when it cannot be saved."""
    _make_folder(path.parent)
    try:
        save_png(surface, path)
    except OSError as error:
        words = _("cannot save the screenshot {path}: {reason}")
        raise OSError(words.format(path=path, reason=reason(error, path))) from None
