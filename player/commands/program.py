"""How the person started the player, so that every message names a command they can type.

``routine-player list`` and ``python3 run.py list`` are the same program; its help, its
hints ("'python3 run.py new NAME' starts one") and the calendar file it writes each use
the words the person used.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

INSTALLED = "routine-player"
"""The command ``pip install`` puts on the PATH."""
CALLED_AS_VARIABLE = "ROUTINE_PLAYER_CALLED_AS"
"""Set by run.py when it starts again inside the checkout's .venv, so that the program
still names itself as the person called it."""


def called_as(argv: Sequence[str], orig_argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The words that start this program, as typed: ``routine-player``,
    ``python3 run.py``, ``.venv/bin/routine-player``.

    ``argv`` is ``sys.argv`` (the script first), ``orig_argv`` is ``sys.orig_argv`` (the
    interpreter and its options first)."""
    passed_on = shlex.split(environ.get(CALLED_AS_VARIABLE, ""))
    if len(passed_on) == 2:
        interpreter, script = passed_on
    else:
        script = argv[0] if argv else ""
        interpreter = orig_argv[0] if len(orig_argv) > len(argv) else ""
    if not script or script == "-c":
        return INSTALLED
    if not script.endswith(".py"):  # the installed command, started through its shebang
        return shlex.quote(_as_typed_on_path(script))
    # A script started by its "#!/usr/bin/env python3" line looks the same as one typed
    # after "python3", and "python3 ./run.py" works for it too.
    return shlex.join([_as_typed_on_path(interpreter), script]) if interpreter else script


def _as_typed_on_path(command: str) -> str:
    """``python3`` for ``/usr/bin/python3`` when ``python3`` on the PATH is a way to it
    (perhaps through a shim); the path itself when the PATH does not reach it."""
    name = Path(command).name
    if name == command:
        return command
    found = shutil.which(name)
    if found is None or not (_same_file(found, command) or _is_shim(found)):
        return command
    return name


def _is_shim(path: str) -> bool:
    """Version managers (pyenv, asdf) put small scripts on the PATH that start the real
    interpreter; the name still starts the same Python."""
    return any(part in ("shims", ".pyenv", ".asdf") for part in Path(path).parts)


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def absolute_command(program: str) -> str:
    """The program as a command that works from any folder, for a calendar file: a path
    in it (a script, a virtual environment's python) is made absolute, as in
    ``python3 /home/me/player/run.py``."""
    words = shlex.split(program)
    made = [
        os.path.abspath(word)
        if (os.path.sep in word or word.endswith(".py")) and not os.path.isabs(word)
        else word
        for word in words
    ]
    return shlex.join(made)
