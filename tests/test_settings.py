"""The settings file: showing it, changing one setting, reading damaged files, precedence."""

from __future__ import annotations

import argparse
import io
import os
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player import cli
from player.commands import options
from player.commands.base import Context
from player.home.settings import (
    HEADER,
    Settings,
    SettingsError,
    load_settings,
    load_settings_or_defaults,
    week_from_due_date,
)
from player.home.user_dirs import UserDirs
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.loader import load_routine
from player.routine.values import format_duration
from player.speech.synth import VoiceSettings
from tests.conftest import ROUTINES

NOW = datetime(2026, 5, 4, 9, 15, tzinfo=timezone(timedelta(hours=2)))
TODAY = NOW.date()

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def dirs(unanswered_home: Path) -> UserDirs:
    """A home with no settings file yet."""
    return UserDirs.under(unanswered_home)


@pytest.fixture
def run(dirs: UserDirs) -> Run:
    """run("settings", "set", ...) -> (exit code, standard output, standard error)."""

    def _run(*args: str, now: datetime = NOW) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        context = Context(out=out, dirs=dirs, now=lambda: now, err_stream=lambda: err)
        code = cli.main(list(args), context=context)
        return code, out.getvalue(), err.getvalue()

    return _run


def rows(out: str) -> dict[str, list[str]]:
    """The table 'settings' prints, by key: [value, from]."""
    table = out.split("\n\n")[1]
    cells = [re.split(r"\s{2,}", line) for line in table.splitlines()]
    assert cells[0] == ["key", "value", "from"]
    return {row[0]: row[1:] for row in cells[1:]}


# -- showing ------------------------------------------------------------------------------


def test_settings_without_a_file_shows_every_default_and_the_path(run: Run, dirs: UserDirs) -> None:
    code, out, err = run("settings")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"Settings file: {dirs.settings_file} (not written yet: every setting is at its default)"
    )
    assert rows(out) == {
        "language": ["the system's, else English", "default"],
        "voice": ["the system's default voice", "default"],
        "rate": ["165", "default"],
        "volume": ["1", "default"],
        "mute": ["off", "default"],
        "captions": ["on", "default"],
        "large-text": ["off", "default"],
        "high-contrast": ["off", "default"],
        "flash": ["off", "default"],
        "listen": ["off", "default"],
        "lead-in": ["each routine's own", "default"],
        "week": ["not set", "default"],
        "due-date": ["not set", "default"],
        "advised-against-exercise": [
            "not answered yet (asked before the first exercise routine)",
            "default",
        ],
        "reps.ROUTINE": ["each routine's own", "default"],
        "keys.pause": ["space, b, ., f5, media play, media stop", "default"],
        "keys.next": ["right, n, page down, media next", "default"],
        "keys.back": ["left, p, page up, media previous", "default"],
        "keys.done": ["enter", "default"],
        "keys.restart": ["r", "default"],
        "keys.more-time": ["+, =", "default"],
        "keys.less-time": ["-, _", "default"],
        "keys.mute": ["m", "default"],
        "keys.captions": ["c", "default"],
        "keys.quit": ["escape, q", "default"],
        "keys.something-wrong": ["x", "default"],
        "keys.help": ["h, ?", "default"],
        "keys.fullscreen": ["f", "default"],
    }
    assert "Pregnancy week" not in out
    assert not dirs.settings_file.exists()


