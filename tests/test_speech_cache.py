"""The folder of voice clips: shared by any number of players and exports at once."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
import threading
import wave
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from player import cli
from player.home.user_dirs import UserDirs
from player.speech.clip_check import MISSING, clip_problem, wav_problem
from player.speech.clip_folder import folder_problem
from player.speech.clips import VoiceSpeaker
from player.speech.select import make_speaker
from player.speech.synth import Pyttsx3Synthesizer, SpeechUnavailable, VoiceSettings, clip_name
from tests.conftest import REPO

SHORT_ROUTINE = "warm-compress"


def is_whole_wav(path: Path) -> bool:
    """16-bit mono sound whose header promises exactly the bytes the file has."""
    with wave.open(str(path)) as clip:
        promised = clip.getnframes() * clip.getsampwidth() * clip.getnchannels()
        return (
            clip.getnchannels() == 1
            and clip.getsampwidth() == 2
            and clip.getframerate() == 22_050
            and clip.getnframes() > 0
            and path.stat().st_size == 44 + promised
        )


def test_two_speech_processes_render_into_one_folder_at_once(tmp_path: Path) -> None:
    shared = [f"Breathe in slowly, number {i}." for i in range(12)]
    own = {name: [f"Only the {name} player says this, {i}." for i in range(4)] for name in "ab"}
    rendered: dict[str, dict[str, Path | None]] = {}
    failures: list[str] = []

    def player(name: str) -> None:
        try:
            synth = Pyttsx3Synthesizer(tmp_path)
        except SpeechUnavailable as error:
            failures.append(f"{name}: {error}")
            return
        try:
            rendered[name] = {text: synth.render(text) for text in shared + own[name]}
        finally:
            synth.close()

    players = [threading.Thread(target=player, args=(name,)) for name in own]
    for thread in players:
        thread.start()
    for thread in players:
        thread.join()

    assert failures == []
    assert [text for clips in rendered.values() for text, clip in clips.items() if not clip] == []
    folder = tmp_path / VoiceSettings().key()
    every_text = ["Ready.", *shared, *own["a"], *own["b"]]
    assert sorted(path.name for path in folder.iterdir()) == sorted(map(clip_name, every_text))
    assert [path.name for path in folder.iterdir() if not is_whole_wav(path)] == []


def test_two_exports_at_once_share_one_clip_folder(tmp_path: Path, own_home: Path) -> None:
    exports = [
        subprocess.Popen(
            [sys.executable, "run.py", "export", SHORT_ROUTINE, "--audio", str(tmp_path / name)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first.wav", "second.wav")
    ]
    finished = [export.communicate(timeout=120) for export in exports]

    assert [export.returncode for export in exports] == [0, 0]
    for out, err in finished:
        assert err == ""
        counted = re.search(r"(\d+) of (\d+) cues spoken whole", out)
        assert counted is not None, out
        assert counted[1] == counted[2]
    clips = list(UserDirs.under(own_home).speech_cache.glob("*/*"))
    assert clips and [clip.name for clip in clips if not is_whole_wav(clip)] == []
    tracks = [tmp_path / "first.wav", tmp_path / "second.wav"]
    assert all(map(is_whole_wav, tracks))
    assert tracks[0].stat().st_size == tracks[1].stat().st_size


class CancelledOnceEngine:
    """Stands in for pyttsx3 when it cancels a request as it starts: the first clip comes
    out as a bare header, the next one whole."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    def save_to_file(self, text: str, filename: str) -> None:
        self.requests.append(filename)

    def runAndWait(self) -> None:
        with wave.open(self.requests[-1], "wb") as clip:
            clip.setnchannels(1)
            clip.setsampwidth(2)
            clip.setframerate(22_050)
            clip.writeframes(b"" if len(self.requests) == 1 else bytes(4410))


def test_a_clip_that_comes_out_empty_is_asked_for_again(tmp_path: Path) -> None:
    from player.speech.server import render_clip

    engine = CancelledOnceEngine()
    folder = tmp_path / "clips"
    folder.mkdir()
    target = folder / "clip.wav"
    assert render_clip(engine, "Relax", target) is None
    assert len(set(engine.requests)) == 2  # a temporary name of its own for each try
    assert is_whole_wav(target)
    assert [path.name for path in folder.iterdir()] == ["clip.wav"]


# -- damaged clips -------------------------------------------------------------------------


def wav_bytes(frames: bytes, channels: int = 1, rate: int = 22_050) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as clip:
        clip.setnchannels(channels)
        clip.setsampwidth(2)
        clip.setframerate(rate)
        clip.writeframes(frames)
    return buffer.getvalue()


WHOLE = wav_bytes(bytes(range(256)) * 40)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (WHOLE, None),
        (WHOLE[: len(WHOLE) // 2], "cut short"),
        (WHOLE[:30], "cut short"),
        (WHOLE + b"\x00" * 10, "longer than its header says"),
        (b"\x8a garbage where a clip was \x00" * 50, "not a WAV file"),
        (b"", "not a WAV file"),
        (wav_bytes(b""), "no sound in it"),
        (wav_bytes(bytes(400), channels=2), "not 16-bit mono sound at 22050 Hz"),
        (wav_bytes(bytes(400), rate=44_100), "not 16-bit mono sound at 22050 Hz"),
    ],
)
def test_a_clip_is_whole_only_when_its_header_and_size_agree(
    data: bytes, problem: str | None
) -> None:
    assert wav_problem(data[:4096], len(data)) == problem


