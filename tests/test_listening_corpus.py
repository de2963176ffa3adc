"""The voice commands over the corpus they are tuned on (tests/listening_corpus.py): five
synthetic speakers say every phrase at two speeds, in quiet, in a room's noise and over
the player's own voice (its echo taken out, as the player knows what it plays). Nine
phrases in ten are heard as their command when they end, and hardly any command is heard
that was not said; nothing said in the exported session of every bundled routine (heard
as it is, and across a room with its echo taken out), nor in ten minutes of prose read
aloud, is heard as a command.

The speakers are flite's voices and festival's kal_diphone: without them the tests fail
saying what to install (``.ci/run`` installs them)."""

from __future__ import annotations

import math
from array import array
from pathlib import Path

import pytest

from player.listening.heard import Heard
from tests.listening_corpus import (
    Said,
    Sample,
    build_corpus,
    hear_all,
    negative_set,
    rate,
    report,
    score,
)
from tests.listening_prose import paragraphs, without_phrases
from tests.listening_sounds import level, missing_programs, noise_level, room_noise, under

LEAST_HEARD = 0.9
"""The share of the phrases said that must be heard as their command, at their end."""

LEAST_IN_EACH_NOISE = 0.8
"""And in each noise on its own: none is left to do badly behind the others."""

MOST_WRONG = 0.01
"""Commands heard where no phrase ended (or another did), in every noise, for each phrase
said: at most one in a hundred."""


@pytest.fixture(scope="session")
def listening_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the bundled routines' sessions are exported, once for both tests."""
    return tmp_path_factory.mktemp("listening")


def needs_speakers() -> None:
    missing = missing_programs()
    if missing is not None:
        pytest.fail(missing)


def test_a_command_heard_is_right_only_as_its_phrase_ends() -> None:
    said = (Said("next step", "next", 5.0), Said("stop now", "stop", 10.0))
    sample = Sample("slt", "normal", "clean", array("h"), said)
    heard = [Heard(5.6, "next"), Heard(9.9, "pause"), Heard(20.0, "stop")]
    outcome = score(sample, heard)
    assert (outcome.right, outcome.missed) == (1, (said[1],))
    assert outcome.wrong == (Heard(9.9, "pause"), Heard(20.0, "stop"))  # wrong, or too late
    assert rate([outcome]) == 0.5


def test_the_prose_is_read_without_markup_code_or_the_phrases() -> None:
    text = (
        "# Title\n\nRun `run.py list` to see [the routines](docs/x.md), *then*\n"
        "choose one. Say next step to go on.\n\n```sh\npython run.py\n```\n\n"
        "| a | table |\n\n- a list item of five words\n"
    )
    found = paragraphs(text)
    assert found == [
        "Run run py list to see the routines, then choose one. Say next step to go on.",
        "a list item of five words",
    ]
    assert without_phrases(found[0], ["next step"]) == (
        "Run run py list to see the routines, then choose one."
    )


def test_a_noise_is_laid_under_speech_at_the_ratio_asked() -> None:
    tone = array("h", (round(8000 * math.sin(index / 5)) for index in range(30 * 16_000)))
    noise = room_noise()
    mixed = under(tone, noise, level(tone) / 10 ** (10 / 20) / noise_level(noise))
    laid = [both - alone for both, alone in zip(mixed, tone, strict=True)]
    assert 20 * math.log10(level(tone) / noise_level(laid)) == pytest.approx(10, abs=0.1)
    assert room_noise() == noise and len(noise) == 30 * 16_000


def test_nine_phrases_in_ten_are_heard_as_their_command_when_they_end(
    listening_folder: Path,
) -> None:
    needs_speakers()
    corpus = build_corpus(listening_folder)
    heard = hear_all([s.samples for s in corpus], played=[s.played for s in corpus])
    outcomes = [score(sample, found) for sample, found in zip(corpus, heard, strict=True)]
    said = report(outcomes)
    assert {outcome.sample.noise for outcome in outcomes} == {"clean", "room", "player"}
    assert rate(outcomes) >= LEAST_HEARD, said
    for noise in ("clean", "room", "player"):
        shared = rate([outcome for outcome in outcomes if outcome.sample.noise == noise])
        assert shared >= LEAST_IN_EACH_NOISE, (noise, said)
    wrong = sum(len(outcome.wrong) for outcome in outcomes)
    assert wrong <= MOST_WRONG * sum(len(outcome.sample.said) for outcome in outcomes), said


def test_no_command_is_heard_in_the_sessions_and_prose_read_aloud(
    listening_folder: Path,
) -> None:
    needs_speakers()
    recordings = negative_set(listening_folder)
    heard = hear_all(
        [recording.sound for recording in recordings],
        played=[recording.played for recording in recordings],
    )
    wrongly = [
        f"{recording.name}: {item.command} at {item.seconds:.1f}s"
        + (f" reading {recording.text_at(item.seconds)!r}" if recording.texts else "")
        for recording, commands in zip(recordings, heard, strict=True)
        for item in commands
    ]
    assert wrongly == [], "\n".join(wrongly)
