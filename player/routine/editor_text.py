"""The words an editor shows for each key of a routine file, with the rules between keys
that JSON Schema can say (``editor_rules``).

``describe_for_editors`` is called by pydantic for each model while it writes the JSON
Schema (``run.py schema``). It gives every key and every step kind a title and a
description, writes defaults as people write them (``10s``, never milliseconds), takes
``null`` out of keys that may be left out but not left empty, and adds the rules that
tie keys together: time or phases, not both; weeks or trimesters, not both; a picture
or a figure, not both; what an alternative may be. Every field of every model must have
its words here: a test says which one is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from player.routine.editor_rules import NOT_ON_THE_BACK, RULES
from player.routine.figures import FIGURE_NAMES
from player.routine.value_types import (
    CUE_WORDS_MESSAGE,
    CUE_WORDS_PATTERN,
    NO_CONTROL_PATTERN,
    JsonSchema,
    told,
)
from player.routine.yaml_source import MAX_TEXT

_NO_DEFAULT: Any = object()


@dataclass(frozen=True)
class Key:
    """What an editor shows for one key: a heading, a sentence or two, and extras."""

    title: str
    description: str
    default: Any = _NO_DEFAULT
    """The default as a person writes it, in place of the model's own."""
    extra: JsonSchema = field(default_factory=dict)
    items: JsonSchema = field(default_factory=dict)
    """Words for each entry of a list."""


# -- the words ----------------------------------------------------------------------------

_STEP_WORDS = "One step; its first key says its kind: exercise, rest, instruction, block or use."
_STEP: JsonSchema = {
    "title": "Step",
    "description": _STEP_WORDS,
    **told({"type": "object"}, f"{_STEP_WORDS} For instance: - rest: 30s"),
}
_WHO = "The pregnancy weeks or trimesters it suits: weeks: 14-40 or trimesters: 2-3."

_STEP_KEYS = {
    "do": Key("What to do", "What to do, in a sentence or two; shown and read out."),
    "picture": Key(
        "Picture",
        "A picture of the position, such as reach.png: beside this file, or in the bundled "
        "media/ folder. Give a picture or a figure, not both.",
    ),
    "figure": Key(
        "Figure",
        "A bundled figure that moves with the session, such as pelvic-tilt-all-fours; see "
        "the list in docs/routine-format.md. Give a picture or a figure, not both.",
        extra={"enum": list(FIGURE_NAMES)},
    ),
    "cues": Key("Automatic cues", "Turn the player's own cues on or off for this step."),
    "say": Key(
        "Your own cues",
        "Words of your own, each at a time from the start of each side (or repetition): "
        "- {at: 10s, say: Breathe out}.",
    ),
    "position": Key(
        "Position",
        "The body position. A step lying on the back may give an alternative for later in "
        "pregnancy.",
    ),
    "suits": Key("Who it suits", _WHO),
    "alternative": Key(
        "Alternative",
        "For a step done lying on the back: the step played instead from the second "
        "trimester on (week 14), usually the same movement lying on the side. It is an "
        "exercise, rest, instruction or use step of its own, not lying on the back.",
        extra={
            **told(
                {"type": "object"},
                "The step to play instead: a mapping such as exercise: Pelvic tilt on your side",
            ),
            "allOf": [NOT_ON_THE_BACK],
        },
    ),
}

_EXERCISE_KEYS = {
    "exercise": Key("Exercise", "The exercise's name, shown large and read out."),
    "time": Key(
        "Time",
        "How long, such as 30s: the whole step (each side), or one repetition when reps is "
        "given. Give time or phases, not both; with neither, the step waits until the "
        "person says done.",
    ),
    "reps": Key(
        "Repetitions",
        "How many repetitions: 8, a range such as 5-10 that the person chooses from with "
        "--reps (the default is the middle), or {min: 5, max: 10, default: 6}.",
    ),
    "phases": Key(
        "Phases",
        "The parts of one repetition, in order, each with a name and a time: "
        "- {name: Squeeze, time: 5s}. Give time or phases, not both.",
    ),
    "sides": Key(
        "Sides",
        "Do the whole step on each side in turn: both (left, then right), or a list such "
        "as [right, left]. Left out: done once.",
    ),
    "switch": Key("Switch", "The pause to change sides, such as 5s (the default).", "5s"),
    "prepare": Key(
        "Prepare",
        "Time to get into position while the step is announced; by default, as long as "
        "the announcement takes to say. 0 for none.",
    ),
}