def test_a_clip_that_is_not_there_is_missing_not_damaged(tmp_path: Path) -> None:
    assert clip_problem(tmp_path / "none.wav") == MISSING


def test_damaged_clips_are_said_once_and_made_again(tmp_path: Path) -> None:
    first = Pyttsx3Synthesizer(tmp_path)
    relax, squeeze = first.render("Relax"), first.render("Squeeze")
    first.close()
    assert relax is not None and squeeze is not None
    relax.write_bytes(relax.read_bytes()[: relax.stat().st_size // 2])
    squeeze.write_bytes(b"\x8a garbage where a clip was" * 100)

    notices: list[str] = []
    again = Pyttsx3Synthesizer(tmp_path, notices=notices.append)
    try:
        assert again.render("Relax") == relax
        assert again.render("Squeeze") == squeeze
    finally:
        again.close()

    assert notices == [
        f"A saved voice clip in {relax.parent} was damaged (cut short): "
        "damaged clips are made again."
    ]
    assert is_whole_wav(relax) and is_whole_wav(squeeze)


def test_export_makes_damaged_clips_again_and_says_so_once(
    tmp_path: Path, own_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    track = tmp_path / "session.wav"
    assert cli.main(["export", SHORT_ROUTINE, "--audio", str(track)]) == cli.EXIT_OK
    first = capsys.readouterr()
    clips = list(UserDirs.under(own_home).speech_cache.glob("*/*.wav"))
    for clip in clips:
        clip.write_bytes(clip.read_bytes()[:100])

    assert cli.main(["export", SHORT_ROUTINE, "--audio", str(track)]) == cli.EXIT_OK
    second = capsys.readouterr()

    assert first.err == ""
    assert second.err.count("\n") == 1
    assert "was damaged (cut short): damaged clips are made again." in second.err
    assert re.search(r"(\d+) of \1 cues spoken whole", second.out)
    assert [clip.name for clip in clips if not is_whole_wav(clip)] == []


# -- a clip folder that cannot be written ---------------------------------------------------


@pytest.fixture
def cache_blocked(own_home: Path) -> Path:
    """A home whose cache folder cannot be made: a file has its name. The clip folder that
    was wanted is returned."""
    dirs = UserDirs.under(own_home)
    dirs.cache.parent.mkdir(parents=True, exist_ok=True)
    dirs.cache.write_text("not a folder")
    return dirs.speech_cache / VoiceSettings().key()


@pytest.fixture
def temporary_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where temporary folders are made during the test."""
    folder = tmp_path / "temporary"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_file_in_the_way_stops_a_folder_from_holding_clips(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    assert folder_problem(tmp_path / "file") == "a file is in the way"
    assert folder_problem(tmp_path / "file" / "speech") == "a file is in the way"
    assert folder_problem(tmp_path / "speech" / "voice") is None
    assert [path.name for path in (tmp_path / "speech" / "voice").iterdir()] == []


def tick_until(speaker: VoiceSpeaker, condition: Callable[[], bool]) -> None:
    """Tick the speaker until its worker thread has made ``condition`` true."""
    for _ in range(5000):
        speaker.tick(0)
        if condition():
            return
        threading.Event().wait(0.002)  # gives the worker thread the processor; no timing
    raise AssertionError("the speech worker never got there")


def test_an_unwritable_clip_folder_is_said_and_the_voice_goes_on_in_a_temporary_one(
    cache_blocked: Path, temporary_folders: Path
) -> None:
    notices: list[str] = []
    speaker = make_speaker(VoiceSettings(), notices.append)
    assert isinstance(speaker, VoiceSpeaker)
    speaker.prepare(["Relax"])
    tick_until(speaker, lambda: "Relax" in speaker._ready)
    assert speaker.description == "voice"
    speaker.say("Relax", 2, now=0)
    assert pygame.mixer.Channel(0).get_busy()
    [session_folder] = temporary_folders.iterdir()
    assert is_whole_wav(session_folder / clip_name("Relax"))

    speaker.close()

    assert notices == [
        f"Voice clips cannot be kept in {cache_blocked} (a file is in the way): "
        "they are kept for this session only."
    ]
    assert list(temporary_folders.iterdir()) == []


def test_export_with_an_unwritable_clip_folder_still_speaks_every_cue(
    cache_blocked: Path,
    temporary_folders: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    track = tmp_path / "session.wav"
    assert cli.main(["export", SHORT_ROUTINE, "--audio", str(track)]) == cli.EXIT_OK
    printed = capsys.readouterr()
    assert printed.err == (
        f"Voice clips cannot be kept in {cache_blocked} (a file is in the way): "
        "they are kept for this session only.\n"
    )
    assert re.search(r"(\d+) of \1 cues spoken whole", printed.out)
    assert is_whole_wav(track)
    assert list(temporary_folders.iterdir()) == []
