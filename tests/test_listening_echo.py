"""Taking the player's own voice out of what the microphone hears: what was played, laid
on the clock (``played.py``); the echo canceller (``echo.py``) on a known echo; the
recogniser's process told what was played; and the mixer telling what it plays."""

from __future__ import annotations

import ctypes.util
import io
import json
import math
import random
from array import array

import pytest
import soundfile

from player.listening import echo
from player.listening.audio import resample
from player.listening.capture import SampleClock
from player.listening.echo import EchoCanceller
from player.listening.phrases import PHRASES
from player.listening.played import Played, one_channel
from player.listening.server import CLOCK, ECHO_LEAD_MS, SOUND, message, serve
from player.listening.spotting import Spotter, keywords_file
from player.speech.clips import CHIME_DIR, AudioOut
from tests.listening_sounds import through_room


def counting(start: int, count: int) -> array[int]:
    return array("h", range(start, start + count))


# -- what was played, on the clock ---------------------------------------------------------


def test_a_sound_is_laid_from_when_it_began_and_silence_around_it() -> None:
    played = Played()
    played.play(counting(1, 32), at_ms=1_000)  # 2 ms of sound at 16 samples a ms
    span = played.span(1_003, 64)  # from 999 ms to 1 003 ms
    assert list(span) == [0] * 16 + list(range(1, 33)) + [0] * 16


def test_the_next_sound_cuts_the_one_before_off_and_stopping_ends_it() -> None:
    played = Played()
    played.play(counting(1, 160), at_ms=0)
    played.play(counting(1_001, 160), at_ms=5)  # the first is cut off after 5 ms
    assert list(played.span(10, 160)) == list(range(1, 81)) + list(range(1_001, 1_081))
    played.stop(7)
    assert list(played.span(10, 160)) == list(range(1, 81)) + list(range(1_001, 1_033)) + [0] * 48


def test_old_sounds_are_forgotten() -> None:
    played = Played()
    for second in range(200):
        played.play(counting(1, 16_000), at_ms=second * 1_000)
    assert len(played._sounds) <= 62


def test_a_sound_in_the_mixers_format_is_laid_as_one_channel_at_16_khz() -> None:
    stereo = array("h", [100, 300] * 22_050)  # a second at 22 050 a second, two channels
    played = Played()
    played.play(one_channel(stereo.tobytes(), 2), at_ms=1_000, rate=22_050)
    assert list(played.span(1_100, 3_200)) == [0] * 1_600 + [200] * 1_600
    assert list(played.span(2_100, 17_600)) == [200] * 16_000 + [0] * 1_600


def test_a_sound_at_another_rate_is_the_same_as_resampled_whole() -> None:
    ramp = array("h", (index * 7 % 20_000 for index in range(22_050)))
    played = Played()
    played.play(ramp, at_ms=0, rate=22_050)
    assert played.span(1_000, 16_000) == resample(ramp, 22_050)


def test_a_samples_time_is_the_earliest_any_piece_says_for_it() -> None:
    clock = SampleClock()
    clock.came(1_600, at_ms=1_100)  # 100 ms of samples, all come by 1 100 ms
    clock.came(3_200, at_ms=1_260)  # the next 100 ms, its call back 60 ms late
    assert clock.at(3_199) == pytest.approx(1_200 - 1 / 16)
    clock.came(20 * 16_000, at_ms=1_000 + 20_000 + 5)  # 20 s on, the device a little slow
    assert clock.at(20 * 16_000) == pytest.approx(21_005)  # the first pieces are forgotten


# -- the echo canceller ----------------------------------------------------------------------


def rms(samples: array[int] | list[float]) -> float:
    return math.sqrt(sum(value * value for value in samples) / len(samples))


def noise_like_speech(seconds: float, seed: int) -> array[int]:
    rng = random.Random(seed)
    return array(
        "h",
        (
            round(3_000 * rng.gauss(0, 1) * (1 + math.sin(index / 1_200)))
            for index in range(round(seconds * 16_000))
        ),
    )