def _in_place(key: Key) -> Key:
    """A key beside 'use:', which replaces the used exercise's own."""
    return replace(key, description=f"{key.description} In place of the exercise's own.")


_INCLUDE = Key(
    "Include",
    "Files of shared exercises, relative to this file or to the bundled routines/ folder; "
    "their exercises are used in steps with use: KEY.",
)
_CUE_WORDS = {"pattern": CUE_WORDS_PATTERN, "patternErrorMessage": CUE_WORDS_MESSAGE}

_LANGUAGE = Key(
    "Language",
    "The language this file's words are written in, as a tag: en (the default), es, vi, "
    "zh-Hans, fr... Its words in other languages go in translations/TAG/ beside it.",
    "en",
)

KEYS: dict[str, dict[str, Key]] = {
    "Source": {
        "title": Key("Title", "The document's title, as it is written on it."),
        "authors": Key("Authors", "Who wrote it, such as 'Mottola MF, Davenport MH, et al.'."),
        "publisher": Key("Publisher", "Who published it: a journal, a health service, a site."),
        "year": Key("Year", "The year it was published, such as 2020."),
        "section": Key("Section", "The part of it the routine follows."),
        "address": Key(
            "Address", "Where to read it: a web address starting https://, or a DOI's address."
        ),
        "about": Key("About", "What the routine takes from it, in a few words."),
    },
    "Suits": {
        "weeks": Key(
            "Weeks",
            "The pregnancy weeks it suits, such as 14-40 (week 14 to week 40). Give weeks or "
            "trimesters, not both.",
        ),
        "trimesters": Key(
            "Trimesters",
            "The trimesters it suits: 1, 2 or 3, or a range such as 2-3. Give weeks or "
            "trimesters, not both.",
        ),
        "note": Key("Note", "Anything else about who it suits, in your own words."),
    },
    "CueSwitches": {
        "announce": Key(
            "Announce",
            "true or false: say the step's name and what to do at its start, and 'Start' "
            "when the preparation ends.",
        ),
        "next_up": Key(
            "Next up",
            "true or false: say 'Next up: ...' ten seconds before a longer exercise ends, "
            "and at the start of a rest.",
        ),
        "halfway": Key(
            "Halfway", "true or false: say 'Halfway' in a timed step of 20 seconds or more."
        ),
        "countdown": Key(
            "Countdown",
            "Count down the last seconds of a step: true (3 seconds), false (none), or a "
            "number of seconds from 0 to 10.",
        ),
        "switch_sides": Key(
            "Switch sides",
            "true or false: say 'Switch sides. Right side next', then 'Right side'.",
        ),
        "rep_count": Key(
            "Repetition count",
            "true or false: say '3 of 8' at the start of each repetition after the first.",
        ),
        "phases": Key("Phase words", "true or false: say each phase's words, such as 'Squeeze'."),
    },
    "CustomCue": {
        "at": Key(
            "At",
            "When to say it, such as 10s: from the start of each side, or of each "
            "repetition with each: rep. It must come before that side or repetition ends.",
        ),
        "say": Key(
            "Words",
            "What to say. It may hold {rep}, {reps}, {side}, {set}, {sets}, {step} and "
            "{next}; write {{ or }} for a plain brace.",
            extra=_CUE_WORDS,
        ),
        "each": Key(
            "Counted from",
            "side (the default): 'at' counts from the start of each side; rep: from the "
            "start of each repetition.",
        ),
    },
    "Phase": {
        "name": Key(
            "Name", "The phase's name, such as Squeeze: shown, and said unless 'say' is given."
        ),
        "time": Key("Time", "How long the phase lasts, such as 5s."),
        "say": Key(
            "Words",
            "Words for the phase; its name when left out. Placeholders such as {rep} as in "
            "'say' cues.",
            extra=_CUE_WORDS,
        ),
    },
    "Exercise": {**_EXERCISE_KEYS, **_STEP_KEYS},
    "Rest": {
        "rest": Key("Rest", "How long to rest, such as 30s."),
        "name": Key("Name", "The name shown and said: Rest by default."),
        **_STEP_KEYS,
    },
    "Instruction": {
        "instruction": Key("Instruction", "The words to read out and show."),
        "name": Key("Name", "The name shown: Get into position by default."),
        "time": Key(
            "Time",
            "How long to leave for it, such as 20s; by default, time to read it out and act on it.",
        ),
        **_STEP_KEYS,
    },
    "UseExercise": {
        "use": Key(
            "Use",
            "The key of an exercise under 'exercises', in this file or an included one. Any "
            "key written beside it replaces the exercise's own.",
        ),
        **{name: _in_place(key) for name, key in _EXERCISE_KEYS.items()},
        "switch": _in_place(replace(_EXERCISE_KEYS["switch"], default=_NO_DEFAULT)),
        **_STEP_KEYS,
    },
    "Block": {
        "block": Key("Block", "The block's name, shown and said."),
        "sets": Key(
            "Sets",
            "How many times the steps are done: 3, or a range such as 5-10 that the person "
            "chooses from with --reps. 1 by default.",
            1,
        ),
        "rest": Key(
            "Rest between sets",
            "The rest between two sets, such as 10s; none after the last.",
        ),
        "steps": Key("Steps", "The steps of one set, in order.", items=_STEP),
        "cues": Key(
            "Automatic cues", "Turn the player's own cues on or off for every step of the block."
        ),
        "suits": Key("Who it suits", _WHO),
    },
    "Routine": {
        "title": Key("Title", "The routine's name, shown and said at the start."),
        "language": _LANGUAGE,
        "summary": Key("Summary", "A sentence or two about the routine."),
        "suits": Key(
            "Who it suits",
            "Who the routine suits: weeks: 14-40 or trimesters: 2-3 (not both), and a note.",
        ),
        "sources": Key(
            "Sources",
            "What the routine is based on, each with its title, who wrote or published it, "
            "its year, the section followed and its address; a plain line is a title alone.",
        ),
        "safety": Key("Safety notes", "Safety notes shown before playing."),
        "stop_if": Key("Stop if", "Warning signs: stop and call a doctor or midwife."),
        "lead_in": Key(
            "Lead-in",
            "The get-ready before the first step, such as 10s (the default); 0 for none.",
            "10s",
        ),
        "prepare": Key(
            "Prepare",
            "Time to get into position before each exercise, while it is announced; by "
            "default, as long as the announcement takes to say. 0 for none.",
        ),
        "cues": Key("Automatic cues", "Which automatic cues speak, for the whole routine."),
        "include": _INCLUDE,
        "exercises": Key(
            "Exercises",
            "Exercises defined once, each under a key, and used in steps: use: KEY.",
        ),
        "steps": Key(
            "Steps",
            "The steps, in order. Each starts with its kind: exercise, rest, instruction, "
            "block or use.",
            items=_STEP,
        ),
    },
    "ExerciseLibrary": {
        "title": Key("Title", "A name for this file of exercises."),
        "language": _LANGUAGE,
        "include": _INCLUDE,
        "exercises": Key(
            "Exercises",
            "The shared exercises, each under the key routines use it by: use: KEY.",
        ),
    },
}

