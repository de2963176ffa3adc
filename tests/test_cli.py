"""The command line: list, check, schema, plan and play, with their output and exit codes."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from player import cli
from player.playback.compiler import compile_timeline
from player.routine.loader import load_routine
from tests.conftest import ROUTINES, WriteFile

BUNDLED = sorted(ROUTINES.glob("*.yaml"))

TINY = """
title: Tiny
lead_in: 1s
prepare: 0
steps:
  - exercise: Reach
    time: 2s
    say:
      - {at: 1s, say: "Half of {step}"}
  - exercise: Squeezes
    reps: 3
  - rest: 1s
"""

ROOMY = """
title: Roomy
steps:
  - exercise: Reach
    time: 30s
  - rest: 10s
"""
"""A routine whose every cue has room to be heard whole: ``check`` passes it with no
warning."""

SMALL = """
title: Small
lead_in: 2s
prepare: 0
steps:
  - exercise: Plank
    time: 30s
  - exercise: Reach
    sides: both
    switch: 5s
    reps: 3
    phases:
      - {name: Reach, time: 4s}
      - {name: Back, time: 2s}
  - rest: 15s
  - block: Circuit
    sets: 2
    rest: 10s
    steps:
      - exercise: Squat
        time: 10s
  - instruction: Lie down.
    time: 7s
