"""The voice: who speaks when, clips played without blocking, and every fallback."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import threading
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from player.playback.speaker import SilentSpeaker
from player.speech.clips import CHIME_DIR, LOADED_BYTES, AudioOut, ChimeSpeaker, VoiceSpeaker
from player.speech.policy import STALE_MS, Playing, Spoken, decide, lay_out
from player.speech.select import (
    NO_AUDIO,
    NO_AUDIO_NOR_CAPTIONS,
    make_speaker,
    no_speech_notice,
)
from player.speech.synth import Pyttsx3Synthesizer, SpeechUnavailable, VoiceSettings
from tests.conftest import REPO

# -- the rule ------------------------------------------------------------------------------


def test_a_cue_plays_at_once_when_nothing_is_said() -> None:
    assert decide(None, 1, now=1000, due_at=1000) == "play"


def test_an_equal_or_higher_priority_cuts_off_what_is_said() -> None:
    playing = Playing(priority=2, ends_at=5000)
    assert decide(playing, 2, now=3000, due_at=3000) == "play"
    assert decide(playing, 3, now=3000, due_at=3000) == "play"


def test_a_lower_priority_waits_when_the_current_clip_ends_soon_else_is_dropped() -> None:
    playing = Playing(priority=3, ends_at=4000)
    assert decide(playing, 1, now=3000, due_at=3000) == "wait"
    assert decide(Playing(3, 3000 + STALE_MS + 1), 1, now=3000, due_at=3000) == "drop"


def test_a_stale_cue_is_dropped_whatever_is_playing() -> None:
    assert decide(None, 3, now=1000 + STALE_MS + 1, due_at=1000) == "drop"


def test_lay_out_cuts_waits_and_drops_like_the_live_voice() -> None:
    cues = [
        (0, 2, 5000),  # a long announcement
        (3000, 3, 800),  # countdown "3" cuts it off
        (4000, 3, 800),  # "2"
        (4500, 1, 500),  # "halfway" waits for "2" to end at 4800
        (10_000, 1, 1000),
        (10_500, 1, 300),  # equal priority cuts the one before
        (20_000, 3, 3000),
        (20_100, 1, 500),  # lower priority, and the current clip ends too late: dropped
    ]
    assert lay_out(cues) == [
        Spoken(0, 0, 3000),
        Spoken(1, 3000, 3800),
        Spoken(2, 4000, 4800),
        Spoken(3, 4800, 5300),
        Spoken(4, 10_000, 10_500),
        Spoken(5, 10_500, 10_800),
        Spoken(6, 20_000, 23_000),
    ]


def test_clips_never_overlap_in_any_lay_out() -> None:
    cues = [(i * 700, (i * 7) % 4, 400 + (i * 389) % 2500) for i in range(200)]
    heard = lay_out(cues)
    for before, after in itertools.pairwise(heard):
        assert before.end_ms <= after.start_ms
        assert after.start_ms >= cues[after.index][0]


# -- clips on the dummy audio driver --------------------------------------------------------


@pytest.fixture
def audio() -> AudioOut:
    out = AudioOut.open()
    assert out is not None, "the dummy audio driver gives a mixer"
    return out


class FakeSynthesizer:
    """Renders any text as a copy of a chime, in a folder; counts what it was asked."""

    description = "fake"
    language = "en"
    voice_id = "fake/en"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.asked: list[str] = []
        self.closed = False

    def render(self, text: str) -> Path | None:
        self.asked.append(text)
        target = self.folder / f"{len(self.asked)}.wav"
        shutil.copy(CHIME_DIR / "soft.wav", target)
        return target

    def close(self) -> None:
        self.closed = True


def wait_until(condition: Callable[[], bool], speaker: VoiceSpeaker, now: int) -> None:
    """Tick the speaker (with a fixed ``now``) until the worker thread has done its part."""
    for _ in range(5000):
        speaker.tick(now)
        if condition():
            return
        threading.Event().wait(0.001)  # gives the worker thread the processor; no timing
    raise AssertionError("the worker did not finish")


def test_the_voice_renders_ahead_and_plays_a_ready_clip_at_once(
    audio: AudioOut, tmp_path: Path
) -> None:
    synth = FakeSynthesizer(tmp_path)
    speaker = VoiceSpeaker(audio, lambda: synth)
    speaker.prepare(["Pelvic tilts", "Relax"])
    wait_until(lambda: speaker._ready.keys() >= {"Pelvic tilts", "Relax"}, speaker, 0)
    assert speaker.description == "voice"
    speaker.say("Relax", 2, now=1000)
    assert pygame.mixer.Channel(0).get_busy()
    speaker.stop()
    assert not pygame.mixer.Channel(0).get_busy()
    speaker.close()
    assert synth.closed
    assert synth.asked == ["Pelvic tilts", "Relax"]


def test_words_not_ready_are_rendered_first_and_said_if_still_fresh(
    audio: AudioOut, tmp_path: Path
) -> None:
    synth = FakeSynthesizer(tmp_path)
    speaker = VoiceSpeaker(audio, lambda: synth)
    wait_until(lambda: speaker.description == "voice", speaker, 0)
    speaker.say("Switch sides", 3, now=5000)
    assert not pygame.mixer.Channel(0).get_busy()
    wait_until(lambda: pygame.mixer.Channel(0).get_busy(), speaker, 5200)
    speaker.close()


def test_words_that_come_too_late_are_dropped(audio: AudioOut, tmp_path: Path) -> None:
    synth = FakeSynthesizer(tmp_path)
    speaker = VoiceSpeaker(audio, lambda: synth)
    wait_until(lambda: speaker.description == "voice", speaker, 0)
    speaker.say("Halfway", 1, now=1000)
    wait_until(lambda: "Halfway" in speaker._ready, speaker, 1000 + STALE_MS + 1)
    speaker.tick(1000 + STALE_MS + 1)
    assert not pygame.mixer.Channel(0).get_busy()
    speaker.close()


def test_muted_says_nothing(audio: AudioOut, tmp_path: Path) -> None:
    synth = FakeSynthesizer(tmp_path)
    speaker = VoiceSpeaker(audio, lambda: synth)
    speaker.prepare(["Squeeze"])
    wait_until(lambda: "Squeeze" in speaker._ready, speaker, 0)
    speaker.set_muted(True)
    speaker.say("Squeeze", 3, now=10)
    assert not pygame.mixer.Channel(0).get_busy()
    speaker.set_muted(False)
    speaker.say("Squeeze", 3, now=20)
    assert pygame.mixer.Channel(0).get_busy()
    speaker.close()


def test_clips_kept_loaded_never_weigh_more_than_their_budget(
    audio: AudioOut, tmp_path: Path
) -> None:
    """Long sentences once stayed loaded by the dozen: 48 of them, of any length."""
    clips = []
    for n in range(60):
        clip = tmp_path / f"{n}.wav"
        with wave.open(str(clip), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(22_050)
            out.writeframes(bytes([n, 0]) * 22_050 * 3)  # three seconds
        clips.append(clip)
    for clip in clips:
        assert audio.play(clip) == 3000
        assert audio._loaded.bytes <= LOADED_BYTES
    assert clips[0] not in audio._loaded
    assert audio.play(clips[0]) == 3000  # let go, and loaded again from its file
    audio.close()


def test_no_speech_engine_falls_back_to_chimes_with_one_notice(audio: AudioOut) -> None:
    notices: list[str] = []

    def broken() -> FakeSynthesizer:
        raise SpeechUnavailable(no_speech_notice("eSpeak is not installed"))

    speaker = VoiceSpeaker(audio, broken, notices.append)
    wait_until(lambda: speaker.description == "chimes", speaker, 0)
    assert len(notices) == 1
    assert "eSpeak is not installed" in notices[0]
    assert "run: sudo apt-get install espeak-ng" in notices[0]
    speaker.say("3", 3, now=100)
    assert pygame.mixer.Channel(0).get_busy()
    speaker.close()


def test_chimes_play_the_high_chime_for_urgent_cues(audio: AudioOut) -> None:
    speaker = ChimeSpeaker(audio)
    speaker.say("3", 3, now=0)
    channel = pygame.mixer.Channel(0)
    assert channel.get_busy()
    high = pygame.mixer.Sound(str(CHIME_DIR / "high.wav"))
    playing = channel.get_sound()
    assert playing is not None
    assert playing.get_length() == pytest.approx(high.get_length())
    speaker.stop()
    assert not channel.get_busy()


def test_no_audio_device_means_captions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("ALSA: Couldn't open audio device")

    pygame.mixer.quit()
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    notices: list[str] = []
    speaker = make_speaker(VoiceSettings(), notices.append)
    assert isinstance(speaker, SilentSpeaker)
    assert notices == [NO_AUDIO]


def test_no_audio_device_and_no_captions_says_that_nothing_shows_the_cues(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(AudioOut, "open", classmethod(lambda cls, ears=None: None))
    notices: list[str] = []
    speaker = make_speaker(VoiceSettings(), notices.append, captions=False)
    assert isinstance(speaker, SilentSpeaker)
    assert notices == ["No audio device found: cues are neither spoken nor shown."]


def test_play_with_no_ui_and_no_audio_device_does_not_promise_captions() -> None:
    play = ["play", "daily-back-care", "--ui", "none", "--speed", "200", "--no-warning-signs"]
    done = subprocess.run(
        [sys.executable, "run.py", *play],
        cwd=REPO,
        env={**os.environ, "SDL_AUDIODRIVER": "no-such-driver"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [NO_AUDIO_NOR_CAPTIONS]


def test_the_chimes_are_short_and_loud_enough() -> None:
    for name in ("high.wav", "soft.wav"):
        with wave.open(str(CHIME_DIR / name)) as chime:
            seconds = chime.getnframes() / chime.getframerate()
            assert chime.getnchannels() == 1 and chime.getsampwidth() == 2
            frames = chime.readframes(chime.getnframes())
        assert 0.1 < seconds < 1.0
        loudest = max(
            abs(int.from_bytes(frames[i : i + 2], "little", signed=True))
            for i in range(0, len(frames), 2)
        )
        assert loudest > 5000


# -- the real speech engine -----------------------------------------------------------------


@pytest.fixture(scope="module")
def synthesizer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pyttsx3Synthesizer]:
    synth = Pyttsx3Synthesizer(tmp_path_factory.mktemp("speech"), VoiceSettings(rate=170))
    yield synth
    synth.close()


def test_pyttsx3_renders_words_to_a_wav_of_about_their_length(
    synthesizer: Pyttsx3Synthesizer,
) -> None:
    clip = synthesizer.render("Pelvic tilts on all fours. Eight times.")
    assert clip is not None
    with wave.open(str(clip)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
    # Six words at 170 a minute: about two seconds of speech, with a little silence.
    assert 1.0 < seconds < 5.0


def test_pyttsx3_clips_are_cached_by_their_words(synthesizer: Pyttsx3Synthesizer) -> None:
    first = synthesizer.render("Relax")
    again = synthesizer.render("Relax")
    other = synthesizer.render("Squeeze")
    assert first is not None and first == again
    assert other is not None and other != first
    assert synthesizer.cached("Relax") == first


def test_a_speech_process_that_cannot_start_is_reported_not_raised_as_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import player.speech.synth as synth_module

    monkeypatch.setattr(synth_module.sys, "executable", "/bin/false")
    with pytest.raises(SpeechUnavailable, match="did not start"):
        Pyttsx3Synthesizer(tmp_path)


def test_a_speech_process_that_dies_makes_later_words_silent_not_an_error(
    tmp_path: Path,
) -> None:
    synth = Pyttsx3Synthesizer(tmp_path)
    assert synth.render("Before") is not None
    synth._process.kill()
    synth._process.wait()
    assert synth.render("After it stopped") is None
    assert synth.render("Before") is not None  # what was made stays in the cache
    synth.close()


def test_the_sound_library_s_own_complaints_stay_off_the_terminal(
    capfd: pytest.CaptureFixture[str],
) -> None:
    import os

    from player.system.quiet import quiet_stderr

    with quiet_stderr():
        os.write(2, b"ALSA lib pcm.c: Unknown PCM default\n")
    os.write(2, b"the player's own line\n")
    assert capfd.readouterr().err == "the player's own line\n"
