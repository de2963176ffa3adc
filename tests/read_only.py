"""Folders and files that the tests may read but not write, or not even read, even when
they run as root.

Root may write whatever the mode bits say, through its capability CAP_DAC_OVERRIDE, and
read and search any folder through CAP_DAC_READ_SEARCH. For as long as a test needs
something read-only (or unreadable), those capabilities are set aside from this thread's
effective set (they stay permitted, and are taken back after), so the kernel checks the
mode bits for root as for anyone. Either way, the folder or file is checked to be
read-only (or unreadable) before the test goes on: a test that could still write (or
read) would prove nothing.
"""

from __future__ import annotations

import ctypes
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CAPABILITY_VERSION_3 = 0x20080522
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _set_override(on: bool, capabilities: tuple[int, ...] = (CAP_DAC_OVERRIDE,)) -> None:
    """Put ``capabilities`` in this thread's effective capabilities, or take them out."""
    libc = ctypes.CDLL(None, use_errno=True)
    header = _CapHeader(CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget failed")
    bits = sum(1 << capability for capability in capabilities)
    data[0].effective = data[0].effective | bits if on else data[0].effective & ~bits
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


@contextmanager
def _without_override(capabilities: tuple[int, ...] = (CAP_DAC_OVERRIDE,)) -> Iterator[None]:
    if sys.platform != "linux" or os.geteuid() != 0:
        yield
        return
    _set_override(False, capabilities)
    try:
        yield
    finally:
        _set_override(True, capabilities)


def _refuses_writing(path: Path) -> bool:
    try:
        if path.is_dir():
            (path / ".write-probe").touch()
            (path / ".write-probe").unlink()
        else:
            with path.open("r+b"):
                pass
    except PermissionError:
        return True
    return False


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Within, each of ``paths`` (folders and files) may be read and not written."""
    modes = {path: stat.S_IMODE(path.stat().st_mode) for path in paths}
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        with _without_override():
            for path in paths:
                assert _refuses_writing(path), f"{path} can still be written"
            yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def _refuses_reading(path: Path) -> bool:
    try:
        if path.is_dir():
            with os.scandir(path):
                pass
        else:
            with path.open("rb"):
                pass
    except PermissionError:
        return True
    return False


@contextmanager
def unreadable(*paths: Path) -> Iterator[None]:
    """Within, each of ``paths`` (folders and files) has mode 000: it may not be read,
    searched or written."""
    modes = {path: stat.S_IMODE(path.stat().st_mode) for path in paths}
    for path in paths:
        path.chmod(0)
    try:
        with _without_override((CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)):
            for path in paths:
                assert _refuses_reading(path), f"{path} can still be read"
            yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