def test_set_writes_the_file_and_settings_shows_where_each_value_comes_from(
    run: Run, dirs: UserDirs
) -> None:
    assert run("settings", "set", "rate", "180") == (
        0,
        f"rate: 180\nsaved in {dirs.settings_file}\n",
        "",
    )
    assert run("settings", "set", "large-text", "yes")[0] == 0
    assert run("settings", "set", "volume", "0.8")[0] == 0
    assert run("settings", "set", "lead-in", "5s")[0] == 0
    assert run("settings", "set", "voice", "en-gb")[0] == 0
    assert run("settings", "set", "reps.partner-back-massage", "8")[0] == 0
    text = dirs.settings_file.read_text(encoding="utf-8")
    assert text == (
        HEADER.format(program="routine-player")
        + "\nvoice: en-gb\nrate: 180\nvolume: 0.8\nlarge-text: true\nlead-in: 5\n"
        "reps:\n  partner-back-massage: 8\n"
    )
    code, out, _err = run("settings")
    assert code == 0
    shown = rows(out)
    assert shown["rate"] == ["180", "file"]
    assert shown["large-text"] == ["on", "file"]
    assert shown["volume"] == ["0.8", "file"]
    assert shown["lead-in"] == ["5s", "file"]
    assert shown["voice"] == ["en-gb", "file"]
    assert shown["reps.partner-back-massage"] == ["8", "file"]
    assert shown["mute"] == ["off", "default"]
    assert "reps.ROUTINE" not in shown
    loaded = load_settings(dirs.settings_file)
    assert (loaded.rate, loaded.large_text, loaded.volume) == (180, True, 0.8)
    assert (loaded.lead_in_ms, loaded.voice, loaded.reps) == (
        5000,
        "en-gb",
        {"partner-back-massage": 8},
    )


@pytest.mark.parametrize("word", ["unset", "default"])
def test_unset_or_default_puts_a_setting_back(run: Run, dirs: UserDirs, word: str) -> None:
    run("settings", "set", "rate", "200")
    run("settings", "set", "mute", "on")
    args = ("settings", "unset", "rate") if word == "unset" else ("settings", "set", "rate", word)
    assert run(*args) == (0, f"rate: 165\nsaved in {dirs.settings_file}\n", "")
    assert (
        dirs.settings_file.read_text(encoding="utf-8")
        == HEADER.format(program="routine-player") + "\nmute: true\n"
    )
    assert rows(run("settings")[1])["rate"] == ["165", "default"]


# -- refused values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("rate", "fast", "rate: expected words a minute from 80 to 400, found 'fast'"),
        ("rate", "500", "rate: expected words a minute from 80 to 400, found '500'"),
        ("rate", "170.5", "rate: expected words a minute from 80 to 400, found '170.5'"),
        ("volume", "2", "volume: expected a number from 0 to 1, such as 0.8, found '2'"),
        ("volume", "loud", "volume: expected a number from 0 to 1, such as 0.8, found 'loud'"),
        ("mute", "maybe", "mute: expected on or off (or yes/no, true/false), found 'maybe'"),
        ("captions", "2", "captions: expected on or off (or yes/no, true/false), found '2'"),
        (
            "lead-in",
            "3m",
            "lead-in: expected seconds from 0 to 120, such as 10 or 10s, found '3m'",
        ),
        (
            "lead-in",
            "121",
            "lead-in: expected seconds from 0 to 120, such as 10 or 10s, found '121'",
        ),
        ("week", "43", "week: expected a pregnancy week from 1 to 42, found '43'"),
        ("week", "0", "week: expected a pregnancy week from 1 to 42, found '0'"),
        (
            "due-date",
            "14/03/2027",
            "due-date: expected a date such as 2027-03-14, found '14/03/2027'",
        ),
        (
            "due-date",
            "2028-01-01",
            "due-date: expected a date from 2026-04-20 to 2027-02-08 (weeks 1 to 42 of "
            "pregnancy today), found 2028-01-01",
        ),
        ("voice", " ", "voice: expected a voice name or part of it, such as en-gb, found ' '"),
        (
            "rat",
            "100",
            "unknown setting 'rat'; did you mean 'rate'? The settings are: language, voice, "
            "rate, volume, "
            "mute, captions, large-text, high-contrast, flash, listen, lead-in, week, due-date, "
            "advised-against-exercise, reps.ROUTINE, keys.ACTION",
        ),
        (
            "large_text",
            "on",
            "unknown setting 'large_text'; did you mean 'large-text'? The settings are: "
            "language, voice, "
            "rate, volume, mute, captions, large-text, high-contrast, flash, listen, lead-in, "
            "week, due-date, advised-against-exercise, reps.ROUTINE, keys.ACTION",
        ),
        ("reps", "8", "reps: name the routine after a dot, such as reps.partner-back-massage"),
    ],
)
def test_a_refused_value_names_the_key_and_what_is_allowed_and_changes_nothing(
    run: Run, dirs: UserDirs, key: str, value: str, message: str
) -> None:
    run("settings", "set", "rate", "190")
    before = dirs.settings_file.read_bytes()
    assert run("settings", "set", key, value) == (2, "", message + "\n")
    assert dirs.settings_file.read_bytes() == before
    assert sorted(p.name for p in dirs.config.iterdir()) == ["settings.yaml"]


