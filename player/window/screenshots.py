"""Saving a picture of the window at the start of each step (``--screenshots DIR``)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pygame

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
        folder.mkdir(parents=True, exist_ok=True)

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
        pygame.image.save(surface, str(path))
        self.saved.append(path)