KEYS["RoutineSuits"] = {
    **KEYS["Suits"],
    "advised_against_exercise": Key(
        "Still suits those advised not to exercise",
        "true for a massage or warmth, no exercise, that its sources give apart from exercise: "
        "played even to someone advised not to exercise. Say in the note to ask her midwife.",
        False,
    ),
}

MODELS: dict[str, tuple[str, str]] = {
    "Source": (
        "Source",
        "A document the routine follows, written so a reader can find it: title, authors or "
        "publisher, year, section, address.",
    ),
    "Suits": ("Who it suits", "Give weeks or trimesters, not both, and a note if you like."),
    "RoutineSuits": ("Who it suits", "Weeks or trimesters (not both), a note, if it is exercise."),
    "CueSwitches": (
        "Automatic cues",
        "Which cues the player speaks by itself, each true or false; a cue left out follows "
        "the block, then the routine, then the player.",
    ),
    "CustomCue": (
        "Your own cue",
        "Words of your own, said at a moment of each side or repetition.",
    ),
    "Phase": ("Phase", "One part of a repetition, such as Squeeze for 5s, then Relax for 5s."),
    "Exercise": (
        "Exercise step",
        "Something to do: for a time, in repetitions, in phases, on each side in turn, or "
        "until the person says done.",
    ),
    "Rest": ("Rest step", "A pause: rest: 30s, with what to do meanwhile in 'do'."),
    "Instruction": ("Instruction step", "Words read out, such as how to get into position."),
    "UseExercise": (
        "Use a defined exercise",
        "An exercise defined under 'exercises' (here or in an included file), by its key; "
        "keys written beside 'use' replace its own.",
    ),
    "Block": (
        "Block of steps",
        "Steps done as a set, repeated 'sets' times, with a rest between two sets.",
    ),
    "Routine": ("Guided routine file", "A routine: a title, a few facts, and its steps."),
    "ExerciseLibrary": (
        "Guided exercise library file",
        "Exercises shared by several routines, each used there with use: KEY.",
    ),
}