def test_reps_for_an_unknown_routine_names_the_known_ones(run: Run) -> None:
    code, out, err = run("settings", "set", "reps.partner-back-masage", "8")
    names = ", ".join(path.stem for path in sorted(ROUTINES.glob("*.yaml")))
    assert (code, out) == (2, "")
    assert err == (
        "reps.partner-back-masage: no routine named 'partner-back-masage'; did you mean "
        f"'partner-back-massage'? (bundled: {names})\n"
    )


def test_reps_outside_the_routine_s_range_is_refused(run: Run, dirs: UserDirs) -> None:
    assert run("settings", "set", "reps.partner-back-massage", "12") == (
        2,
        "",
        "reps.partner-back-massage: 12 repetitions is outside 5 to 10 for 'Massage sequence'; "
        "choose a number in that range\n",
    )
    assert run("settings", "set", "reps.posture-drills", "3")[2].startswith("reps.posture-drills: ")
    assert not dirs.settings_file.exists()


def test_reps_of_a_routine_of_your_own(run: Run, dirs: UserDirs) -> None:
    dirs.routines.mkdir(parents=True)
    (dirs.routines / "mine.yaml").write_text(
        "title: Mine\nsteps:\n  - exercise: Squats\n    reps: 2-4\n    time: 3s\n",
        encoding="utf-8",
    )
    assert run("settings", "set", "reps.mine", "5")[2] == (
        "reps.mine: 5 repetitions is outside 2 to 4 for 'Squats'; choose a number in that range\n"
    )
    assert run("settings", "set", "reps.mine", "3")[0] == 0
    assert load_settings(dirs.settings_file).reps == {"mine": 3}


def test_reps_for_a_routine_with_several_ranges_says_what_fits_them_all(
    run: Run, dirs: UserDirs
) -> None:
    dirs.routines.mkdir(parents=True)
    (dirs.routines / "two.yaml").write_text(
        "title: Two\nsteps:\n  - exercise: Squats\n    reps: 2-4\n    time: 3s\n"
        "  - exercise: Lunges\n    reps: 3-8\n    time: 3s\n",
        encoding="utf-8",
    )
    assert run("settings", "set", "reps.two", "6")[2] == (
        "reps.two: 6 repetitions is outside 2 to 4 for 'Squats'; choose a number in that range "
        "(one number sets every range of it: 3 to 4 fit them all)\n"
    )
    assert run("settings", "set", "reps.two", "4")[0] == 0


def test_a_stale_reps_setting_can_still_be_unset(run: Run, dirs: UserDirs) -> None:
    dirs.config.mkdir(parents=True)
    dirs.settings_file.write_text("reps:\n  gone: 8\n  partner-back-massage: 6\n")
    assert run("settings", "unset", "reps.gone")[0] == 0
    assert load_settings(dirs.settings_file).reps == {"partner-back-massage": 6}


