"""``history``, its chart and ``settings`` in another language: no English word escapes
the catalogs, and dates are written the way the language writes them."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from player import cli
from player.commands.base import Context
from player.history import chart
from player.history.ending import session_ending
from player.history.opening import open_history
from player.history.resume import nothing_to_resume, resume_decision
from player.home.bindings import ACTION_NAMES, NAMED_KEYS
from player.home.settings import KEY_NAMES
from player.home.user_dirs import UserDirs
from player.language import PSEUDO, formats, speaking
from tests.test_history_command import NOW, add, filled, ignore
from tests.test_history_ending import TODAY, YESTERDAY, record, whole
from tests.test_history_resume import stopped

WRAPPED = re.compile(r"\[!! (?:(?!\[!! ).)*? !!\]", re.S)
"""One message of the pseudo-language with no other inside it."""
WORD = re.compile(r"[A-Za-z]{3,}")
DAY = re.compile(r"\b(?:[A-Z][a-z]{2} )?\d{1,2} [A-Z][a-z]{2}(?: \d{4})?\b")
"""A date as English (and so the pseudo-language) writes it, from the CLDR data: ``Wed 12
Mar``, ``3 Mar``, ``30 Mar 2025``: formats, not messages."""

ROUTINES = ("back-care", "pelvic-tilts")
"""The routines of the sessions recorded: names, never translated."""
TYPED = ("off", "yes")
"""Values as typed after ``settings set`` (``on`` is too short to be seen as a word)."""
COMMANDS = ("settings set KEY VALUE", "settings unset KEY", "play")
"""Commands a message tells the person to type, after the program's name."""


def names_not_translated(*paths: Path) -> list[str]:
    """Everything that may stand outside the pseudo-language's brackets, longest first:
    paths, commands, routine names, settings keys, key and action names, typed values."""
    context = Context(out=io.StringIO())
    names = [
        *(str(path) for path in paths),
        *(context.command(command) for command in COMMANDS),
        *ROUTINES,
        *(f"keys.{action}" for action in ACTION_NAMES),
        *KEY_NAMES,
        *NAMED_KEYS,
        *TYPED,
    ]
    return sorted(names, key=len, reverse=True)


def escaped(text: str, allowed: list[str]) -> list[str]:
    """The words of ``text`` of 3 letters or more outside every ``[!! ... !!]``, once the
    names in ``allowed`` are taken out."""
    while True:
        inner = WRAPPED.sub(" ", text)
        if inner == text:
            break
        text = inner
    text = DAY.sub(" ", text)
    for name in allowed:
        text = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", " ", text)
    return WORD.findall(text)


@pytest.fixture
def home(own_home: Path) -> UserDirs:
    """Sessions of two routines over two weeks, a preview and one carried on, and settings
    that give a key away from its default action."""
    filled(own_home)
    history = open_history(UserDirs.under(own_home).history_file, ignore, NOW)
    add(history, NOW - timedelta(days=2), 4, speed=25)
    add(history, NOW - timedelta(days=3), 10, "stopped", before=5, after=3)
    history.close()
    dirs = UserDirs.under(own_home)
    dirs.settings_file.parent.mkdir(parents=True, exist_ok=True)
    dirs.settings_file.write_text("keys:\n  next: b\nweek: 20\nvolume: 0.8\n", "utf-8")
    return dirs


