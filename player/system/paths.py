"""Where the bundled routines and media are, in a source checkout or an installed copy."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``player`` package itself."""
_SOURCE_ROOT = PACKAGE_DIR.parent
_INSTALLED_DATA = PACKAGE_DIR / "_bundled"


def _data_dir(name: str) -> Path:
    in_checkout = _SOURCE_ROOT / name
    if in_checkout.is_dir() and (_SOURCE_ROOT / "pyproject.toml").is_file():
        return in_checkout
    return _INSTALLED_DATA / name


ROUTINES_DIR = _data_dir("routines")
MEDIA_DIR = _data_dir("media")
