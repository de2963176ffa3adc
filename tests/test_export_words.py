"""The exported track speaks to someone listening on a phone: no done to press, and the
silence left for a step that waits is said; the live session keeps its own words."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import soundfile

from player import cli
from player.commands.routines import open_routine
from player.home.user_dirs import UserDirs
from player.playback.announcements import WAIT_FOR_DONE, for_listener
from player.playback.compiler import compile_timeline
from player.playback.timeline import Timeline
from player.speech.export import SAMPLE_RATE
from player.speech.synth import VoiceSettings, clip_name
from tests.conftest import REPO, ROUTINES

EXAMPLE = REPO / "docs" / "example" / "my-back-routine.yaml"
KEYS_AND_BUTTONS = re.compile(
    r"\bdone\b|\b(press|click|tap|hit) (enter|space|the \w+ (key|button))\b", re.IGNORECASE
)


def plan_of(path: Path) -> Timeline:
    return compile_timeline(open_routine(str(path)).routine)


def waiting_announcement(plan: Timeline) -> str:
    waits = {i for i, segment in enumerate(plan.segments) if segment.kind == "wait"}
    steps = {plan.segments[i].step for i in waits}
    return next(c.text for c in plan.cues if c.step in steps and c.kind == "announce")


def test_the_live_session_still_asks_for_done() -> None:
    plan = plan_of(EXAMPLE)
    assert plan.waits == 1
    assert waiting_announcement(plan).endswith(WAIT_FOR_DONE)


def test_in_the_track_the_wait_is_a_stated_silence_and_pausing_the_track() -> None:
    words = for_listener(waiting_announcement(plan_of(EXAMPLE)), 30_000)
    assert words.endswith("You have 30 seconds. Pause the track when you need longer")
    assert words.startswith("Quick squeezes. 10 times.")
    assert for_listener(WAIT_FOR_DONE, 90_000) == (
        "You have 1 minute 30 seconds. Pause the track when you need longer"
    )


@pytest.mark.parametrize(
    "path", [*sorted(ROUTINES.glob("*.yaml")), EXAMPLE], ids=lambda path: path.stem
)
def test_no_cue_of_a_track_speaks_of_keys_or_buttons(path: Path) -> None:
    for cue in plan_of(path).cues:
        words = for_listener(cue.text, 30_000)
        assert not KEYS_AND_BUTTONS.search(words), words
        if WAIT_FOR_DONE not in cue.text:
            assert words == cue.text  # every other cue is said as in the live session


def test_export_says_the_listener_words_and_leaves_the_silence_it_states(
    tmp_path: Path, own_home: Path
) -> None:
    out = tmp_path / "example.ogg"
    code = cli.main(
        ["export", str(EXAMPLE), "--audio", str(out), "--wait-seconds", "20"], out=io.StringIO()
    )
    assert code == cli.EXIT_OK
    plan = plan_of(EXAMPLE)
    live = waiting_announcement(plan)
    clips = UserDirs.under(own_home).speech_cache / VoiceSettings().key()
    assert (clips / clip_name(for_listener(live, 20_000))).is_file()
    assert not (clips / clip_name(live)).exists()  # "Press done" was never rendered
    frames = soundfile.info(str(out)).frames
    assert abs(frames - (plan.total_ms + 20_000) * SAMPLE_RATE // 1000) <= SAMPLE_RATE // 20


def test_a_wait_of_more_than_an_hour_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "x.mp3"
    code = cli.main(
        ["export", str(EXAMPLE), "--audio", str(out), "--wait-seconds", "3601"], out=io.StringIO()
    )
    assert code == cli.EXIT_INVALID
    assert not out.exists()
