"""The commands in the language in use: with ``--language x-pseudo`` every word ``plan``,
``list``, ``safety``, ``remind`` and ``--help`` print is a message of the catalog, apart
from routine text, names, paths and what is typed (commands, options)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from player import cli
from player.commands import menu
from player.commands.base import Context
from player.commands.routines import load
from player.home.user_dirs import UserDirs
from player.language import LANGUAGES, PSEUDO
from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.loader import RoutineFile
from tests.conftest import ROUTINES, png_bytes
from tests.pseudo_words import escaped_words

BUNDLED = sorted(path.stem for path in ROUTINES.glob("*.yaml"))
PROGRAM = "routine-player"
COMMAND_NAMES = tuple(item.name for item in menu.MENU)
STEP_TIME = re.compile(r"(?<![\d:])\d+:\d\d(?![\d:])(?! «)")
"""A step's start or length, or the total: a time that is not when a cue is said."""
TIME = re.compile(r"\b\d+:\d\d(?::\d\d)?\b")


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(args), out=out)
    return code, out.getvalue()


def pseudo(*args: str) -> str:
    code, out = run("--language", PSEUDO, *args)
    assert code == 0, out
    return out


def routine_words(loaded: RoutineFile) -> list[str]:
    """What a routine file says, which the routine's own translation gives."""
    routine = loaded.routine
    words = [loaded.name, routine.title, *routine.safety]
    for later in (False, True):  # the side-lying steps too
        timeline = compile_timeline(routine, Choices(avoid_lying_on_back=later))
        words += [step.name for step in timeline.steps]
        words += [segment.phase or "" for segment in timeline.segments]
    if routine.suits is not None and routine.suits.note:
        words.append(routine.suits.note)
    return words


def bundled(name: str) -> RoutineFile:
    return load(ROUTINES / f"{name}.yaml")


NOTE = re.compile(r"^  \((?:!|\*)\) (?!\[!!).*$", re.MULTILINE)
"""A line on what the week changes for a step (``(!) Step: why``): its words are the care
rules', checked with them."""


def plan_table(text: str) -> str:
    """A plan without its cues (the voice's words, checked where they are made), without
    the notes on steps, and without its sources (checked by ``sources_escaped``)."""
    text = text.split(SOURCES)[0]
    table = "\n".join(line.split("\u00ab")[0] for line in text.splitlines())
    return NOTE.sub("", table)


SOURCES = "[!! Sources: !!]"


def sources_escaped(text: str, loaded: RoutineFile) -> list[str]:
    """English in a plan's list of sources, other than the sources' own words (cited as
    written, in their own language, and wrapped over lines)."""
    listed = text.split(SOURCES)[1]
    cited = " ".join(
        str(value) for source in loaded.routine.sources for value in source.model_dump().values()
    )
    return escaped_words(listed, cited.split())


@pytest.mark.parametrize("name", BUNDLED)
def test_plan_shows_no_english(name: str) -> None:
    text = pseudo("plan", name)
    assert escaped_words(plan_table(text), [*routine_words(bundled(name)), "--reps"]) == [], text
    assert "[!! Total: " in text
    assert sources_escaped(text, bundled(name)) == [], text


def test_plan_with_a_week_set_shows_no_english() -> None:
    assert run("settings", "set", "week", "20")[0] == 0
    for name in BUNDLED:
        text = pseudo("plan", name)
        assert "[!! Your week: 20 !!]" in text
        shown = plan_table(text)
        assert escaped_words(shown, [*routine_words(bundled(name)), "--reps"]) == [], text


def test_list_shows_no_english() -> None:
    dirs = UserDirs.from_environment()
    text = pseudo("list")
    allowed = [str(dirs.routines), PROGRAM, *COMMAND_NAMES, "NAME"]
    for name in BUNDLED:
        allowed += routine_words(bundled(name))
    assert escaped_words(text, allowed) == [], text
    assert "[!! name !!]" in text and "[!! bundled !!]" in text


def test_list_with_a_week_and_a_routine_of_yours_shows_no_english() -> None:
    dirs = UserDirs.from_environment()
    dirs.routines.mkdir(parents=True, exist_ok=True)
    (dirs.routines / "first-trimester.yaml").write_text(
        "title: Mine\nlead_in: 0\nsuits: {weeks: 1-12}\nsteps:\n  - rest: 30s\n", encoding="utf-8"
    )
    assert run("settings", "set", "week", "20")[0] == 0
    text = pseudo("list")
    allowed = [str(dirs.routines), PROGRAM, "Mine", "first-trimester"]
    for name in BUNDLED:
        allowed += routine_words(bundled(name))
    assert escaped_words(text, allowed) == [], text
    assert "[!! [!! weeks 1-12 !!] (! not for week 20) !!]" in text
    assert "[!! yours, hides bundled !!]" in text


