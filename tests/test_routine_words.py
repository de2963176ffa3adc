"""A routine's words in another language: words files beside the routine and the files it
includes, played in the language in use, and every fault in them told by ``check``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml

from player import cli
from player.home.user_dirs import UserDirs
from player.language import PSEUDO, current
from player.playback.playable import check_playable
from player.routine.loader import load_routine
from player.routine.model import Exercise, Instruction
from player.routine.problems import RoutineError
from player.routine.template import copy_routine
from player.routine.words import draft, session_language, texts
from player.routine.yaml_source import read_document
from tests.conftest import ROUTINES, WriteFile

ROUTINE = """
title: Gentle stretch
summary: Two stretches and a rest.
safety:
  - Stop if it hurts.
include: [shared.yaml]
lead_in: 2s
prepare: 3s
steps:
  - instruction: Sit on a chair.
    time: 5s
  - use: reach
  - exercise: Side bend
    time: 10s
    do: Lean to one side.
  - rest: 5s
"""

SHARED = """
title: Shared stretches
exercises:
  reach:
    exercise: Reach up
    reps: 2
    phases:
      - {name: Up, time: 2s, say: "Up, {rep}"}
      - {name: Down, time: 2s}
"""

ROUTINE_VI = """
# Vietnamese words for gentle.yaml.
language: vi
words:
  Gentle stretch: Giãn cơ nhẹ nhàng
  Two stretches and a rest.: Hai động tác giãn và một lần nghỉ.
  Stop if it hurts.: Dừng lại nếu thấy đau.
  Sit on a chair.: Ngồi trên ghế.
  Side bend: Nghiêng người
  Lean to one side.: Nghiêng sang một bên.
"""

SHARED_VI = """
language: vi
words:
  Shared stretches: Các động tác giãn chung
  Reach up: Với lên
  Up: Lên
  Down: Xuống
  "Up, {rep}": "Lên, {rep}"
