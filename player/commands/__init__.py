"""One module per command of ``run.py``; ``menu`` names them, and ``player.cli`` loads
only the one that runs (so that ``--help`` loads none).

Each command is handed a ``base.Context`` (its output, the person's folders, the time, how
the program was started) and returns an exit code. ``options`` holds the options several
commands share, ``routines`` opens the routine a command names, ``outputs`` checks the
files a command is told to write, ``program`` knows how the person started the player.

May import every other part of the player; only ``player.cli`` imports it.
"""
