"""The format page's example is a real, valid routine, and the page shows it as it is."""

from __future__ import annotations

import re

from player.playback.compiler import compile_timeline
from player.playback.timeline import Choices
from player.routine.figures import FIGURE_NAMES
from player.routine.loader import load_routine
from player.routine.model import Block, Exercise, Instruction, Rest
from tests.conftest import REPO

FORMAT_PAGE = REPO / "docs" / "routine-format.md"
EXAMPLE = REPO / "docs" / "example" / "my-back-routine.yaml"


def test_format_page_shows_the_example_file_word_for_word() -> None:
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", page, flags=re.DOTALL)
    assert EXAMPLE.read_text(encoding="utf-8") in blocks


def test_the_example_uses_every_kind_of_step_and_loads() -> None:
    routine = load_routine(EXAMPLE).routine
    kinds = {type(step) for step in routine.steps}
    assert kinds == {Instruction, Exercise, Rest, Block}
    side_stretch = next(s for s in routine.steps if getattr(s, "exercise", "") == "Side stretch")
    assert isinstance(side_stretch, Exercise)
    assert side_stretch.picture is not None and side_stretch.picture.endswith("side-stretch.png")
    assert side_stretch.sides == ("left", "right")
    thumbs = [s for s in compile_timeline(routine).steps if s.name == "Thumbs down the spine"]
    assert thumbs and {s.figure for s in thumbs} == {"massage-thumbs-down-spine"}


def test_the_example_plays_with_a_chosen_count_in_range() -> None:
    routine = load_routine(EXAMPLE).routine
    five = compile_timeline(routine, Choices(reps=5))
    six = compile_timeline(routine, Choices(reps=6))
    # One more set of the massage block (3 x 8 s, 20 s, its preparation, a 10 s rest) and
    # one more pelvic floor hold (5 s squeeze + 5 s relax).
    massage_set = next(s for s in six.steps if s.name == "Thumbs down the spine" and s.set == 6)
    lower_back = next(s for s in six.steps if s.name == "Lower back" and s.set == 6)
    assert lower_back.duration_ms == 20_000
    per_set = massage_set.duration_ms + lower_back.duration_ms + 10_000
    assert six.total_ms - five.total_ms == per_set + 10_000


def test_the_format_page_lists_every_figure_once_with_what_it_shows() -> None:
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    section = re.search(r"^## Figures\n(.*?)(?=^## )", page, re.M | re.S)
    assert section, "the format page has no section 'Figures'"
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", section.group(1), re.M)
    assert sorted(name for name, _ in rows) == sorted(FIGURE_NAMES)
    assert all(len(words) > 20 for _, words in rows)
