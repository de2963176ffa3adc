"""argparse's own words (``usage:``, ``options``, its errors) in the language in use.

argparse looks its messages up with gettext's functions, bound in its module when it is
imported; pointing them at the player's catalog puts the help and the usage errors in one
language. Its messages are listed here so that Babel extracts them into the catalog."""

from __future__ import annotations

import argparse

from player.language.translate import N_, _, ngettext

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("optional arguments"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("%(prog)s: error: %(message)s\n"),
)
PLURALS = (ngettext("expected %s argument", "expected %s arguments", 1),)


def speak_argparse() -> None:
    """Let argparse's messages come from the catalog in use."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