"""


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(args), out=out)
    return code, out.getvalue()


def total_seconds(plan: str) -> int:
    """The seconds of the 'Total: M:SS' line of a plan."""
    match = re.search(r"^Total: (?:(\d+):)?(\d+):(\d\d)\b", plan, re.MULTILINE)
    assert match, plan
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def plan_total(*args: str) -> int:
    code, out = run("plan", *args)
    assert code == cli.EXIT_OK, out
    return total_seconds(out)


def without_preparing(write: WriteFile, name: str) -> Path:
    """A copy of a bundled routine with no time to get into position before each exercise."""
    text = (ROUTINES / f"{name}.yaml").read_text(encoding="utf-8")
    return write(f"{name}.yaml", f"prepare: 0\n{text}")


# -- list ---------------------------------------------------------------------------------


def table_rows(out: str) -> list[list[str]]:
    """The rows of the table 'list' prints, before the blank line, split into cells."""
    table = out.split("\n\n")[0]
    return [re.split(r"\s{2,}", line) for line in table.splitlines()]


def test_list_shows_every_bundled_routine_with_its_title_and_length(own_home: Path) -> None:
    code, out = run("list")
    assert code == cli.EXIT_OK
    header, *body = table_rows(out)
    assert header == ["name", "from", "title", "length", "suits"]
    rows = {row[0]: row for row in body}
    assert sorted(rows) == [path.stem for path in BUNDLED]
    for path in BUNDLED:
        name, origin, title, length, suits = rows[path.stem]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert name == path.stem
        assert origin == "bundled"
        assert title == data["title"]
        assert re.fullmatch(r"\d+:\d\d( \+ your pace)?", length), length
        trimesters = str(data["suits"]["trimesters"])
        assert suits.startswith(f"trimester{'s' if '-' in trimesters else ''} {trimesters}")
    daily = plan_total("daily-back-care")
    assert rows["daily-back-care"][3] == f"{daily // 60}:{daily % 60:02d}"
    # Quick pelvic floor squeezes wait for done, so that routine's length is open-ended.
    assert rows["pelvic-strength"][3].endswith(" + your pace")
    assert not rows["partner-back-massage"][3].endswith(" + your pace")
    routines = own_home / "data" / "routines"
    assert out.split("\n\n")[1] == (
        f"Your own routines go in {routines}: 'routine-player new NAME' starts one.\n"
    )


def test_list_marks_a_routine_with_problems(own_home: Path) -> None:
    routines = own_home / "data" / "routines"
    routines.mkdir(parents=True)
    (routines / "good.yaml").write_text(
        "title: Good one\nlead_in: 0\nprepare: 0\nsteps:\n  - rest: 90s\n", encoding="utf-8"
    )
    (routines / "bad.yaml").write_text("title: Bad one\nsteps:\n  - rest: 0\n", encoding="utf-8")
    code, out = run("list")
    assert code == cli.EXIT_OK
    body = table_rows(out)[1:]
    assert body[:2] == [
        ["bad", "yours", "(has problems: run 'routine-player check')"],
        ["good", "yours", "Good one", "1:30", "any time"],
    ]
    assert [row[:2] for row in body[2:]] == [[path.stem, "bundled"] for path in BUNDLED]
    assert out.split("\n\n")[1] == f"yours: your own routines, in {routines}\n"


# -- check --------------------------------------------------------------------------------


def test_check_with_no_path_checks_every_bundled_routine() -> None:
    code, out = run("check")
    assert code == cli.EXIT_OK
    assert out == f"{len(BUNDLED)} files checked: all good\n"


def test_check_with_no_path_checks_your_routines_too(own_home: Path) -> None:
    mine = own_home / "data" / "routines" / "mine.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text("title: Mine\nsteps:\n  - rest: 0\n", encoding="utf-8")
    code, out = run("check")
    assert code == cli.EXIT_INVALID
    assert out.splitlines()[0].startswith(f"{mine}:3:")
    assert out.splitlines()[-1] == f"1 problem in 1 of {len(BUNDLED) + 1} files"


def test_check_prints_every_problem_of_every_file_and_a_summary(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write("bad1.yaml", "title: B\nsteps:\n  - exercise: A\n    tme: 5s\n  - rest: 0\n")
    write("bad2.yaml", "steps:\n  - excercise: A\n")
    monkeypatch.chdir(tmp_path)
    code, out = run("check", "bad1.yaml", "bad2.yaml")
    assert code == cli.EXIT_INVALID
    assert out.splitlines() == [
        "bad1.yaml:4:5: steps[0].tme: unknown key 'tme'; did you mean 'time'?",
        "bad1.yaml:5:11: steps[1].rest: a duration must be more than zero, found 0",
        "bad2.yaml:1:1: title: missing 'title', which is required here",
        "bad2.yaml:2:5: steps[0]: unknown step kind 'excercise'; did you mean 'exercise'?",
        "4 problems in 2 of 2 files",
    ]


def test_check_a_mix_of_good_and_bad_files(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write("good.yaml", ROOMY)
    write("bad.yaml", "title: B\nsteps:\n  - rest: soon\n")
    monkeypatch.chdir(tmp_path)
    code, out = run("check", "good.yaml", "bad.yaml", "gone.yaml")
    assert code == cli.EXIT_INVALID
    assert out.splitlines() == [
        "bad.yaml:3:11: steps[0].rest: expected a duration like 30s, 1m30s, 1:30, 2m or a "
        "number of seconds, found 'soon'",
        "gone.yaml:1:1: no such file",
        "2 problems in 2 of 3 files",
    ]


def test_check_one_good_file(write: WriteFile) -> None:
    path = write("good.yaml", ROOMY)
    assert run("check", str(path)) == (cli.EXIT_OK, "1 file checked: all good\n")


def test_check_passes_a_file_with_only_warnings_and_says_so(write: WriteFile) -> None:
    path = write("tight.yaml", TINY)  # a 1 s get-ready: no room to say it
    code, out = run("check", str(path))
    assert code == cli.EXIT_OK
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:1:1: warning: 'Tiny. Get ready. First: Reach' takes")
    assert lines[-1] == "1 file checked: all good, and 1 warning"


def test_check_one_problem(write: WriteFile) -> None:
    path = write("bad.yaml", "title: B\nsteps: []\n")
    assert run("check", str(path)) == (
        cli.EXIT_INVALID,
        f"{path}:2:8: steps: needs at least one entry\n1 problem in 1 of 1 file\n",
    )


# -- schema -------------------------------------------------------------------------------


def test_schema_is_json_for_routine_files() -> None:
    code, out = run("schema")
    assert code == cli.EXIT_OK
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Guided routine file"
    assert {"title", "steps", "include", "exercises"} <= set(schema["properties"])
    assert set(schema["required"]) == {"title", "steps"}
    assert schema["additionalProperties"] is False


def test_the_committed_routine_schema_is_up_to_date() -> None:
    code, out = run("schema")
    assert code == cli.EXIT_OK
    committed = (ROUTINES / "routine.schema.json").read_bytes()
    assert out.encode("utf-8") == committed, (
        "run: python run.py schema > routines/routine.schema.json"
    )


def test_the_committed_library_schema_is_up_to_date() -> None:
    code, out = run("schema", "--library")
    assert code == cli.EXIT_OK
    schema = json.loads(out)
    assert schema["title"] == "Guided exercise library file"
    assert schema["required"] == ["exercises"]
    committed = (ROUTINES / "exercises.schema.json").read_bytes()
    assert out.encode("utf-8") == committed, (
        "run: python run.py schema --library > routines/exercises.schema.json"
    )


# -- plan ---------------------------------------------------------------------------------


def test_plan_totals_of_a_small_routine(write: WriteFile) -> None:
    path = write("small.yaml", SMALL)
    code, out = run("plan", str(path))
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "Small"
    # lead-in 2 + plank 30 + reach 2 sides x 3 x (4 + 2) + switch 5 + rest 15
    # + 2 sets x squat 10 + rest 10 between them + instruction 7
    assert total_seconds(out) == 2 + 30 + (2 * 3 * 6 + 5) + 15 + (2 * 10 + 10) + 7
    assert "Total: 2:05\n" in out
    assert "Repetitions of" not in out


@pytest.mark.parametrize(
    ("more", "said"),
    [("", "1 step that waits"), ("  - exercise: B\n", "2 steps that wait")],
)
def test_plan_counts_steps_that_wait(write: WriteFile, more: str, said: str) -> None:
    path = write(
        "wait.yaml",
        "title: W\nlead_in: 0\nprepare: 0\nsteps:\n  - exercise: A\n    reps: 5\n"
        f"  - rest: 10s\n{more}",
    )
    code, out = run("plan", str(path))
    assert code == cli.EXIT_OK
    assert out.splitlines()[-1] == f"Total: 0:10, plus {said} for you to say done"


def test_plan_of_a_bundled_routine_without_preparing(write: WriteFile) -> None:
    # From the YAML: the default lead-in of 10 + stand tall 30 + instruction 15
    # + 8 pelvic tilts of 4 + 3 + rest 20 + 8 pelvic floor holds of 5 + 5 + rest 15
    # + rest on your side 2m.
    path = without_preparing(write, "daily-back-care")
    assert plan_total(str(path)) == 10 + 30 + 15 + 8 * 7 + 20 + 8 * 10 + 15 + 120
    assert plan_total(str(path), "--reps", "5") == 10 + 30 + 15 + 5 * 7 + 20 + 5 * 10 + 15 + 120


def test_plan_of_the_bundled_daily_routine_adds_time_to_get_ready(write: WriteFile) -> None:
    prepared = plan_total("daily-back-care")
    unprepared = plan_total(str(without_preparing(write, "daily-back-care")))
    # Four exercises, each with at least three seconds to get into position.
    assert prepared - unprepared >= 4 * 3
    # The announcements say "5 times" or "10 times": the same words, so the same preparation.
    assert plan_total("daily-back-care", "--reps", "10") - plan_total(
        "daily-back-care", "--reps", "5"
    ) == 5 * (4 + 3) + 5 * (5 + 5)


def test_plan_of_the_massage_by_the_number_of_sets(write: WriteFile) -> None:
    # One massage sequence: 3 x (6 + 2) + 20 + 20 + 3 x (5 + 2) + 4 x (4 + 2) = 109 seconds,
    # then 10 seconds of rest before the next set.
    sequence, rest = 3 * 8 + 20 + 20 + 3 * 7 + 4 * 6, 10
    plain = str(without_preparing(write, "partner-back-massage"))
    lead_in = 10  # the default
    assert plan_total(plain, "--reps", "5") == lead_in + 20 + 5 * sequence + 4 * rest + 30
    assert plan_total(plain, "--reps", "10") == lead_in + 20 + 10 * sequence + 9 * rest + 30

    totals = {sets: plan_total("partner-back-massage", "--reps", str(sets)) for sets in (5, 6, 10)}
    one_more_set = totals[6] - totals[5]
    # A later set has the same steps, the rest before it, and some time to get into position
    # for each of its five exercises.
    assert one_more_set >= sequence + rest + 5 * 3
    assert totals[10] - totals[5] == 5 * one_more_set


def test_plan_shows_the_chosen_repetitions() -> None:
    code, out = run("plan", "partner-back-massage", "--reps", "7")
    assert code == cli.EXIT_OK
    assert "\nRepetitions of 'Massage sequence': 7 (choose 5 to 10 with --reps)\n" in out
    code, out = run("plan", "partner-back-massage")
    assert "\nRepetitions of 'Massage sequence': 8 (choose 5 to 10 with --reps)\n" in out


@pytest.mark.parametrize(
    ("name", "reps", "message"),
    [
        (
            "partner-back-massage",
            "12",
            "12 repetitions is outside 5 to 10 for 'Massage sequence'; choose a number in that "
            "range",
        ),
        (
            "daily-back-care",
            "4",
            "4 repetitions is outside 5 to 10 for 'Pelvic tilts on all fours'; choose a number "
            "in that range",
        ),
    ],
)
def test_plan_refuses_repetitions_out_of_range(
    capsys: pytest.CaptureFixture[str], name: str, reps: str, message: str
) -> None:
    code, out = run("plan", name, "--reps", reps)
    assert (code, out) == (cli.EXIT_INVALID, "")
    assert capsys.readouterr().err == message + "\n"


def test_plan_refuses_repetitions_when_there_is_no_choice(
    write: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("small.yaml", SMALL)
    assert run("plan", str(path), "--reps", "3") == (cli.EXIT_INVALID, "")
    assert capsys.readouterr().err == (
        "'Small' has no repetitions to choose: every count in it is fixed\n"
    )


def test_plan_of_a_routine_with_problems(
    write: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("bad.yaml", "title: B\nsteps:\n  - rest: 0\n  - exercise: A\n    tme: 1s\n")
    assert run("plan", str(path)) == (cli.EXIT_INVALID, "")
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:3:11: steps[0].rest: a duration must be more than zero, found 0",
        f"{path}:5:5: steps[1].tme: unknown key 'tme'; did you mean 'time'?",
    ]


def test_an_unknown_routine_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("plan", "daily-bak-care") == (cli.EXIT_INVALID, "")
    names = ", ".join(path.stem for path in BUNDLED)
    assert capsys.readouterr().err == (
        "no routine file or routine named 'daily-bak-care'; did you mean "
        f"'daily-back-care'? (bundled: {names})\n"
    )


def test_a_bundled_routine_by_name_with_its_suffix() -> None:
    code, out = run("plan", "pelvic-strength.yaml")
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "Pelvic and lower-belly strength"


# -- usage --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
        (["plan"], "the following arguments are required: routine"),
        (["plan", "tiny", "--reps", "0"], "expected a number of 1 or more, found 0"),
        (["plan", "tiny", "--reps", "many"], "expected a whole number, found 'many'"),
        (["play", "tiny", "--speed", "0"], "speed runs from 0.1 to 1000, found 0"),
        (["play", "tiny", "--speed", "fast"], "expected a number such as 2 or 0.5, found 'fast'"),
        (["check", "--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_bad_usage(capsys: pytest.CaptureFixture[str], args: list[str], complaint: str) -> None:
    assert run(*args) == (cli.EXIT_INVALID, "")
    err = capsys.readouterr().err
    assert err.startswith("routine-player")
    assert complaint in err.splitlines()[0]
    assert "usage: routine-player" in err


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--help") == (cli.EXIT_OK, "")
    help_text = capsys.readouterr().out
    assert help_text.startswith("usage: routine-player")
    for command in ("list", "check", "schema", "plan", "play"):
        assert command in help_text


# -- play ---------------------------------------------------------------------------------


def test_play_at_speed_writes_every_event(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write("tiny.yaml", TINY)
    events_file = tmp_path / "events.jsonl"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out = run(
        "play", str(path), "--ui", "text", "--speed", "100", "--events", str(events_file)
    )
    assert code == cli.EXIT_OK

    events = [json.loads(line) for line in events_file.read_text(encoding="utf-8").splitlines()]
    started = [(e["step"], e["name"]) for e in events if e["event"] == "step_started"]
    assert started == [(0, "Get ready"), (1, "Reach"), (2, "Squeezes"), (3, "Rest")]

    timeline = compile_timeline(load_routine(path).routine)
    cue_keys = [e["key"] for e in events if e["event"] == "cue"]
    assert sorted(cue_keys) == sorted(cue.key for cue in timeline.cues)
    assert len(set(cue_keys)) == len(cue_keys)
    texts = [e["text"] for e in events if e["event"] == "cue"]
    assert "Half of Reach" in texts
    assert "Tiny. Get ready. First: Reach" in texts

    kinds = [e["event"] for e in events]
    assert kinds.index("waiting") < kinds.index("done")
    assert kinds[-1] == "finished"
    assert kinds.count("finished") == 1
    assert events[-1]["total_ms"] == 1_000 + 2_000 + 1_000

    assert out.splitlines()[0] == "Tiny: 0:04"
    assert "  (no keyboard input: moving on)" in out.splitlines()
    assert out.splitlines()[-1].endswith(
        "Finished. End of the preview. At 100 times the speed, it is not counted."
    )


def test_play_shows_the_safety_notes_first(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        "safe.yaml",
        "title: Safe\nlead_in: 0\nprepare: 0\nsafety:\n  - Breathe.\n  - Go slowly.\n"
        "steps:\n  - rest: 1s\n",
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out = run("play", str(path), "--ui", "text", "--speed", "100")
    assert code == cli.EXIT_OK
    assert out.splitlines()[:4] == [
        "Safe: 0:01",
        "  ! Breathe.",
        "  ! Go slowly.",
        "  Stop at once if anything hurts. Press Ctrl-C to stop.",
    ]


def test_play_refuses_repetitions_out_of_range(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(
        "play", "partner-back-massage", "--reps", "11", "--ui", "text", "--speed", "100"
    ) == (
        cli.EXIT_INVALID,
        "",
    )
    assert capsys.readouterr().err == (
        "11 repetitions is outside 5 to 10 for 'Massage sequence'; choose a number in that range\n"
    )


def test_play_with_an_events_file_that_cannot_be_written(
    write: WriteFile, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write("tiny.yaml", TINY)
    events_file = tmp_path / "no-such-folder" / "events.jsonl"
    code, _ = run("play", str(path), "--ui", "text", "--speed", "100", "--events", str(events_file))
    assert code == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert str(events_file) in err
    assert not events_file.exists()
