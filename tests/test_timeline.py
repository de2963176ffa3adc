"""The compiler: from a routine and the person's choices to segments and cues at offsets.

Routines are written here as literal data. Most tests switch off the lead-in and the
automatic prepare time (``lead_in: 0``, ``prepare: 0``) so that every offset follows
from the durations written in the test itself.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from player.playback.announcements import WORDS_PER_SECOND, speaking_ms
from player.playback.compiler import compile_timeline
from player.playback.segments import INSTRUCTION_MIN_MS, MIN_ADJUSTED_MS, PREPARE_MIN_MS
from player.playback.timeline import PRIORITY, ChoiceError, Choices, Cue, Timeline
from player.routine.loader import load_routine
from player.routine.model import DEFAULT_LEAD_IN_MS, Routine
from tests.conftest import ROUTINES

S = 1000


def routine(*steps: dict[str, Any], **top: Any) -> Routine:
    """A routine with no lead-in and no prepare time unless ``top`` says otherwise."""
    data: dict[str, Any] = {"title": "Test", "lead_in": 0, "prepare": 0}
    data.update(top)
    data["steps"] = list(steps)
    return Routine.model_validate(data)


def compile_steps(*steps: dict[str, Any], choices: Choices | None = None, **top: Any) -> Timeline:
    return compile_timeline(routine(*steps, **top), choices)


def texts(timeline: Timeline, kind: str | None = None) -> list[str]:
    return [c.text for c in timeline.cues if kind is None or c.kind == kind]


def cues_at(timeline: Timeline, at_ms: int) -> list[Cue]:
    return [c for c in timeline.cues if c.at_ms == at_ms]


def only_cue_at(timeline: Timeline, at_ms: int) -> Cue:
    found = cues_at(timeline, at_ms)
    assert len(found) == 1, found
    return found[0]


def timed(name: str, seconds: float, **more: Any) -> dict[str, Any]:
    return {"exercise": name, "time": seconds, **more}


def check_invariants(timeline: Timeline) -> None:
    """What must hold for every timeline, whatever the routine."""
    segments = timeline.segments
    assert segments, "a timeline has at least one segment"
    assert segments[0].start_ms == 0
    for index, (before, after) in enumerate(pairwise(segments)):
        assert before.index == index
        assert before.end_ms == after.start_ms, "segments are contiguous"
    assert timeline.total_ms == segments[-1].end_ms
    for segment in segments:
        assert segment.duration_ms >= 0
        assert (segment.duration_ms == 0) == (segment.kind == "wait")
        if segment.duration_ms:
            assert timeline.segment_at(segment.start_ms) == segment
            assert timeline.segment_at(segment.end_ms - 1) == segment
    # Step spans tile the segments in order.
    assert timeline.steps[0].first_segment == 0
    assert timeline.steps[-1].last_segment == len(segments) - 1
    for index, (before, after) in enumerate(pairwise(timeline.steps)):
        assert before.index == index
        assert before.end_ms == after.start_ms
        assert before.last_segment + 1 == after.first_segment
    for step in timeline.steps:
        assert step.first_segment <= step.last_segment
        assert segments[step.first_segment].start_ms == step.start_ms
        assert segments[step.last_segment].end_ms == step.end_ms
        for segment in segments[step.first_segment : step.last_segment + 1]:
            assert segment.step == step.index
    # Cues: unique keys, in order, each inside its step and its segment.
    keys = [c.key for c in timeline.cues]
    assert len(keys) == len(set(keys))
    orders = [c.order for c in timeline.cues]
    assert orders == sorted(orders)
    for cue in timeline.cues:
        step = timeline.steps[cue.step]
        segment = segments[cue.segment]
        assert step.first_segment <= cue.segment <= step.last_segment
        assert step.start_ms <= cue.at_ms <= step.end_ms
        assert segment.start_ms <= cue.at_ms <= segment.end_ms
        assert cue.at_ms < step.end_ms or step.waits_for_done
        assert cue.priority == PRIORITY[cue.kind]
        assert cue.text.strip()
    assert timeline.waits == sum(1 for s in segments if s.kind == "wait")
    # A countdown has the end of its segment to itself: no repetition or phase words in it.
    for cue in timeline.cues:
        if "countdown" in cue.key.split(":")[1]:
            end = segments[cue.segment].end_ms
            for other in timeline.cues:
                kinds = other.key.split(":")[1].split("+")
                if other.step == cue.step and cue.at_ms <= other.at_ms < end:
                    assert "rep_count" not in kinds
                    assert "phase" not in kinds


def spans(timeline: Timeline) -> list[tuple[str, int, int]]:
    return [(s.name, s.start_ms, s.end_ms) for s in timeline.steps]


# -- segments and offsets ----------------------------------------------------------------------


def test_timed_steps_sit_at_absolute_offsets() -> None:
    timeline = compile_steps(timed("A", 30), timed("B", "45s"), timed("C", "1m30s"))
    assert spans(timeline) == [("A", 0, 30 * S), ("B", 30 * S, 75 * S), ("C", 75 * S, 165 * S)]
    assert [s.kind for s in timeline.segments] == ["work", "work", "work"]
    assert timeline.total_ms == 165 * S
    check_invariants(timeline)


def test_reps_give_one_segment_per_repetition() -> None:
    timeline = compile_steps(timed("Squat", 5, reps=4), timed("After", 10))
    work = [s for s in timeline.segments if s.step == 0]
    assert [(s.start_ms, s.duration_ms, s.rep, s.reps) for s in work] == [
        (i * 5 * S, 5 * S, i + 1, 4) for i in range(4)
    ]
    assert timeline.steps[0].reps == 4
    assert timeline.steps[1].start_ms == 20 * S
    assert timeline.total_ms == 30 * S
    check_invariants(timeline)


def test_a_single_repetition_is_not_numbered() -> None:
    timeline = compile_steps(timed("Once", 8, reps=1))
    assert [(s.rep, s.reps) for s in timeline.segments] == [(0, 0)]
    assert texts(timeline, "rep_count") == []


def test_phases_split_each_repetition() -> None:
    phases = [{"name": "Squeeze", "time": 4}, {"name": "Relax", "time": 2}]
    timeline = compile_steps({"exercise": "Hold", "reps": 3, "phases": phases})
    got = [(s.start_ms, s.duration_ms, s.rep, s.phase) for s in timeline.segments]
    expected = []
    for rep in range(3):
        expected.append((rep * 6 * S, 4 * S, rep + 1, "Squeeze"))
        expected.append((rep * 6 * S + 4 * S, 2 * S, rep + 1, "Relax"))
    assert got == expected
    assert timeline.total_ms == 18 * S
    check_invariants(timeline)


def test_sides_get_equal_time_with_one_switch_between_them() -> None:
    timeline = compile_steps(
        timed("Lunge", 20, reps=2, sides="both", switch="4s"), timed("After", 10)
    )
    got = [(s.kind, s.side, s.start_ms, s.duration_ms) for s in timeline.segments if s.step == 0]
    assert got == [
        ("work", "left", 0, 20 * S),
        ("work", "left", 20 * S, 20 * S),
        ("switch", "right", 40 * S, 4 * S),
        ("work", "right", 44 * S, 20 * S),
        ("work", "right", 64 * S, 20 * S),
    ]
    assert timeline.steps[0].sides == ("left", "right")
    assert timeline.steps[1].start_ms == 2 * 40 * S + 4 * S
    check_invariants(timeline)


def test_sides_in_the_order_given_and_a_single_side_has_no_switch() -> None:
    right_first = compile_steps(timed("Reach", 10, sides=["right", "left"]))
    assert [s.side for s in right_first.segments] == ["right", "left", "left"]
    assert [s.kind for s in right_first.segments] == ["work", "switch", "work"]
    assert right_first.segments[1].duration_ms == 5 * S  # the default switch pause
    one_side = compile_steps(timed("Reach", 10, sides="left"))
    assert [(s.kind, s.side) for s in one_side.segments] == [("work", "left")]
    assert one_side.total_ms == 10 * S
    assert texts(one_side, "switch_sides") == []


def test_block_repeats_its_steps_with_a_rest_between_sets_only() -> None:
    block = {
        "block": "Circuit",
        "sets": 3,
        "rest": "10s",
        "steps": [timed("A", 20), timed("B", 10)],
    }
    timeline = compile_steps(block, timed("Cool down", 30))
    set_len = 30 * S
    expected = []
    for number in range(3):
        start = number * (set_len + 10 * S)
        expected += [("A", start, start + 20 * S), ("B", start + 20 * S, start + set_len)]
        if number < 2:
            expected.append(("Rest", start + set_len, start + set_len + 10 * S))
    end = 3 * set_len + 2 * 10 * S
    expected.append(("Cool down", end, end + 30 * S))
    assert spans(timeline) == expected
    assert [s.kind for s in timeline.steps].count("set_rest") == 2
    assert [(s.set, s.sets, s.block) for s in timeline.steps if s.name == "A"] == [
        (1, 3, "Circuit"),
        (2, 3, "Circuit"),
        (3, 3, "Circuit"),
    ]
    cool_down = timeline.steps[-1]
    assert (cool_down.set, cool_down.sets, cool_down.block) == (0, 0, None)
    assert timeline.total_ms == end + 30 * S
    check_invariants(timeline)


def test_block_without_rest_runs_sets_back_to_back() -> None:
    timeline = compile_steps({"block": "Twice", "sets": 2, "steps": [timed("A", 15)]})
    assert spans(timeline) == [("A", 0, 15 * S), ("A", 15 * S, 30 * S)]


def test_nested_blocks() -> None:
    inner = {"block": "Inner", "sets": 2, "rest": 3, "steps": [timed("A", 10)]}
    outer = {"block": "Outer", "sets": 2, "rest": 5, "steps": [inner, timed("B", 4)]}
    timeline = compile_steps(outer)
    one_outer_set = [("A", 10), ("Rest", 3), ("A", 10), ("B", 4)]
    plan = [*one_outer_set, ("Rest", 5), *one_outer_set]
    expected, now = [], 0
    for name, seconds in plan:
        expected.append((name, now, now + seconds * S))
        now += seconds * S
    assert spans(timeline) == expected
    assert timeline.total_ms == 2 * 27 * S + 5 * S
    a_steps = [s for s in timeline.steps if s.name == "A"]
    assert [(s.set, s.sets, s.block) for s in a_steps] == [(1, 2, "Inner"), (2, 2, "Inner")] * 2
    b_steps = [s for s in timeline.steps if s.name == "B"]
    assert [(s.set, s.sets, s.block) for s in b_steps] == [(1, 2, "Outer"), (2, 2, "Outer")]
    check_invariants(timeline)


def test_rest_step() -> None:
    timeline = compile_steps(timed("A", 10), {"rest": "1m30s"}, {"rest": 5, "name": "Breathe"})
    assert spans(timeline) == [
        ("A", 0, 10 * S),
        ("Rest", 10 * S, 100 * S),
        ("Breathe", 100 * S, 105 * S),
    ]
    assert [s.kind for s in timeline.steps] == ["exercise", "rest", "rest"]
    assert [s.kind for s in timeline.segments] == ["work", "rest", "rest"]


def test_instruction_with_a_time_and_with_the_reading_time() -> None:
    long_text = " ".join(["word"] * 20)
    timeline = compile_steps(
        {"instruction": "Sit down.", "time": 12},
        {"instruction": "Sit down."},
        {"instruction": long_text},
    )
    durations = [s.duration_ms for s in timeline.segments]
    # Two words are read in a second; with 3 s to act that is under the 5 s minimum.
    assert INSTRUCTION_MIN_MS == 5 * S
    # 20 words at 2.5 words a second take 8 s to read, and 3 s more to act on them.
    assert WORDS_PER_SECOND == 2.5
    assert durations == [12 * S, 5 * S, 8 * S + 3 * S]
    assert [s.kind for s in timeline.segments] == ["instruction"] * 3
    assert timeline.steps[0].name == "Get into position"
    assert timeline.steps[0].do == "Sit down."
    assert texts(timeline, "announce") == ["Sit down.", "Sit down.", long_text]


def test_lead_in_from_the_routine_and_from_the_choices() -> None:
    steps = [timed("A", 10)]
    own = compile_steps(*steps, lead_in=7)
    assert [(s.kind, s.start_ms, s.duration_ms) for s in own.segments] == [
        ("lead_in", 0, 7 * S),
        ("work", 7 * S, 10 * S),
    ]
    assert own.steps[0].kind == "lead_in"
    assert own.steps[0].name == "Get ready"
    assert own.total_ms == 17 * S

    chosen = compile_steps(*steps, lead_in=7, choices=Choices(lead_in_ms=2 * S))
    assert chosen.segments[0].duration_ms == 2 * S
    assert chosen.total_ms == 12 * S

    for none in (
        compile_steps(*steps, lead_in=7, choices=Choices(lead_in_ms=0)),
        compile_steps(*steps, lead_in=0),
    ):
        assert [s.kind for s in none.steps] == ["exercise"]
        assert none.steps[0].start_ms == 0
        assert none.total_ms == 10 * S

    default = compile_timeline(Routine.model_validate({"title": "T", "prepare": 0, "steps": steps}))
    assert default.segments[0].duration_ms == DEFAULT_LEAD_IN_MS


def test_lead_in_says_get_ready_and_the_first_step_and_counts_down() -> None:
    timeline = compile_steps({"rest": 5}, timed("Plank", 10), lead_in=8)
    # The first step that is not a rest is named.
    assert only_cue_at(timeline, 0).text == "Test. Get ready. First: Plank"
    assert only_cue_at(timeline, 0).kind == "get_ready"
    countdown = [(c.at_ms, c.text) for c in timeline.cues if c.step == 0 and c.kind == "countdown"]
    assert countdown == [(5 * S, "3"), (6 * S, "2"), (7 * S, "1")]


def test_automatic_prepare_is_the_announcement_reading_time() -> None:
    do = " ".join(["word"] * 19)
    timeline = compile_timeline(
        Routine.model_validate(
            {
                "title": "T",
                "lead_in": 0,
                "steps": [timed("Plank", 10), timed("Bridge", 10, do=do), {"rest": 5}],
            }
        )
    )
    kinds = [(s.kind, s.step, s.duration_ms) for s in timeline.segments]
    # "Plank" is read in under a second: the prepare time is the 3 s minimum.
    # "Bridge. <19 words>" is 20 words: 8 s to read plus a second to move.
    assert PREPARE_MIN_MS == 3 * S
    assert kinds == [
        ("prepare", 0, 3 * S),
        ("work", 0, 10 * S),
        ("prepare", 1, 9 * S),
        ("work", 1, 10 * S),
        ("rest", 2, 5 * S),
    ]
    # The exercise's own cues start after the prepare segment.
    assert only_cue_at(timeline, 3 * S).text == "Start"
    assert timeline.steps[1].start_ms == 13 * S
    check_invariants(timeline)


def test_prepare_zero_and_explicit_values() -> None:
    steps = [timed("A", 10), timed("B", 10, prepare=0), timed("C", 10, prepare="7s")]
    no_routine_value = compile_timeline(
        Routine.model_validate({"title": "T", "lead_in": 0, "steps": steps})
    )
    prepares = [(s.step, s.duration_ms) for s in no_routine_value.segments if s.kind == "prepare"]
    assert prepares == [(0, PREPARE_MIN_MS), (2, 7 * S)]

    routine_four = compile_steps(*steps, prepare=4)
    prepares = [(s.step, s.duration_ms) for s in routine_four.segments if s.kind == "prepare"]
    assert prepares == [(0, 4 * S), (2, 7 * S)]

    routine_none = compile_steps(*steps, prepare=0)
    prepares = [(s.step, s.duration_ms) for s in routine_none.segments if s.kind == "prepare"]
    assert prepares == [(2, 7 * S)]


def test_no_automatic_prepare_when_the_step_is_not_announced() -> None:
    timeline = compile_timeline(
        Routine.model_validate(
            {"title": "T", "lead_in": 0, "steps": [timed("A", 10, cues={"announce": False})]}
        )
    )
    assert [s.kind for s in timeline.segments] == ["work"]


def test_steps_that_wait_for_done() -> None:
    timeline = compile_steps(
        timed("A", 10),
        {"exercise": "Stretch", "do": "Stretch as you like."},
        {"exercise": "Both", "sides": "both", "switch": 3},
        timed("B", 10),
    )
    segments = [(s.kind, s.step, s.start_ms, s.duration_ms, s.side) for s in timeline.segments]
    assert segments == [
        ("work", 0, 0, 10 * S, None),
        ("wait", 1, 10 * S, 0, None),
        ("wait", 2, 10 * S, 0, "left"),
        ("switch", 2, 10 * S, 3 * S, "right"),
        ("wait", 2, 13 * S, 0, "right"),
        ("work", 3, 13 * S, 10 * S, None),
    ]
    assert timeline.waits == 3
    assert [s.waits_for_done for s in timeline.steps] == [False, True, True, False]
    # A waiting segment lasts no time, so the time at its start belongs to what follows.
    assert timeline.segment_at(13 * S).kind == "work"
    assert timeline.segment_at(10 * S).kind == "switch"
    announce = [c.text for c in timeline.cues if c.kind == "announce" and c.step == 1]
    assert announce == ["Stretch. Stretch as you like. Press done when you have finished"]
    # On the first side the words are said before the wait; the switch comes after done.
    both = [(c.text, timeline.segments[c.segment].kind) for c in timeline.cues if c.step == 2]
    assert both == [
        ("Both. Left side first. Press done when you have finished", "wait"),
        ("Switch to your right side", "switch"),
        ("Right side", "wait"),
    ]
    check_invariants(timeline)


def test_timeline_without_waits() -> None:
    assert compile_steps(timed("A", 10)).waits == 0


# -- choices -----------------------------------------------------------------------------------


def test_a_range_defaults_to_its_middle() -> None:
    timeline = compile_steps(
        timed("Even", 2, reps="4-8"),
        timed("Odd", 2, reps="5-10"),
        timed("Own", 2, reps={"min": 3, "max": 9, "default": 4}),
    )
    # 4-8 has a true middle; 5-10 has two and the higher one is taken.
    assert [s.reps for s in timeline.steps] == [6, 8, 4]
    assert timeline.reps_chosen is None


def test_chosen_reps_apply_to_every_ranged_count_and_not_to_fixed_ones() -> None:
    block = {"block": "Sets", "sets": "2-4", "steps": [timed("In block", 2, reps="3-9")]}
    timeline = compile_steps(
        timed("Ranged", 2, reps="3-6"),
        timed("Fixed", 2, reps=3),
        block,
        choices=Choices(reps=4),
    )
    reps = [(s.name, s.reps, s.sets) for s in timeline.steps]
    assert reps == [("Ranged", 4, 0), ("Fixed", 3, 0)] + [("In block", 4, 4)] * 4
    assert timeline.reps_chosen == 4
    assert timeline.total_ms == (4 + 3 + 4 * 4) * 2 * S


@pytest.mark.parametrize("reps", [4, 11])
def test_a_choice_outside_the_range_names_the_range(reps: int) -> None:
    with pytest.raises(ChoiceError, match=r"outside 5 to 10 for 'Ranged'"):
        compile_steps(
            timed("Fixed", 2, reps=3), timed("Ranged", 2, reps="5-10"), choices=Choices(reps=reps)
        )


def test_a_choice_must_fit_every_range() -> None:
    with pytest.raises(ChoiceError, match=r"outside 2 to 4 for 'Sets'"):
        compile_steps(
            timed("Ranged", 2, reps="5-10"),
            {"block": "Sets", "sets": "2-4", "steps": [timed("X", 1)]},
            choices=Choices(reps=5),
        )


def test_choosing_reps_without_a_ranged_count_is_an_error() -> None:
    steps = [timed("Fixed", 2, reps=3), {"block": "B", "sets": 2, "steps": [timed("X", 1)]}]
    assert compile_steps(*steps).total_ms == (6 + 2) * S
    with pytest.raises(ChoiceError, match="no repetitions to choose"):
        compile_steps(*steps, choices=Choices(reps=3))


def test_extra_time_lengthens_a_segment_and_moves_everything_after_it() -> None:
    steps = [timed("A", 10), timed("B", 20), timed("C", 10)]
    plain = compile_steps(*steps)
    longer = compile_steps(*steps, choices=Choices(extra_ms={1: 10 * S}))
    assert spans(longer) == [("A", 0, 10 * S), ("B", 10 * S, 40 * S), ("C", 40 * S, 50 * S)]
    assert longer.total_ms == plain.total_ms + 10 * S
    # The countdown follows the new end; cues of the next step move by the same 10 s.
    assert [c.at_ms for c in longer.cues if c.step == 1 and c.kind == "countdown"] == [
        37 * S,
        38 * S,
        39 * S,
    ]
    plain_c = [(c.key, c.at_ms) for c in plain.cues if c.step == 2]
    longer_c = [(c.key, c.at_ms) for c in longer.cues if c.step == 2]
    assert longer_c == [(key, at + 10 * S) for key, at in plain_c]
    check_invariants(longer)


def test_extra_time_can_shorten_a_segment_but_not_below_the_minimum() -> None:
    steps = [timed("A", 10), timed("B", 20), timed("C", 10)]
    shorter = compile_steps(*steps, choices=Choices(extra_ms={1: -15 * S}))
    assert spans(shorter)[1] == ("B", 10 * S, 15 * S)
    assert shorter.total_ms == 25 * S
    shortest = compile_steps(*steps, choices=Choices(extra_ms={1: -60 * S}))
    assert shortest.segments[1].duration_ms == MIN_ADJUSTED_MS
    assert shortest.total_ms == 20 * S + MIN_ADJUSTED_MS
    check_invariants(shortest)


def test_extra_time_leaves_a_waiting_segment_alone() -> None:
    steps = [timed("A", 10), {"exercise": "Wait"}, timed("B", 10)]
    timeline = compile_steps(*steps, choices=Choices(extra_ms={1: 10 * S}))
    assert timeline.segments[1].kind == "wait"
    assert timeline.segments[1].duration_ms == 0
    assert timeline.total_ms == 20 * S


# -- cues ----------------------------------------------------------------------------------------


def test_announcement_names_the_step_its_sides_reps_and_what_to_do() -> None:
    timeline = compile_steps(
        timed("Lunge", 10, reps=2, sides="both", do="Step forward."),
        timed("Reach", 10, sides=["right", "left"]),
        timed("Plain", 10),
    )
    announced = [c.text for c in timeline.cues if c.kind == "announce"]
    assert announced == [
        "Lunge. Left side first. 2 times. Step forward.",
        "Reach. Right side first",
        "Plain",
    ]
    assert [c.at_ms for c in timeline.cues if c.kind == "announce"] == [
        s.start_ms for s in timeline.steps
    ]


def test_what_to_do_is_read_only_in_the_first_set_and_sets_are_counted() -> None:
    block = {
        "block": "Circuit",
        "sets": 3,
        "steps": [timed("Hop", 10, do="Hop on one foot."), timed("Skip", 10)],
    }
    timeline = compile_steps(block)
    at_starts = [only_cue_at(timeline, s.start_ms).text for s in timeline.steps]
    assert at_starts == [
        "Set 1 of 3. Hop. Hop on one foot.",
        "Skip",
        "Set 2 of 3. Hop",
        "Skip",
        "Set 3 of 3. Hop",
        "Skip",
    ]
    single_set = compile_steps({"block": "Once", "steps": [timed("Hop", 10)]})
    assert not any("Set" in text for text in texts(single_set))


def test_rep_count_from_the_second_repetition() -> None:
    timeline = compile_steps(timed("Squat", 3, reps=4))
    assert [(c.at_ms, c.text) for c in timeline.cues if c.kind == "rep_count"] == [
        (3 * S, "2 of 4"),
        (6 * S, "3 of 4"),
        (9 * S, "4 of 4"),
    ]
    off = compile_steps(timed("Squat", 3, reps=4, cues={"rep_count": False}))
    assert texts(off, "rep_count") == []


def test_phase_words_with_placeholders() -> None:
    phases = [
        {"name": "In", "time": 3, "say": "In {rep} on the {side}"},
        {"name": "Out", "time": 2},
    ]
    timeline = compile_steps(
        {"exercise": "Breathe", "reps": 2, "sides": "both", "switch": 4, "phases": phases},
        cues={"switch_sides": False},
    )
    said = [(c.at_ms, c.text) for c in timeline.cues]
    # Left: reps at 0 and 5 s; the switch takes 10-14 s; right: reps at 14 and 19 s.
    # The first phase word is due with the announcement, so they are said as one.
    assert said == [
        (0, "Breathe. Left side first. 2 times. In 1 on the left"),
        (3 * S, "Out"),
        (5 * S, "2 of 2. In 2 on the left"),
        (8 * S, "Out"),
        (14 * S, "In 1 on the right"),
        (17 * S, "Out"),
        (19 * S, "2 of 2. In 2 on the right"),
        (22 * S, "Out"),
    ]
    off = compile_steps(
        {"exercise": "Breathe", "reps": 2, "phases": phases, "cues": {"phases": False}}
    )
    assert texts(off, "phase") == []
    assert texts(off, "rep_count") == ["2 of 2"]


def test_switch_sides_cues() -> None:
    timeline = compile_steps(timed("Reach", 10, sides="both", switch=4))
    # Left 0-10 s, switch 10-14 s, right 14-24 s.
    switch = [(c.at_ms, c.text) for c in timeline.cues if c.kind == "switch_sides"]
    assert switch == [(10 * S, "Switch to your right side"), (14 * S, "Right side")]
    assert timeline.segments[only_cue_at(timeline, 10 * S).segment].kind == "switch"
    off = compile_steps(timed("Reach", 10, sides="both", cues={"switch_sides": False}))
    assert texts(off, "switch_sides") == []


def test_halfway_only_on_long_one_repetition_timed_sides() -> None:
    timeline = compile_steps(
        timed("Thirty", 30),
        timed("Odd", 25),
        timed("Short", 19),
        timed("Reps", 20, reps=2),
        {"exercise": "Phases", "phases": [{"name": "Hold", "time": 30}]},
        timed("Sided", 20, sides="both", switch=5),
        cues={"next_up": False},
    )
    halfway = [(c.at_ms, c.step) for c in timeline.cues if c.kind == "halfway"]
    starts = [s.start_ms for s in timeline.steps]
    sided = starts[5]
    assert halfway == [
        (starts[0] + 15 * S, 0),
        (starts[1] + 12 * S, 1),  # half of 25 s, in whole seconds
        (sided + 10 * S, 5),
        (sided + 25 * S + 10 * S, 5),  # the right side starts after 20 s and the 5 s switch
    ]
    off = compile_steps(timed("Thirty", 30, cues={"halfway": False}))
    assert texts(off, "halfway") == []


def test_countdown_over_the_final_segment_when_it_is_long_enough() -> None:
    timeline = compile_steps(
        timed("Six", 6),
        timed("Five", 5),
        timed("Reps", 10, reps=3),
        {
            "exercise": "Phases",
            "reps": 2,
            "phases": [{"name": "Up", "time": 8}, {"name": "Down", "time": 2}],
        },
        cues={"next_up": False, "halfway": False},
    )
    countdowns = [(c.step, c.at_ms) for c in timeline.cues if "countdown" in c.key]
    reps_end = timeline.steps[2].end_ms
    assert countdowns == [
        (0, 3 * S),
        (0, 4 * S),
        (0, 5 * S),
        # 5 s is too short for a countdown; of the repetitions only the last is counted down.
        (2, reps_end - 3 * S),
        (2, reps_end - 2 * S),
        (2, reps_end - 1 * S),
        # The last phase lasts 2 s: no countdown at all.
    ]
    assert [c.text for c in timeline.cues if "countdown" in c.key] == ["3", "2", "1"] * 2
    rep_cues = [c.at_ms for c in timeline.cues if c.kind == "rep_count" and c.step == 2]
    assert max(rep_cues) < reps_end - 3 * S


def test_countdown_length_and_switch() -> None:
    five = compile_steps(timed("Long", 8, cues={"countdown": 5}))
    assert [(c.at_ms, c.text) for c in five.cues if c.kind == "countdown"] == [
        (3 * S, "5"),
        (4 * S, "4"),
        (5 * S, "3"),
        (6 * S, "2"),
        (7 * S, "1"),
    ]
    too_short = compile_steps(timed("Long", 7, cues={"countdown": 5}))
    assert texts(too_short, "countdown") == []
    off = compile_steps(timed("Long", 30, cues={"countdown": False}))
    assert texts(off, "countdown") == []


def test_countdown_on_each_side() -> None:
    timeline = compile_steps(timed("Side plank", 10, sides="both", switch=5))
    # Left 0-10 s, switch 10-15 s, right 15-25 s.
    assert [c.at_ms for c in timeline.cues if c.kind == "countdown"] == [
        7 * S,
        8 * S,
        9 * S,
        22 * S,
        23 * S,
        24 * S,
    ]


def test_next_up_names_the_next_step_that_is_not_a_rest() -> None:
    timeline = compile_steps(
        timed("Long", 30),
        {"rest": 10},
        timed("Also long", 20),
        timed("Short", 19),
        timed("Last", 40),
        cues={"halfway": False},
    )
    next_up = [(c.at_ms, c.text) for c in timeline.cues if c.kind == "next_up"]
    also_long_end = timeline.steps[2].end_ms
    assert next_up == [
        (20 * S, "Next up: Also long"),
        (also_long_end - 10 * S, "Next up: Short"),
    ]
    # In the step's own announcement too (said at its start, together with its name).
    rest = timeline.steps[1]
    assert only_cue_at(timeline, rest.start_ms).text == "Rest for 10 seconds. Next up: Also long"
    off = compile_steps(timed("Long", 30), {"rest": 10}, timed("B", 20), cues={"next_up": False})
    assert texts(off, "next_up") == []
    assert "Rest for 10 seconds" in texts(off, "announce")


def test_rest_announcement_and_countdown() -> None:
    timeline = compile_steps(
        timed("A", 10, cues={"countdown": False}),
        {"rest": "1m30s", "do": "Sit on a chair."},
        timed("B", 10, cues={"countdown": False}),
    )
    rest = [(c.at_ms, c.text) for c in timeline.cues if c.step == 1]
    assert rest == [
        (10 * S, "Rest for 1 minute 30 seconds. Sit on a chair. Next up: B"),
        (97 * S, "3"),
        (98 * S, "2"),
        (99 * S, "1"),
    ]


def test_rest_between_sets_announces_the_next_set() -> None:
    block = {"block": "B", "sets": 2, "rest": 20, "steps": [timed("Hop", 5)]}
    timeline = compile_steps(block)
    set_rest = timeline.steps[1]
    assert set_rest.kind == "set_rest"
    said = [(c.at_ms, c.text) for c in timeline.cues if c.step == 1]
    assert said == [
        (5 * S, "Rest for 20 seconds. Next: set 2 of 2, Hop"),
        (22 * S, "3"),
        (23 * S, "2"),
        (24 * S, "1"),
    ]


def test_custom_cues_each_side_and_each_rep() -> None:
    step = timed(
        "Reach",
        4,
        reps=2,
        sides="both",
        switch=2,
        say=[
            {"at": 6, "say": "Keep going on the {side}"},
            {"at": 1, "say": "Rep {rep} of {reps}", "each": "rep"},
        ],
    )
    timeline = compile_steps(step, cues={"countdown": False, "rep_count": False})
    custom = [(c.at_ms, c.text) for c in timeline.cues if "custom" in c.key]
    # Left reps start at 0 and 4 s; the switch is 8-10 s; right reps start at 10 and 14 s.
    assert custom == [
        (1 * S, "Rep 1 of 2"),
        (5 * S, "Rep 2 of 2"),
        (6 * S, "Keep going on the left"),
        (11 * S, "Rep 1 of 2"),
        (15 * S, "Rep 2 of 2"),
        (16 * S, "Keep going on the right"),
    ]


def test_cue_switches_at_routine_block_and_step_level() -> None:
    def announced(timeline: Timeline) -> list[str]:
        return [timeline.steps[c.step].name for c in timeline.cues if "announce" in c.key]

    steps = [
        timed("Outside", 5),
        {
            "block": "Quiet",
            "cues": {"announce": False},
            "steps": [timed("Inside", 5), timed("Loud", 5, cues={"announce": True})],
        },
        timed("Own", 5, cues={"announce": False}),
    ]
    assert announced(compile_steps(*steps)) == ["Outside", "Loud"]
    assert announced(compile_steps(*steps, cues={"announce": False})) == ["Loud"]


@pytest.mark.parametrize(
    ("switch", "kind"),
    [
        ("next_up", "next_up"),
        ("halfway", "halfway"),
        ("countdown", "countdown"),
        ("switch_sides", "switch_sides"),
        ("rep_count", "rep_count"),
        ("phases", "phase"),
    ],
)
def test_each_cue_switch_turns_its_kind_off_at_every_level(switch: str, kind: str) -> None:
    def kinds(timeline: Timeline) -> set[str]:
        return {k for c in timeline.cues for k in c.key.split(":")[1].split("+")}

    exercise = {
        "exercise": "Everything",
        "reps": 2,
        "sides": "both",
        "phases": [{"name": "Hold", "time": 15}, {"name": "Let go", "time": 10}],
    }
    plain_long = timed("Long", 30)
    after = timed("After", 5)
    assert kind in kinds(compile_steps(exercise, plain_long, after))
    off = {switch: False}
    assert kind not in kinds(compile_steps(exercise, plain_long, after, cues=off))
    block = {"block": "B", "cues": off, "steps": [exercise, plain_long]}
    assert kind not in kinds(compile_steps(block, after))
    assert kind not in kinds(
        compile_steps({**exercise, "cues": off}, {**plain_long, "cues": off}, after)
    )


def test_cues_at_the_same_moment_are_merged_into_one() -> None:
    step = timed("Reach", 10, sides="both", switch=4, say=[{"at": 7, "say": "Nearly, {side}"}])
    timeline = compile_steps(step)
    # Left 0-10 s, switch 10-14 s, right 14-24 s: the words of our own fall on each "3".
    for at_ms, side in ((7 * S, "left"), (21 * S, "right")):
        merged = only_cue_at(timeline, at_ms)
        assert merged.text == f"3. Nearly, {side}"
        assert merged.kind == "countdown"  # the higher priority of the two
        assert merged.priority == PRIORITY["countdown"] > PRIORITY["custom"]
        assert merged.key.endswith(":countdown+custom")
    start = only_cue_at(timeline, 0)
    assert start.text == "Reach. Left side first"
    assert start.kind == "announce"


def test_next_up_makes_room_for_a_rep_count_instead_of_joining_it() -> None:
    timeline = compile_steps(timed("Squat", 5, reps=6), timed("After", 5))
    # 30 s of squats: next up, due at 20 s, would run into the fifth repetition's count;
    # it is said earlier, after the fourth's count, and each is heard whole.
    count = only_cue_at(timeline, 20 * S)
    assert (count.text, count.kind) == ("5 of 6", "rep_count")
    [next_up] = [c for c in timeline.cues if c.kind == "next_up"]
    assert next_up.text == "Next up: After"
    assert next_up.at_ms > 15 * S
    assert next_up.at_ms + speaking_ms(next_up.text) <= 20 * S


def test_start_cue_after_the_prepare_time() -> None:
    timeline = compile_timeline(
        Routine.model_validate(
            {
                "title": "T",
                "lead_in": 0,
                "prepare": 4,
                "steps": [timed("Plank", 10), timed("Reach", 10, sides="both")],
            }
        )
    )
    assert only_cue_at(timeline, 4 * S).text == "Start"
    reach_work = timeline.steps[1].start_ms + 4 * S
    assert only_cue_at(timeline, reach_work).text == "Start with the left side"


def test_invariants_on_a_routine_with_every_kind_of_step() -> None:
    data = {
        "title": "Everything",
        "steps": [
            {"instruction": "Lie down on a mat."},
            timed("Timed", 45, do="Hold still."),
            {"rest": 20},
            timed(
                "Sided reps",
                6,
                reps="3-5",
                sides="both",
                say=[{"at": 2, "say": "{side} {rep}", "each": "rep"}],
            ),
            {
                "exercise": "Phased",
                "reps": 3,
                "phases": [{"name": "A", "time": 3}, {"name": "B", "time": 7}],
            },
            {"exercise": "Until done"},
            {
                "block": "Outer",
                "sets": "2-3",
                "rest": 15,
                "steps": [
                    timed("X", 20),
                    {"block": "Inner", "sets": 2, "rest": 5, "steps": [timed("Y", 8, reps=2)]},
                ],
            },
            timed("Last", 60),
        ],
    }
    routine_value = Routine.model_validate(data)
    for choices in (Choices(), Choices(reps=3), Choices(lead_in_ms=0, extra_ms={3: 7 * S})):
        check_invariants(compile_timeline(routine_value, choices))


# -- the bundled routines --------------------------------------------------------------------------


BUNDLED = ["daily-back-care", "partner-back-massage", "pelvic-strength"]


def bundled(name: str) -> Routine:
    return load_routine(ROUTINES / f"{name}.yaml").routine


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_routines_compile(name: str) -> None:
    timeline = compile_timeline(bundled(name))
    check_invariants(timeline)
    assert timeline.steps[0].kind == "lead_in"
    assert any(c.kind == "get_ready" for c in timeline.cues)


def set_span(timeline: Timeline, number: int) -> tuple[int, int]:
    in_set = [s for s in timeline.steps if s.set == number and s.kind != "set_rest"]
    return in_set[0].start_ms, in_set[-1].end_ms


def test_partner_massage_grows_by_whole_sets_with_the_chosen_count() -> None:
    routine_value = bundled("partner-back-massage")
    five = compile_timeline(routine_value, Choices(reps=5))
    ten = compile_timeline(routine_value, Choices(reps=10))
    assert {s.sets for s in five.steps if s.block} == {5}
    assert [s.kind for s in five.steps].count("set_rest") == 4
    assert [s.kind for s in ten.steps].count("set_rest") == 9
    start, end = set_span(five, 2)
    one_set = end - start
    # The block's work: 3 x (6 + 2) + 20 + 20 + 3 x (5 + 2) + 4 x (4 + 2) seconds.
    work = sum(
        s.duration_ms for s in five.segments if s.kind == "work" and start <= s.start_ms < end
    )
    assert work == (24 + 20 + 20 + 21 + 24) * S
    assert ten.total_ms - five.total_ms == 5 * (one_set + 10 * S)
    # The default is the middle of 5-10.
    default = compile_timeline(routine_value)
    assert max(s.sets for s in default.steps) == 8
    with pytest.raises(ChoiceError, match="5 to 10"):
        compile_timeline(routine_value, Choices(reps=11))


def test_pelvic_strength_reps_apply_to_both_ranged_exercises() -> None:
    routine_value = bundled("pelvic-strength")
    five = compile_timeline(routine_value, Choices(reps=5))
    six = compile_timeline(routine_value, Choices(reps=6))

    def reps_of(timeline: Timeline, name: str) -> list[int]:
        return [s.reps for s in timeline.steps if s.name == name]

    assert reps_of(six, "Pelvic tilts on all fours") == [6, 6]
    assert reps_of(six, "Pelvic floor holds") == [6, 6, 6]
    assert reps_of(six, "Arm reach on all fours") == [5]  # a fixed count
    assert reps_of(six, "Quick pelvic floor squeezes") == [10, 10, 10]
    assert six.waits == 3
    # One more tilt (4 s + 3 s) in each of 2 sets, one more hold (5 s + 5 s) in each of 3.
    assert six.total_ms - five.total_ms == 2 * 7 * S + 3 * 10 * S


def test_daily_back_care_shape() -> None:
    timeline = compile_timeline(bundled("daily-back-care"))
    assert [s.kind for s in timeline.steps] == [
        "lead_in",
        "exercise",
        "instruction",
        "exercise",
        "rest",
        "exercise",
        "rest",
        "exercise",
    ]
    last = timeline.steps[-1]
    # The last step's time is changed to 2 minutes by the routine.
    work = [s for s in timeline.segments if s.step == last.index and s.kind == "work"]
    assert [s.duration_ms for s in work] == [120 * S]
    assert timeline.steps[2].duration_ms == 15 * S
    assert not any(c.kind == "next_up" and c.step == last.index for c in timeline.cues)


def test_a_countdown_never_cuts_off_words_still_being_said() -> None:
    # "<title>. Get ready. First: Rest" takes about 6.6 s to say; a 9 s lead-in leaves no
    # room for "3" at 6 s, but "2" at 7 s and "1" at 8 s are clear of it.
    title = "A rather long routine title for this test"
    short = Routine.model_validate({"title": title, "lead_in": 9, "steps": [{"rest": 30}]})
    words = f"{title}. Get ready. First: Rest"
    assert 6 * S < speaking_ms(words) <= 7 * S
    lead_in_cues = [c for c in compile_timeline(short).cues if c.step == 0]
    assert [c.text for c in lead_in_cues if c.kind == "countdown"] == ["2", "1"]
    # The default lead-in leaves room for the whole countdown after the words.
    default = Routine.model_validate({"title": "Short", "steps": [{"rest": 30}]})
    numbers = [c for c in compile_timeline(default).cues if c.step == 0 and c.kind == "countdown"]
    assert [(c.at_ms, c.text) for c in numbers] == [(7000, "3"), (8000, "2"), (9000, "1")]
