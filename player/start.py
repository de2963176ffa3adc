"""Where the program starts: ``routine-player`` and ``run.py`` call :func:`main`.

It imports nothing of the player before it has made Ctrl-C, TERM and HUP end the start
quietly: the imports take a moment, and a signal in that moment should stop the program
with the exit code shells expect, not with a traceback from the middle of an import.
Once the command line is read, ``player.system.stopping`` takes over.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


def _quiet_exit(signum: int, frame: FrameType | None) -> None:
    os._exit(128 + signum)  # nothing has begun that needs closing


def main() -> int:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _quiet_exit)
    # The player uses no pydantic plugins; without this, the first model built looks
    # through the entry points of every installed package for them (about 30 ms).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from player.cli import entry

    return entry()


if __name__ == "__main__":
    sys.exit(main())
