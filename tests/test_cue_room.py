"""Every cue heard whole: measured against the voice's real clips, and made room for.

The bundled routines are compiled at their default, smallest and largest repetitions,
with and without the side-lying steps, and every cue's clip (rendered by espeak-ng, as
the player renders it) must end before the next cue begins.
"""

from __future__ import annotations

import itertools
import json
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from player import cli
from player.home.catalog import bundled_routines
from player.playback.announcements import speaking_ms
from player.playback.compiler import compile_timeline
from player.playback.cues import RawCue
from player.playback.engine import Engine
from player.playback.playable import every_extreme
from player.playback.room import cut_short, make_room
from player.playback.session import EventLog, Session
from player.playback.speaker import RecordingSpeaker
from player.playback.timeline import Cue, StepSpan, Timeline
from player.routine.loader import load_routine
from player.speech.synth import Pyttsx3Synthesizer, VoiceSettings
from tests.conftest import WriteFile


def every_bundled_timeline() -> Iterator[tuple[str, Timeline]]:
    for path in bundled_routines():
        routine = load_routine(path).routine
        for choices in every_extreme(routine):
            yield f"{path.stem} {choices}", compile_timeline(routine, choices)


@pytest.fixture(scope="module")
def clip_ms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, int]]:
    """Every bundled cue's words, rendered by the real voice: their length in ms."""
    synth = Pyttsx3Synthesizer(tmp_path_factory.mktemp("clips"), VoiceSettings())
    lengths: dict[str, int] = {}
    try:
        for _name, timeline in every_bundled_timeline():
            for cue in timeline.cues:
                if cue.text in lengths:
                    continue
                clip = synth.render(cue.text)
                assert clip is not None, cue.text
                with wave.open(str(clip)) as sound:
                    lengths[cue.text] = sound.getnframes() * 1000 // sound.getframerate()
    finally:
        synth.close()
    yield lengths


def _waits_between(timeline: Timeline, cue: Cue, following: Cue) -> bool:
    return any(
        s.kind == "wait" and cue.at_ms <= s.start_ms <= following.at_ms for s in timeline.segments
    )


def test_the_estimate_is_never_shorter_than_the_voice(clip_ms: dict[str, int]) -> None:
    short = {
        text: (ms, speaking_ms(text)) for text, ms in clip_ms.items() if speaking_ms(text) < ms
    }
    assert short == {}
    assert len(clip_ms) > 200  # every bundled cue's words, not a handful


def test_every_cue_of_every_bundled_routine_is_heard_whole(clip_ms: dict[str, int]) -> None:
    cut: list[str] = []
    for name, timeline in every_bundled_timeline():
        for cue, following in zip(timeline.cues, timeline.cues[1:], strict=False):
            room = following.at_ms - cue.at_ms
            if clip_ms[cue.text] > room and not _waits_between(timeline, cue, following):
                cut.append(f"{name}: {cue.text!r} needs {clip_ms[cue.text]} ms, has {room}")
    assert cut == []


def test_no_bundled_routine_leaves_a_cue_without_room_by_the_estimate() -> None:
    for name, timeline in every_bundled_timeline():
        assert cut_short(timeline, speaking_ms) == [], name


def _span(start: int, end: int) -> StepSpan:
    return StepSpan(0, "exercise", "Lift", None, None, start, end, 0, 0)


def _said_for(text: str) -> int:
    return 1_800 if text.startswith("Next") else 600


def test_next_up_moves_earlier_to_a_moment_with_room() -> None:
    # Phases of 3 s: "Next up" due at 20 s would run into the phase word at 21 s.
    fixed = [RawCue(at, "Lift", "phase", 0) for at in range(0, 30_000, 3_000)]
    next_up = RawCue(20_000, "Next up: Lower back", "next_up", 0)
    moved = make_room([*fixed, next_up], _span(0, 30_000), _said_for)
    [placed] = [cue for cue in moved if cue.kind == "next_up"]
    assert 15_000 < placed.at_ms < 20_000
    heard = sorted((cue.at_ms, cue.at_ms + _said_for(cue.text)) for cue in moved)
    assert all(end <= start for (_s, end), (start, _e) in itertools.pairwise(heard))


