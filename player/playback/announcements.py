"""The words of a timeline: what is said when a step begins, and how long saying takes.

Pure functions of a step as it is played; the cue compiler and the segment compiler
(which sizes the time to get into position by the announcement) both use them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from player.playback.timeline import StepSpan
from player.routine.values import fill_placeholders, spoken_duration

WORDS_PER_SECOND = 2.5
"""An unhurried pace for reading and acting on words: used to size preparations."""
SPEAKING_WORDS_PER_SECOND = 2.75
"""The voice's own pace (165 words a minute): used to keep cues from cutting each other off."""


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


def speaking_ms(text: str) -> int:
    """About how long the voice takes to say ``text``."""
    return math.ceil(len(text.split()) / SPEAKING_WORDS_PER_SECOND * 1000)


def reading_ms(text: str, pad_ms: int = 3000) -> int:
    """Time to say ``text`` aloud at an unhurried pace, and ``pad_ms`` to act on it."""
    words = len(text.split())
    return math.ceil(words / WORDS_PER_SECOND) * 1000 + pad_ms


WAIT_FOR_DONE = "Press done when you have finished"
"""What ``announcement`` says of a step that waits for done, in a live session."""


def for_listener(text: str, wait_ms: int) -> str:
    """``text`` as said in an exported track, to someone listening on a phone, who has no
    done to press: the track leaves ``wait_ms`` of silence for a step that waits, and
    says so. Every other word is said as in the live session."""
    listening = f"You have {spoken_duration(wait_ms)}. Pause the track when you need longer"
    return text.replace(WAIT_FOR_DONE, listening)
