"""Routine files are read as YAML 1.2, as editors read them: the same text means the same
value to ``check`` and to the editor's schema."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from player.routine.loader import load_routine
from player.routine.model import Exercise
from player.routine.problems import Problem, RoutineError
from player.routine.values import Count
from player.routine.yaml12 import scalar_value
from player.routine.yaml_source import read_document
from tests.conftest import ROUTINES, WriteFile


def value_of(write: WriteFile, written: str) -> Any:
    path = write("values.yaml", f"value: {written}\n")
    problems: list[Problem] = []
    doc = read_document(path, problems)
    assert doc is not None, problems
    return doc.data["value"]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("tRUE", "tRUE"),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("", None),
        ("1:30", "1:30"),
        ("1:30:00", "1:30:00"),
        ("010", 10),
        ("0o10", 8),
        ("0x1F", 31),
        ("+5", 5),
        ("-0", 0),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("-2.5E-1", -0.25),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("2027-03-14", "2027-03-14"),
        ("'5'", "5"),
        ('"true"', "true"),
        ("!!str 5", "5"),
        ("!!int '7'", 7),
        ("!!bool yes", "yes"),
        ("!!int many", "many"),
        ("=", "="),
    ],
)
def test_plain_values_are_read_by_the_yaml_1_2_core_schema(
    write: WriteFile, written: str, value: Any
) -> None:
    found = value_of(write, written)
    assert found == value
    assert type(found) is type(value)


def test_not_a_number_is_a_float(write: WriteFile) -> None:
    assert math.isnan(value_of(write, ".nan"))


def test_a_number_too_long_for_python_stays_text() -> None:
    node = yaml.ScalarNode("tag:yaml.org,2002:int", "9" * 5000)  # Python reads 4300 digits
    assert scalar_value(node) == "9" * 5000


def test_a_number_too_long_for_a_routine_is_refused_as_text_too_long(write: WriteFile) -> None:
    path = write("values.yaml", f"value: {'9' * 5000}\n")
    problems: list[Problem] = []
    assert read_document(path, problems) is None
    assert [p.message for p in problems] == [
        "this text is 5000 characters long; a text in a routine can be at most 2000: say it "
        "in fewer words"
    ]


def load_steps(write: WriteFile, tmp_path: Path, step: str) -> Exercise:
    path = write("r.yaml", f"title: R\nsteps:\n  - exercise: A\n{step}")
    routine = load_routine(path, routines_dir=tmp_path, media_dir=tmp_path).routine
    first = routine.steps[0]
    assert isinstance(first, Exercise)
    return first


def test_minutes_and_seconds_with_a_colon_are_a_duration(write: WriteFile, tmp_path: Path) -> None:
    assert load_steps(write, tmp_path, "    time: 1:30\n").time == 90_000
    assert load_steps(write, tmp_path, "    time: 1:00:00\n").time == 3_600_000


def test_a_count_with_a_leading_zero_is_decimal(write: WriteFile, tmp_path: Path) -> None:
    step = load_steps(write, tmp_path, "    time: 2s\n    reps: 010\n")
    assert step.reps == Count(10, 10, 10)


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "'true'", "1"])
def test_a_switch_is_true_or_false_and_nothing_else(
    write: WriteFile, tmp_path: Path, written: str
) -> None:
    path = write("r.yaml", f"title: R\ncues:\n  halfway: {written}\nsteps:\n  - rest: 5s\n")
    with pytest.raises(RoutineError) as caught:
        load_routine(path, routines_dir=tmp_path, media_dir=tmp_path)
    shown = written.strip("'") if written != "1" else None
    found = f"'{shown}'" if shown is not None else "1"
    assert caught.value.problems == [
        Problem(str(path), 3, 12, "cues.halfway", f"expected true or false, found {found}")
    ]


def test_words_that_yaml_1_1_took_for_booleans_are_text(write: WriteFile, tmp_path: Path) -> None:
    step = load_steps(write, tmp_path, "    do: no\n    time: 5s\n")
    assert step.do == "no"


# -- one pass for a plain file ----------------------------------------------------------

PLAIN_TEXTS = {
    **{path.name: path.read_text(encoding="utf-8") for path in sorted(ROUTINES.rglob("*.yaml"))},
    "values": "v: [1, 1.5, .inf, -.INF, .nan, 0o17, 0x1f, '7', true, False, ~, '', yes, 1:30]\n",
    "flow": "\ufeff%YAML 1.2\n---\n{a: {b: [[], {}]}, 'c d': \"\u00e9\"}\n...\n",
    "lists": "- [a, b]\n- x: >\n    folded\n    text\n  y: |\n    kept\n-\n- - - deep\n",
    "text": "just text\n",
    "document": "---\n",
}
"""Texts read in one pass over the parser's events."""
CAREFUL_TEXTS = {
    "empty": "",
    "comment": "  # only a comment\n",
    "anchor": "a: &x 1\nb: *x\n",
    "tag": "a: !!str 1\n",
    "twice": "a: 1\na: 2\n",
    "merge": "<<: {a: 1}\n",
    "number key": "1: one\n",
    "list key": "? [a]\n: one\n",
    "control": 'a: "\\e[2J"\n',
    "two": "a: 1\n---\nb: 2\n",
    "syntax": "a: [1, 2\n",
    "deep": "a: " + "[" * 40 + "]" * 40 + "\n",
}
"""Texts the one-pass reading passes on to the careful one."""