# -- the pregnancy week -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_until_due", "week"),
    [
        (0, 40),
        (140, 20),
        (141, 19),
        (146, 19),
        (147, 19),
        (148, 18),
        (273, 1),
        (400, 1),
        (-7, 41),
        (-14, 42),
        (-60, 42),
    ],
)
def test_the_week_from_a_due_date_counts_completed_weeks(days_until_due: int, week: int) -> None:
    assert week_from_due_date(TODAY + timedelta(days=days_until_due), TODAY) == week
    settings = Settings(due_date=TODAY + timedelta(days=days_until_due))
    assert settings.pregnancy_week(TODAY) == week


def test_a_week_set_today_goes_up_every_seven_days(run: Run, dirs: UserDirs) -> None:
    assert run("settings", "set", "week", "20") == (
        0,
        f"week: 20 (set on {TODAY}); pregnancy week 20 today\nsaved in {dirs.settings_file}\n",
        "",
    )
    stored = load_settings(dirs.settings_file)
    assert (stored.week, stored.week_set_on) == (20, TODAY)
    later = {days: stored.pregnancy_week(TODAY + timedelta(days=days)) for days in (6, 7, 20, 21)}
    assert later == {6: 20, 7: 21, 20: 22, 21: 23}
    assert stored.pregnancy_week(TODAY + timedelta(days=400)) == 42
    assert stored.pregnancy_week(TODAY - timedelta(days=30)) == 20
    out = run("settings", now=NOW + timedelta(days=15))[1]
    assert f"Pregnancy week today ({TODAY + timedelta(days=15)}): 22" in out


def test_a_week_written_by_hand_without_its_day_stays_as_written(dirs: UserDirs) -> None:
    dirs.config.mkdir(parents=True)
    dirs.settings_file.write_text("week: 24\n")
    assert load_settings(dirs.settings_file).pregnancy_week(TODAY + timedelta(days=70)) == 24


def test_week_and_due_date_replace_each_other(run: Run, dirs: UserDirs) -> None:
    run("settings", "set", "week", "20")
    code, out, _err = run("settings", "set", "due-date", "2026-10-01")
    assert code == 0
    assert out.splitlines()[:2] == [
        "due-date: 2026-10-01; pregnancy week 18 today",
        "  week removed: the week comes from one or the other",
    ]
    stored = load_settings(dirs.settings_file)
    assert (stored.week, stored.week_set_on, stored.due_date) == (None, None, date(2026, 10, 1))
    run("settings", "set", "week", "21")
    stored = load_settings(dirs.settings_file)
    assert (stored.week, stored.week_set_on, stored.due_date) == (21, TODAY, None)
    assert "due-date" not in dirs.settings_file.read_text(encoding="utf-8")


# -- damaged files ------------------------------------------------------------------------


def write_settings(dirs: UserDirs, text: str | bytes) -> Path:
    dirs.config.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        dirs.settings_file.write_bytes(text)
    else:
        dirs.settings_file.write_text(text, encoding="utf-8")
    return dirs.settings_file


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            "# mine\nrate: fast\nmute: maybe\n",
            [
                "2:7: rate: expected words a minute from 80 to 400, found 'fast'",
                "3:7: mute: expected on or off (or yes/no, true/false), found 'maybe'",
            ],
        ),
        (
            "rat: 100\n",
            [
                "1:1: unknown setting 'rat'; did you mean 'rate'? The settings are: language, "
                "voice, rate, "
                "volume, mute, captions, large-text, high-contrast, flash, listen, lead-in, week, "
                "due-date, advised-against-exercise, week-set-on, reps, keys",
            ],
        ),
        (
            "week: 20\ndue-date: 2026-09-01\n",
            [
                "2:1: due-date: give week or due-date, not both; remove one (the week is worked "
                "out from the due date)"
            ],
        ),
        (
            "reps:\n  partner-back-massage: lots\n",
            [
                "2:25: reps.partner-back-massage: expected a number of repetitions from 1 to "
                "1000, found 'lots'"
            ],
        ),
        ("rate: [1,\n", ["2:1: YAML syntax: "]),
        ("rate: 180\n\tmute: true\n", ["2:1: YAML syntax: "]),
        (
            "rate: !!python/object/apply:os.system ['echo hi']\n",
            [
                "1:7: tags such as '!!python/object/apply:os.system' are not allowed in a "
                "settings file; remove it"
            ],
        ),
        (
            "- rate\n",
            [
                "1:1: the settings file must hold keys with values, such as 'rate: 165', "
                "found a list"
            ],
        ),
        (b"rate: 1\xff\n", ["1:8: the file is not UTF-8 text (byte 0xff here); "]),
    ],
)
def test_a_damaged_file_is_reported_with_its_line_and_what_to_fix(
    run: Run, dirs: UserDirs, text: str | bytes, problems: list[str]
) -> None:
    path = write_settings(dirs, text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(problems)
    for line, expected in zip(lines, problems, strict=True):
        assert line.startswith(f"{path}:{expected}"), line
    before = path.read_bytes()
    code, out, err = run("settings")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        *lines,
        f"Fix the settings file in a text editor ({path}), or delete it to start again from "
        "the defaults.",
    ]
    assert run("settings", "set", "rate", "170")[0] == 2
    assert path.read_bytes() == before