# -- putting the words into a model's schema ----------------------------------------------


def describe_for_editors(schema: JsonSchema, model: type[Any]) -> None:
    """Give the JSON Schema of ``model`` its words, defaults and rules, in place."""
    name = model.__name__
    schema["title"], schema["description"] = MODELS[name]
    properties = schema.get("properties", {})
    for key, prop in list(properties.items()):
        properties[key] = _key_schema(_without_null(prop), KEYS[name][key])
    if name in RULES:
        schema["allOf"] = RULES[name]


def _without_null(prop: JsonSchema) -> JsonSchema:
    """The schema of a key that may be left out but not left empty: no ``null`` in it,
    and no default of nothing (an empty list or mapping is what leaving it out gives)."""
    found = {k: v for k, v in prop.items() if k not in ("title", "description")}
    options = found.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        others = [option for option in options if option != {"type": "null"}]
        del found["anyOf"]
        found = {**others[0], **found} if len(others) == 1 else {"anyOf": others, **found}
    if "default" in found and found["default"] in (None, [], {}):
        del found["default"]
    return found


def _key_schema(prop: JsonSchema, words: Key) -> JsonSchema:
    """A key's schema with its words first, its extras, and its default as written."""
    described: JsonSchema = {"title": words.title, "description": words.description}
    described.update(prop)
    described.update(words.extra)
    if words.default is not _NO_DEFAULT:
        described["default"] = words.default
    if words.items:
        described["items"] = {**words.items, **described["items"]}
    return described


def plain_text_only(schema: JsonSchema) -> JsonSchema:
    """Every text in ``schema`` bounded as ``check`` bounds it: at most ``MAX_TEXT``
    characters, and no control characters (where a pattern already says what the text
    may hold, that pattern leaves them out itself). Changes ``schema`` in place."""
    waiting: list[object] = [schema]
    while waiting:
        node = waiting.pop()
        if isinstance(node, list):
            waiting.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        kinds = node.get("type")
        if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
            node.setdefault("maxLength", MAX_TEXT)
            node.setdefault("pattern", NO_CONTROL_PATTERN)
        waiting.extend(node.values())
    return schema
