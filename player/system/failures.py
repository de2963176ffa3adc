"""The two kinds of trouble every command may end in, known to the command line without
importing the parts that raise them (so that ``--help`` loads nothing it does not show).

An ``InvalidInput`` is something the person gave that cannot be used (a routine with
problems, an unknown name or voice, a count outside the routine's range): exit 2, and the
message alone. A ``Failure`` is work that could not be done (no speech engine, a track
that could not be written): exit 1, after ``error:``.
"""

from __future__ import annotations


class InvalidInput(Exception):
    """Input that cannot be used; the message says what to change."""


class Failure(Exception):
    """Work that could not be done; the message says why."""
