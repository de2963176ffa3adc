"""How much work ``check`` does for each file, counted rather than timed: each distinct
timeline is compiled once, and shared by the session's bounds and the room for its cues."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from player.playback import playable
from player.playback.timeline import Choices, Timeline
from player.routine.model import Routine
from tests.conftest import WriteFile

FIXED = """
    title: Fixed
    steps:
      - exercise: Cat and cow
        time: 30s
      - rest: 10s
      - exercise: Pelvic tilts
        reps: 8
        phases:
          - name: Tilt
            time: 2s
          - name: Release
            time: 2s
"""

RANGED_WITH_AN_ALTERNATIVE = """
    title: Ranged
    steps:
      - block: Twice
        sets: 2
        steps:
          - exercise: Bridge
            position: lying-on-back
            time: 20s
            alternative:
              exercise: Side bridge
              position: side-lying
              time: 20s
      - exercise: Pelvic tilts
        reps: 3-6
        phases:
          - name: Tilt
            time: 2s
"""


Chosen = tuple[int | None, bool]
"""The repetitions chosen, and whether lying on the back is avoided."""


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Counter[Chosen]:
    """How many times each choice is compiled while the test runs."""
    counts: Counter[Chosen] = Counter()
    compile_timeline = playable.compile_timeline

    def counting(
        routine: Routine, choices: Choices | None = None, paced_by: Routine | None = None
    ) -> Timeline:
        chosen = choices or Choices()
        assert chosen == Choices(reps=chosen.reps, avoid_lying_on_back=chosen.avoid_lying_on_back)
        counts[chosen.reps, chosen.avoid_lying_on_back] += 1
        return compile_timeline(routine, choices, paced_by)

    monkeypatch.setattr(playable, "compile_timeline", counting)
    return counts


def test_a_routine_with_no_choices_is_compiled_once(
    write: WriteFile, compiled: Counter[Chosen]
) -> None:
    problems = playable.check_playable([write("fixed.yaml", FIXED)])
    assert [p.path for p in problems] == ["steps[2]"]  # a warning: 'Release' cuts in
    assert compiled == {(None, False): 1}


def test_each_choice_that_can_change_the_session_is_compiled_once(
    write: WriteFile, compiled: Counter[Chosen]
) -> None:
    playable.check_playable([write("ranged.yaml", RANGED_WITH_AN_ALTERNATIVE)])
    assert compiled == {(reps, avoid): 1 for reps in (None, 3, 6) for avoid in (False, True)}


def test_loading_compiles_the_same_timelines_once(
    write: WriteFile, compiled: Counter[Chosen]
) -> None:
    playable.load_playable(write("ranged.yaml", RANGED_WITH_AN_ALTERNATIVE))
    assert sorted(compiled.values()) == [1] * 6


def test_a_session_too_long_stops_at_the_first_choice_that_is(
    write: WriteFile, compiled: Counter[Chosen]
) -> None:
    long = "title: Long\nsteps:\n  - exercise: Long\n    time: 25m\n    reps: 5-10\n"
    problems = playable.check_playable([write("long.yaml", long)])
    assert [p.message.split(";")[0] for p in problems] == [
        "the session would last more than 4:00:00, the longest a session may be with 10 repetitions"
    ]
    assert compiled == {(None, False): 1, (5, False): 1, (10, False): 1}


def test_the_time_to_say_each_text_is_worked_out_once(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from player.playback import announcements

    fitted: Counter[str] = Counter()
    stops = announcements._STOPS

    class CountingStops:
        def findall(self, text: str) -> list[str]:
            fitted[text] += 1
            return stops.findall(text)

    announcements._speaking_ms.cache_clear()
    monkeypatch.setattr(announcements, "_STOPS", CountingStops())
    paths = [write(f"r{n}.yaml", FIXED) for n in range(3)]
    playable.check_playable(paths)
    announcements._speaking_ms.cache_clear()  # forget what was fitted with the counter in place
    assert fitted, "nothing was said"
    assert set(fitted.values()) == {1}, fitted.most_common(3)


def test_what_is_shared_is_what_was_reported_before(write: WriteFile) -> None:
    """The timelines shared by the checks give the warnings compiling afresh gives."""
    path = write("ranged.yaml", RANGED_WITH_AN_ALTERNATIVE)
    loaded = playable.load_playable(path)
    assert playable.room_warnings(loaded) == playable.check_playable([path])


def test_each_path_is_resolved_once_in_a_check(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file's folder, the working folder and the bundled ones are the same for
    every file checked: their links are followed once."""
    from player.system import regular_files

    followed: Counter[Path] = Counter()
    resolve = regular_files._resolved

    def counting(path: Path) -> Path:
        followed[path] += 1
        return resolve(path)

    monkeypatch.setattr(regular_files, "_resolved", counting)
    paths = [write(f"r{n}.yaml", FIXED) for n in range(3)]
    playable.check_playable(paths)
    assert set(paths) <= set(followed)
    assert set(followed.values()) == {1}, followed.most_common(3)
    playable.check_playable(paths)
    assert set(followed.values()) == {2}, "nothing is remembered from one check to the next"
