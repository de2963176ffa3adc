"""Fonts, rendered words and pictures, made once and kept.

The font is the one bundled with pygame, so nothing has to be installed. A picture that
is missing or cannot be read comes back as None (the drawing shows a placeholder); it is
tried once, not on every frame.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path

import pygame

from player.routine.pictures import (
    HEADER_BYTES,
    MAX_PICTURE_BYTES,
    MAX_PICTURE_SIDE,
    picture_size,
)
from player.system.paths import MEDIA_DIR
from player.system.printable import printable
from player.system.regular_files import open_regular
from player.window import text
from player.window.theme import Colour

TEXT_CACHE = 256
PICTURE_CACHE = 16
FIT_CACHE = 2048


class Assets:
    def __init__(self, picture_dirs: Sequence[Path] = (MEDIA_DIR,)) -> None:
        self.picture_dirs = tuple(picture_dirs)
        self._fonts: dict[int, pygame.font.Font] = {}
        self._words: OrderedDict[tuple[str, int, Colour], pygame.Surface] = OrderedDict()
        self._originals: dict[str, pygame.Surface | None] = {}
        self._scaled: OrderedDict[tuple[str, int, int], pygame.Surface | None] = OrderedDict()
        self._sizes: dict[tuple[object, ...], int] = {}
        self._blocks: dict[tuple[object, ...], tuple[int, tuple[str, ...]]] = {}

    # -- words ------------------------------------------------------------------------------

    def font(self, size: int) -> pygame.font.Font:
        size = max(6, size)
        found = self._fonts.get(size)
        if found is None:
            found = self._fonts[size] = pygame.font.Font(None, size)
        return found

    def render(self, words: str, size: int, colour: Colour) -> pygame.Surface:
        key = (words, size, colour)
        found = self._words.get(key)
        if found is None:
            found = self.font(size).render(printable(words), True, colour)
            self._words[key] = found
            if len(self._words) > TEXT_CACHE:
                self._words.popitem(last=False)
        else:
            self._words.move_to_end(key)
        return found

    def fit_line(self, words: str, width: int, height: int, largest: int) -> int:
        return self._size(
            ("line", words, width, height, largest),
            lambda: text.fit_line(self.font, words, width, height, largest),
        )

    def fit_row(self, words: tuple[str, ...], width: int, height: int, gap: int) -> int:
        return self._size(
            ("row", words, width, height, gap),
            lambda: text.fit_row(self.font, words, width, height, gap),
        )

    def fit_ink(self, template: str, width: int, height: int) -> int:
        return self._size(
            ("ink", template, width, height),
            lambda: text.fit_ink(self.font, template, width, height),
        )

    def fit_block(
        self, words: str, width: int, height: int, largest: int, smallest: int
    ) -> tuple[int, list[str]]:
        key = ("block", words, width, height, largest, smallest)
        found = self._blocks.get(key)
        if found is None:
            size, lines = text.fit_block(self.font, words, width, height, largest, smallest)
            found = self._blocks[key] = (size, tuple(lines))
            if len(self._blocks) > FIT_CACHE:
                self._blocks.clear()
        return found[0], list(found[1])

    def _size(self, key: tuple[object, ...], compute: Callable[[], int]) -> int:
        found = self._sizes.get(key)
        if found is None:
            found = self._sizes[key] = compute()
            if len(self._sizes) > FIT_CACHE:
                self._sizes.clear()
        return found

    # -- pictures ---------------------------------------------------------------------------

    def picture(self, name: str, width: int, height: int) -> pygame.Surface | None:
        """The picture scaled to fit inside ``width`` x ``height``, or None if it cannot be
        shown."""
        key = (name, width, height)
        if key in self._scaled:
            self._scaled.move_to_end(key)
            return self._scaled[key]
        original = self._original(name)
        scaled = None
        if original is not None and width > 0 and height > 0:
            scale = min(width / original.get_width(), height / original.get_height())
            size = (
                max(1, int(original.get_width() * scale)),
                max(1, int(original.get_height() * scale)),
            )
            try:
                scaled = pygame.transform.smoothscale(original, size)
            except ValueError:  # smoothscale takes only 24- and 32-bit pictures
                scaled = pygame.transform.scale(original, size)
        self._scaled[key] = scaled
        if len(self._scaled) > PICTURE_CACHE:
            self._scaled.popitem(last=False)
        return scaled

    def _original(self, name: str) -> pygame.Surface | None:
        if name not in self._originals:
            self._originals[name] = self._load(name)
        return self._originals[name]

    def _load(self, name: str) -> pygame.Surface | None:
        found = self._read(name)
        if found is None:
            return None
        path, data = found
        if not _fits(data):  # checked when the routine was loaded; the file may have changed
            return None
        try:
            image = pygame.image.load(io.BytesIO(data), path.name)
        except (pygame.error, ValueError):
            return None
        if image.get_width() <= 0 or image.get_height() <= 0:
            return None
        return image.convert_alpha() if pygame.display.get_surface() is not None else image

    def _read(self, name: str) -> tuple[Path, bytes] | None:
        """The first picture of that name that is a regular file, and its bytes. Opened
        without waiting: a picture that became a named pipe since loading is not shown."""
        given = Path(name).expanduser()
        candidates = [given] if given.is_absolute() else [d / given for d in self.picture_dirs]
        for path in candidates:
            try:
                with open_regular(path) as handle:
                    return path, handle.read(MAX_PICTURE_BYTES + 1)
            except (OSError, ValueError):
                continue
        return None


def _fits(data: bytes) -> bool:
    """A picture of a kind and size the window can hold, told from its first bytes before
    anything decodes it."""
    if len(data) > MAX_PICTURE_BYTES:
        return False
    claimed = picture_size(data[:HEADER_BYTES])
    return claimed is not None and (
        0 < claimed.width <= MAX_PICTURE_SIDE and 0 < claimed.height <= MAX_PICTURE_SIDE
    )
