"""Every command's name and one line of help, and where its code is: the command line
shows the menu without loading any command, and loads only the one that runs."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from player.commands.base import Command


@dataclass(frozen=True)
class Entry:
    name: str
    help: str
    module: str
    """The module in ``player.commands`` that holds the command as ``COMMAND``."""

    def load(self) -> Command:
        command = importlib.import_module(f"player.commands.{self.module}").COMMAND
        assert isinstance(command, Command)
        return command


MENU: tuple[Entry, ...] = (
    Entry("list", "list the routines", "listing"),
    Entry("check", "check routine files and report every problem", "check"),
    Entry("schema", "print the JSON Schema of routine files", "schema"),
    Entry("plan", "print a routine's timeline as a table", "plan"),
    Entry("play", "play a routine", "play"),
    Entry("export", "render the guided session as one audio track", "export"),
    Entry("safety", "the warning signs to stop and call a doctor or midwife", "safety"),
    Entry(
        "history",
        "show recent sessions, the streak of days and the pain scores; --chart draws them",
        "history",
    ),
    Entry("settings", "show your settings, or change one", "settings"),
    Entry("voices", "list the installed voices, with their language", "voices"),
    Entry("new", "start a routine of your own, from a template or a copy", "new"),
    Entry("remind", "print a daily calendar reminder (.ics) for a routine", "remind"),
)

DEFAULT = "play"
"""The command run when none is named."""


def entry(name: str) -> Entry:
    return next(item for item in MENU if item.name == name)