def test_next_up_is_left_out_where_the_step_has_no_room() -> None:
    fixed = [RawCue(at, "Squeeze hard", "phase", 0) for at in range(0, 30_000, 1_000)]
    next_up = RawCue(20_000, "Next up: Rest", "next_up", 0)
    kept = make_room([*fixed, next_up], _span(0, 30_000), lambda text: 900)
    assert [cue.kind for cue in kept] == ["phase"] * 30


NO_ROOM = """\
title: No room
steps:
  - exercise: Fast squeezes
    reps: 4
    phases:
      - {name: Squeeze, time: 1s, say: Squeeze the muscles as hard as you can}
      - {name: Let go, time: 1s}
"""


def test_check_warns_at_the_step_that_leaves_no_room_and_still_passes(write: WriteFile) -> None:
    path = write("r.yaml", NO_ROOM)
    code, out = run("check", str(path))
    assert code == cli.EXIT_OK
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:3:5: steps[0]: warning: 'Squeeze the muscles as hard as")
    assert "comes 1.0 s after it, so one of them is cut short (and 4 more in this step)" in lines[0]
    assert lines[-1] == "1 file checked: all good, and 1 warning"


def test_check_warns_when_a_figure_cannot_move_in_step_with_the_phases(
    write: WriteFile,
) -> None:
    path = write(
        "r.yaml",
        """title: Holds
steps:
  - exercise: Pelvic floor holds
    figure: pelvic-floor-hold
    reps: 3
    phases:
      - {name: Squeeze, time: 3s}
      - {name: Hold, time: 5s}
      - {name: Relax, time: 5s}
  - exercise: Tilts
    figure: pelvic-tilt-all-fours
    reps: 3
    phases:
      - {name: Tilt, time: 4s}
      - {name: Flat back, time: 3s}
""",
    )
    code, out = run("check", str(path))
    assert code == cli.EXIT_OK
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}:4:13: steps[0].figure: warning: 'pelvic-floor-hold' has 2 key poses and "
        "moves from one to the next in each phase, but a repetition here has 3 phases, so it "
        "would move out of step with the words; give the step 1 or 2 phases, or another figure"
    )
    assert lines[-1] == "1 file checked: all good, and 1 warning"


def test_plan_marks_each_cue_cut_short(write: WriteFile) -> None:
    path = write("r.yaml", NO_ROOM)
    code, out = run("plan", str(path))
    assert code == cli.EXIT_OK
    marked = [line for line in out.splitlines() if "(cut short: too little room)" in line]
    assert len(marked) == 7  # 4 squeezes, and letting go but the last (nothing follows it)
    assert "Fast squeezes. 4 times" not in "".join(marked)


def run(*args: str) -> tuple[int, str]:
    import io

    out = io.StringIO()
    return cli.main(list(args), out=out), out.getvalue()


class CuttingSpeaker(RecordingSpeaker):
    """A speaker that cuts off whatever it was saying when the next cue comes."""

    def __init__(self) -> None:
        super().__init__()
        self.cut: list[str] = []

    def say(self, text: str, priority: int, now: int) -> None:
        if self.said:
            self.cut.append(self.said[-1][1])
        super().say(text, priority, now)

    def take_cut(self) -> list[str]:
        taken, self.cut = self.cut, []
        return taken


def test_the_events_file_says_which_words_were_cut_short(tmp_path: Path) -> None:
    from player.routine.model import Routine

    routine = Routine.model_validate(
        {"title": "T", "lead_in": 0, "prepare": 0, "steps": [{"exercise": "Hold", "time": 30}]}
    )
    log_path = tmp_path / "events.jsonl"
    session = Session(Engine(routine), CuttingSpeaker(), log=EventLog(log_path))
    session.start(0)
    for now in range(0, 31_000, 500):
        session.tick(now)
    session.close()
    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    said = [r["text"] for r in records if r["event"] == "cue"]
    cut = [r["text"] for r in records if r["event"] == "cue_cut"]
    assert len(said) > 2
    assert cut == said[:-1]
