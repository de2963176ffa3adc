"""A phrase counts as a command only when said on its own: quiet before it and after it,
as quiet as the room or well under the phrase. Told from the loudness of 10 ms frames,
with literal levels, and with a phrase said inside a sentence by flite."""

from __future__ import annotations

import math
from array import array
from pathlib import Path

import pytest

from player.listening import alone
from player.listening.alone import Levels, said_alone
from player.listening.spotting import heard_in
from tests.test_listening import LEAD_IN, silence, spoken

ROOM, SPEECH = 100.0, 3000.0


def frames(*runs: tuple[int, float]) -> list[float]:
    """Levels from runs of (how many frames, level)."""
    return [level for count, level in runs for _ in range(count)]


def talk(count: int) -> list[float]:
    """Someone talking: syllables, and short gaps as quiet as the room between them."""
    return [SPEECH if frame % 30 < 20 else ROOM for frame in range(count)]


def test_a_phrase_with_the_room_quiet_around_it_is_alone() -> None:
    levels = frames((500, ROOM), (60, SPEECH), (80, ROOM))
    assert said_alone(levels, 0, 500, 559) is True


def test_talk_just_before_or_just_after_a_phrase_makes_it_talk() -> None:
    talk_before = frames((440, ROOM), (120, SPEECH), (80, ROOM))
    talk_after = frames((500, ROOM), (60, SPEECH)) + talk(100)
    assert said_alone(talk_before, 0, 500, 559) is False
    assert said_alone(talk_after, 0, 500, 559) is False


def test_a_breath_of_quiet_is_enough_on_each_side() -> None:
    breath = talk(460) + frames((40, ROOM), (60, SPEECH), (40, ROOM)) + talk(40)
    assert said_alone(breath, 0, 500, 559) is True  # 0.4 s before, 0.4 s after
    # a comma's pause, a fifth of a second, before it is enough ("okay, next step")
    comma = talk(450) + frames((30, SPEECH), (20, ROOM), (60, SPEECH), (80, ROOM))
    assert said_alone(comma, 0, 500, 559) is True
    # a tenth of a second is not: that is a word running on
    running_on = talk(450) + frames((40, SPEECH), (10, ROOM), (60, SPEECH), (80, ROOM))
    assert said_alone(running_on, 0, 500, 559) is False


def test_the_last_word_may_ring_on_after_the_recogniser_ends_the_phrase() -> None:
    ringing = frames((500, ROOM), (60, SPEECH), (25, SPEECH * 0.6), (40, ROOM))
    assert said_alone(ringing, 0, 500, 559) is True
    # it is waited for: the quiet after it counts from where it stops
    assert said_alone(ringing[: 560 + 25 + alone.AFTER[1] - 1], 0, 500, 559) is None


def test_sound_going_on_after_the_phrase_is_more_talk_but_a_gap_inside_it_is_not() -> None:
    # "stop now and rest": the recogniser ends the phrase at "now", the sound goes on
    going_on = frames((500, ROOM), (60, SPEECH), (45, SPEECH), (80, ROOM))
    assert said_alone(going_on, 0, 500, 559) is False
    # "stop [a moment's gap] now", the recogniser ending it at the gap
    gap = frames((500, ROOM), (60, SPEECH), (6, ROOM), (20, SPEECH), (80, ROOM))
    assert said_alone(gap, 0, 500, 559) is True


def test_a_pause_at_a_comma_is_not_the_end_of_what_is_said() -> None:
    # "Next [a quarter of a second] up: rest on your side", as the player says it
    comma = frames((500, ROOM), (60, SPEECH), (24, 0.0), (60, SPEECH))
    assert said_alone(comma, 0, 500, 559) is False


def test_in_a_loud_room_quiet_is_near_the_rooms_own_level() -> None:
    noisy_room = 950.0  # 10 dB under the phrase
    levels = frames((500, noisy_room), (60, SPEECH), (80, noisy_room * 1.2))
    assert said_alone(levels, 0, 500, 559) is True
    louder = frames((500, noisy_room), (60, SPEECH), (80, noisy_room * 4))
    assert said_alone(louder, 0, 500, 559) is False


def test_in_a_room_as_loud_as_talk_talk_is_still_not_quiet() -> None:
    din = SPEECH / 3  # 10 dB under the phrase: three times it is as loud as the phrase
    quiet_enough = frames((500, din), (60, SPEECH), (80, din))
    assert said_alone(quiet_enough, 0, 500, 559) is True
    talk_in_it = frames((500, din), (60, SPEECH), (80, SPEECH / 2))
    assert said_alone(talk_in_it, 0, 500, 559) is False


def test_no_answer_until_the_quiet_after_it_is_heard() -> None:
    levels = frames((500, ROOM), (60, SPEECH), (80, ROOM))
    end = 559
    needed = end + 1 + alone.AFTER[1]
    assert said_alone(levels[: needed - 1], 0, 500, end) is None
    assert said_alone(levels[:needed], 0, 500, end) is True


def test_levels_are_kept_for_the_last_frames_only_and_measured_as_root_mean_square() -> None:
    kept = Levels()
    tone = array("h", (round(1000 * math.sin(index / 3)) for index in range(160 * 3 + 50)))
    kept.add(tone[:100])  # not yet a frame
    assert kept.heard == 0
    kept.add(tone[100:])
    assert kept.heard == 3
    assert list(kept.kept) == pytest.approx([1000 / math.sqrt(2)] * 3, rel=0.05)
    kept.add(array("h", bytes(2 * 160 * alone.KEPT)))
    assert (kept.heard, len(kept.kept), kept.first) == (3 + alone.KEPT, alone.KEPT, 3)
    first, *rest = kept.kept  # the last 50 samples of the tone, then silence
    assert first == pytest.approx(1000 / math.sqrt(2) * math.sqrt(50 / 160), rel=0.1)
    assert set(rest) == {0.0}


def test_a_phrase_said_inside_a_sentence_is_found_but_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone_said = silence(1.5) + spoken(LEAD_IN, "slt", tmp_path) + silence(1.5)
    alone_said += spoken("next step", "slt", tmp_path) + silence(1.5)
    in_a_sentence = silence(1.5) + spoken(
        "Then the next step of the massage goes slowly up her back", "slt", tmp_path
    )
    in_a_sentence += silence(1.5)
    assert [item.command for item in heard_in(alone_said)] == ["next"]
    assert heard_in(in_a_sentence) == []
    # the recogniser does find it there: only the quiet around it tells it apart
    monkeypatch.setattr(Levels, "alone", lambda self, start, end: True)
    assert [item.command for item in heard_in(in_a_sentence)] == ["next"]
