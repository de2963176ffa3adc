"""Keeping a library's own complaints off the terminal while it starts."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Send what is written to the standard error file descriptor to nowhere, for the
    length of the block. For C libraries (ALSA, SDL) that print several lines of their
    own where the player says what it found in one."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
