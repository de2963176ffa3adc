"""The installed voices, and which of them a name a person typed stands for.

The speech process lists the voices (``server``); here they are plain values. A voice is
named by its language (``en-gb``), its name (``English (Great Britain)``), its id
(``gmw/en``) or a part of its name or id (``english``), in any case: an exact match
comes first, then one that begins so, then one that holds it. A name that matches no
installed voice is refused with the nearest one, never ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from player.routine.values import describe
from player.routine.yaml_source import did_you_mean
from player.system.failures import InvalidInput


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        return self.languages[0] if self.languages else ""


class UnknownVoice(InvalidInput, ValueError):
    """A voice asked for by name that is not installed; the message says so in one line,
    with the nearest installed one."""


def voices_from(data: object) -> tuple[Voice, ...]:
    """The voices in the speech process's answer (a list of id, name, languages)."""
    if not isinstance(data, list):
        return ()
    found = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            continue
        languages = item.get("languages")
        found.append(
            Voice(
                item["id"],
                str(item.get("name") or ""),
                tuple(str(x) for x in languages) if isinstance(languages, list) else (),
            )
        )
    return tuple(found)


def _names(voice: Voice) -> list[str]:
    """Every name ``voice`` answers to, in lower case: id, the id's last part, name, languages."""
    names = [voice.id, voice.id.rsplit("/", 1)[-1], voice.name, *voice.languages]
    return [name.strip().lower() for name in names if name.strip()]


def find_voice(wanted: str, voices: Sequence[Voice]) -> Voice | None:
    """The voice ``wanted`` names, or None when none is installed by that name."""
    word = wanted.strip().lower()
    if not word:
        return None
    tests: tuple[Callable[[str], bool], ...] = (
        lambda name: name == word,
        lambda name: name.startswith(word),
        lambda name: word in name,
    )
    for test in tests:
        for voice in voices:
            if any(test(name) for name in _names(voice)):
                return voice
    return None


def _suggestions(voices: Sequence[Voice]) -> list[str]:
    """What a did-you-mean may offer: each voice's language and name, and the name's first
    word (``english`` of ``English (Great Britain)``)."""
    words: list[str] = []
    for voice in voices:
        first_word = voice.name.split("(")[0].strip()
        for word in (voice.language, voice.name, first_word):
            if word and word.lower() not in words:
                words.append(word.lower())
    return words


def unknown_voice(wanted: str, voices: Sequence[Voice], voices_command: str) -> str:
    """One line saying that no installed voice is called ``wanted``, with the nearest."""
    if not voices:
        return f"no voice called {describe(wanted)} is installed: the speech engine has none"
    hint = did_you_mean(wanted.strip().lower(), _suggestions(voices))
    listed = f"'{voices_command}' lists all {len(voices)}"
    if hint:
        return f"no voice called {describe(wanted)} is installed{hint} {listed}"
    return f"no voice called {describe(wanted)} is installed: {listed}"


def chosen_voice(wanted: str, voices: Sequence[Voice], voices_command: str) -> Voice:
    """The voice ``wanted`` names; UnknownVoice, in one line, when there is none."""
    found = find_voice(wanted, voices)
    if found is None:
        raise UnknownVoice(unknown_voice(wanted, voices, voices_command))
    return found