def test_the_echo_of_what_was_played_is_taken_out_and_her_voice_is_left() -> None:
    played = noise_like_speech(8, seed=1)
    hers = noise_like_speech(8, seed=2)
    for index in range(len(hers)):  # she speaks only in the last two seconds
        hers[index] = hers[index] if index >= 6 * 16_000 else 0
    echo_heard = through_room(played)
    heard = array("h", (round(a + b) for a, b in zip(echo_heard, hers, strict=True)))
    canceller = EchoCanceller()
    out = array("h")
    for start in range(0, len(heard), 1_000):  # pieces that are not whole frames
        out += canceller.cancel(heard[start : start + 1_000], played[start : start + 1_000])
    canceller.close()
    assert len(out) == len(heard) - len(heard) % 160
    before, after = slice(4 * 16_000, 6 * 16_000), slice(6 * 16_000, 7 * 16_000)
    assert rms(out[before]) < rms(heard[before]) / 10  # the echo alone: 20 dB less at least
    assert rms(out[after]) > rms(hers[after]) * 0.7  # her voice: hardly less


def test_as_many_samples_played_as_heard_are_needed() -> None:
    canceller = EchoCanceller()
    with pytest.raises(ValueError, match="as many"):
        canceller.cancel(array("h", bytes(320)), array("h", bytes(640)))
    canceller.close()


def test_without_libspeexdsp_the_recogniser_says_why_as_it_gets_ready(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(echo, "_LIBRARY_NAMES", ("libnothing-here.so.9",))
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    answers = io.StringIO()
    with keywords_file(PHRASES) as keywords:
        serve(keywords, io.BytesIO(message(b"E", b"")), answers, echo=True)
        spotter = Spotter(keywords)
    problem = spotter.cancel_echo()
    spotter.close()
    assert problem == "libspeexdsp is not installed; try: sudo apt-get install libspeexdsp1"
    assert json.loads(answers.getvalue()) == {"ready": True, "echo": False, "echo_problem": problem}


def test_the_recogniser_process_gives_the_canceller_what_was_played_a_moment_ahead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Told of a sound, the process lays it on the clock; each piece heard goes to the
    canceller with what was played up to ``ECHO_LEAD_MS`` after the piece's last sample,
    so that the echo always comes after what the canceller was given."""
    ramp = array("h", range(16_000))  # a second at 16 000 a second
    requests = message(b"P", SOUND.pack(10_000, 16_000, 1) + ramp.tobytes())
    heard = array("h", bytes(2 * 3_200))  # 200 ms
    requests += message(b"A", CLOCK.pack(10_500) + heard.tobytes())
    given: list[array[int] | None] = []
    monkeypatch.setattr(Spotter, "feed", lambda self, samples, played: given.append(played) or [])
    answers = io.StringIO()
    with keywords_file(PHRASES) as keywords:
        serve(keywords, io.BytesIO(requests), answers, echo=True)
    assert [json.loads(line) for line in answers.getvalue().splitlines()] == [
        {"ready": True, "echo": True},
        [],
    ]
    last = (500 + ECHO_LEAD_MS) * 16  # the sample played at 10 500 ms, and the lead
    assert given == [ramp[last - 3_200 : last]]


# -- the mixer tells what it plays -------------------------------------------------------------


class Ears:
    def __init__(self) -> None:
        self.told: list[tuple[int, int, int] | str] = []

    def played(self, raw: bytes, rate: int, channels: int) -> None:
        self.told.append((len(raw), rate, channels))

    def stopped(self) -> None:
        self.told.append("stopped")


def test_every_sound_played_and_every_stop_is_told_to_the_ears() -> None:
    ears = Ears()
    audio = AudioOut.open(ears)
    assert audio is not None, "the dummy audio driver gives a mixer"
    chime = CHIME_DIR / "soft.wav"
    length = audio.play(chime)
    audio.stop()
    audio.close()
    info = soundfile.info(str(chime))
    assert length is not None and ears.told[-2:] == ["stopped", "stopped"]
    raw_bytes, rate, channels = ears.told[0]  # type: ignore[misc]
    assert (rate, channels) == (22_050, 1)
    assert raw_bytes == pytest.approx(2 * info.duration * 22_050, abs=4)
