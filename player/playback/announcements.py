"""The words of a timeline: what is said when a step begins, and how long saying takes.

Pure functions of a step as it is played; the cue compiler and the segment compiler
(which sizes the time to get into position by the announcement) both use them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence

from player.playback.timeline import StepSpan
from player.routine.values import fill_placeholders, spoken_duration

WORDS_PER_SECOND = 2.5
"""An unhurried pace for reading and acting on words: used to size preparations."""
DEFAULT_RATE = 165
"""The voice's words a minute unless the person chose another rate."""
SPOKEN_BASE_MS = 640
SPOKEN_PER_CHARACTER_MS = 44
SPOKEN_PER_STOP_MS = 745
SPOKEN_PER_COMMA_MS = 430
SPOKEN_MARGIN = 1.15
"""How long espeak-ng takes to say a text at 165 words a minute: a start, each character,
each stop inside it (``.``, ``!``, ``?``, ``:``, ``;``) and each comma, fitted to the
clips of every bundled cue; then 15% more, a little over the most any of those clips ran
past the fitted line (13%)."""
_STOPS = re.compile(r"[.!?:;]")


def join_words(parts: Sequence[str]) -> str:
    """Parts said one after another as sentences: ``["Rest", "Next up: X"]`` is
    ``"Rest. Next up: X"``; empty parts are left out."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out:
            out += " " if out[-1] in ".!?:" else ". "
        out += part
    return out


def fill(text: str, values: Mapping[str, object]) -> str:
    """A person's own words with their placeholders (``{side}``, ``{rep}``) filled in;
    never fails, whatever the braces in them."""
    return fill_placeholders(text, values)


def set_words(span: StepSpan) -> str:
    """What opens a set: "Set 2 of 3"."""
    return f"Set {span.set} of {span.sets}"


def announcement(span: StepSpan, next_name: str | None) -> str:
    """What is said as a step begins: its name, sides, count and what to do."""
    if span.kind == "rest":
        words = [f"{span.name} for {spoken_duration(span.duration_ms)}", span.do or ""]
        if next_name:
            words.append(f"Next up: {next_name}")
        return join_words(words)
    if span.kind == "instruction":
        return join_words([span.do or ""])
    words = [span.name]
    if span.sides:
        words.append(f"{span.sides[0].capitalize()} side first")
    if span.reps > 1:
        words.append(f"{span.reps} times")
    if span.set <= 1:
        words.append(span.do or "")  # in later sets the name is enough
    if span.waits_for_done:
        words.append("Press done when you have finished")
    return join_words(words)


def speaking_ms(text: str, words_per_minute: int = DEFAULT_RATE) -> int:
    """How long the voice may take to say ``text``, at most: from the characters and the
    pauses at stops and commas, fitted to espeak-ng's clips of every bundled cue and then
    given a margin, so that it is never less than the clip (tests/test_cue_room.py checks
    it against the real clips). A slower voice takes longer in proportion."""
    return _speaking_ms(text, words_per_minute)


@functools.lru_cache(maxsize=4096)
def _speaking_ms(text: str, words_per_minute: int) -> int:
    """``speaking_ms``, remembered for each text and rate: a session says the same few
    words many times, and room is made for each of them again and again."""
    inner = text.strip().rstrip(".!?")
    fitted = (
        SPOKEN_BASE_MS
        + SPOKEN_PER_CHARACTER_MS * len(text)
        + SPOKEN_PER_STOP_MS * len(_STOPS.findall(inner))
        + SPOKEN_PER_COMMA_MS * text.count(",")
    )
    return math.ceil(fitted * SPOKEN_MARGIN * DEFAULT_RATE / max(1, words_per_minute))


def reading_ms(text: str, pad_ms: int = 3000, words_per_minute: int = DEFAULT_RATE) -> int:
    """Time to say ``text`` aloud at an unhurried pace, and ``pad_ms`` to act on it: never
    less than the voice takes to say it."""
    words = len(text.split())
    unhurried = math.ceil(words / WORDS_PER_SECOND) * 1000
    said = math.ceil(speaking_ms(text, words_per_minute) / 1000) * 1000  # whole seconds
    return max(unhurried, said) + pad_ms


WAIT_FOR_DONE = "Press done when you have finished"
"""What ``announcement`` says of a step that waits for done, in a live session."""


def for_listener(text: str, wait_ms: int) -> str:
    """``text`` as said in an exported track, to someone listening on a phone, who has no
    done to press: the track leaves ``wait_ms`` of silence for a step that waits, and
    says so. Every other word is said as in the live session."""
    listening = f"You have {spoken_duration(wait_ms)}. Pause the track when you need longer"
    return text.replace(WAIT_FOR_DONE, listening)
