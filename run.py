#!/usr/bin/env python3
"""Start the routine player: `python3 run.py --help` lists what it can do.

From a checkout, any Python 3 will do: when the one that started this file lacks the
player's libraries, it starts again with the checkout's own .venv (which `make run` sets
up), or says how to set it up.
"""

import os
import signal


def _quiet_exit(signum, frame):  # type: ignore[no-untyped-def]
    os._exit(128 + signum)  # Ctrl-C, TERM or HUP while starting: nothing to close yet


for _name in ("SIGINT", "SIGTERM", "SIGHUP"):  # before the imports that take a moment
    if hasattr(signal, _name):
        signal.signal(getattr(signal, _name), _quiet_exit)

import shlex  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
CALLED_AS_VARIABLE = "ROUTINE_PLAYER_CALLED_AS"  # as in player/commands/program.py


def _venv_python() -> Path:
    if os.name == "nt":
        return HERE / ".venv" / "Scripts" / "python.exe"
    return HERE / ".venv" / "bin" / "python"


def _start_again_in_venv(missing: str) -> None:
    """Run this file again with the .venv's Python; say how to make one if there is none."""
    python = _venv_python()
    if not python.exists() or Path(sys.prefix).resolve() == python.parent.parent.resolve():
        if sys.version_info < (3, 10):  # noqa: UP036  (run.py is the one file older Pythons read)
            sys.stderr.write(
                f"The player needs Python 3.10 or newer; this is {sys.version.split()[0]}. "
                f"Run 'make run' once in {HERE} with a newer python3, or 'pip install {HERE}'.\n"
            )
        else:
            sys.stderr.write(
                f"The player's libraries are not installed here ({missing} is missing). "
                f"Run 'make run' once in {HERE} (it sets up .venv), or 'pip install {HERE}'.\n"
            )
        sys.exit(1)
    # How the person started it, so that the player names itself that way: the
    # interpreter they typed and this script. (Python 3.9 and older keep no orig_argv.)
    typed = getattr(sys, "orig_argv", [sys.executable])[0]
    os.environ.setdefault(CALLED_AS_VARIABLE, shlex.join([typed, sys.argv[0]]))
    os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    try:
        from player.start import main
    except (ModuleNotFoundError, SyntaxError) as error:  # SyntaxError: a Python too old
        _start_again_in_venv(getattr(error, "name", None) or "a library")
    else:
        try:
            sys.exit(main())
        except ModuleNotFoundError as error:  # a library the player imports is missing
            _start_again_in_venv(error.name or "a library")