"""


@pytest.fixture
def gentle(write: WriteFile) -> Path:
    """A routine that includes a file of exercises, each with its Vietnamese words."""
    write("shared.yaml", SHARED)
    write("translations/vi/shared.yaml", SHARED_VI)
    write("translations/vi/gentle.yaml", ROUTINE_VI)
    return write("gentle.yaml", ROUTINE)


def _steps(path: Path, language: str | None) -> list[object]:
    return list(load_routine(path, language=language).routine.steps)


def test_the_texts_of_a_file_are_those_a_person_reads_or_hears() -> None:
    assert texts(yaml.safe_load(ROUTINE)) == [
        "Gentle stretch",
        "Two stretches and a rest.",
        "Stop if it hurts.",
        "Sit on a chair.",
        "Side bend",
        "Lean to one side.",
    ]
    assert texts(yaml.safe_load(SHARED)) == [
        "Shared stretches",
        "Reach up",
        "Up",
        "Up, {rep}",
        "Down",
    ]


def test_a_routine_loaded_in_a_language_takes_the_words_of_each_file(gentle: Path) -> None:
    loaded = load_routine(gentle, language="vi")
    assert loaded.language == "vi"
    routine = loaded.routine
    assert routine.title == "Giãn cơ nhẹ nhàng"
    assert routine.safety == ("Dừng lại nếu thấy đau.",)
    sit, reach, bend, _rest = routine.steps
    assert isinstance(sit, Instruction) and sit.instruction == "Ngồi trên ghế."
    assert isinstance(reach, Exercise) and reach.exercise == "Với lên"
    assert reach.phases is not None
    assert [(p.name, p.say) for p in reach.phases] == [("Lên", "Lên, {rep}"), ("Xuống", None)]
    assert isinstance(bend, Exercise) and (bend.exercise, bend.do) == (
        "Nghiêng người",
        "Nghiêng sang một bên.",
    )
    # Times, counts and everything else come from the routine file.
    english = load_routine(gentle).routine.steps
    assert isinstance(english[1], Exercise)
    assert (sit.time, reach.reps, bend.time) == (5000, english[1].reps, 10_000)


def test_the_same_routine_without_a_language_keeps_its_own_words(gentle: Path) -> None:
    loaded = load_routine(gentle)
    assert (loaded.language, loaded.routine.title) == ("en", "Gentle stretch")
    assert load_routine(gentle, language="es").language == "en"  # no Spanish words


def test_a_text_with_no_fitting_translation_keeps_its_words(gentle: Path, write: WriteFile) -> None:
    write(
        "translations/vi/shared.yaml",
        """
        language: vi
        words:
          Reach up: ""
          "Up, {rep}": "Lên"
        """,
    )
    reach = _steps(gentle, "vi")[1]
    assert isinstance(reach, Exercise) and reach.phases is not None
    assert reach.exercise == "Reach up"  # left empty
    assert [(p.name, p.say) for p in reach.phases] == [("Up", "Up, {rep}"), ("Down", None)]


def test_a_routine_with_no_words_in_the_language_takes_none_for_its_includes(
    gentle: Path,
) -> None:
    (gentle.parent / "translations/vi/gentle.yaml").unlink()
    loaded = load_routine(gentle, language="vi")
    assert loaded.language == "en"
    reach = loaded.routine.steps[1]
    assert isinstance(reach, Exercise) and reach.exercise == "Reach up"


def test_a_broken_words_file_changes_nothing_when_playing(gentle: Path, write: WriteFile) -> None:
    write("translations/vi/gentle.yaml", "language: vi\nwords: [\n")
    loaded = load_routine(gentle, language="vi")
    assert (loaded.language, loaded.routine.title) == ("en", "Gentle stretch")


def test_a_routine_says_the_language_it_is_written_in(write: WriteFile) -> None:
    path = write("doux.yaml", "title: Étirement doux\nlanguage: fr\nsteps:\n  - rest: 5s\n")
    loaded = load_routine(path, language="vi")
    assert (loaded.language, loaded.routine.language) == ("fr", "fr")


@pytest.mark.parametrize("written", ["'1'", "français", "f", "en_US", "x y", "''"])
def test_a_malformed_language_tag_is_told_where_it_is(write: WriteFile, written: str) -> None:
    path = write("bad.yaml", f"title: Bad\nlanguage: {written}\nsteps:\n  - rest: 5s\n")
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.path) == (2, 11, "language")
    assert "is not a language tag; write a language tag such as en, es, vi" in problem.message


@pytest.mark.parametrize(
    ("asked", "played_in", "spoken"),
    [
        ("vi", "vi", "vi"),  # the routine has Vietnamese words
        ("vi", "en", "en"),  # it has none: cues in English, as its words
        ("en", "vi", "vi"),  # a routine written in Vietnamese
        ("en", "zh-CN", "zh-Hans"),
        ("es", "fr", "es"),  # the player speaks no French
        (PSEUDO, "en", PSEUDO),  # the pseudo-language stays, to find words that escape
    ],
)
def test_the_session_speaks_the_language_of_the_routines_words(
    asked: str, played_in: str, spoken: str
) -> None:
    assert session_language(asked, played_in) == spoken


# -- check ----------------------------------------------------------------------------------


def _check(path: Path) -> list[str]:
    found = [p for p in check_playable([path]) if not p.warning]
    return [str(p).replace(str(path.parent) + "/", "") for p in found]


def test_complete_words_files_pass_check(gentle: Path) -> None:
    assert [line for line in _check(gentle) if "warning" not in line] == []


def test_check_tells_missing_extra_and_changed_placeholders_where_they_are(
    gentle: Path, write: WriteFile
) -> None:
    write(
        "translations/vi/shared.yaml",
        """
        language: vi
        words:
          Shared stretches: Các động tác giãn chung
          Reach up high: Với lên cao
          Up: Lên
          Down:
          "Up, {rep}": "Lên, {reps}"
        """,
    )
    assert _check(gentle) == [
        "translations/vi/shared.yaml:2:1: words: no translation of 'Reach up'; add it under "
        "'words:'",
        "translations/vi/shared.yaml:4:3: words: 'Reach up high' is no text of shared.yaml; did "
        "you mean 'Reach up'? Correct it to the text as the file now writes it, or remove it",
        "translations/vi/shared.yaml:6:8: words: write the translation of 'Down'",
        "translations/vi/shared.yaml:7:16: words: the translation of 'Up, {rep}' has the "
        "placeholders {reps} but the text has {rep}; keep each placeholder, such as {rep}, "
        "exactly as the text writes it",
    ]


def test_check_tells_a_words_file_of_another_language_and_unknown_keys(
    gentle: Path, write: WriteFile
) -> None:
    write("translations/vi/gentle.yaml", ROUTINE_VI.replace("language: vi", "language: es"))
    write("translations/vi/shared.yaml", "langauge: vi\n" + SHARED_VI.split("\n", 2)[2])
    assert _check(gentle) == [
        "translations/vi/gentle.yaml:2:11: language: language 'es' but the file is in the "
        "folder 'vi'; write language: vi, or move the file to translations/es/",
        "translations/vi/shared.yaml:1:1: langauge: unknown key 'langauge'; did you mean "
        "'language'? A words file has only 'language:' and 'words:'",
        "translations/vi/shared.yaml:1:1: language: missing 'language: vi' (the folder it is in)",
    ]


def test_check_tells_a_words_file_that_is_not_yaml(gentle: Path, write: WriteFile) -> None:
    write("translations/es/gentle.yaml", "language: es\nwords:\n  Gentle stretch: [\n")
    assert _check(gentle) == [
        "translations/es/gentle.yaml:4:1: YAML syntax: while parsing a flow node: did not find "
        "expected node content"
    ]


def test_check_on_the_command_line_fails_on_an_incomplete_translation(
    gentle: Path, write: WriteFile
) -> None:
    write("translations/vi/gentle.yaml", "language: vi\nwords:\n  Gentle stretch: Giãn cơ\n")
    out = io.StringIO()
    assert cli.main(["check", str(gentle)], out=out) == cli.EXIT_INVALID
    assert "no translation of 'Sit on a chair.'" in out.getvalue()
    assert "Traceback" not in out.getvalue()
    # Playing it still works, each text without words keeping its own.
    out = io.StringIO()
    assert cli.main(["--language", "vi", "plan", str(gentle)], out=out) == cli.EXIT_OK
    assert out.getvalue().splitlines()[0] == "Giãn cơ"
    assert "Sit on a chair." in out.getvalue()


# -- the commands ---------------------------------------------------------------------------


def _plan(*args: str) -> str:
    out = io.StringIO()
    assert cli.main([*args], out=out) == cli.EXIT_OK
    return out.getvalue()


def _times(plan: str) -> list[str]:
    return re.findall(r"\b\d+:\d\d\b", plan)


def test_plan_in_vietnamese_has_the_routines_words_and_the_same_times(gentle: Path) -> None:
    """Every time is written in the routine (a time that comes from how long its words
    take to say, such as a default prepare, follows the words said)."""
    english = _plan("plan", str(gentle))
    vietnamese = _plan("--language", "vi", "plan", str(gentle))
    assert vietnamese.splitlines()[0] == "Giãn cơ nhẹ nhàng"
    assert "Với lên" in vietnamese and "Reach up" not in vietnamese
    assert _times(vietnamese) == _times(english)
    assert current() == "vi"


def test_a_routine_with_no_words_in_the_language_in_use_is_played_in_its_own(
    gentle: Path,
) -> None:
    _plan("--language", "es", "plan", str(gentle))
    assert current() == "en"  # the cues agree with the routine's English words


def test_list_shows_the_titles_in_the_language_in_use(gentle: Path, own_home: Path) -> None:
    mine = UserDirs.under(own_home).routines
    for name in ("gentle.yaml", "shared.yaml"):
        (mine / name).parent.mkdir(parents=True, exist_ok=True)
        (mine / name).write_bytes((gentle.parent / name).read_bytes())
    for name in ("gentle.yaml", "shared.yaml"):
        target = mine / "translations/vi" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((gentle.parent / "translations/vi" / name).read_bytes())
    listed = _plan("--language", "vi", "list")
    assert "Giãn cơ nhẹ nhàng" in listed
    assert current() == "vi"  # listing switches no language


# -- a words file to fill in ----------------------------------------------------------------

ODD = """
title: "Odd: texts"
safety:
  - "yes"
  - 10 minutes, then rest
  - "Hold #2 {{gently}}"
  - Ngồi xuống, {side}
  - "  spaced  "
