"""Which language the player speaks: ``--language``, else the ``language`` setting, else the
system's locale, else English; and how a language named anywhere becomes one it has."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from player import cli
from player.commands.base import Context
from player.home.language_setting import language_setting
from player.home.user_dirs import UserDirs
from player.language import PSEUDO, current, normalise, speaking, use
from player.language.choice import choose, given_on_command_line
from player.language.codes import from_environment
from player.language.translate import _, ngettext, pgettext, pseudo

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(own_home: object) -> Run:
    dirs = UserDirs.from_environment()

    def _run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(list(args), context=Context(out=out, dirs=dirs, err_stream=lambda: err))
        return code, out.getvalue(), err.getvalue()

    return _run


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("es_ES.UTF-8", "es"),
        ("vi_VN", "vi"),
        ("VI", "vi"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh_Hans", "zh-Hans"),
        ("zh_CN.GB18030", "zh-Hans"),
        ("en_GB.UTF-8@euro", "en"),
        ("zh-TW", None),
        ("zh_Hant_HK", None),
        ("fr_FR", None),
        ("C", None),
        ("", None),
        ("x-pseudo", PSEUDO),
    ],
)
def test_a_language_named_as_people_and_systems_name_it(name: str, tag: str | None) -> None:
    assert normalise(name) == tag


@pytest.mark.parametrize(
    ("environ", "tag"),
    [
        ({"LANGUAGE": "fr:vi:en", "LANG": "es_ES.UTF-8"}, "vi"),
        ({"LC_ALL": "es_MX.UTF-8", "LANG": "vi_VN.UTF-8"}, "es"),
        ({"LC_ALL": "C", "LANG": "vi_VN.UTF-8"}, None),
        ({"LC_MESSAGES": "zh_CN.UTF-8"}, "zh-Hans"),
        ({"LANG": "C.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_system_locale_is_read_as_gettext_reads_it(
    environ: dict[str, str], tag: str | None
) -> None:
    assert from_environment(environ) == tag


def test_the_command_line_wins_then_the_setting_then_the_locale_then_english() -> None:
    assert choose("es", "vi", {"LANG": "zh_CN"}) == "es"
    assert choose(None, "vi", {"LANG": "zh_CN"}) == "vi"
    assert choose(None, None, {"LANG": "zh_CN"}) == "zh-Hans"
    assert choose(None, None, {"LANG": "fr_FR"}) == "en"


def test_the_language_option_is_found_wherever_it_is_typed() -> None:
    assert given_on_command_line(["play", "x", "--language", "vi"]) == "vi"
    assert given_on_command_line(["--language=es", "list"]) == "es"
    assert given_on_command_line(["list", "--", "--language", "vi"]) is None
    assert given_on_command_line(["list"]) is None


def test_the_setting_is_read_quietly(own_home: object, tmp_path: object) -> None:
    dirs = UserDirs.from_environment()
    dirs.settings_file.parent.mkdir(parents=True, exist_ok=True)
    dirs.settings_file.write_text("# mine\nrate: 165\nlanguage: vi_VN # mine\n", "utf-8")
    assert language_setting(dirs.settings_file) == "vi"
    dirs.settings_file.write_text("language: 'zh'\n", "utf-8")
    assert language_setting(dirs.settings_file) == "zh-Hans"
    dirs.settings_file.write_text("keys:\n  language: vi\n", "utf-8")
    assert language_setting(dirs.settings_file) is None
    dirs.settings_file.write_text("language: [1, 2\n", "utf-8")
    assert language_setting(dirs.settings_file) is None
    dirs.settings_file.write_text("language: x-pseudo\n", "utf-8")
    assert language_setting(dirs.settings_file) is None
    dirs.settings_file.unlink()
    assert language_setting(dirs.settings_file) is None


def test_an_unknown_language_on_the_command_line_is_a_usage_error(run: Run) -> None:
    code, out, err = run("--language", "xx", "list")
    assert code == 2
    assert out == ""
    assert "unknown language 'xx'; choose one of en, es, vi, zh-Hans" in err


def test_the_setting_speaks_until_the_command_line_says_otherwise(run: Run) -> None:
    assert run("settings", "set", "language", "zh-CN")[0] == 0
    run("list")
    assert current() == "zh-Hans"
    run("--language", "es", "list")
    assert current() == "es"


def test_a_setting_for_a_language_the_player_lacks_is_refused(run: Run) -> None:
    code, _out, err = run("settings", "set", "language", "fr")
    assert code == 2
    assert "expected one of en, es, vi, zh-Hans, found 'fr'" in err


def test_the_language_option_comes_before_the_command_too(run: Run) -> None:
    code, _out, _err = run("--language", "vi", "list")
    assert code == 0
    assert current() == "vi"


def test_argparse_speaks_the_language_in_use(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run("--language", "x-pseudo", "--help")
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(pseudo("usage: "))
    assert pseudo("show this help message and exit") in out


def test_the_pseudo_language_wraps_every_form_and_keeps_placeholders() -> None:
    with speaking(PSEUDO):
        assert _("Pause") == "[!! Pause !!]"
        assert ngettext("{count} time", "{count} times", 3).format(count=3) == "[!! 3 times !!]"
        assert pgettext("button", "Back") == "[!! Back !!]"
    assert _("Pause") == "Pause"


def test_a_language_is_spoken_until_another_is_chosen() -> None:
    use("vi")
    assert current() == "vi"
    with speaking("es"):
        assert current() == "es"
    assert current() == "vi"
