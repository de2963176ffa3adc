"""Writing a picture as a PNG file: only into a regular file, never waiting on a pipe."""

from __future__ import annotations

import io
from pathlib import Path

import pygame

from player.system.regular_files import write_regular


def save_png(surface: pygame.Surface, path: Path) -> None:
    """Write ``surface`` to ``path`` as a PNG.

    The picture is made in memory first and written through ``write_regular``, so a named
    pipe, a device or a folder at ``path`` is refused (FileRefused, an OSError) instead of
    waited on; any other OSError comes as it is.
    """
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "picture.png")
    write_regular(path, buffer.getvalue())
