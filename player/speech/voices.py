"""The installed voices, and which of them a name a person typed stands for.

The speech process lists the voices (``server``); here they are plain values. A voice is
named by its language (``en-gb``), its name (``English (Great Britain)``), its id
(``gmw/en``) or a part of its name or id (``english``), in any case: an exact match
comes first, then one that begins so, then one that holds it. A name that matches no
installed voice is refused with the nearest one, never ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from player.language import DEFAULT_LANGUAGE, PSEUDO, _, language_name
from player.routine.values import describe
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
    name = describe(wanted)
    if not voices:
        return _("no voice called {name} is installed: the speech engine has none").format(
            name=name
        )
    near = difflib.get_close_matches(wanted.strip().lower(), _suggestions(voices), 1, 0.6)
    if near:
        return _(
            "no voice called {name} is installed; did you mean '{nearest}'? "
            "'{command}' lists all {count}"
        ).format(name=name, nearest=near[0], command=voices_command, count=len(voices))
    return _("no voice called {name} is installed: '{command}' lists all {count}").format(
        name=name, command=voices_command, count=len(voices)
    )


def chosen_voice(wanted: str, voices: Sequence[Voice], voices_command: str) -> Voice:
    """The voice ``wanted`` names; UnknownVoice, in one line, when there is none."""
    found = find_voice(wanted, voices)
    if found is None:
        raise UnknownVoice(unknown_voice(wanted, voices, voices_command))
    return found


# -- which voices speak a language -------------------------------------------------------------

_THREE_LETTER = {
    "eng": "en",
    "spa": "es",
    "vie": "vi",
    "zho": "cmn",
    "chi": "cmn",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
}
"""Three-letter codes some speech engines give, as the two-letter tag the player uses."""


def _subtags(tag: str) -> list[str]:
    """A language tag's parts in lower case: ``\\x05en-GB`` and ``en_gb`` give en, gb."""
    text = "".join(ch for ch in tag if ch.isprintable()).strip().lower()
    return [part for part in re.split(r"[-_]", text.split(".", 1)[0]) if part]


def spoken_language(tag: str) -> str:
    """The language a tag names, as a voice speaks it: ``es-419`` and ``es`` are ``es``;
    Chinese is told by its spoken language, so ``zh-Hans``, ``zh`` and ``cmn-latn-pinyin``
    are Mandarin (``cmn``) and ``zh-yue`` is Cantonese (``yue``); the pseudo-language is
    English. "" for no language at all."""
    if tag.strip().lower() == PSEUDO:
        return DEFAULT_LANGUAGE
    parts = _subtags(tag)
    if not parts:
        return ""
    first = _THREE_LETTER.get(parts[0], parts[0])
    if first == "zh":
        extension = parts[1] if len(parts) > 1 else ""
        return extension if len(extension) == 3 and extension.isalpha() else "cmn"
    return first


def _speaking_tags(voice: Voice, language: str) -> list[str]:
    """The tags of ``voice``'s languages that are ``language``, as ``es-419``."""
    wanted = spoken_language(language)
    return [
        "-".join(_subtags(tag))
        for tag in voice.languages
        if wanted and spoken_language(tag) == wanted
    ]


def speaks(voice: Voice, language: str) -> bool:
    """Whether ``voice`` speaks ``language`` (any tag: ``vi``, ``zh-Hans``, ``es-MX``)."""
    return bool(_speaking_tags(voice, language))


def voices_for(language: str, voices: Sequence[Voice]) -> list[Voice]:
    """The voices that speak ``language``, the likeliest first: for a plain language
    (``es``), one that reads it best (``PREFERRED``), then one whose language is the very
    tag asked for; for a tag with a region (``es-ES``), the other way round; then the
    plainest (``vi`` before ``vi-vn-x-south``, ``fr-fr`` before ``fr-be``), then in the
    order the engine lists them."""
    wanted = "-".join(_subtags(language))
    preferred = PREFERRED.get(spoken_language(language))
    ranked: list[tuple[int, int, int, int, Voice]] = []
    for index, voice in enumerate(voices):
        tags = _speaking_tags(voice, language)
        if tags:
            exact = 0 if wanted in tags else 1
            best = 0 if preferred in tags else 1
            plainest = min(len(_plain(tag)) for tag in tags)
            # a plain language (``es``) takes the voice that reads it best; a tag with a
            # region (``es-ES``) takes that region's first
            first, second = (best, exact) if "-" not in wanted else (exact, best)
            ranked.append((first, second, plainest, index, voice))
    return [voice for *_rank, voice in sorted(ranked, key=lambda row: row[:4])]


PREFERRED = {"cmn": "cmn-latn-pinyin"}
"""The voice of a spoken language that reads it best, where the plainest does not:
espeak-ng 1.51's ``cmn`` reads Chinese characters with their tone numbers in English
("准备" as "zhun three bei four"), its ``cmn-latn-pinyin`` reads them in Mandarin (and
Latin letters as pinyin rather than English)."""


def _plain(tag: str) -> list[str]:
    """A tag's parts, its country left out where it is named like its language: ``fr-fr``
    is as plain as ``fr``, and plainer than ``fr-be``."""
    parts = tag.split("-")
    return parts[:1] + parts[2:] if parts[1:2] == parts[:1] else parts


def is_english(language: str) -> bool:
    return spoken_language(language) == DEFAULT_LANGUAGE


class NoVoiceSpeaks(Exception):
    """No installed voice speaks the session's language; the message says so in one line."""


@dataclass(frozen=True)
class VoiceChoice:
    voice: Voice | None
    """The voice to speak with; None for the speech engine's own default (English)."""
    notice: str | None = None
    """One line for people when the voice asked for is not the one that speaks."""


def _listed(voices: Sequence[Voice]) -> str:
    """The voices by the names they are chosen by (their language): ``vi, vi-vn-x-south``."""
    return ", ".join(voice.language or voice.id for voice in voices)


def choose_voice(
    wanted: str | None, language: str, voices: Sequence[Voice], voices_command: str
) -> VoiceChoice:
    """The voice that speaks a session in ``language``: the one ``wanted`` names if it
    speaks it, else the likeliest that does, with one line saying why (English keeps the
    engine's default voice, as it always has). NoVoiceSpeaks when no installed voice speaks
    ``language``."""
    able = voices_for(language, voices)
    english = is_english(language)
    name = language_name(language)
    if not english and not able:
        raise NoVoiceSpeaks(
            _("No installed voice speaks {language}: chimes and captions instead.").format(
                language=name
            )
        )
    fallback = None if english else able[0]
    if not wanted:
        return VoiceChoice(fallback)
    voice = find_voice(wanted, voices)
    if voice is None:
        why = unknown_voice(wanted, voices, voices_command)
        why = why[:1].upper() + why[1:]
        if fallback is None:
            line = _("{why}. The default voice speaks instead.").format(why=why)
        else:
            line = _("{why}. Speaking with {voice}.").format(why=why, voice=fallback.language)
        return VoiceChoice(fallback, line)
    if not voice.languages or speaks(voice, language) or not able:
        return VoiceChoice(voice)  # a voice that does not say what it speaks is believed
    if fallback is None:
        line = _(
            "The voice '{voice}' does not speak {language}; voices that do: {voices}. "
            "Speaking with the default voice."
        ).format(voice=wanted, language=name, voices=_listed(able))
    else:
        line = _(
            "The voice '{voice}' does not speak {language}; voices that do: {voices}. "
            "Speaking with {chosen}."
        ).format(voice=wanted, language=name, voices=_listed(able), chosen=fallback.language)
    return VoiceChoice(fallback, line)
