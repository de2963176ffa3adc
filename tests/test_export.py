"""The audio export: one track, every cue heard at its planned offset."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest
import soundfile

from player import cli
from player.commands.routines import open_routine
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices, Cue
from player.routine.model import Routine
from player.speech.clips import CHIME_DIR
from player.speech.export import SAMPLE_RATE, ExportError, export_audio

SOFT = CHIME_DIR / "soft.wav"
HIGH = CHIME_DIR / "high.wav"


def routine(*steps: dict[str, object], lead_in: int = 0) -> Routine:
    return Routine.model_validate(
        {"title": "Export", "lead_in": lead_in, "prepare": 0, "steps": list(steps)}
    )


def samples(path: Path) -> list[int]:
    with wave.open(str(path)) as track:
        assert track.getframerate() == SAMPLE_RATE
        assert track.getnchannels() == 1 and track.getsampwidth() == 2
        data = track.readframes(track.getnframes())
    return [int.from_bytes(data[i : i + 2], "little", signed=True) for i in range(0, len(data), 2)]


def loud(values: list[int], start_ms: int, end_ms: int) -> bool:
    window = values[start_ms * SAMPLE_RATE // 1000 : end_ms * SAMPLE_RATE // 1000]
    return max((abs(v) for v in window), default=0) > 500


def chime_for(cue: Cue) -> Path:
    return HIGH if cue.priority >= 3 else SOFT


def test_the_track_lasts_the_session_and_sounds_only_at_the_cues(tmp_path: Path) -> None:
    plan = compile_timeline(routine({"exercise": "Hold", "time": "20s"}, {"rest": "10s"}))
    out = tmp_path / "session.wav"
    result = export_audio(plan, out, chime_for)
    values = samples(out)
    assert len(values) == plan.total_ms * SAMPLE_RATE // 1000
    assert result.duration_ms == plan.total_ms == 30_000
    assert result.cues == len(plan.cues) and result.spoken == len(plan.cues)
    starts = [cue.at_ms for cue in plan.cues]
    for at in starts:
        assert loud(values, at, at + 100), f"no sound at {at} ms"
    # Silence between the cues: just before each one, and in the quiet middle of the hold.
    for at in starts:
        if at >= 300 and not any(0 < at - other < 800 for other in starts):
            assert not loud(values, at - 200, at)
    assert not loud(values, 11_000, 16_000)


def test_a_step_that_waits_gets_a_pause_and_everything_after_moves(tmp_path: Path) -> None:
    plan = compile_timeline(routine({"exercise": "Squats", "reps": 10}, {"rest": "10s"}))
    out = tmp_path / "waits.wav"
    export_audio(plan, out, chime_for, wait_allowance_ms=5_000)
    values = samples(out)
    assert len(values) == (plan.total_ms + 5_000) * SAMPLE_RATE // 1000
    rest_cue = next(c for c in plan.cues if c.text.startswith("Rest"))
    assert rest_cue.at_ms == 0
    assert loud(values, 5_000, 5_100)  # the rest's words, after the 5 s left for the squats
    assert not loud(values, 3_000, 4_900)


def test_a_countdown_cuts_off_a_long_clip_as_the_live_voice_does(tmp_path: Path) -> None:
    long_clip = tmp_path / "long.wav"
    with wave.open(str(long_clip), "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(SAMPLE_RATE)
        clip.writeframes((12_000).to_bytes(2, "little", signed=True) * SAMPLE_RATE * 8)
    plan = compile_timeline(
        routine({"exercise": "Hold", "time": "10s", "cues": {"halfway": False}})
    )
    out = tmp_path / "cut.wav"
    result = export_audio(plan, out, lambda cue: long_clip if cue.kind == "announce" else HIGH)
    values = samples(out)
    # Told as it is heard: the announcement cut short, the chimes whole.
    assert (result.cut_short, result.whole, result.left_out) == (1, len(plan.cues) - 1, 0)
    # The 8-second announcement is cut at 7 s by "3"; the chime's own shape follows.
    assert all(v == 12_000 for v in values[SAMPLE_RATE * 6 : SAMPLE_RATE * 7 - 1])
    assert values[SAMPLE_RATE * 7 + 10] != 12_000


def test_a_clip_that_is_not_16_bit_mono_is_a_clear_error(tmp_path: Path) -> None:
    stereo = tmp_path / "stereo.wav"
    with wave.open(str(stereo), "wb") as clip:
        clip.setnchannels(2)
        clip.setsampwidth(2)
        clip.setframerate(SAMPLE_RATE)
        clip.writeframes(bytes(400))
    plan = compile_timeline(routine({"rest": "5s"}))
    with pytest.raises(ExportError, match=r"stereo\.wav: expected 16-bit mono sound"):
        export_audio(plan, tmp_path / "x.wav", lambda cue: stereo)


def test_export_command_writes_the_whole_session_with_the_real_voice(tmp_path: Path) -> None:
    out_file = tmp_path / "daily.mp3"
    printed = io.StringIO()
    code = cli.main(["export", "daily-back-care", "--audio", str(out_file)], out=printed)
    assert code == cli.EXIT_OK
    plan = compile_timeline(open_routine("daily-back-care").routine, Choices())
    info = soundfile.info(str(out_file))
    assert info.format == "MP3" and info.samplerate == SAMPLE_RATE
    assert abs(info.frames - plan.total_ms * SAMPLE_RATE // 1000) <= SAMPLE_RATE // 20
    assert printed.getvalue().startswith(f"wrote {out_file}: ")
    # Every cue of a bundled routine has room: all of them are heard whole, none cut short.
    assert f"{len(plan.cues)} of {len(plan.cues)} cues spoken whole\n" in printed.getvalue()
    with soundfile.SoundFile(str(out_file)) as track:
        data = bytes(track.buffer_read(dtype="int16"))
    values = list(memoryview(data).cast("h"))
    first = plan.cues[0].at_ms
    assert loud(values, first, first + 1500)  # "Daily back care. Get ready..." is speech


def test_export_tells_how_many_cues_the_next_one_cut_short(tmp_path: Path) -> None:
    tight = tmp_path / "tight.yaml"
    tight.write_text(
        "title: Tight\nlead_in: 0\nprepare: 0\nsteps:\n"
        "  - exercise: Slowly roll your shoulders backwards and breathe out\n    time: 2s\n"
        "  - exercise: Slowly roll your shoulders forwards and breathe in\n    time: 2s\n"
        "  - rest: 3s\n",
        encoding="utf-8",
    )
    printed = io.StringIO()
    out_file = tmp_path / "tight.ogg"
    assert cli.main(["export", str(tight), "--audio", str(out_file)], out=printed) == 0
    # Two sentences of over three seconds each get two seconds: both are cut by the next.
    assert printed.getvalue() == (
        f"wrote {out_file}: 0:07, 1 of 3 cues spoken whole, 2 cut short by the next\n"
    )
