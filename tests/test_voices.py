"""The voices: listed with their language and name, chosen by either, and a voice that is
not installed refused in one line with the nearest one, or (from the settings, at play)
said in one line while the default voice speaks."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from player import cli
from player.commands.base import Context
from player.home.user_dirs import UserDirs
from player.speech import synth as synth_module
from player.speech.server import voice_list
from player.speech.synth import Pyttsx3Synthesizer, VoiceSettings, clip_name
from player.speech.voices import Voice, find_voice, unknown_voice, voices_from

Run = Callable[..., tuple[int, str, str]]

VOICES = (
    Voice("gmw/en-029", "English (Caribbean)", ("en-029",)),
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("gmw/en-gb-scotland", "English (Scotland)", ("en-gb-scotland",)),
    Voice("gmw/en-us", "English (America)", ("en-us",)),
    Voice("roa/fr", "French (France)", ("fr-fr",)),
)


@pytest.fixture
def dirs(unanswered_home: Path) -> UserDirs:
    """A home with no settings file yet."""
    return UserDirs.under(unanswered_home)


@pytest.fixture
def run(dirs: UserDirs) -> Run:
    """run("voices") -> (exit code, standard output, standard error)."""

    def _run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        context = Context(out=out, dirs=dirs, err_stream=lambda: err, program="run.py")
        code = cli.main(list(args), context=context)
        return code, out.getvalue(), err.getvalue()

    return _run


# -- which voice a name stands for -----------------------------------------------------------


def test_a_voice_is_found_by_its_language_name_or_id_in_any_case() -> None:
    assert find_voice("en-gb", VOICES) == VOICES[1]  # not Scotland, whose id holds en-gb
    assert find_voice("EN-US", VOICES) == VOICES[3]
    assert find_voice("English (Scotland)", VOICES) == VOICES[2]
    assert find_voice("gmw/en", VOICES) == VOICES[1]
    assert find_voice("fr", VOICES) == VOICES[4]  # the beginning of a language
    assert find_voice("france", VOICES) == VOICES[4]  # a part of a name


def test_a_name_of_no_installed_voice_finds_none() -> None:
    assert find_voice("vulcan", VOICES) is None
    assert find_voice("  ", VOICES) is None


def test_an_unknown_voice_is_told_with_the_nearest_and_where_to_see_them_all() -> None:
    assert unknown_voice("englsh", VOICES, "run.py voices") == (
        "no voice called 'englsh' is installed; did you mean 'english'? 'run.py voices' lists all 5"
    )
    assert unknown_voice("vulcan", VOICES, "run.py voices") == (
        "no voice called 'vulcan' is installed: 'run.py voices' lists all 5"
    )
    long = unknown_voice("x" * 5000, VOICES, "run.py voices")
    assert len(long) < 120


def test_the_speech_process_lists_voices_as_plain_text() -> None:
    """espeak gives its languages as bytes after a priority byte; some drivers give None."""
    engine = SimpleNamespace(
        getProperty=lambda name: [
            SimpleNamespace(id="gmw/en", name="English (Great Britain)", languages=[b"\x05en-gb"]),
            SimpleNamespace(id="sit/yue", name=None, languages=None),
            SimpleNamespace(id="", name="No id", languages=[]),
        ]
    )
    listed = voice_list(engine)
    assert listed == [
        {"id": "gmw/en", "name": "English (Great Britain)", "languages": ["en-gb"]},
        {"id": "sit/yue", "name": "", "languages": []},
    ]
    assert voices_from(listed) == (
        Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
        Voice("sit/yue", "", ()),
    )
    assert voices_from("not a list") == ()


# -- the real speech engine ------------------------------------------------------------------


def test_voices_lists_the_installed_voices_with_language_and_name(run: Run) -> None:
    code, out, err = run("voices")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["language", "name", "id"]
    assert any(line.split()[:2] == ["en-gb", "English"] for line in lines[1:])
    count = len([line for line in lines[1:] if line.strip()]) - 1
    assert lines[-1].startswith(f"{count} voices. Choose one by its language or name: ")
    assert "'run.py settings set voice en-gb'" in lines[-1]
    assert count > 10


def test_voices_without_a_speech_engine_is_one_line(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(synth_module.sys, "executable", "/bin/false")
    code, out, err = run("voices")
    assert (code, out) == (cli.EXIT_FAILED, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("No speech engine (the speech engine did not start).")


def test_play_refuses_an_unknown_voice_before_anything_else(run: Run, dirs: UserDirs) -> None:
    code, out, err = run("play", "no-such-routine", "--voice", "vulcan", "--ui", "none")
    assert (code, out) == (cli.EXIT_INVALID, "")
    assert re.fullmatch(
        r"--voice: no voice called 'vulcan' is installed: 'run.py voices' lists all \d+\n", err
    )
    assert not dirs.history_file.exists()


def test_export_refuses_an_unknown_voice_with_the_nearest(run: Run, tmp_path: Path) -> None:
    out_file = tmp_path / "x.mp3"
    code, out, err = run("export", "daily-back-care", "--voice", "englsh", "--audio", str(out_file))
    assert (code, out) == (cli.EXIT_INVALID, "")
    assert err.startswith(
        "--voice: no voice called 'englsh' is installed; did you mean 'english'? "
        "'run.py voices' lists all "
    )
    assert len(err.splitlines()) == 1
    assert not out_file.exists()


def test_a_voice_of_5000_characters_is_refused_in_one_short_line(run: Run, dirs: UserDirs) -> None:
    for args in (("settings", "set", "voice", "x" * 5000), ("play", "--voice", "x" * 5000)):
        code, out, err = run(*args)
        assert (code, out) == (cli.EXIT_INVALID, "")
        assert err.endswith(
            "voice: expected a voice name of at most 100 characters, such as en-gb, "
            "found one of 5,000\n"
        )
        assert len(err) < 120
    assert not dirs.settings_file.exists()


def test_settings_set_refuses_a_voice_that_is_not_installed(run: Run, dirs: UserDirs) -> None:
    code, out, err = run("settings", "set", "voice", "vulcan")
    assert (code, out) == (cli.EXIT_INVALID, "")
    assert err.startswith("voice: no voice called 'vulcan' is installed: 'run.py voices' lists all")
    assert len(err.splitlines()) == 1
    assert not dirs.settings_file.exists()
    assert run("settings", "set", "voice", "en-us")[0] == cli.EXIT_OK
    assert "voice: en-us" in dirs.settings_file.read_text(encoding="utf-8")


def test_settings_set_keeps_a_voice_it_cannot_check_and_says_so(
    run: Run, dirs: UserDirs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(synth_module.sys, "executable", "/bin/false")
    code, _out, err = run("settings", "set", "voice", "en-gb")
    assert code == cli.EXIT_OK
    assert err.startswith("The installed voices cannot be listed here (no speech engine)")
    assert "voice: en-gb" in dirs.settings_file.read_text(encoding="utf-8")


def test_a_voice_set_but_no_longer_installed_is_said_and_the_default_speaks(
    run: Run, dirs: UserDirs, tmp_path: Path
) -> None:
    dirs.settings_file.parent.mkdir(parents=True, exist_ok=True)
    dirs.settings_file.write_text("voice: vulcan\n", encoding="utf-8")
    out_file = tmp_path / "daily.ogg"
    code, out, err = run("export", "daily-back-care", "--audio", str(out_file))
    assert code == cli.EXIT_OK
    assert out.startswith(f"wrote {out_file}: ")
    assert re.fullmatch(
        r"No voice called 'vulcan' is installed: 'run.py voices' lists all \d+\. "
        r"The default voice speaks instead\.\n",
        err,
    )
    default_clips = dirs.speech_cache / VoiceSettings().key()
    assert (default_clips / clip_name("Ready.")).is_file()


def test_a_chosen_voice_speaks_and_keeps_its_clips_apart(tmp_path: Path) -> None:
    default = Pyttsx3Synthesizer(tmp_path)
    american = Pyttsx3Synthesizer(tmp_path, VoiceSettings(voice="en-us"))
    try:
        assert default.voice is None
        assert american.voice is not None and american.voice.id == "gmw/en-us"
        assert american.cache == tmp_path / "gmw-en-us-165-1.00"
        mine, theirs = american.render("Tomato"), default.render("Tomato")
        assert mine is not None and theirs is not None and mine != theirs
        assert mine.read_bytes() != theirs.read_bytes()  # another voice, another sound
    finally:
        american.close()
        default.close()
