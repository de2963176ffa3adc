"""``play --listen`` and ``--listen-from FILE``: voice commands in the window and the
terminal. The listener is made before the questions, so the recogniser loads while they
are answered, and the first session with it on begins by saying how to use it."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from player.commands.base import Context
from player.home.settings import Settings
from player.language import _, current
from player.listening import audio
from player.listening.listener import Chunk, Listener, RecordingSound, Sound
from player.listening.phrases import PHRASES, Phrase
from player.playback.clock import MonotonicClock
from player.system.failures import Failure
from player.system.files import write_atomically

SHELLS_THAT_LISTEN = ("window", "text")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    words = {phrase.command: phrase.words for phrase in PHRASES}
    parser.add_argument(
        "--listen",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=_(
            "hear voice commands through the microphone, such as \u201c{next}\u201d and "
            "\u201c{pause}\u201d (the help screen lists them); --no-listen overrides the settings"
        ).format(next=words["next"], pause=words["pause"]),
    )
    parser.add_argument(
        "--listen-from",
        type=Path,
        metavar="FILE",
        help=_("hear voice commands from a recording instead, as if said during the session"),
    )


def wanted(args: argparse.Namespace, settings: Settings) -> bool:
    given = getattr(args, "listen", None)
    return args.listen_from is not None or (settings.listen if given is None else bool(given))


def open_ears(
    args: argparse.Namespace, settings: Settings, ui: str, ctx: Context
) -> Listener | None:
    """The listener the session hears through, or None when it is not asked for, or the
    shell cannot listen (one line says so). A recording that cannot be read stops here,
    before anything is asked."""
    if not wanted(args, settings):
        return None
    if ui not in SHELLS_THAT_LISTEN:
        ctx.warn(
            _("Voice commands are heard in the window and the terminal (--ui window or text).")
        )
        return None
    if current() != "en":
        ctx.warn(english_only())
    from player.speech.microphone import microphone_problem, voice_sounding

    clock = MonotonicClock()
    sound: Sound | None = None  # the microphone, heard in the recogniser's process
    if args.listen_from is not None:
        sound = RecordingSound(audio.read(args.listen_from), clock, pace=args.speed)
    elif (problem := microphone_problem()) is not None:
        sound = Unheard(problem)
    return Listener(sound, speaking=voice_sounding, now=clock.now)


class Unheard:
    """No microphone: opening it says why, and the session begins by saying so."""

    pace = 1.0

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def open(self, now: int) -> None:
        raise Failure(self.problem)

    def read(self) -> Chunk | None:
        raise EOFError

    def close(self) -> None:
        pass


def english_only() -> str:
    return _("Voice commands are English phrases for now: {phrases}.").format(
        phrases=", ".join(f"\u201c{phrase.words}\u201d" for phrase in PHRASES)
    )


def how_to_say(phrases: tuple[Phrase, ...] = PHRASES) -> str:
    """What the voice says first, the first time commands are heard."""
    words = {phrase.command: phrase.words for phrase in phrases}
    # TRANSLATORS: said by the voice; each {…} is an English phrase, such as "next step"
    said = _(
        "Voice commands are on. Say each on its own, with a pause before and after: "
        "\u201c{next}\u201d to move on, \u201c{pause}\u201d to "
        "pause, \u201c{go_on}\u201d to go on, \u201c{back}\u201d to go back, "
        "\u201c{restart}\u201d to start a step again, \u201c{done}\u201d when a step waits "
        "for you, and \u201c{stop}\u201d to stop."
    )
    return said.format(
        next=words["next"],
        pause=words["pause"],
        go_on=words["go-on"],
        back=words["back"],
        restart=words["restart"],
        done=words["done"],
        stop=words["stop"],
    )


def opening(ears: Listener | None, ctx: Context, *, muted: bool) -> str:
    """How to give voice commands, said at the start of the first session that hears them
    with the voice on; empty after that, and when nothing listens."""
    if ears is None or muted or ctx.dirs.voice_commands_file.exists():
        return ""
    if isinstance(ears.sound, Unheard):
        return ""  # no microphone: the session begins by saying so instead
    return how_to_say()


def remember_introduced(ctx: Context) -> None:
    """Remember that how to give voice commands has been said; failing that, it is said
    again next time, which does no harm."""
    with contextlib.suppress(OSError):
        write_atomically(ctx.dirs.voice_commands_file, "said\n")


def tell_what_went_wrong(ears: Listener, ctx: Context) -> None:
    """After the session: what stopped the listener, where it can be read again."""
    for notice in ears.notices:
        ctx.warn(notice)
