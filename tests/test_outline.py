"""A session's outline: each step once, in order, under its block, with how often it is
played, one repetition's phases, one side's time, and the side-lying step in place of one
on the back."""

from __future__ import annotations

from typing import Any

from player.playback.compiler import compile_timeline
from player.playback.outline import OutlineBlock, OutlineStep, outline
from player.playback.timeline import Choices
from player.routine.model import Routine

ROUTINE: dict[str, Any] = {
    "title": "Outline",
    "lead_in": "5s",
    "steps": [
        {"instruction": "Kneel down.", "time": "15s", "figure": "kneel-to-all-fours"},
        {
            "block": "Strength",
            "sets": "2-4",
            "rest": "30s",
            "steps": [
                {
                    "exercise": "Tilts",
                    "reps": 8,
                    "phases": [{"name": "Tilt", "time": "4s"}, {"name": "Flat", "time": "3s"}],
                },
                {"exercise": "Squeezes", "reps": 10},
                {"rest": "10s"},
            ],
        },
        {"exercise": "Reach", "sides": "both", "reps": 5, "time": "6s", "switch": "3s"},
        {
            "exercise": "Tilt on your back",
            "position": "lying-on-back",
            "time": "1m",
            "alternative": {
                "exercise": "Tilt on your side",
                "position": "side-lying",
                "time": "40s",
            },
        },
    ],
}


def _outline(**choices: Any) -> list[OutlineBlock | OutlineStep]:
    routine = Routine.model_validate(ROUTINE)
    return list(outline(routine, compile_timeline(routine, Choices(**choices))))


def _names(items: list[OutlineBlock | OutlineStep]) -> list[str]:
    return [item.name if isinstance(item, OutlineBlock) else item.span.name for item in items]


def test_each_step_comes_once_in_order_under_its_block() -> None:
    items = _outline()
    assert _names(items) == [
        "Get into position",
        "Strength",
        "Tilts",
        "Squeezes",
        "Rest",
        "Reach",
        "Tilt on your back",
    ]
    block = items[1]
    assert block == OutlineBlock("Strength", sets=3, rest_ms=30_000, depth=0)
    assert [item.depth for item in items if isinstance(item, OutlineStep)] == [0, 1, 1, 1, 0, 0]


def test_a_step_in_a_block_is_played_once_a_set_and_the_sets_follow_the_choice() -> None:
    items = _outline(reps=4)
    block = items[1]
    assert isinstance(block, OutlineBlock) and block.sets == 4
    times = {item.span.name: item.times for item in items if isinstance(item, OutlineStep)}
    assert times == {
        "Get into position": 1,
        "Tilts": 4,
        "Squeezes": 4,
        "Rest": 4,
        "Reach": 1,
        "Tilt on your back": 1,
    }


def test_what_it_takes_to_do_a_step_once() -> None:
    steps = {item.span.name: item for item in _outline() if isinstance(item, OutlineStep)}
    assert steps["Tilts"].phases == (("Tilt", 4_000), ("Flat", 3_000))
    assert steps["Tilts"].each_ms is None and steps["Tilts"].span.reps == 8
    assert steps["Squeezes"].phases == () and steps["Squeezes"].each_ms is None  # waits
    assert steps["Squeezes"].span.waits_for_done
    assert steps["Reach"].each_ms == 6_000  # one repetition on one side
    assert steps["Reach"].span.sides == ("left", "right")
    assert steps["Rest"].each_ms == 10_000
    assert steps["Get into position"].each_ms == 15_000
    assert steps["Get into position"].span.figure == "kneel-to-all-fours"


def test_the_side_lying_alternative_is_listed_in_place_of_the_step_on_the_back() -> None:
    items = _outline(avoid_lying_on_back=True)
    last = items[-1]
    assert isinstance(last, OutlineStep)
    assert last.span.name == "Tilt on your side"
    assert last.span.replaces == "Tilt on your back"
    assert last.each_ms == 40_000
    assert "Tilt on your back" not in _names(items)


def test_ten_seconds_more_do_not_change_the_lengths_written() -> None:
    routine = Routine.model_validate(ROUTINE)
    plain = compile_timeline(routine, Choices())
    work = next(s for s in plain.segments if s.kind == "work" and s.phase == "Tilt")
    longer = compile_timeline(routine, Choices(extra_ms={work.index: 10_000}))

    def lengths(items: tuple[OutlineBlock | OutlineStep, ...]) -> list[object]:
        return [(i.phases, i.each_ms) for i in items if isinstance(i, OutlineStep)]

    assert lengths(outline(routine, longer)) == lengths(outline(routine, plain))
    assert longer.total_ms == plain.total_ms + 10_000
