"""The words of a timeline: what is said when a step begins, and how long saying takes.

Pure functions of a step as it is played; the cue compiler and the segment compiler
(which sizes the time to get into position by the announcement) both use them.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence

from player.language import N_, _, ngettext, pgettext
from player.playback.timeline import StepSpan
from player.routine.values import fill_placeholders

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
SPOKEN_CHARACTERS_PER_IDEOGRAPH = 3
"""A Chinese character is a syllable: said as long as three letters, fitted the same way
to the clips of every bundled cue in Chinese (the longest runs to 96% of the estimate)."""
_WIDE_ENDS = "\u3002\uff01\uff1f\uff1a"  # the full stop, !, ? and : of Chinese
_COMMAS = re.compile(r"[,\uff0c\u3001]")  # and the commas of Chinese
_WIDE_MARKS = re.compile(r"[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20]")
"""Chinese punctuation, which is wide but no syllable."""
_STOPS = re.compile(r"[.!?:;\u3002\uff01\uff1f\uff1a\uff1b]")
_ENDS = ".!?:" + _WIDE_ENDS


def join_words(parts: Sequence[str]) -> str:
    """Parts said one after another as sentences: ``["Rest", "Next up: X"]`` is
    ``"Rest. Next up: X"`` (with a full stop and no space in Chinese); empty parts are
    left out."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and out[-1] in _WIDE_ENDS:
            pass  # a full-width stop needs no space after it
        elif out and out[-1] in _ENDS:
            out += " "
        elif out:
            # TRANSLATORS: what ends a spoken sentence before the next one: ". " in
            # English, "。" in Chinese
            out += pgettext("between sentences", ". ")
        out += part
    return out


def fill(text: str, values: Mapping[str, object]) -> str:
    """A person's own words with their placeholders (``{side}``, ``{rep}``) filled in;
    never fails, whatever the braces in them."""
    return fill_placeholders(text, values)


def spoken_duration(ms: int) -> str:
    """``30 seconds``, ``1 minute 30 seconds``: how a duration is said aloud, in the
    language in use. Each way of saying it is one whole message, so a translation may put
    the numbers and units in its own order."""
    total = round(ms / 1000)
    minutes, seconds = divmod(total, 60)
    if not minutes:
        # TRANSLATORS: a duration, spoken by the voice; keep it short
        return ngettext("{seconds} second", "{seconds} seconds", seconds).format(seconds=seconds)
    if not seconds:
        # TRANSLATORS: a duration, spoken by the voice; keep it short
        return ngettext("{minutes} minute", "{minutes} minutes", minutes).format(minutes=minutes)
    if minutes == 1:
        # TRANSLATORS: a duration of one minute and some seconds, spoken by the voice
        said = ngettext(
            "{minutes} minute {seconds} second", "{minutes} minute {seconds} seconds", seconds
        )
    else:
        # TRANSLATORS: a duration of several minutes and some seconds, spoken by the voice
        said = ngettext(
            "{minutes} minutes {seconds} second", "{minutes} minutes {seconds} seconds", seconds
        )
    return said.format(minutes=minutes, seconds=seconds)


def set_words(span: StepSpan) -> str:
    """What opens a set: "Set 2 of 3"."""
    # TRANSLATORS: spoken by the voice as a set of a block begins; keep it short
    return _("Set {set} of {sets}").format(set=span.set, sets=span.sets)


def next_up(name: str) -> str:
    """What comes next: "Next up: Cat-cow"."""
    # TRANSLATORS: spoken by the voice and shown; {name} is the next step's name
    return _("Next up: {name}").format(name=name)


_SIDE_FIRST = {
    # TRANSLATORS: spoken by the voice as a step on both sides begins; keep it short
    "left": N_("Left side first"),
    # TRANSLATORS: spoken by the voice as a step on both sides begins; keep it short
    "right": N_("Right side first"),
}


def announcement(span: StepSpan, next_name: str | None) -> str:
    """What is said as a step begins: its name, sides, count and what to do."""
    if span.kind == "rest":
        # TRANSLATORS: spoken by the voice as a rest begins: the rest's name (from the
        # routine) and how long, such as "Rest for 30 seconds"; keep it short
        resting = _("{name} for {duration}").format(
            name=span.name, duration=spoken_duration(span.duration_ms)
        )
        words = [resting, span.do or ""]
        if next_name:
            words.append(next_up(next_name))
        return join_words(words)
    if span.kind == "instruction":
        return join_words([span.do or ""])
    words = [span.name]
    if span.sides:
        words.append(_(_SIDE_FIRST[span.sides[0]]))
    if span.reps > 1:
        # TRANSLATORS: spoken by the voice: how many repetitions a step has
        words.append(ngettext("{count} time", "{count} times", span.reps).format(count=span.reps))
    if span.set <= 1:
        words.append(span.do or "")  # in later sets the name is enough
    if span.waits_for_done:
        words.append(_(WAIT_FOR_DONE))
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
    inner = text.strip().rstrip(".!?" + _WIDE_ENDS)
    syllables = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF") - len(
        _WIDE_MARKS.findall(text)
    )
    fitted = (
        SPOKEN_BASE_MS
        + SPOKEN_PER_CHARACTER_MS * (len(text) + (SPOKEN_CHARACTERS_PER_IDEOGRAPH - 1) * syllables)
        + SPOKEN_PER_STOP_MS * len(_STOPS.findall(inner))
        + SPOKEN_PER_COMMA_MS * len(_COMMAS.findall(text))
    )
    return math.ceil(fitted * SPOKEN_MARGIN * DEFAULT_RATE / max(1, words_per_minute))


def reading_ms(text: str, pad_ms: int = 3000, words_per_minute: int = DEFAULT_RATE) -> int:
    """Time to say ``text`` aloud at an unhurried pace, and ``pad_ms`` to act on it: never
    less than the voice takes to say it."""
    words = len(text.split())
    unhurried = math.ceil(words / WORDS_PER_SECOND) * 1000
    said = math.ceil(speaking_ms(text, words_per_minute) / 1000) * 1000  # whole seconds
    return max(unhurried, said) + pad_ms


# TRANSLATORS: spoken by the voice at a step that waits until the person presses done
WAIT_FOR_DONE = N_("Press done when you have finished")
"""What ``announcement`` says of a step that waits for done, in a live session (in the
language in use: ``_(WAIT_FOR_DONE)``)."""


def for_listener(text: str, wait_ms: int) -> str:
    """``text`` as said in an exported track, to someone listening on a phone, who has no
    done to press: the track leaves ``wait_ms`` of silence for a step that waits, and
    says so. Every other word is said as in the live session."""
    # TRANSLATORS: spoken in an exported audio track at a step that waits: {duration} is
    # how long the track stays silent, such as "30 seconds"
    listening = _("You have {duration}. Pause the track when you need longer").format(
        duration=spoken_duration(wait_ms)
    )
    return text.replace(_(WAIT_FOR_DONE), listening)
