"""Every command's name and one line of help, and where its code is: the command line
shows the menu without loading any command, and loads only the one that runs."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from player.commands.base import Command
from player.language import N_


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
    Entry("list", N_("list the routines"), "listing"),
    Entry("check", N_("check routine files and report every problem"), "check"),
    Entry("schema", N_("print the JSON Schema of routine files"), "schema"),
    Entry("plan", N_("print a routine's timeline as a table"), "plan"),
    Entry("play", N_("play a routine"), "play"),
    Entry("export", N_("render the guided session as one audio track"), "export"),
    Entry(
        "handout",
        N_("write a routine as a PDF handout to print: its steps, figures and warning signs"),
        "handout",
    ),
    Entry("safety", N_("the warning signs to stop and call a doctor or midwife"), "safety"),
    Entry(
        "history",
        N_("show recent sessions, the streak of days and the pain scores; --chart draws them"),
        "history",
    ),
    Entry("settings", N_("show your settings, or change one"), "settings"),
    Entry("voices", N_("list the installed voices, with their language"), "voices"),
    Entry("new", N_("start a routine of your own, from a template or a copy"), "new"),
    Entry("remind", N_("print a daily calendar reminder (.ics) for a routine"), "remind"),
    Entry(
        "words",
        N_("print a routine's words file in a language, to translate; --write puts it in place"),
        "words",
    ),
    Entry(
        "listen",
        N_("print the voice commands heard in a recording, to check a microphone"),
        "listen",
    ),
    Entry("pack", N_("put a routine and the files it uses into one file, to share"), "pack"),
    Entry("add", N_("add a routine someone shared with pack to your routines"), "add"),
)

DEFAULT = "play"
"""The command run when none is named."""


def entry(name: str) -> Entry:
    return next(item for item in MENU if item.name == name)
