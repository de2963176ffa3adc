"""The phrases the player listens for, the command each means, and how sure the
recogniser must be before a phrase counts.

Single words (``next``, ``pause``) are heard in ordinary speech hundreds of times, so
every phrase has two words or more. The thresholds are tuned on the corpus that
tests/listening_corpus.py makes and tests/test_listening_corpus.py measures (five
synthetic speakers, two speeds, quiet and a room's noise; the player's sessions and prose
read aloud, where nothing is asked): at 1e-20, "pause please" and "i am finished" were
heard in a room's noise where they were not said, and "i am finished" in prose; "stop
now" at 1e-15 was heard in the player's own voice. Some words in prose are heard as a
phrase at any threshold ("it starts again inside" as "start again"): a phrase counts only
when said on its own (``alone.py``). With that, "next step" and "start again", the two
most often missed, were lowered from 1e-20 to 1e-30: in quiet every phrase was heard, in
a room's noise 93% (90% before), and still nothing where none was said; at 1e-40 "next
step" is heard in the player's own cues ("Next: ..."). The phrases are English: the
recogniser's bundled model is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

COMMANDS = ("next", "back", "pause", "go-on", "restart", "done", "stop")
"""The commands a phrase can mean, by the name ``listen`` prints."""


@dataclass(frozen=True)
class Phrase:
    words: str
    """What is said, in lower case, words separated by one space."""
    command: str
    threshold: float
    """How unlikely the phrase may be and still count, between 0 and 1: the smaller, the
    more is heard, wrongly as well as rightly."""


PHRASES: tuple[Phrase, ...] = (
    Phrase("next step", "next", 1e-30),
    Phrase("previous step", "back", 1e-20),
    Phrase("pause please", "pause", 1e-15),
    Phrase("keep going", "go-on", 1e-15),
    Phrase("start again", "restart", 1e-30),
    Phrase("i am finished", "done", 1e-5),
    Phrase("stop now", "stop", 1e-10),
)


def words_for(command: str, phrases: Sequence[Phrase] = PHRASES) -> str:
    """What is said for ``command``, quoted as it is shown: \u201cstop now\u201d."""
    return next(f"\u201c{phrase.words}\u201d" for phrase in phrases if phrase.command == command)


_WORDS = re.compile(r"[a-z']+( [a-z']+)+")


def problems(phrases: Sequence[Phrase]) -> list[str]:
    """What is wrong with a list of phrases, one line each; none when it can be used."""
    found: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        if not _WORDS.fullmatch(phrase.words):
            found.append(f"{phrase.words!r}: two words or more, in lower case, one space between")
        if phrase.command not in COMMANDS:
            found.append(f"{phrase.words!r}: {phrase.command!r} is not a command")
        if not 0 < phrase.threshold < 1:
            found.append(f"{phrase.words!r}: the threshold must be between 0 and 1")
        if phrase.words in seen:
            found.append(f"{phrase.words!r} is listed twice")
        seen.add(phrase.words)
    return found


def keyword_list(phrases: Sequence[Phrase]) -> str:
    """The phrases as the recogniser reads them: one phrase and its threshold a line."""
    return "".join(f"{phrase.words} /{phrase.threshold:g}/\n" for phrase in phrases)
