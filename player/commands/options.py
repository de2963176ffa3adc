"""Argument types and option groups that several commands share.

What a session uses comes from three places, the first that says wins: the command
line, the person's settings file, the built-in defaults. The functions below each
answer one such question from ``args`` and the :class:`~player.home.settings.Settings`.
An option a command does not have counts as not given.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from player.care.safety import avoid_lying_on_back
from player.home.settings import Settings, parse_lead_in, parse_rate
from player.language import N_, _
from player.playback.timeline import ChoiceError, Choices, check_choices
from player.routine.loader import RoutineFile
from player.speech.synth import VoiceSettings


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected a whole number, found '{text}'").format(text=text)
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("expected a number of 1 or more, found {value}").format(value=value)
        )
    return value


def speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected a number such as 2 or 0.5, found '{text}'").format(text=text)
        ) from None
    if not 0.1 <= value <= 1000:
        raise argparse.ArgumentTypeError(
            _("speed runs from 0.1 to 1000, found {value}").format(value=f"{value:g}")
        )
    return value


def volume(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected a number from 0 to 1, found '{text}'").format(text=text)
        ) from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(
            _("volume runs from 0 to 1, found {value}").format(value=f"{value:g}")
        )
    return value


def _argument_type(parse: Callable[[Any], Any]) -> Callable[[str], Any]:
    """A settings parser as an argparse type, so that both refuse the same values alike."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return convert


words_a_minute = _argument_type(parse_rate)
lead_in_seconds = _argument_type(parse_lead_in)


def add_routine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("routine", help=_("a routine file or a routine's name"))


def add_chosen_reps(parser: argparse.ArgumentParser) -> None:
    """``--reps`` where the settings' repetitions count too (``plan``, ``handout``)."""
    parser.add_argument(
        "--reps",
        type=positive_int,
        help=_(
            "repetitions for steps given as a range (default: your setting, else the routine's)"
        ),
    )


def add_voice_and_reps(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reps", type=positive_int, help=_("repetitions for steps given as a range")
    )
    parser.add_argument(
        "--voice", help=_("an installed voice, such as en-gb (the voices command lists them)")
    )
    parser.add_argument("--rate", type=words_a_minute, help=_("words a minute (165)"))
    # TRANSLATORS: the loudness, from 0 to 1 (1 by default)
    parser.add_argument("--volume", type=volume, help=_("0 to 1 (1)"))


def add_mute_option(parser: argparse.ArgumentParser) -> None:
    """``--mute`` / ``--no-mute``; neither leaves it to the settings."""
    parser.add_argument(
        "--mute",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=_("start with the voice off (M turns it on); --no-mute overrides the settings"),
    )


def add_display_options(parser: argparse.ArgumentParser) -> None:
    """Captions, large text, high contrast and the lead-in, each overriding the settings."""
    switches = (
        ("captions", N_("show what the voice says")),
        ("large-text", N_("larger words in the window")),
        ("high-contrast", N_("white on black in the window")),
        ("flash", N_("flash the window's edge at each step and on its last three seconds")),
    )
    for name, help_text in switches:
        parser.add_argument(
            f"--{name}", action=argparse.BooleanOptionalAction, default=None, help=_(help_text)
        )
    parser.add_argument(
        "--lead-in",
        type=lead_in_seconds,
        metavar="SECONDS",
        help=_("seconds to get ready before the first step (default: the routine's own)"),
    )


def _given(args: argparse.Namespace, name: str) -> Any:
    return getattr(args, name, None)


def voice_settings(args: argparse.Namespace, settings: Settings | None = None) -> VoiceSettings:
    """The voice, its rate and its volume: the options, else the settings, else the defaults."""
    settings = settings or Settings()
    voice, rate, loudness = _given(args, "voice"), _given(args, "rate"), _given(args, "volume")
    return VoiceSettings(
        voice=voice or settings.voice,
        rate=settings.rate if rate is None else rate,
        volume=settings.volume if loudness is None else loudness,
    )


def reps_for(args: argparse.Namespace, settings: Settings, routine_name: str) -> int | None:
    """Repetitions for the counts given as a range: ``--reps``, else the routine's setting."""
    given: int | None = _given(args, "reps")
    return settings.reps.get(routine_name) if given is None else given


def lead_in_ms(args: argparse.Namespace, settings: Settings) -> int | None:
    """The get-ready time before the first step; None for the routine's own."""
    given: float | None = _given(args, "lead_in")
    return settings.lead_in_ms if given is None else round(given * 1000)


def _switch(args: argparse.Namespace, name: str, setting: bool) -> bool:
    given = _given(args, name)
    return setting if given is None else bool(given)


def muted(args: argparse.Namespace, settings: Settings) -> bool:
    """Whether the voice starts off: ``--mute`` or ``--no-mute``, else the settings.

    Not given must read as None (see :func:`add_mute_option`): a plain ``store_true``
    option defaults to False, which would read as ``--no-mute``.
    """
    return _switch(args, "mute", settings.mute)


def captions(args: argparse.Namespace, settings: Settings) -> bool:
    return _switch(args, "captions", settings.captions)


def large_text(args: argparse.Namespace, settings: Settings) -> bool:
    return _switch(args, "large_text", settings.large_text)


def high_contrast(args: argparse.Namespace, settings: Settings) -> bool:
    return _switch(args, "high_contrast", settings.high_contrast)


def flash(args: argparse.Namespace, settings: Settings) -> bool:
    return _switch(args, "flash", settings.flash)


def choices_for(
    args: argparse.Namespace,
    settings: Settings,
    loaded: RoutineFile,
    warn: Callable[[str], None],
    week: int | None = None,
    program: str = "routine-player",
) -> Choices:
    """What this session plays: repetitions and the lead-in, by the options then the settings,
    and (given the pregnancy week) side-lying alternatives from the second trimester on.

    ``--reps`` out of the routine's range is left for the timeline to refuse (ChoiceError).
    A setting that no longer fits the routine (it was changed since) is dropped with a
    warning, so that a stale setting never stops a routine from playing.
    """
    lead_in = lead_in_ms(args, settings)
    reps = reps_for(args, settings, loaded.name)
    if _given(args, "reps") is None and reps is not None:
        try:
            check_choices(loaded.routine, Choices(reps=reps))
        except ChoiceError as error:
            warn(
                _(
                    "Settings: {key} is {reps}, which does not fit: {error}. Using the "
                    "routine's own; change it with '{set_it}' or '{unset_it}'."
                ).format(
                    key=f"reps.{loaded.name}",
                    reps=reps,
                    error=error,
                    set_it=f"{program} settings set reps.{loaded.name} N",
                    unset_it=f"{program} settings unset reps.{loaded.name}",
                )
            )
            reps = None
    return Choices(reps=reps, lead_in_ms=lead_in, avoid_lying_on_back=avoid_lying_on_back(week))