@pytest.mark.parametrize(("week", "advised"), [(None, None), ("20", "yes"), (None, "default")])
def test_safety_shows_no_english(week: str | None, advised: str | None) -> None:
    if week is not None:
        assert run("settings", "set", "week", week)[0] == 0
    if advised is not None:
        assert run("settings", "set", "advised-against-exercise", advised)[0] == 0
    text = pseudo("safety")
    assert escaped_words(text, [PROGRAM]) == [], text
    assert "[!! WARNING SIGNS !!]" in text
    assert "[!! REASONS NOT TO EXERCISE !!]" in text


def calendar_text(data: str) -> list[str]:
    """The SUMMARY and DESCRIPTION values of an iCalendar file, unfolded and unescaped."""
    unfolded = data.replace("\r\n ", "").replace("\r\n", "\n")
    values = []
    for line in unfolded.splitlines():
        field, _colon, value = line.partition(":")
        if field in ("SUMMARY", "DESCRIPTION"):
            values.append(value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";"))
    return values


@pytest.mark.parametrize("name", ["warm-compress", "posture-drills"])
def test_the_calendar_reminder_shows_no_english(name: str) -> None:
    said = calendar_text(pseudo("remind", name, "--daily", "07:30"))
    assert len(said) == 3, said
    command = f"{PROGRAM} play {name}"
    for value in said:
        assert escaped_words(value, [*routine_words(bundled(name)), command]) == [], value
    assert any("[!! Stop at once if anything hurts. !!]" in value for value in said)


ARGPARSE_NAMES = re.compile(r"--?[\w-]+|\b[A-Z][A-Z_]+\b|\{[\w,-]+\}")
"""Options, their metavars (``LANG``) and choices (``{window,text,none}``)."""


@pytest.mark.parametrize(
    "command",
    [
        None,
        "play",
        "export",
        "handout",
        "new",
        "remind",
        "plan",
        "list",
        "safety",
        "schema",
        "pack",
        "add",
        "listen",
    ],
)
def test_help_shows_no_english(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    code, printed = run("--language", PSEUDO, *([command] if command else []), "--help")
    assert code == 0
    text = printed + capsys.readouterr().out
    allowed = [PROGRAM, *COMMAND_NAMES, "routine.zip", "routine", "name", *LANGUAGES, "pdf"]
    left = ARGPARSE_NAMES.sub(" ", text)
    assert escaped_words(left, allowed) == [], text
    assert "[!! " in text


@pytest.mark.parametrize("name", BUNDLED)
def test_plan_in_every_language_shows_the_same_times_as_in_english(name: str) -> None:
    """Every step starts and lasts as long, and the session as a whole, in every language:
    the times that come from words are those of the routine as written. (Only when each
    cue is said may differ: a sentence said before a step's end starts earlier when it is
    longer.)"""
    english = STEP_TIME.findall(run("plan", name)[1])
    assert len(english) > 10
    for language in ("es", "vi", "zh-Hans"):
        assert STEP_TIME.findall(run("--language", language, "plan", name)[1]) == english


SHARED = "title: Mine\nlead_in: 0\nsteps:\n  - rest: 30s\n    picture: pics/mine.png\n"


def sharing(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    context = Context(out=out, dirs=UserDirs.from_environment(), err_stream=lambda: err)
    code = cli.main(["--language", PSEUDO, *args], context=context)
    return code, out.getvalue(), err.getvalue()


def test_pack_and_add_show_no_english(tmp_path: Path) -> None:
    """What pack and add say when they work, and when they refuse."""
    folder = tmp_path / "sender"
    (folder / "pics").mkdir(parents=True)
    (folder / "mine.yaml").write_text(SHARED, encoding="utf-8")
    (folder / "pics" / "mine.png").write_bytes(png_bytes())
    shared = tmp_path / "mine.routine.zip"
    dirs = UserDirs.from_environment()
    allowed = [PROGRAM, "pack", "add", "play", "mine", "--replace", str(dirs.routines)]
    allowed += [str(folder / "mine.yaml"), str(shared), "pics/mine.png", "mine.yaml"]
    said = [sharing("pack", str(folder / "mine.yaml"), str(shared))]
    said.append(sharing("add", str(shared)))
    (dirs.routines / "pics" / "mine.png").write_bytes(png_bytes(note="changed"))
    said.append(sharing("add", str(shared)))  # refused: a file of yours differs
    said.append(sharing("add", str(shared), "--replace"))
    said.append(sharing("pack", str(folder / "mine.yaml"), str(tmp_path / "mine.zip")))
    said.append(sharing("add", str(folder / "mine.yaml")))  # not a shared routine
    (folder / "bad.yaml").write_text("title: Bad\nsteps: []\n", encoding="utf-8")
    said.append(sharing("pack", str(folder / "bad.yaml"), str(tmp_path / "bad.routine.zip")))
    codes = [code for code, _out, _err in said]
    assert codes == [0, 0, 2, 0, 2, 2, 2], said
    for _code, out, err in said:
        text = out + "\n".join(
            line for line in err.splitlines() if not line.startswith(str(folder / "bad.yaml"))
        )
        left = text.replace(str(dirs.routines / "pics" / "mine.png"), " ")
        assert escaped_words(left, [*allowed, str(tmp_path / "mine.zip")]) == [], text
        assert "[!! " in text
