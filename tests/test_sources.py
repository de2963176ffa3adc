"""A routine's sources: structured so a reader can look them up, refused with where and
what to write when they are not, listed by ``plan`` and shown by the window's first screen
when asked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pygame
import pytest

from player import cli
from player.care import safety
from player.care.questions import Question
from player.commands import first_screen
from player.home.settings import Settings
from player.language import PSEUDO, speaking
from player.playback.engine import Engine
from player.playback.timeline import Choices
from player.routine.loader import RoutineFile, load_routine
from player.routine.model import Routine, Source
from player.routine.sources import cite
from player.window.answering import Answering
from tests.conftest import ROUTINES, WriteFile

BUNDLED = sorted(ROUTINES.glob("*.yaml"))

CANADA = {
    "title": "2019 Canadian guideline for physical activity throughout pregnancy",
    "authors": "Mottola MF, Davenport MH, Ruchat S-M, et al.",
    "publisher": "British Journal of Sports Medicine 52(21)",
    "year": 2018,
    "section": "Contraindications to exercise",
    "address": "https://doi.org/10.1136/bjsports-2018-100056",
    "about": "who should not exercise",
}
ROUTINE: dict[str, Any] = {
    "title": "Gentle back",
    "safety": ["Keep breathing."],
    "sources": [
        CANADA,
        {"title": "Exercise in pregnancy", "publisher": "NHS"},
    ],
    "steps": [{"exercise": "Cat and cow", "time": "1m"}],
}


def test_a_citation_reads_as_a_reference_with_its_address_and_use() -> None:
    citation = cite(Source.model_validate(CANADA))
    assert citation.reference == (
        "2019 Canadian guideline for physical activity throughout pregnancy. "
        "Mottola MF, Davenport MH, Ruchat S-M, et al.; British Journal of Sports Medicine "
        "52(21), 2018. Contraindications to exercise."
    )
    assert citation.address == "https://doi.org/10.1136/bjsports-2018-100056"
    assert citation.about == "who should not exercise"
    plain = cite(Source(title="Is it safe to use a sauna or jacuzzi if I'm pregnant?", year=2023))
    assert plain.reference == "Is it safe to use a sauna or jacuzzi if I'm pregnant? 2023."
    assert plain.address is None and plain.about is None


@pytest.mark.parametrize(
    ("written", "where", "message"),
    [
        ("  - my own notes\n", "3:5", "sources[0]: write a source as a mapping"),
        (
            "  - title: A\n    url: https://a.example/\n",
            "4:5",
            "sources[0].url: unknown key 'url'; did you mean 'address'?",
        ),
        (
            "  - title: A\n    author: Me\n",
            "4:5",
            "sources[0].author: unknown key 'author'; did you mean 'authors'?",
        ),
        (
            "  - title: A\n    year: twenty\n",
            "4:11",
            "sources[0].year: 'twenty' is not a year a document was published in; write one",
        ),
        ("  - title: A\n    year: 3000\n", "4:11", "sources[0].year: 3000 is not a year"),
        (
            "  - title: A\n    address: www.nhs.uk/pregnancy\n",
            "4:14",
            "sources[0].address: 'www.nhs.uk/pregnancy' is not a web address; write it in full",
        ),
        (
            "  - title: A\n    address: https://a b.org/\n",
            "4:14",
            "sources[0].address: 'https://a b.org/' is not",
        ),
        ("  - publisher: NHS\n", "3:5", "sources[0].title: missing 'title'"),
        ('  - title: ""\n', "3:12", "sources[0].title: must not be empty"),
    ],
)
def test_check_refuses_a_source_a_reader_cannot_follow(
    write: WriteFile, written: str, where: str, message: str
) -> None:
    path = write("r.yaml", "title: R\nsources:\n" + written + "steps:\n  - rest: 5s\n")
    code, out = run("check", str(path))
    assert code != 0
    assert f"{path}:{where}: {message}" in out, out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    "address", ["https://www.nhs.uk/", "http://www.nhs.uk/x?y=1#z", "HTTPS://EXAMPLE.COM"]
)
def test_check_takes_a_web_address_written_in_full(write: WriteFile, address: str) -> None:
    path = write("r.yaml", f"title: R\nsources:\n  - title: A\n    address: {address}\nsteps:\n")
    path.write_text(path.read_text(encoding="utf-8") + "  - rest: 5s\n", encoding="utf-8")
    assert run("check", str(path)) == (0, "1 file checked: all good\n")


def test_every_bundled_routine_cites_documents_a_reader_can_find() -> None:
    for path in BUNDLED:
        routine = load_routine(path).routine
        assert routine.sources, path
        for source in routine.sources:
            assert source.publisher or source.authors, (path, source.title)
        titles = {source.title for source in routine.sources}
        assert "Exercise During Pregnancy" in titles, path  # ACOG's warning signs
        found = {s.address for s in routine.sources if s.address}
        assert found and all(a.startswith("https://") for a in found), path


def test_the_exercise_routines_cite_who_should_not_exercise() -> None:
    massage_or_warmth = {"partner-back-massage", "warm-compress"}
    for path in BUNDLED:
        titles = " ".join(s.title for s in load_routine(path).routine.sources)
        cited = "ACOG Committee Opinion No. 804" in titles and "Canadian guideline" in titles
        assert cited == (path.stem not in massage_or_warmth), path
    pelvic = load_routine(ROUTINES / "pelvic-strength.yaml").routine.sources
    nice = [s for s in pelvic if "NG123" in s.title]
    assert nice and nice[0].about and "at least 8 contractions, 3 times a day" in nice[0].about


def run(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(list(args))
    return code, out.getvalue()


def test_plan_lists_the_sources_numbered_with_address_and_use(write: WriteFile) -> None:
    import yaml

    path = write("r.yaml", yaml.safe_dump(ROUTINE))
    code, out = run("plan", str(path))
    assert code == 0
    tail = out[out.index("Sources:") :].splitlines()
    assert tail[1] == "  1. 2019 Canadian guideline for physical activity throughout pregnancy."
    assert "     https://doi.org/10.1136/bjsports-2018-100056" in tail
    assert "     Followed for: who should not exercise" in tail
    assert "  2. Exercise in pregnancy. NHS." in tail
    assert all(len(line) <= 80 for line in tail)


def test_plan_of_a_routine_without_sources_says_nothing_of_them(write: WriteFile) -> None:
    path = write("r.yaml", "title: R\nsteps:\n  - rest: 5s\n")
    assert "Sources" not in run("plan", str(path))[1]


class Shell:
    """A shell that gives ``answers`` in turn and keeps what it was asked."""

    interactive = True

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[Question] = []

    def ask(self, question: Question) -> str:
        self.asked.append(question)
        return self.answers.pop(0)


def started(shell: Shell, data: dict[str, Any] = ROUTINE) -> bool:
    routine = Routine.model_validate(data)
    loaded = RoutineFile(path=Path("gentle.yaml"), name="gentle", routine=routine, digest="")
    args = argparse.Namespace(ui="window")
    engine = Engine(routine, Choices())
    return first_screen.started(args, Settings(), loaded, engine, shell)  # type: ignore[arg-type]


def test_the_first_screen_shows_the_sources_when_asked_then_comes_back() -> None:
    shell = Shell(safety.SOURCES, safety.BACK, safety.START)
    assert started(shell)
    first, sources, again = shell.asked
    assert first == again
    assert [choice.key for choice in first.choices] == ["s", "i"]
    assert sources.title == "Where 'Gentle back' comes from"
    assert sources.lines[0].startswith("1. 2019 Canadian guideline")
    assert sources.lines[0].endswith(" https://doi.org/10.1136/bjsports-2018-100056")
    assert sources.lines[1] == "2. Exercise in pregnancy. NHS."


def test_no_sources_button_for_a_routine_without_sources() -> None:
    shell = Shell(safety.START)
    assert started(shell, {**ROUTINE, "sources": []})
    assert [choice.key for choice in shell.asked[0].choices] == ["s"]


def test_keys_on_the_first_screen_and_on_the_sources_screen() -> None:
    routine = Routine.model_validate(ROUTINE)
    first = safety.start_question(routine, "1:10", "Esc or Q")
    assert Answering(first).press(pygame.K_i, "i").answer == safety.SOURCES
    listed = safety.sources_question(routine)
    for key, char in [(pygame.K_b, "b"), (pygame.K_ESCAPE, ""), (pygame.K_PAGEDOWN, "")]:
        assert Answering(listed).press(key, char).answer == safety.BACK


def test_the_sources_screen_speaks_the_language_in_use_and_cites_as_written() -> None:
    routine = Routine.model_validate(ROUTINE)
    with speaking(PSEUDO):
        first = safety.start_question(routine, "1:10", "Esc or Q")
        listed = safety.sources_question(routine)
    assert first.choices[1].label == "[!! Sources !!]"
    assert listed.title == "[!! Where 'Gentle back' comes from !!]"
    assert [choice.label for choice in listed.choices] == ["[!! Back !!]"]
    assert listed.lines[1] == "2. Exercise in pregnancy. NHS."
