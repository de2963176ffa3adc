"""Whether a picture file is a real picture of a size the window can hold.

Read from the file's first bytes, before anything decodes it: a 48 KB PNG can claim
20000 x 20000 pixels and take 2 GB once decoded. A picture must be a PNG, JPEG, GIF or
BMP file, at most ``MAX_PICTURE_BYTES`` long and ``MAX_PICTURE_SIDE`` pixels a side.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from player.system.regular_files import FileRefused, open_regular

MAX_PICTURE_BYTES = 8 * 1024 * 1024
MAX_PICTURE_SIDE = 4096
"""Pixels a side: a 4096 x 4096 picture takes 64 MB once decoded."""
HEADER_BYTES = 64 * 1024
"""How much of a file is read to find its size: a JPEG's size follows its other markers."""
KINDS = "a PNG, JPEG, GIF or BMP picture"


@dataclass(frozen=True)
class PictureSize:
    kind: str
    width: int
    height: int


def picture_size(head: bytes) -> PictureSize | None:
    """The kind and size a file starting with ``head`` claims; None when it is not one
    of the kinds the player shows."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return PictureSize("PNG", width, height)
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return PictureSize("GIF", width, height)
    if head.startswith(b"BM") and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return PictureSize("BMP", abs(width), abs(height))
    if head.startswith(b"\xff\xd8"):
        return _jpeg_size(head)
    return None


def _jpeg_size(head: bytes) -> PictureSize | None:
    """Walk a JPEG's markers to its frame header (SOF0 to SOF15, but DHT, JPG and DAC)."""
    at = 2
    while at + 4 <= len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", head[at + 2 : at + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if at + 9 > len(head):
                return None
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return PictureSize("JPEG", width, height)
        if marker == 0xDA or length < 2:  # the picture's data began with no size before it
            return None
        at += 2 + length
    return None


def picture_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be shown as a picture; None when it can."""
    try:
        with open_regular(path) as file:
            size = file.seek(0, 2)
            file.seek(0)
            head = file.read(HEADER_BYTES)
    except FileRefused as error:
        return error.reason
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    if size > MAX_PICTURE_BYTES:
        return (
            f"it is {-(-size // 1024)} KB; a picture can be at most "
            f"{MAX_PICTURE_BYTES // (1024 * 1024)} MB"
        )
    claimed = picture_size(head)
    if claimed is None:
        return f"it is not {KINDS} (its first bytes say so)"
    if not (0 < claimed.width <= MAX_PICTURE_SIDE and 0 < claimed.height <= MAX_PICTURE_SIDE):
        return (
            f"the {claimed.kind} is {claimed.width} x {claimed.height} pixels; a picture can "
            f"be at most {MAX_PICTURE_SIDE} pixels a side: make it smaller"
        )
    return None