def _strict(data: Any) -> Any:
    """``data`` with the type of every value, so that 1, 1.0 and True differ."""
    if isinstance(data, dict):
        return {key: _strict(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_strict(value) for value in data]
    return (type(data).__name__, "nan" if data != data else data)


def _places(data: Any, spots: dict[tuple[int, str | int], Any]) -> list[Any]:
    """Every entry's place, in the order of the data."""
    if not isinstance(data, (dict, list)):
        return []
    entries = data.items() if isinstance(data, dict) else enumerate(data)
    return [[spots.get((id(data), key)), *_places(value, spots)] for key, value in entries]


def _read(
    write: WriteFile, text: str, monkeypatch: pytest.MonkeyPatch, *, careful: bool
) -> tuple[Any, bool]:
    """What reading ``text`` gives, and whether it was read in one pass."""
    from player.routine import yaml_source

    one_pass = yaml_source._Reader.read_plain
    taken: list[bool] = []

    def read_plain(reader: Any, text: str) -> Any:
        found = None if careful else one_pass(reader, text)
        taken.append(found is not None)
        return found

    with monkeypatch.context() as patch:
        patch.setattr(yaml_source._Reader, "read_plain", read_plain)
        problems: list[Problem] = []
        doc = read_document(write("plain.yaml", text), problems)
    if doc is None:
        return problems, taken == [True]
    read = _strict(doc.data), doc.root, _places(doc.data, doc.spots), len(doc.spots)
    return read, taken == [True]


@pytest.mark.parametrize("text", PLAIN_TEXTS.values(), ids=PLAIN_TEXTS)
def test_a_plain_file_read_in_one_pass_is_read_as_with_care(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    careful, _ = _read(write, text, monkeypatch, careful=True)
    assert _read(write, text, monkeypatch, careful=False) == (careful, True)


@pytest.mark.parametrize("text", CAREFUL_TEXTS.values(), ids=CAREFUL_TEXTS)
def test_anything_else_is_read_with_care(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    careful, _ = _read(write, text, monkeypatch, careful=True)
    assert _read(write, text, monkeypatch, careful=False) == (careful, False)


def test_a_plain_file_is_parsed_once_and_anything_else_again_with_care(
    write: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from player.routine import yaml_source

    parsed: list[str] = []
    parse, compose = yaml.parse, yaml.compose

    def counted(name: str, step: Any) -> Any:
        def counting(*args: Any, **kwargs: Any) -> Any:
            parsed.append(name)
            return step(*args, **kwargs)

        return counting

    monkeypatch.setattr(yaml_source.yaml, "parse", counted("parse", parse))
    monkeypatch.setattr(yaml_source.yaml, "compose", counted("compose", compose))
    assert read_document(write("plain.yaml", PLAIN_TEXTS["daily-back-care.yaml"]), [])
    assert parsed == ["parse"]
    parsed.clear()
    assert read_document(write("anchor.yaml", CAREFUL_TEXTS["anchor"]), [])
    assert parsed == ["parse", "parse", "compose"]