steps:
  - rest: 5s
"""


@pytest.mark.parametrize(
    "name", [*sorted(p.name for p in ROUTINES.glob("*.yaml")), "exercises/pregnancy-back.yaml"]
)
def test_a_drafted_words_file_reads_back_with_every_text(name: str, tmp_path: Path) -> None:
    file = ROUTINES / name
    text = draft(file, "fr", [])  # a language with no words yet
    assert text is not None
    written = tmp_path / "words.yaml"
    written.write_text(text, encoding="utf-8")
    doc = read_document(written, [])
    assert doc is not None
    assert list(doc.data["words"]) == texts(yaml.safe_load(file.read_text(encoding="utf-8")))
    assert set(doc.data["words"].values()) == {""}


def test_texts_that_need_quotes_are_drafted_with_them(write: WriteFile) -> None:
    file = write("odd.yaml", ODD)
    text = draft(file, "es", [])
    assert text is not None
    written = write("translations/es/odd.yaml", text)
    doc = read_document(written, [])
    assert doc is not None and list(doc.data["words"]) == texts(yaml.safe_load(ODD))
    assert '  Ngồi xuống, {side}: ""' in text.splitlines()


def test_the_words_command_keeps_what_is_translated(gentle: Path) -> None:
    words = gentle.parent / "translations/vi/gentle.yaml"
    words.write_text(
        "# Checked by a midwife.\nlanguage: vi\nwords:\n  Side bend: Nghiêng người\n  Old: Cũ\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert cli.main(["words", str(gentle), "vi", "--write"], out=out) == cli.EXIT_OK
    assert out.getvalue().startswith("wrote ")
    assert words.read_text(encoding="utf-8").splitlines() == [
        "# Checked by a midwife.",
        "language: vi",
        "words:",
        '  Gentle stretch: ""',
        '  Two stretches and a rest.: ""',
        '  Stop if it hurts.: ""',
        '  Sit on a chair.: ""',
        "  Side bend: Nghiêng người",
        '  Lean to one side.: ""',
        "  Old: Cũ",
    ]
    out = io.StringIO()
    assert cli.main(["words", str(gentle), "Tiếng"], out=out) == cli.EXIT_INVALID


def test_the_words_command_speaks_the_language_in_use(gentle: Path) -> None:
    out = io.StringIO()
    args = ["--language", PSEUDO, "words", str(gentle), "vi", "--write"]
    assert cli.main(args, out=out) == cli.EXIT_OK
    assert out.getvalue().startswith("[!! wrote ")
    assert out.getvalue().rstrip().endswith(" !!]")


def test_a_copy_of_a_routine_takes_its_words_along(gentle: Path, tmp_path: Path) -> None:
    dest = tmp_path / "mine" / "my-stretch.yaml"
    copied = copy_routine(gentle, dest)
    assert sorted(p.relative_to(dest.parent).as_posix() for p in copied.alongside) == [
        "shared.yaml",
        "translations/vi/my-stretch.yaml",
        "translations/vi/shared.yaml",
    ]
    loaded = load_routine(dest, language="vi")
    assert (loaded.language, loaded.routine.title) == ("vi", "Giãn cơ nhẹ nhàng")
