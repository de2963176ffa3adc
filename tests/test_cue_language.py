"""The player's own spoken words and captions are looked up in the language in use when
a session's timeline is compiled, and the safety screens when they are asked; the
routine's own words (its title, step names, what to do, its ``say:`` texts) are left as
the routine file writes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from player.care import preflight, safety
from player.care.questions import Question, pain_question
from player.commands.routines import open_routine
from player.language import PSEUDO, speaking
from player.playback.announcements import spoken_duration
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices, Timeline
from player.routine.model import Routine
from player.routine.values import PLACEHOLDERS
from player.routine.values import spoken_duration as english_duration
from tests.test_timeline import routine as make

ROUTINES = ("daily-back-care", "partner-back-massage")
WRAPPED = re.compile(r"\[!! (?:(?!\[!! |!!\]).)* !!\]", re.DOTALL)
"""One pseudo-translated message with no other inside it (nested ones are taken out
from the inside)."""
LEFT_OVER = re.compile(r"[\s.:,;0-9]*")
"""What may stay of a cue once its messages and the routine's words are taken out: the
stops that join sentences, and the numbers counted down."""


def is_wrapped(text: str) -> bool:
    """A whole message of the pseudo-language, maybe with others inside it."""
    return text.startswith("[!! ") and text.endswith(" !!]")


def routine_texts(value: object) -> Iterator[str]:
    """Every text a routine file holds, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from routine_texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from routine_texts(item)


def routine_words(routine: Routine) -> list[re.Pattern[str]]:
    """The routine's texts as patterns, longest first, each placeholder standing for
    whatever the player fills in (``{rep}`` a number, ``{side}`` a side)."""
    placeholder = re.compile(r"\\\{(?:" + "|".join(PLACEHOLDERS) + r")\\\}")
    texts = {t.strip() for t in routine_texts(routine.model_dump()) if len(t.strip()) > 1}
    patterns = []
    for text in sorted(texts, key=len, reverse=True):
        plain = re.escape(text.replace("{{", "{").replace("}}", "}"))
        patterns.append(re.compile(placeholder.sub(r"[^.]*?", plain)))
    return patterns


def unwrapped(text: str, words: list[re.Pattern[str]]) -> str:
    """What is left of ``text`` that is neither a pseudo message nor the routine's."""
    for pattern in words:
        text = pattern.sub("", text)
    while (shorter := WRAPPED.sub("", text)) != text:
        text = shorter
    return "" if LEFT_OVER.fullmatch(text) else text


def compiled(name: str, late: bool) -> tuple[Routine, Timeline]:
    """A bundled routine, and its timeline compiled in the pseudo-language."""
    routine = open_routine(name).routine
    with speaking(PSEUDO):
        return routine, compile_timeline(routine, Choices(avoid_lying_on_back=late))


@pytest.mark.parametrize("name", ROUTINES)
@pytest.mark.parametrize("late", [False, True])
def test_every_cue_the_player_makes_is_in_the_language_in_use(name: str, late: bool) -> None:
    routine, timeline = compiled(name, late)
    words = routine_words(routine)
    kinds = {cue.kind for cue in timeline.cues}
    assert {"get_ready", "announce", "countdown"} <= kinds
    for cue in timeline.cues:
        assert unwrapped(cue.text, words) == "", (cue.kind, cue.text)
    for step in timeline.steps:
        if step.kind in ("lead_in", "set_rest"):  # named by the player, not the routine
            assert is_wrapped(step.name), step.name


def test_the_player_words_of_each_kind_are_wrapped() -> None:
    """The bundled routines between them say counts, halfway, sets and rests."""
    said = [
        cue.text
        for name in ROUTINES
        for late in (False, True)
        for cue in compiled(name, late)[1].cues
    ]
    for english in (
        "Get ready. First:",
        "times !!]",
        "Halfway !!]",
        "seconds !!]",
    ):
        assert any(english in text for text in said), english
    assert not any(re.search(r"(?<!\[!! )\b(Next up|Halfway|Get ready)\b", t) for t in said)


