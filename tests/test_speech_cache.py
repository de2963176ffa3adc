"""The folder of voice clips: shared by any number of players and exports at once."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import wave
from pathlib import Path

from player.speech.synth import Pyttsx3Synthesizer, SpeechUnavailable, VoiceSettings, clip_name
from player.user_dirs import UserDirs
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
        counted = re.search(r"(\d+) of (\d+) cues spoken", out)
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
