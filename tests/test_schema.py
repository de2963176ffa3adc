"""The JSON Schema as an editor shows it: a title and words for people on every key and
every step kind, defaults written as people write them, and no ``null`` offered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from player.commands.schema import schema_of
from player.routine import model
from player.routine.editor_text import KEYS, MODELS
from player.routine.figures import FIGURE_NAMES
from player.routine.model import DEFAULT_LEAD_IN_MS, DEFAULT_SWITCH_MS, ExerciseLibrary, Routine

ROUTINE = schema_of(Routine)
LIBRARY = schema_of(ExerciseLibrary)
MODEL_CLASSES = [
    model.Suits,
    model.RoutineSuits,
    model.CueSwitches,
    model.CustomCue,
    model.Phase,
    model.Exercise,
    model.Rest,
    model.Instruction,
    model.UseExercise,
    model.Block,
    model.Routine,
    model.ExerciseLibrary,
]


def every_schema(schema: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside ``schema``, itself included."""
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from every_schema(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from every_schema(value)


def models_of(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {**schema["$defs"], schema["title"]: schema}


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_of_every_model_has_words_for_editors(cls: type[BaseModel]) -> None:
    assert cls.__name__ in MODELS
    assert set(cls.model_fields) == set(KEYS[cls.__name__])


@pytest.mark.parametrize("schema", [ROUTINE, LIBRARY], ids=["routine", "library"])
def test_every_key_and_every_step_kind_has_a_title_and_a_description(
    schema: dict[str, Any],
) -> None:
    for name, part in models_of(schema).items():
        assert part["title"] and part["description"], name
        for key, prop in part["properties"].items():
            assert prop.get("title") and prop.get("description"), f"{name}.{key}"
            assert "||" not in prop["title"]


def test_the_step_kinds_have_titles_of_their_own() -> None:
    kinds = ROUTINE["properties"]["steps"]["items"]["oneOf"]
    titles = [ROUTINE["$defs"][kind["$ref"].rsplit("/", 1)[1]]["title"] for kind in kinds]
    assert titles == [
        "Exercise step",
        "Rest step",
        "Instruction step",
        "Block of steps",
        "Use a defined exercise",
    ]


def test_no_key_holds_alternatives_an_editor_would_join_into_one_heading() -> None:
    """The YAML language server shows the branches of an ``anyOf`` as "A || A"."""
    for part in every_schema(ROUTINE):
        assert "anyOf" not in part, part.get("title")


@pytest.mark.parametrize("schema", [ROUTINE, LIBRARY], ids=["routine", "library"])
def test_null_is_offered_nowhere(schema: dict[str, Any]) -> None:
    for part in every_schema(schema):
        kinds = part.get("type")
        assert kinds != "null" and not (isinstance(kinds, list) and "null" in kinds)
        assert part.get("default", "") is not None
        assert None not in part.get("enum", [])


def test_a_key_written_with_nothing_after_it_is_refused_by_check_too() -> None:
    with pytest.raises(ValueError, match="write a value after 'position:', or remove the key"):
        model.Rest.model_validate({"rest": "5s", "position": None})


def defaults_of(schema: dict[str, Any]) -> dict[tuple[str, str], Any]:
    return {
        (name, key): prop["default"]
        for name, part in models_of(schema).items()
        for key, prop in part["properties"].items()
        if "default" in prop
    }


def test_the_defaults_are_written_as_people_write_them() -> None:
    assert defaults_of(ROUTINE) == {
        ("Guided routine file", "lead_in"): "10s",
        ("Guided routine file", "language"): "en",
        ("Exercise", "switch"): "5s",
        ("Block", "sets"): 1,
        ("CustomCue", "each"): "side",
        ("Rest", "name"): "Rest",
        ("Instruction", "name"): "Get into position",
        ("RoutineSuits", "advised_against_exercise"): False,
    }
    assert (DEFAULT_LEAD_IN_MS, DEFAULT_SWITCH_MS) == (10_000, 5_000)


SMALLEST: dict[type[BaseModel], dict[str, Any]] = {
    model.Routine: {"title": "R", "steps": [{"rest": 1}]},
    model.Exercise: {"exercise": "A"},
    model.Block: {"block": "B", "steps": [{"rest": 1}]},
    model.CustomCue: {"at": 1, "say": "Now"},
    model.Rest: {"rest": 1},
    model.Instruction: {"instruction": "Sit."},
    model.RoutineSuits: {},
}


@pytest.mark.parametrize(
    ("cls", "key"),
    [
        (model.Routine, "lead_in"),
        (model.Exercise, "switch"),
        (model.Block, "sets"),
        (model.CustomCue, "each"),
        (model.Rest, "name"),
        (model.Instruction, "name"),
        (model.RoutineSuits, "advised_against_exercise"),
    ],
)
def test_each_default_an_editor_inserts_means_the_same_as_leaving_the_key_out(
    cls: type[BaseModel], key: str
) -> None:
    part = ROUTINE if cls is model.Routine else ROUTINE["$defs"][cls.__name__]
    written = part["properties"][key]["default"]
    left_out = cls.model_validate(SMALLEST[cls])
    assert key not in left_out.model_fields_set
    assert getattr(cls.model_validate({**SMALLEST[cls], key: written}), key) == getattr(
        left_out, key
    )


def test_mutually_exclusive_keys_are_refused_together() -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(ROUTINE)

    def accepted(step: dict[str, Any], suits: dict[str, Any] | None = None) -> bool:
        document: dict[str, Any] = {"title": "R", "steps": [step]}
        if suits is not None:
            document["suits"] = suits
        return validator.is_valid(document)

    assert accepted({"exercise": "A", "time": "5s"})
    assert not accepted({"exercise": "A", "time": "5s", "phases": [{"name": "P", "time": 1}]})
    assert accepted({"rest": "5s"}, {"weeks": "14-40"})
    assert not accepted({"rest": "5s"}, {"weeks": "14-40", "trimesters": 2})
    back = {"exercise": "A", "time": "5s", "position": "lying-on-back"}
    assert accepted({**back, "alternative": {"exercise": "B", "position": "side-lying"}})
    assert not accepted({**back, "alternative": {"exercise": "B", "position": "lying-on-back"}})
    assert not accepted({**back, "alternative": {"exercise": "B", "alternative": {"rest": 1}}})
    assert not accepted({**back, "alternative": {"block": "B", "steps": [{"rest": 1}]}})
    assert not accepted({**back, "position": "sitting", "alternative": {"rest": 5}})
    assert not accepted({"exercise": "A", "reps": 5, "say": [{"at": 1, "say": "hi"}]})
    assert accepted({"exercise": "A", "reps": 5, "say": []})
    assert accepted({"rest": 5, "figure": "seated-rest"})
    assert accepted({"rest": 5, "picture": "pictures/seated-rest.png"})
    assert not accepted({"rest": 5, "picture": "pictures/seated-rest.png", "figure": "seated-rest"})
    assert not accepted({"instruction": "Sit.", "figure": "seated-rest", "picture": "a.png"})


STEP_MODELS = ["Exercise", "Rest", "Instruction", "UseExercise"]


@pytest.mark.parametrize("schema", [ROUTINE, LIBRARY], ids=["routine", "library"])
def test_a_figure_is_one_of_the_bundled_figures_wherever_a_picture_may_be(
    schema: dict[str, Any],
) -> None:
    parts = models_of(schema)
    with_picture = sorted(name for name, part in parts.items() if "picture" in part["properties"])
    assert with_picture == sorted(name for name in STEP_MODELS if name in parts)
    for name in with_picture:
        figure = parts[name]["properties"]["figure"]
        assert figure["enum"] == list(FIGURE_NAMES), name
        assert "pelvic-tilt-all-fours" in figure["description"]


def test_an_editor_refuses_a_figure_that_is_not_bundled() -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(ROUTINE)
    step = {"exercise": "Tilt", "time": "5s"}
    assert validator.is_valid({"title": "R", "steps": [{**step, "figure": FIGURE_NAMES[0]}]})
    assert not validator.is_valid({"title": "R", "steps": [{**step, "figure": "pelvic-tilt"}]})
