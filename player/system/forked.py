"""A long list of work shared between this process and a copy of it, on a machine with
more than one core: ``check`` of many files takes about half the time.

The copy is made with ``fork``, so it starts with everything this process has loaded and
needs no start-up of its own. It does the second half of the list and hands back what it
found through a pipe; this process does the first half meanwhile, then puts the two
together in order. Whatever happens to the copy (it fails, it is killed), its half is done
here again, so nothing is lost; whatever happens here (an error, a signal), the copy is
stopped and waited for, so none is left behind.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

LEAST_SHARED = 200
"""Fewer items are done here alone: making the copy and handing back take about as long
as checking a few dozen small files."""


def can_fork() -> bool:
    """Whether a copy may be made: there is a second core, and no other thread runs, since
    a copy made while one holds a lock would wait for it for ever."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return hasattr(os, "fork") and (cores or 1) > 1 and threading.active_count() == 1


def in_two(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    least: int = LEAST_SHARED,
    share: Callable[[], bool] = can_fork,
) -> list[Result]:
    """``work`` done on each item, in order; the second half in a copy of this process
    when there are at least ``least`` items and ``share`` says a copy may be made."""
    if len(items) < least or not share():
        return [work(item) for item in items]
    import pickle  # only when shared: not loaded by play, which checks one file

    half = len(items) // 2
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the copy: its half, handed back, and gone without any clean-up
        os.close(reading)
        code = 1
        try:
            data = pickle.dumps([work(item) for item in items[half:]])
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    waited = False
    try:
        with os.fdopen(reading, "rb") as pipe:
            first = [work(item) for item in items[:half]]
            data = pipe.read()
        _pid, status = os.waitpid(child, 0)
        waited = True
        if os.waitstatus_to_exitcode(status) == 0:
            second: list[Result] = pickle.loads(data)
            return first + second
        return first + [work(item) for item in items[half:]]  # done here after all
    finally:
        if not waited:
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
