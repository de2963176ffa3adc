"""Voice commands heard in a recording: the phrases, the commands they mean, the times
they end, and ordinary speech (the player's own voice, a paragraph read aloud) heard as
no command. The speakers are flite's voices, which the recogniser hears as it hears
people; espeak's, the player's own, it does not."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from array import array
from pathlib import Path

import pytest
import soundfile

from player import cli
from player.listening.audio import RATE, read, resample, to_mono
from player.listening.heard import Heard, Hit, commands_heard
from player.listening.phrases import PHRASES, Phrase, keyword_list, problems
from player.listening.spotting import heard_in
from tests.conftest import REPO

VOICES = ("slt", "kal16", "awb", "rms")
LEAD_IN = "Lie on your left side and breathe slowly."
"""Said first, as in a room where the microphone has heard her before she asks."""


def flite() -> str:
    found = shutil.which("flite")
    if found is None:
        pytest.fail("flite is missing: install it (apt-get install flite) to test voice commands")
    return found


def spoken(text: str, voice: str, folder: Path) -> array[int]:
    out = folder / "said.wav"
    subprocess.run([flite(), "-voice", voice, "-t", text, "-o", str(out)], check=True)
    return read(out)


def silence(seconds: float) -> array[int]:
    return array("h", bytes(2 * int(seconds * RATE)))


def saying(voice: str, phrases: list[Phrase], folder: Path) -> tuple[array[int], list[float]]:
    """A recording of the lead-in, then each phrase after a pause; and when each ends."""
    samples = silence(1.5) + spoken(LEAD_IN, voice, folder) + silence(1.5)
    ends = []
    for phrase in phrases:
        samples += spoken(phrase.words, voice, folder)
        ends.append(len(samples) / RATE)
        samples += silence(1.5)
    return samples, ends


def test_the_phrases_can_be_used_and_mean_every_command_once() -> None:
    assert problems(PHRASES) == []
    assert sorted(phrase.command for phrase in PHRASES) == sorted(
        ["next", "back", "pause", "go-on", "restart", "done", "stop"]
    )
    assert keyword_list(PHRASES[:1]) == "next step /1e-30/\n"


def test_a_wrong_phrase_list_is_told_line_by_line() -> None:
    wrong = [
        Phrase("next", "next", 1e-20),
        Phrase("Go  Back", "back", 1e-20),
        Phrase("pause please", "wait", 1e-20),
        Phrase("stop now", "stop", 2.0),
        Phrase("stop now", "stop", 1e-10),
    ]
    assert problems(wrong) == [
        "'next': two words or more, in lower case, one space between",
        "'Go  Back': two words or more, in lower case, one space between",
        "'pause please': 'wait' is not a command",
        "'stop now': the threshold must be between 0 and 1",
        "'stop now' is listed twice",
    ]


def test_hits_become_commands_in_order_a_phrase_heard_twice_at_once_counted_once() -> None:
    hits = [
        Hit("stop now ", 9.0),
        Hit("next step", 2.0),
        Hit("next step", 2.6),  # the same saying, found again
        Hit("next step", 4.0),  # said again
        Hit("something else", 5.0),
    ]
    assert commands_heard(hits, PHRASES) == [
        Heard(2.0, "next"),
        Heard(4.0, "next"),
        Heard(9.0, "stop"),
    ]


def test_channels_are_averaged_and_the_rate_changed_along_straight_lines() -> None:
    assert list(to_mono(array("h", [10, 20, -5, -6, 7]), 2)) == [15, -6]
    assert list(resample(array("h", [0, 100, 200, 300]), 8_000, 16_000)) == [
        0, 50, 100, 150, 200, 250, 300, 300,
    ]  # fmt: skip
    assert list(resample(array("h", [0, 10, 20, 30, 40, 50]), 24_000, 16_000)) == [0, 15, 30, 45]


@pytest.mark.parametrize("voice", VOICES)
def test_every_phrase_is_heard_as_its_command_when_its_last_word_ends(
    voice: str, tmp_path: Path
) -> None:
    samples, ends = saying(voice, list(PHRASES), tmp_path)
    heard = heard_in(samples)
    assert [item.command for item in heard] == [phrase.command for phrase in PHRASES]
    for item, end in zip(heard, ends, strict=True):
        assert abs(item.seconds - end) <= 0.8, (item, end)


def test_a_phrase_that_ends_the_recording_is_heard(tmp_path: Path) -> None:
    pause = next(phrase for phrase in PHRASES if phrase.command == "pause")
    samples = silence(1.5) + spoken(LEAD_IN, "slt", tmp_path) + silence(1.5)
    samples += spoken(pause.words, "slt", tmp_path)  # and nothing after it
    assert [item.command for item in heard_in(samples)] == ["pause"]


def test_a_stereo_recording_at_another_rate_is_heard_the_same(tmp_path: Path) -> None:
    phrases = [PHRASES[0], PHRASES[6]]
    samples, ends = saying("slt", phrases, tmp_path)
    wide = resample(samples, RATE, 44_100)
    stereo = array("h", [value for sample in wide for value in (sample, sample // 2)])
    path = tmp_path / "stereo.wav"
    with soundfile.SoundFile(path, "w", 44_100, 2, "PCM_16") as out:
        out.buffer_write(stereo.tobytes(), dtype="int16")
    heard = heard_in(path)
    assert [item.command for item in heard] == ["next", "stop"]
    for item, end in zip(heard, ends, strict=True):
        assert abs(item.seconds - end) <= 0.8, (item, end)


def ordinary_text() -> str:
    """The README's first paragraphs: speech about backs, steps and sessions."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines[:30] if line and not line.startswith(("#", "`", "["))]
    return " ".join(kept[:12])


