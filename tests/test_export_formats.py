"""The exported track is what its name says: MP3, Ogg Vorbis, FLAC or WAV, read back with
the same library that wrote it, lasting the session, with the voice where the plan puts it."""

from __future__ import annotations

import io
import math
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import soundfile

from player import cli
from player.playback.compiler import compile_timeline
from player.playback.timeline import Cue, Timeline
from player.routine.model import Routine
from player.speech import export as export_module
from player.speech.clips import CHIME_DIR
from player.speech.encode import FORMATS, EncoderError, TrackFormat, track_format
from player.speech.export import SAMPLE_RATE, ExportError, export_audio
from player.speech.select import start_synthesizer
from player.speech.synth import Pyttsx3Synthesizer, VoiceSettings

CONTAINER = {".mp3": "MP3", ".ogg": "OGG", ".flac": "FLAC", ".wav": "WAV"}


def session() -> Timeline:
    """Thirty seconds: a hold said at 0, "Halfway" at 10 s, 3-2-1, a rest said at 20 s."""
    routine = Routine.model_validate(
        {
            "title": "Formats",
            "lead_in": 0,
            "prepare": 0,
            "steps": [{"exercise": "Hold", "time": "20s"}, {"rest": "10s"}],
        }
    )
    return compile_timeline(routine)


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pyttsx3Synthesizer]:
    """The real voice, rendering into a clip folder shared by this module's tests."""
    synth = start_synthesizer(VoiceSettings(), tmp_path_factory.mktemp("clips"))
    try:
        yield synth
    finally:
        synth.close()


def spoken_by(synth: Pyttsx3Synthesizer) -> Callable[[Cue], Path | None]:
    return lambda cue: synth.render(cue.text)


def read_back(path: Path) -> tuple[soundfile._SoundFileInfo, list[int]]:
    """What libsndfile makes of the file, and its samples as 16-bit numbers."""
    info = soundfile.info(str(path))
    with soundfile.SoundFile(str(path)) as track:
        data = bytes(track.buffer_read(dtype="int16"))
    return info, list(memoryview(data).cast("h"))


def rms(samples: list[int], start_ms: int, end_ms: int) -> float:
    window = samples[start_ms * SAMPLE_RATE // 1000 : end_ms * SAMPLE_RATE // 1000]
    return math.sqrt(sum(v * v for v in window) / max(1, len(window)))


def lone_cues(plan: Timeline, synth: Pyttsx3Synthesizer) -> list[tuple[int, int, int]]:
    """(start, end, next start) in ms of each cue's words that begin after a second of
    silence: where they start, where their clip ends, and where the next cue begins."""
    spans = []
    for cue in plan.cues:
        clip = synth.render(cue.text)
        assert clip is not None
        spans.append((cue.at_ms, cue.at_ms + soundfile.info(str(clip)).frames * 1000 // 22_050))
    starts = [start for start, _end in spans] + [plan.total_ms]
    return [
        (start, end, starts[index + 1])
        for index, (start, end) in enumerate(spans)
        if start >= 1000 and all(e <= start - 1000 for _s, e in spans[:index])
    ]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.suffix)
def test_each_format_reads_back_as_the_session_with_speech_at_its_offsets(
    fmt: TrackFormat, voice: Pyttsx3Synthesizer, tmp_path: Path
) -> None:
    plan = session()
    out = tmp_path / f"session{fmt.suffix}"
    result = export_audio(plan, out, spoken_by(voice))
    info, samples = read_back(out)
    assert info.format == CONTAINER[fmt.suffix]
    assert info.samplerate == SAMPLE_RATE and info.channels == 1
    assert result.duration_ms == plan.total_ms == 30_000
    assert abs(len(samples) - 30 * SAMPLE_RATE) <= SAMPLE_RATE // 20  # within 50 ms
    assert result.spoken == result.cues == len(plan.cues) >= 8
    for cue in plan.cues:  # the words begin where the plan says: "Hold", "Halfway", "3" ...
        assert rms(samples, cue.at_ms, cue.at_ms + 300) > 500, f"no voice at {cue.at_ms} ms"
    lone = lone_cues(plan, voice)
    assert 10_000 in [start for start, _end, _next in lone]  # "Halfway", amid the silence
    for start, end, following in lone:  # and not before them, nor after them
        assert rms(samples, start - 600, start - 100) < 50, f"sound before {start} ms"
        if following - end >= 500:
            quiet = rms(samples, end + 150, following - 100)
            assert quiet < 50, f"sound after the words at {start} ms"


def test_compressed_tracks_are_much_smaller_than_wav(
    voice: Pyttsx3Synthesizer, tmp_path: Path
) -> None:
    plan = session()
    sizes = {}
    for fmt in FORMATS:
        out = tmp_path / f"session{fmt.suffix}"
        export_audio(plan, out, spoken_by(voice))
        sizes[fmt.suffix] = out.stat().st_size
    assert sizes[".wav"] >= 30 * SAMPLE_RATE * 2
    assert sizes[".mp3"] * 5 < sizes[".wav"] and sizes[".ogg"] * 5 < sizes[".wav"]
    assert sizes[".flac"] < sizes[".wav"]


def test_the_format_is_told_by_the_ending_whatever_its_case() -> None:
    assert track_format(Path("Session.MP3")).suffix == ".mp3"
    assert track_format(Path("a.b.flac")).container == "FLAC"


def test_an_unknown_ending_is_refused_in_one_line_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "session.xyz"
    code = cli.main(["export", "no-such-routine", "--audio", str(out)], out=io.StringIO())
    assert code == cli.EXIT_INVALID
    said = capsys.readouterr().err.strip().splitlines()
    assert said == [
        f"--audio {out}: a track is written as .mp3, .ogg, .flac or .wav, told by the "
        "file's ending; this name has '.xyz'"
    ]
    assert not out.exists()


def test_a_name_with_no_ending_is_refused_with_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "session"
    code = cli.main(["export", "daily-back-care", "--audio", str(out)], out=io.StringIO())
    assert code == cli.EXIT_INVALID
    assert capsys.readouterr().err.strip().endswith("this name has no ending")
    assert not out.exists()


def test_a_track_that_fails_part_way_is_removed_and_said_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes = 0

    def failing_write(self: object, samples: bytes) -> None:
        nonlocal writes
        writes += 1
        if writes == 3:
            raise EncoderError("writing stopped part-way (System error; is the disk full?)")

    monkeypatch.setattr(export_module.TrackWriter, "write", failing_write)
    out = tmp_path / "session.mp3"
    with pytest.raises(ExportError) as raised:
        export_audio(session(), out, lambda cue: CHIME_DIR / "soft.wav")
    assert str(raised.value) == (
        f"cannot write {out}: writing stopped part-way (System error; is the disk full?)"
    )
    assert not out.exists()


def test_a_long_session_is_written_a_piece_at_a_time(tmp_path: Path) -> None:
    """Twenty minutes of 16-bit sound is 53 MB; the export never holds more than a little."""
    routine = Routine.model_validate(
        {"title": "Long", "lead_in": 0, "prepare": 0, "steps": [{"rest": "20m"}]}
    )
    plan = compile_timeline(routine)
    out = tmp_path / "long.flac"
    tracemalloc.start()
    try:
        export_audio(plan, out, lambda cue: CHIME_DIR / "soft.wav")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert soundfile.info(str(out)).frames == 20 * 60 * SAMPLE_RATE
    assert peak < 3_000_000, f"{peak} bytes at the most"