def test_the_rest_between_sets_and_the_sides_are_wrapped() -> None:
    routine = make(
        {
            "block": "Round",
            "sets": 2,
            "rest": "30s",
            "steps": [
                {"exercise": "Lunge", "time": "25s", "sides": "both", "reps": 3},
                {"exercise": "Hold", "time": "40s", "sides": "both"},
            ],
        },
        lead_in="5s",
        prepare="3s",
    )
    with speaking(PSEUDO):
        timeline = compile_timeline(routine)
    words = routine_words(routine)
    texts = [cue.text for cue in timeline.cues]
    for cue in timeline.cues:
        assert unwrapped(cue.text, words) == "", (cue.kind, cue.text)
    joined = "\n".join(texts)
    for english in (
        "[!! Set 1 of 2 !!]",
        "[!! Left side first !!]",
        "[!! 3 times !!]",
        "[!! Switch to your right side !!]",
        "[!! Right side !!]",
        "[!! 2 of 3 !!]",
        "[!! Halfway !!]",
        "[!! Start with the left side !!]",
        "[!! Rest for [!! 30 seconds !!] !!]",
        "[!! Next: set 2 of 2, Lunge !!]",
    ):
        assert english in joined, english


def question_texts(question: Question) -> list[str]:
    return [question.title, *question.lines, *(c.label for c in question.choices)]


def test_the_safety_screens_and_questions_are_wrapped() -> None:
    routine = open_routine("daily-back-care").routine
    with speaking(PSEUDO):
        daily = safety.daily_check_question()
        pain = pain_question("[!! How is your back now? !!]")
        start = safety.start_question(routine, "12:00", "Esc or Q")
        clicking = safety.start_question(routine, "12:00", "")
        signs = safety.warning_signs()
        mark = safety.list_mark(routine, 41)
    assert len(daily.lines) == len(safety.WARNING_SIGNS) + 2
    assert signs and all(is_wrapped(sign) for sign in signs)
    for text in question_texts(daily):
        assert is_wrapped(text), text
    for choice in pain.choices:
        assert choice.label.isdigit() or is_wrapped(choice.label), choice.label
    for text in pain.lines:
        assert is_wrapped(text), text
    own = set(routine.safety)
    for question in (start, clicking):
        for text in question_texts(question)[1:]:  # the title is the routine's and a length
            assert text in own or is_wrapped(text), text
    assert mark in ("", "[!! not for week 41 !!]")


def test_what_the_week_changes_is_wrapped() -> None:
    routine = make(
        {"exercise": "Bridge", "time": "20s", "position": "lying-on-back"},
        {"exercise": "Later", "time": "20s", "suits": {"trimesters": 3}},
        title="Lying down",
        suits={"weeks": "1-20"},
    )
    with speaking(PSEUDO):
        timeline = compile_timeline(routine, Choices(avoid_lying_on_back=True))
        check = safety.check_week(routine, timeline, 22)
        question = safety.week_question(routine.title, check)
        refused = preflight.before_session(
            lambda q: safety.ONE_APPLIES,
            first_use_check=preflight.FirstUse(answer=False, exercise=True),
            checked_today=False,
            title="T",
            week_check=check,
        )
        cancelled = preflight.before_session(
            lambda q: safety.DO_NOT_PLAY,
            first_use_check=preflight.FirstUse(answer=False, exercise=True),
            checked_today=True,
            title="T",
            week_check=check,
        )
    assert check.routine_note is not None and is_wrapped(check.routine_note)
    assert check.step_notes and all(is_wrapped(n.text) for n in check.step_notes)
    for text in question_texts(question):
        assert WRAPPED.search(text), text
    assert refused.message and is_wrapped(refused.message)
    assert cancelled.message and is_wrapped(cancelled.message)


@pytest.mark.parametrize("ms", [0, 1000, 2000, 30_000, 59_499, 60_000, 61_000, 90_000, 3_725_000])
def test_durations_are_said_in_english_as_before(ms: int) -> None:
    assert spoken_duration(ms) == english_duration(ms)


def test_durations_are_whole_messages() -> None:
    with speaking(PSEUDO):
        assert spoken_duration(90_000) == "[!! 1 minute 30 seconds !!]"
        assert spoken_duration(121_000) == "[!! 2 minutes 1 second !!]"
        assert spoken_duration(120_000) == "[!! 2 minutes !!]"
        assert spoken_duration(1_000) == "[!! 1 second !!]"


def test_english_cues_are_unchanged() -> None:
    timeline = compile_timeline(open_routine("daily-back-care").routine)
    assert not any("[!!" in cue.text for cue in timeline.cues)
    first = timeline.cues[0].text
    assert first.startswith("Daily back care. Get ready. First: ")
