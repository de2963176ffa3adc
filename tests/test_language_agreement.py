"""The player's words and a routine's agree in every language: the start screen says
"Stop if it hurts" once, a routine with no words in the language says so, and a language
just set speaks at once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from player import cli
from player.care.safety import says_stop_if_it_hurts
from player.commands.base import Context
from player.home.user_dirs import UserDirs
from player.language import speaking
from tests.conftest import ROUTINES

TRANSLATED = ("es", "vi", "zh-Hans")


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=UserDirs.from_environment(), err_stream=lambda: err)
    code = cli.main(list(args), context=context)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_routines_stop_if_it_hurts_is_known_in_its_translation(language: str) -> None:
    for words_file in sorted((ROUTINES / "translations" / language).glob("*.yaml")):
        words = yaml.safe_load(words_file.read_text("utf-8"))["words"]
        translated = words["Stop if it hurts."]
        with speaking(language):
            assert says_stop_if_it_hurts(translated), (words_file, translated)
            others = [words[note] for note in words if note != "Stop if it hurts."]
            assert not any(says_stop_if_it_hurts(other) for other in others), words_file


def test_a_routine_with_no_words_in_the_language_says_it_plays_in_its_own(
    tmp_path: Path,
) -> None:
    routine = tmp_path / "mine.yaml"
    routine.write_text("title: Mine\nsteps:\n  - exercise: Reach\n    time: 10s\n", "utf-8")
    code, out, err = _run("--language", "es", "plan", str(routine))
    assert code == 0
    assert err.splitlines() == [
        "'mine' aún no tiene sus palabras en Español: se reproduce en English."
    ]
    assert out.startswith("Mine\n")
    code, out, err = _run("--language", "es", "plan", "daily-back-care")
    assert (code, err) == (0, "")
    assert out.startswith("Cuidado diario de la espalda\n")


def test_a_language_just_set_is_spoken_at_once(own_home: Path) -> None:
    code, out, _err = _run("settings", "set", "language", "vi")
    assert code == 0
    assert out.splitlines()[-1].startswith("đã lưu vào ")
    code, out, _err = _run("--language", "es", "settings", "set", "language", "zh-Hans")
    assert code == 0
    assert out.splitlines()[-1].startswith("guardado en ")  # --language speaks this time
