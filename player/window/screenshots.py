"""Saving a picture of the window at the start of each step (``--screenshots DIR``)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pygame

from player.system.png import save_png
from player.system.regular_files import folder_problem, reason

MAX_SLUG = 40


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

    def step(self, surface: pygame.Surface, index: int, name: str) -> None:
        """Save the window as it shows step ``index``, the first time it does."""
        if index in self.taken:
            return
        self.taken.add(index)
        self._save(surface, f"{index:0{self.digits}d}-{slug(name)}.png")

    def end(self, surface: pygame.Surface) -> None:
        if -1 not in self.taken:
            self.taken.add(-1)
            self._save(surface, "end.png")

    def _save(self, surface: pygame.Surface, name: str) -> None:
        path = self.folder / name
        save_screenshot(surface, path)
        self.saved.append(path)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        why = folder_problem(folder) or reason(error, folder)
        raise OSError(f"cannot save screenshots in {folder}: {why}") from None


def save_screenshot(surface: pygame.Surface, path: Path) -> None:
    """Save the window as a PNG at ``path``, making its folder if need be; an OSError that
    says which file and why when it cannot be saved."""
    _make_folder(path.parent)
    try:
        save_png(surface, path)
    except OSError as error:
        raise OSError(f"cannot save the screenshot {path}: {reason(error, path)}") from None
