"""Fonts, rendered words and pictures, made once and kept, within bounds.

The font is the one bundled with pygame, or for a language it cannot draw one kept in
``media/fonts`` (:mod:`player.language.fonts`), so nothing has to be installed. A picture that
is missing or cannot be read comes back as None (the drawing shows a placeholder); it is
tried once, not on every frame.

Everything kept is bounded by count and, for pixels, by bytes, so a session of any length
holds the same memory: the countdown is rendered afresh every second, and each second's
surface would otherwise stay. The least recently used go first; what every frame draws
(the buttons, the title) is used every frame and stays.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pygame

from player.language import fonts
from player.language.fonts import Face
from player.routine.pictures import (
    HEADER_BYTES,
    MAX_PICTURE_BYTES,
    MAX_PICTURE_SIDE,
    picture_size,
)
from player.system.bounded_cache import BoundedCache
from player.system.paths import MEDIA_DIR
from player.system.printable import printable
from player.system.regular_files import open_regular
from player.window import text
from player.window.theme import Colour

MiB = 1024 * 1024
TEXT_CACHE = 256
TEXT_BYTES = 2 * MiB
"""Rendered words kept, at least; two thirds of the window's own pixels when that is more.
The fullest frame's words take under half of them (1.6 MB at 1280x720, 3.7 MB at
1920x1080), so what every frame draws stays while each second's countdown goes."""
FONT_CACHE = 16
"""Fonts kept (0.2 MB each, more at the countdown's size); a frame draws with ten sizes at
most, and fitting words to a box tries a few more."""
PICTURE_CACHE = 16
PICTURE_BYTES = 8 * MiB
"""Pictures scaled to their box, kept."""
ORIGINAL_CACHE = 2
ORIGINAL_BYTES = 16 * MiB
"""Pictures as read from their files, kept to be scaled again to a new box (the one shown
and the one before); others are read again when they are needed at a new size."""
FIT_CACHE = 512
"""Sizes and lines worked out for words in a box."""

FitKey = tuple[object, ...]


def surface_bytes(surface: pygame.Surface | None) -> int:
    """What a surface's pixels weigh."""
    if surface is None:
        return 0
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


class Assets:
    def __init__(self, picture_dirs: Sequence[Path] = (MEDIA_DIR,)) -> None:
        self.picture_dirs = tuple(picture_dirs)
        self.fonts: BoundedCache[tuple[Face, int], pygame.font.Font] = BoundedCache(FONT_CACHE)
        self.words: BoundedCache[tuple[str, int, Colour, Face], pygame.Surface] = BoundedCache(
            TEXT_CACHE, TEXT_BYTES, surface_bytes
        )
        self.originals: BoundedCache[str, pygame.Surface | None] = BoundedCache(
            ORIGINAL_CACHE, ORIGINAL_BYTES, surface_bytes
        )
        self.scaled: BoundedCache[tuple[str, int, int], pygame.Surface | None] = BoundedCache(
            PICTURE_CACHE, PICTURE_BYTES, surface_bytes
        )
        self._sizes: BoundedCache[FitKey, int] = BoundedCache(FIT_CACHE)
        self._figure_canvas: pygame.Surface | None = None
        self._blocks: BoundedCache[FitKey, tuple[int, tuple[str, ...]]] = BoundedCache(FIT_CACHE)

    # -- words ------------------------------------------------------------------------------

    def font(self, size: int) -> pygame.font.Font:
        """The font of the language in use at ``size``."""
        size = max(6, size)
        key = (fonts.current_face(), size)
        found = self.fonts.get(key)
        if found is None:
            found = self.fonts.put(key, fonts.load(*key))
        return found

    def render(self, words: str, size: int, colour: Colour) -> pygame.Surface:
        key = (words, size, colour, fonts.current_face())
        found = self.words.get(key)
        if found is None:
            found = self.font(size).render(fonts.shaped(printable(words)), True, colour)
            self.words.budget = text_budget()
            self.words.put(key, found)
        return found

    def fit_line(self, words: str, width: int, height: int, largest: int) -> int:
        words = fonts.shaped(words)
        return self._size(
            ("line", words, width, height, largest),
            lambda: text.fit_line(self.font, words, width, height, largest),
        )

    def fit_row(self, words: tuple[str, ...], width: int, height: int, gap: int) -> int:
        words = tuple(fonts.shaped(each) for each in words)
        return self._size(
            ("row", words, width, height, gap),
            lambda: text.fit_row(self.font, words, width, height, gap),
        )

    def fit_ink(self, template: str, width: int, height: int) -> int:
        template = fonts.shaped(template)
        return self._size(
            ("ink", template, width, height),
            lambda: text.fit_ink(self.font, template, width, height),
        )

    def fit_block(
        self, words: str, width: int, height: int, largest: int, smallest: int
    ) -> tuple[int, list[str]]:
        words = fonts.shaped(words)
        key = ("block", words, width, height, largest, smallest, fonts.current_face())
        found = self._blocks.get(key)
        if found is None:
            size, lines = text.fit_block(self.font, words, width, height, largest, smallest)
            found = self._blocks.put(key, (size, tuple(lines)))
        return found[0], list(found[1])

    def _size(self, key: FitKey, compute: Callable[[], int]) -> int:
        """A size worked out for words in a box, kept for the font in use."""
        key = (*key, fonts.current_face())
        found = self._sizes.get(key)
        if found is None:
            found = self._sizes.put(key, compute())
        return found

    # -- pictures ---------------------------------------------------------------------------

    def figure_canvas(self, width: int, height: int) -> pygame.Surface:
        """The one surface a moving figure is drawn on, ``width`` x ``height``: made again
        only when the size changes, so that drawing ten frames a second allocates nothing."""
        canvas = self._figure_canvas
        if canvas is None or canvas.get_size() != (width, height):
            canvas = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
            self._figure_canvas = canvas
        return canvas

    def picture(self, name: str, width: int, height: int) -> pygame.Surface | None:
        """The picture scaled to fit inside ``width`` x ``height``, or None if it cannot be
        shown."""
        key = (name, width, height)
        if key in self.scaled:
            return self.scaled.get(key)
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
        return self.scaled.put(key, scaled)

    def _original(self, name: str) -> pygame.Surface | None:
        if name in self.originals:
            return self.originals.get(name)
        return self.originals.put(name, self._load(name))

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


def text_budget() -> int:
    """How many bytes of rendered words are kept, for the window as it is now."""
    screen = pygame.display.get_surface()
    return max(TEXT_BYTES, surface_bytes(screen) * 2 // 3) if screen is not None else TEXT_BYTES


def _fits(data: bytes) -> bool:
    """A picture of a kind and size the window can hold, told from its first bytes before
    anything decodes it."""
    if len(data) > MAX_PICTURE_BYTES:
        return False
    claimed = picture_size(data[:HEADER_BYTES])
    return claimed is not None and (
        0 < claimed.width <= MAX_PICTURE_SIDE and 0 < claimed.height <= MAX_PICTURE_SIDE
    )