def test_play_and_plan_go_on_with_the_defaults_after_one_warning_line(
    run: Run, dirs: UserDirs
) -> None:
    path = write_settings(dirs, "rate: fast\nmute: maybe\nlead-in: 1\n")
    warnings: list[str] = []
    assert load_settings_or_defaults(path, warnings.append) == Settings()
    assert warnings == [
        f"Settings not used: {path}:1:7: rate: expected words a minute from 80 to 400, found "
        "'fast' (and 1 more). Going on with the defaults; 'routine-player settings' shows what "
        "to fix."
    ]
    code, out, err = run("plan", "daily-back-care")
    assert code == 0
    assert err == warnings[0] + "\n"
    expected = compile_timeline(load_routine(ROUTINES / "daily-back-care.yaml").routine)
    assert f"\nTotal: {format_duration(expected.total_ms)}" in out


def test_an_empty_or_commented_file_means_the_defaults(dirs: UserDirs) -> None:
    for text in ("", "# nothing yet\n\n", HEADER.format(program="routine-player")):
        assert load_settings(write_settings(dirs, text)) == Settings()


def test_settings_written_by_hand_with_command_line_keys_and_words(dirs: UserDirs) -> None:
    path = write_settings(
        dirs,
        "large-text: yes\nhigh-contrast: on\ncaptions: off\nrate: '150'\nlead-in: 7.5s\n"
        "due-date: 2026-09-01\nreps:\n  partner-back-massage: 6\n",
    )
    loaded = load_settings(path)
    assert (loaded.large_text, loaded.high_contrast, loaded.captions) == (True, True, False)
    assert (loaded.rate, loaded.lead_in_ms, loaded.due_date) == (150, 7500, date(2026, 9, 1))
    assert loaded.reps == {"partner-back-massage": 6}


# -- writing ------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    run: Run, dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("settings", "set", "rate", "190")
    before = dirs.settings_file.read_bytes()

    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    code, _out, err = run("settings", "set", "rate", "200")
    assert code == 1
    assert err.splitlines() == [
        f"The settings could not be saved in {dirs.settings_file}: no space left on device."
    ]
    assert dirs.settings_file.read_bytes() == before
    assert sorted(p.name for p in dirs.config.iterdir()) == ["settings.yaml"]


# -- precedence: the command line, then the settings, then the defaults -------------------


def namespace(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**given)


def test_voice_options_override_settings_which_override_defaults() -> None:
    mine = Settings(voice="en-gb", rate=180, volume=0.5)
    none_given = namespace(voice=None, rate=None, volume=None)
    assert options.voice_settings(none_given) == VoiceSettings()
    assert options.voice_settings(none_given, mine) == VoiceSettings("en-gb", 180, 0.5)
    given = namespace(voice="en-us", rate=200, volume=0.0)
    assert options.voice_settings(given, mine) == VoiceSettings("en-us", 200, 0.0)
    assert options.voice_settings(namespace(), mine) == VoiceSettings("en-gb", 180, 0.5)


