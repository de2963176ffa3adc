"""The rules between the keys of a routine file that JSON Schema can say, for editors:
time or phases, not both; weeks or trimesters, not both; a picture or a figure, not both;
what an alternative may be. ``editor_text`` puts them into each model's schema."""

from __future__ import annotations

from typing import get_args

from player.routine.value_types import LYING_ON_BACK, JsonSchema, Position


def _written(key: str) -> JsonSchema:
    """A mapping in which ``key`` is written. Saying "a mapping" keeps an editor from
    taking the rule for a step not yet written (an empty one matches any "required")."""
    return {"type": "object", "required": [key]}


def _refused(message: str) -> JsonSchema:
    """A key that may not be written here: no value fits, and ``message`` says why. An
    editor does not offer it."""
    return {"enum": [], "errorMessage": message, "doNotSuggest": True}


def not_both(first: str, second: str, message: str) -> JsonSchema:
    """Give ``first`` or ``second``, not both: the second is refused where the first is."""
    return {
        "if": _written(first),
        "then": {"properties": {second: _refused(message)}},
    }


def cues_need(clocks: list[str], message: str) -> JsonSchema:
    """'say' cues need one of ``clocks`` (time, phases): without them, 'say' stays empty."""
    return {
        "if": {"type": "object", "allOf": [{"not": {"required": [clock]}} for clock in clocks]},
        "then": {"properties": {"say": {**_refused(message), "enum": [[]]}}},
    }


def alternative_needs_back(position_written: bool) -> JsonSchema:
    """A step with an alternative is done lying on the back (and says so, unless it is a
    used exercise, whose position may come from its definition)."""
    then: JsonSchema = {
        "properties": {
            "position": {
                "const": LYING_ON_BACK,
                "errorMessage": "'alternative' replaces a step done lying on the back; give "
                f"this step position: {LYING_ON_BACK}, or remove its alternative",
            }
        }
    }
    if position_written:
        then["required"] = ["position"]
    return {"if": _written("alternative"), "then": then}


NOT_ON_THE_BACK: JsonSchema = {
    "properties": {
        "position": {
            "enum": [name for name in get_args(Position) if name != LYING_ON_BACK],
            "errorMessage": "the alternative is played when lying on the back is not advised, "
            "so it cannot be lying on the back too; give it position: side-lying",
        },
        "alternative": _refused("an alternative cannot have an alternative of its own"),
    }
}
_TIME_OR_PHASES = "give time or phases, not both: phases already set the time"
_PICTURE_OR_FIGURE = not_both("picture", "figure", "give either a picture or a figure, not both")


RULES: dict[str, list[JsonSchema]] = {
    "Suits": [not_both("weeks", "trimesters", "give weeks or trimesters, not both")],
    "RoutineSuits": [not_both("weeks", "trimesters", "give weeks or trimesters, not both")],
    "Exercise": [
        not_both("time", "phases", _TIME_OR_PHASES),
        cues_need(
            ["time", "phases"],
            "this step waits for done, so it has no clock for 'say' cues at a time; give it "
            "a time or phases, or move the words into 'do'",
        ),
        alternative_needs_back(position_written=True),
        _PICTURE_OR_FIGURE,
    ],
    "Rest": [alternative_needs_back(position_written=True), _PICTURE_OR_FIGURE],
    "Instruction": [
        cues_need(["time"], "give the instruction a time so that its 'say' cues have a place"),
        alternative_needs_back(position_written=True),
        _PICTURE_OR_FIGURE,
    ],
    "UseExercise": [
        not_both("time", "phases", _TIME_OR_PHASES),
        alternative_needs_back(position_written=False),
        _PICTURE_OR_FIGURE,
    ],
}
