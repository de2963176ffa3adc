"""Argument types and option groups that several commands share."""

from __future__ import annotations

import argparse

from player.speech.synth import VoiceSettings


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of 1 or more, found {value}")
    return value


def speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number such as 2 or 0.5, found '{text}'"
        ) from None
    if not 0.1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"speed runs from 0.1 to 1000, found {value:g}")
    return value


def volume(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, found '{text}'") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"volume runs from 0 to 1, found {value:g}")
    return value


def add_routine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("routine", help="a routine file or a routine's name")


def add_voice_and_reps(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reps", type=positive_int, help="repetitions for steps given as a range")
    parser.add_argument("--voice", help="a voice name or part of it, such as en-gb")
    parser.add_argument("--rate", type=positive_int, help="words a minute (165)")
    parser.add_argument("--volume", type=volume, help="0 to 1 (1)")


def voice_settings(args: argparse.Namespace) -> VoiceSettings:
    defaults = VoiceSettings()
    return VoiceSettings(
        voice=args.voice or defaults.voice,
        rate=defaults.rate if args.rate is None else args.rate,
        volume=defaults.volume if args.volume is None else args.volume,
    )