@pytest.mark.parametrize("voice", ["awb", "rms"])
def test_a_paragraph_read_aloud_is_no_command(voice: str, tmp_path: Path) -> None:
    assert heard_in(spoken(ordinary_text(), voice, tmp_path)) == []


def test_the_players_own_voice_is_no_command(tmp_path: Path) -> None:
    track = tmp_path / "session.wav"
    assert cli.main(["export", "daily-back-care", "--audio", str(track)], out=io.StringIO()) == 0
    assert heard_in(track) == []


def listen(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = cli.Context(out=out, err_stream=lambda: err)
    code = cli.main(list(args), context=context)
    return code, out.getvalue(), err.getvalue()


def test_listen_prints_each_command_and_how_many(tmp_path: Path) -> None:
    samples, ends = saying("rms", [PHRASES[2], PHRASES[4]], tmp_path)
    path = tmp_path / "asked.wav"
    with soundfile.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        out.buffer_write(samples.tobytes(), dtype="int16")
    code, out, err = listen("listen", str(path))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line.split()[1] for line in lines[:2]] == ["pause", "restart"]
    for line, end in zip(lines[:2], ends, strict=True):
        assert abs(float(line.split()[0].removesuffix("s")) - end) <= 0.8, line
    assert lines[2:] == ["2 commands heard."]


def test_listen_in_another_language_says_the_phrases_are_english(tmp_path: Path) -> None:
    path = tmp_path / "quiet.wav"
    with soundfile.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        out.buffer_write(silence(1).tobytes(), dtype="int16")
    code, out, err = listen("--language", "es", "listen", str(path))
    assert code == 0
    assert len(err.splitlines()) == 1 and "next step" in err
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.wav", "cannot read {path}: no such file or directory"),
        ("notes.txt", "{path} is not a recording that can be read (WAV, FLAC, Ogg or MP3)"),
        ("", "cannot read {path}: this is a folder, not a file"),
        ("pipe", "cannot read {path}: this is a named pipe (FIFO), not a file"),
    ],
)
def test_listen_to_what_is_not_a_recording_is_one_line(
    name: str, message: str, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("next step\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")  # read, it would wait for a writer: refused at once
    path = tmp_path / name
    code, out, err = listen("listen", str(path))
    assert code == cli.EXIT_INVALID and out == ""
    assert err == message.format(path=path) + "\n"
