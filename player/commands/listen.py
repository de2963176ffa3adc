"""``run.py listen FILE``: the voice commands heard in a recording, one line each with the
time its phrase ended, as the player would hear them from the microphone. For checking a
microphone with a recording, for tuning the phrases, and for tests."""

from __future__ import annotations

import argparse
from pathlib import Path

from player.commands.base import EXIT_OK, Command, Context
from player.language import _, current, ngettext
from player.listening.phrases import PHRASES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "recording", type=Path, metavar="FILE", help=_("a recording: WAV, FLAC, Ogg or MP3")
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    from player.listening.spotting import heard_in  # loads the recogniser

    if current() != "en":
        ctx.warn(
            _("Voice commands are English phrases for now: {phrases}.").format(
                phrases=", ".join(f"\u201c{phrase.words}\u201d" for phrase in PHRASES)
            )
        )
    heard = heard_in(args.recording)
    for item in heard:
        seconds = f"{item.seconds:.1f}"
        # TRANSLATORS: {seconds} is a time from the start of the recording, such as 12.4;
        # {command} is a command's name (next, back, pause ...), left in English
        ctx.say(_("{seconds}s {command}").format(seconds=seconds, command=item.command))
    ctx.say(
        ngettext("{count} command heard.", "{count} commands heard.", len(heard)).format(
            count=len(heard)
        )
    )
    return EXIT_OK


COMMAND = Command(add_arguments, run)
