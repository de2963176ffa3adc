"""``run.py voices``: the voices installed, with their languages and name (``voices
--language vi``: those that speak Vietnamese, the one that would speak first); and the
check that a voice asked for by ``--voice`` or ``settings set voice`` is one of them.

The voices come from the speech process, which owns the speech engine. A voice that is
not installed is refused in one line with the nearest one, before any work is done.
When no speech engine can be asked, nothing is refused: ``play`` and ``export`` say in
their own line that there is no voice.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from player.commands.base import EXIT_FAILED, EXIT_OK, Command, Context, no_arguments
from player.home.settings import parse_voice
from player.language import _, current, language_name, ngettext, pgettext
from player.speech.select import list_voices
from player.speech.synth import SpeechUnavailable
from player.speech.voices import UnknownVoice, Voice, chosen_voice, voices_for


def installed_voice(wanted: str, ctx: Context) -> Voice | None:
    """The installed voice ``wanted`` names; UnknownVoice, in one line, when it names
    none or is no voice name at all; None when the voices cannot be listed here."""
    try:
        parse_voice(wanted)
        voices = list_voices()
    except ValueError as error:
        raise UnknownVoice(str(error)) from None
    except SpeechUnavailable:
        return None
    return chosen_voice(wanted, voices, ctx.command("voices"))


def refuse_unknown_voice(args: argparse.Namespace, ctx: Context) -> None:
    """UnknownVoice (``--voice: ...``) when ``--voice`` names no installed voice."""
    wanted: str | None = getattr(args, "voice", None)
    if wanted is None:
        return
    try:
        installed_voice(wanted, ctx)
    except UnknownVoice as error:
        raise UnknownVoice(f"--voice: {error}") from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        voices = list_voices()
    except SpeechUnavailable as error:
        ctx.warn(str(error))
        return EXIT_FAILED
    if not voices:
        ctx.warn(_("The speech engine has no voices installed."))
        return EXIT_FAILED
    if getattr(args, "language", None) is None:
        rows = sorted(_row(voice) for voice in voices)
        said = _(
            "{count} voices. Choose one by its language or name: '{command}', "
            "or --voice {example} for one session."
        )
    else:
        language = language_name(current())
        speakers = voices_for(current(), voices)
        if not speakers:
            ctx.warn(_("No installed voice speaks {language}.").format(language=language))
            return EXIT_FAILED
        rows = [_row(voice) for voice in speakers]  # the likeliest first
        said = ngettext(
            "{count} voice speaks {language}. Choose one by its language or name: "
            "'{command}', or --voice {example} for one session.",
            "{count} voices speak {language}. Choose one by its language or name: "
            "'{command}', or --voice {example} for one session.",
            len(rows),
        )
    example = next((row[0] for row in rows if row[0] == "en-gb"), rows[0][0].split(",")[0])
    _table(rows, ctx)
    ctx.say("")
    ctx.say(
        said.format(
            count=len(rows),
            language=language_name(current()),
            command=ctx.command(f"settings set voice {example}"),
            example=example,
        )
    )
    return EXIT_OK


def _row(voice: Voice) -> tuple[str, str, str]:
    """A voice's languages (all of them), its name and its id."""
    return (", ".join(voice.languages) or "-", voice.name or voice.id, voice.id)


def _table(rows: Sequence[tuple[str, str, str]], ctx: Context) -> None:
    from player.system.text_width import cells, ljust  # play uses this module, not this

    header = (
        pgettext("column of voices", "language"),
        pgettext("column of voices", "name"),
        pgettext("column of voices", "id"),
    )
    table = [header, *rows]
    widths = [max(cells(row[i]) for row in table) for i in range(2)]
    for language, name, voice_id in table:
        ctx.say(f"{ljust(language, widths[0])}  {ljust(name, widths[1])}  {voice_id}".rstrip())


COMMAND = Command(no_arguments, run)