def test_switches_and_lead_in_follow_the_options_then_the_settings() -> None:
    mine = Settings(mute=True, captions=False, large_text=True, high_contrast=True, lead_in=4)
    assert options.muted(namespace(mute=None), mine) is True
    assert options.muted(namespace(mute=False), mine) is False
    assert options.muted(namespace(mute=True), Settings()) is True
    assert options.captions(namespace(), mine) is False
    assert options.captions(namespace(captions=True), mine) is True
    assert options.large_text(namespace(large_text=None), mine) is True
    assert options.high_contrast(namespace(high_contrast=False), mine) is False
    assert options.lead_in_ms(namespace(), mine) == 4000
    assert options.lead_in_ms(namespace(lead_in=0.0), mine) == 0
    assert options.lead_in_ms(namespace(), Settings()) is None


def test_the_shared_options_parse_as_the_settings_do() -> None:
    parser = argparse.ArgumentParser()
    options.add_voice_and_reps(parser)
    options.add_mute_option(parser)
    options.add_display_options(parser)
    args = parser.parse_args(["--no-mute", "--no-captions", "--large-text", "--lead-in", "3s"])
    assert (args.mute, args.captions, args.large_text, args.high_contrast) == (
        False,
        False,
        True,
        None,
    )
    assert args.lead_in == 3.0
    assert parser.parse_args([]).mute is None
    with pytest.raises(SystemExit):
        parser.parse_args(["--rate", "fast"])


def test_choices_take_reps_from_the_options_then_the_settings() -> None:
    loaded = load_routine(ROUTINES / "partner-back-massage.yaml")
    mine = Settings(reps={"partner-back-massage": 6}, lead_in=2)
    warnings: list[str] = []
    assert options.choices_for(namespace(reps=None), mine, loaded, warnings.append) == Choices(
        reps=6, lead_in_ms=2000
    )
    assert options.choices_for(namespace(reps=9), mine, loaded, warnings.append) == Choices(
        reps=9, lead_in_ms=2000
    )
    assert options.choices_for(namespace(), Settings(), loaded, warnings.append) == Choices()
    assert warnings == []


def test_a_reps_setting_that_no_longer_fits_is_dropped_with_a_warning() -> None:
    loaded = load_routine(ROUTINES / "partner-back-massage.yaml")
    stale = Settings(reps={"partner-back-massage": 30})
    warnings: list[str] = []
    assert options.choices_for(namespace(reps=None), stale, loaded, warnings.append) == Choices()
    assert warnings == [
        "Settings: reps.partner-back-massage is 30, which does not fit: 30 repetitions is outside "
        "5 to 10 for 'Massage sequence'; choose a number in that range. Using the routine's own; "
        "change it with 'routine-player settings set reps.partner-back-massage N' or "
        "'routine-player settings unset reps.partner-back-massage'."
    ]


def test_plan_uses_the_reps_and_lead_in_settings_and_reps_on_the_command_line_wins(
    run: Run,
) -> None:
    routine = load_routine(ROUTINES / "partner-back-massage.yaml").routine

    def total(choices: Choices) -> str:
        return f"\nTotal: {format_duration(compile_timeline(routine, choices).total_ms)}"

    run("settings", "set", "reps.partner-back-massage", "6")
    run("settings", "set", "lead-in", "3")
    code, out, err = run("plan", "partner-back-massage")
    assert (code, err) == (0, "")
    assert total(Choices(reps=6, lead_in_ms=3000)) in out
    assert total(Choices(reps=6, lead_in_ms=3000)) != total(Choices())
    code, out, err = run("plan", "partner-back-massage", "--reps", "9")
    assert (code, err) == (0, "")
    assert total(Choices(reps=9, lead_in_ms=3000)) in out
