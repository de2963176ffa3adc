"""``run.py export``: the guided session as one audio track, to play on any device."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from player.commands.base import EXIT_INVALID, EXIT_OK, Command, Context
from player.commands.options import (
    add_routine,
    add_voice_and_reps,
    choices_for,
    positive_int,
    voice_settings,
)
from player.commands.outputs import check_output_file
from player.commands.routines import open_routine
from player.commands.voices import refuse_unknown_voice
from player.language import _, ngettext
from player.playback.announcements import for_listener
from player.playback.compiler import compile_timeline
from player.playback.timeline import Cue
from player.routine.values import format_duration
from player.speech.clips import CHIME_DIR
from player.speech.encode import UnknownFormat, endings, track_format
from player.speech.export import ExportResult, export_audio
from player.speech.select import start_synthesizer
from player.speech.synth import Pyttsx3Synthesizer, SpeechUnavailable

MOST_WAIT_S = 3600


def wait_seconds(text: str) -> int:
    """The silence for a step that waits: from a second to an hour."""
    value = positive_int(text)
    if value > MOST_WAIT_S:
        raise argparse.ArgumentTypeError(
            _("expected seconds from 1 to {most} (an hour), found {value}").format(
                most=MOST_WAIT_S, value=value
            )
        )
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_routine(parser)
    parser.add_argument(
        "--audio",
        type=Path,
        required=True,
        help=_("the file to write: {endings}, as its name ends (.mp3 plays on any phone)").format(
            endings=endings()
        ),
    )
    add_voice_and_reps(parser)
    parser.add_argument(
        "--wait-seconds",
        type=wait_seconds,
        default=30,
        help=_(
            "the silence left in the track for each step that waits for done, which the "
            "voice states (default 30)"
        ),
    )


def _chime_for(cue: Cue) -> Path:
    return CHIME_DIR / ("high.wav" if cue.priority >= 3 else "soft.wav")


def _spoken_by(synth: Pyttsx3Synthesizer, wait_ms: int) -> Callable[[Cue], Path | None]:
    """Each cue's clip, in words for someone listening to the track (no keys to press)."""

    def clip_for(cue: Cue) -> Path | None:
        return synth.render(for_listener(cue.text, wait_ms))

    return clip_for


def _heard(result: ExportResult, synth: Pyttsx3Synthesizer | None) -> str:
    """What the track holds, told as it is: cues heard whole, cut short, left out."""
    if synth:
        said = ngettext(
            "{whole} of {count} cue spoken whole",
            "{whole} of {count} cues spoken whole",
            result.cues,
        )
    else:
        said = ngettext(
            "{whole} of {count} cue chimed whole",
            "{whole} of {count} cues chimed whole",
            result.cues,
        )
    parts = [said.format(whole=result.whole, count=result.cues)]
    if result.cut_short:
        # TRANSLATORS: cues cut short in the audio track, after "12 of 40 cues spoken whole"
        parts.append(_("{count} cut short by the next").format(count=result.cut_short))
    if result.left_out:
        # TRANSLATORS: cues left out of the audio track, after "12 of 40 cues spoken whole"
        parts.append(_("{count} left out (no room before the next)").format(count=result.left_out))
    # TRANSLATORS: between what became of the cues: "12 of 40 cues spoken whole, 3 cut short"
    return _(", ").join(parts)


def run(args: argparse.Namespace, ctx: Context) -> int:
    check_output_file("--audio", args.audio)  # what is there, then what its name asks for
    try:
        track_format(args.audio)
    except UnknownFormat as error:
        ctx.warn(f"--audio {error}")  # the error names the file and what it should end in
        return EXIT_INVALID
    refuse_unknown_voice(args, ctx)
    loaded = open_routine(args.routine, ctx.dirs, ctx.warn)
    settings = ctx.settings()
    timeline = compile_timeline(
        loaded.routine,
        choices_for(
            args,
            settings,
            loaded,
            ctx.warn,
            settings.pregnancy_week(ctx.now().date()),
            ctx.program,
        ),
        loaded.paced_by,
    )
    try:
        synth: Pyttsx3Synthesizer | None = start_synthesizer(
            voice_settings(args, settings), notices=ctx.warn, voices_command=ctx.command("voices")
        )
    except SpeechUnavailable as error:
        ctx.warn(str(error))
        synth = None
    wait_ms = args.wait_seconds * 1000
    clip_for = _chime_for if synth is None else _spoken_by(synth, wait_ms)
    try:
        result = export_audio(timeline, args.audio, clip_for, wait_allowance_ms=wait_ms)
    finally:
        if synth is not None:
            synth.close()
    ctx.say(
        _("wrote {file}: {length}, {heard}").format(
            file=args.audio,
            length=format_duration(result.duration_ms),
            heard=_heard(result, synth),
        )
    )
    return EXIT_OK


COMMAND = Command(
    add_arguments,
    run,
    shows_results=lambda args: False,
)