def run(dirs: UserDirs, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=dirs, now=lambda: NOW, err_stream=lambda: err)
    code = cli.main(list(args), context=context)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def chart_words(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every text the chart draws, as it draws it."""
    drawn: list[str] = []
    draw = chart._text

    def noting(surface: object, font: object, words: str, *rest: object) -> object:
        drawn.append(words)
        return draw(surface, font, words, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(chart, "_text", noting)
    yield drawn


def test_history_in_the_pseudo_language_leaves_no_english_word(home: UserDirs) -> None:
    code, out, err = run(home, "--language", PSEUDO, "history")

    assert (code, err) == (0, "")
    assert "[!! Sessions in the last 14 days: !!]" in out
    assert "[!! preview x25 !!]" in out
    assert "[!! Pain, from 0 (none) to 10 (worst), on average: !!]" in out
    assert escaped(out, names_not_translated()) == []


def test_no_history_yet_in_the_pseudo_language(own_home: Path) -> None:
    code, out, err = run(UserDirs.under(own_home), "--language", PSEUDO, "history")

    assert (code, err) == (0, "")
    assert out.startswith("[!! No sessions recorded yet.")
    assert escaped(out, names_not_translated()) == []


def test_the_chart_in_the_pseudo_language_leaves_no_english_word(
    home: UserDirs, tmp_path: Path, chart_words: list[str]
) -> None:
    picture = tmp_path / "chart.png"

    code, out, err = run(home, "--language", PSEUDO, "history", "--chart", str(picture))

    assert (code, err) == (0, "")
    assert picture.exists()
    assert f"[!! Chart of the last 4 weeks written to {picture} !!]" in out
    assert escaped(out, names_not_translated(picture)) == []
    assert "[!! today !!]" in chart_words and "[!! pain after !!]" in chart_words
    # The weekday letters and the dates under the columns are CLDR's, not messages.
    assert escaped("\n".join(chart_words), []) == []


def test_settings_in_the_pseudo_language_leave_no_english_word(home: UserDirs) -> None:
    code, out, err = run(home, "--language", PSEUDO, "settings")

    assert (code, err) == (0, "")
    assert "[!! Settings file: " in out
    assert "[!! default, less what is given to others ([!! b to next !!]) !!]" in out
    assert escaped(out, names_not_translated(home.settings_file)) == []


def test_the_first_use_answer_in_the_pseudo_language_leaves_no_english_word(
    home: UserDirs,
) -> None:
    key = "advised-against-exercise"
    code, out, err = run(home, "--language", PSEUDO, "settings", "set", key, "yes")
    assert (code, err) == (0, "")
    assert out.startswith("advised-against-exercise: yes\n  [!! The exercise routines ")
    code, shown, err = run(home, "--language", PSEUDO, "settings")
    assert (code, err) == (0, "")
    assert escaped(out + shown, names_not_translated(home.settings_file)) == []
    code, out, err = run(home, "--language", PSEUDO, "settings", "unset", key)
    assert (code, err) == (0, "")
    code, shown, err = run(home, "--language", PSEUDO, "settings")
    assert "[!! not answered yet (asked before the first exercise routine) !!]" in shown
    assert escaped(out + shown, names_not_translated(home.settings_file)) == []


def test_a_bad_value_in_the_pseudo_language_leaves_no_english_word(home: UserDirs) -> None:
    code, out, err = run(home, "--language", PSEUDO, "settings", "set", "large-text", "1")

    assert code != 0 and out == ""
    assert err.startswith("large-text: [!! expected on or off (or yes/no, true/false), found ")
    assert escaped(err, names_not_translated()) == []


def test_history_in_spanish_writes_its_days_the_spanish_way(home: UserDirs) -> None:
    code, out, err = run(home, "--language", "es", "history")

    with speaking("es"):
        wednesday = formats.day(NOW.date())
    assert (code, err) == (0, "")
    assert wednesday == "mié, 12 mar"
    assert f"  {wednesday}   8:05  pelvic-tilts" in out


def test_the_resume_lines_and_the_end_screen_in_the_pseudo_language() -> None:
    with speaking(PSEUDO):
        lines = [
            resume_decision(stopped(reps=8), "abc").message,
            resume_decision(stopped(), "changed").message,
            resume_decision(stopped(reps=8), "abc", reps=10).message,
            resume_decision(stopped(), "abc", reps=10).message,
            *(
                nothing_to_resume(why, "back-care")
                for why in (
                    "none today",
                    "previews only",
                    "finished",
                    "carried on",
                    "before a step",
                    "something wrong",
                )
            ),
        ]
        well_done = session_ending([YESTERDAY], whole(2, TODAY), TODAY.date())
        skipped = record(2, TODAY, *((i, 850) for i in range(13)))
        short = session_ending([YESTERDAY], skipped, TODAY.date())
    assert lines[0] == "[!! Carrying on from where you stopped at 18:04. !!]"
    endings = [
        *(ending.headline for ending in (well_done, short)),
        *(ending.reason for ending in (well_done, short)),
        *well_done.lines,
        *short.lines,
    ]
    assert "[!! Well done !!]" in endings
    shown = "\n".join(text for text in [*lines, *endings] if text)
    assert escaped(shown, []) == []
