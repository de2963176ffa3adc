"""``run.py handout ROUTINE --pdf FILE.pdf``: every bundled routine on one to three A4
pages, read back with pypdf: every step and block by name, how long or how many times,
the safety notes, every warning sign, every source's title and address; in Vietnamese
and Chinese too, and in the pseudo-language with no English left out of the catalogs.
A routine with problems, a bad file name or a folder that cannot be written is refused in
one line, and nothing is written."""

from __future__ import annotations

import functools
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from player import cli
from player.care.safety import EMERGENCY, SIGNS_INTRO, check_week, warning_signs
from player.commands.handout import _picture
from player.commands.routine_row import suits_words
from player.commands.routines import load
from player.language import PSEUDO, _, use
from player.playback.compiler import compile_timeline
from player.playback.outline import OutlineBlock, outline
from player.playback.timeline import Choices
from player.printing.handout import (
    COMPACT,
    MOST_PAGES,
    REGULAR,
    _block_words,
    _source,
    handout_pdf,
)
from player.routine.loader import RoutineFile
from player.routine.sources import citations
from tests.conftest import ROUTINES, WriteFile
from tests.pdf_text import all_text, pages_text, squeezed
from tests.pseudo_words import escaped_words
from tests.read_only import read_only

BUNDLED = sorted(path.stem for path in ROUTINES.glob("*.yaml"))


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(args), out=out)
    return code, out.getvalue()


def bundled(name: str) -> RoutineFile:
    return load(ROUTINES / f"{name}.yaml")


@functools.cache
def made(name: str, week: int | None = None, language: str = "en") -> tuple[bytes, int]:
    """The handout of a bundled routine at a pregnancy week, made once for every test."""
    use(language)
    loaded = bundled(name)
    choices = Choices(avoid_lying_on_back=week is not None and week >= 14)
    timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)
    check = check_week(loaded.routine, timeline, week)
    suits = suits_words(loaded.routine)
    return handout_pdf(loaded.routine, timeline, check, suits, _picture, language)


def names_in(name: str, week: int | None = None) -> list[str]:
    """The names of the steps and blocks the handout lists, each once."""
    loaded = bundled(name)
    choices = Choices(avoid_lying_on_back=week is not None and week >= 14)
    timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)
    return [
        item.name if isinstance(item, OutlineBlock) else item.span.name
        for item in outline(loaded.routine, timeline)
    ]


# -- what a handout holds -------------------------------------------------------------------


@pytest.mark.parametrize("name", BUNDLED)
def test_a_handout_holds_every_step_the_warning_signs_and_the_sources(name: str) -> None:
    data, pages = made(name)
    assert 1 <= pages <= MOST_PAGES
    assert len(PdfReader(io.BytesIO(data)).pages) == pages
    text = all_text(data)
    routine = bundled(name).routine
    assert squeezed(routine.title) in text
    for step in names_in(name):
        assert squeezed(step) in text, step
    for note in routine.safety:
        assert squeezed(note) in text
    for sign in (_(SIGNS_INTRO), *warning_signs(), _(EMERGENCY)):
        assert squeezed(sign) in text, sign
    assert routine.sources
    for source in routine.sources:
        assert squeezed(source.title) in text
        if source.address:
            assert squeezed(source.address) in text


@pytest.mark.parametrize("name", BUNDLED)
def test_every_step_of_a_handout_has_its_figure(name: str) -> None:
    reader = PdfReader(io.BytesIO(made(name)[0]))
    pictures = sum(len(page.images) for page in reader.pages)
    loaded = bundled(name)
    timeline = compile_timeline(loaded.routine, Choices(), loaded.paced_by)
    drawn = {
        item.span.figure
        for item in outline(loaded.routine, timeline)
        if not isinstance(item, OutlineBlock)
    }
    assert None not in drawn  # every bundled step has a figure
    assert pictures >= len(drawn)  # each is printed (the same figure twice, once a page)
    assert len(reader.pages[0].images) >= 1  # the steps begin on the first page


def test_the_daily_handout_says_how_long_and_how_many_times() -> None:
    text = all_text(made("daily-back-care")[0])
    for said in (
        "Length: 6 minutes 50 seconds. Suits: trimesters 1-3.",
        "1. Stand tall: 30 seconds",
        "3. Pelvic tilts on all fours: 8 times: Tilt 4 seconds, Flat back 3 seconds",
        "4. Rest: 20 seconds",
        "7. Rest on your side: 2 minutes",
    ):
        assert squeezed(said) in text, said


def test_the_massage_is_shown_once_under_its_sets() -> None:
    text = all_text(made("partner-back-massage")[0])
    said = "Massage sequence 8 sets, with a rest of 10 seconds between sets. In each set:"
    assert squeezed(said) in text
    assert text.count(squeezed("Thumbs down the sides of the spine")) == 1
    assert squeezed("2. Thumbs down the sides of the spine: 3 times: Slide down 6 seconds") in text
    assert squeezed("7. Rest together: 30 seconds") in text


def test_sides_and_steps_at_your_own_pace_are_said() -> None:
    text = all_text(made("pelvic-strength")[0])
    assert (
        squeezed(
            "Arm reach on all fours: 5 times: Reach 5 seconds, Back 3 seconds, "
            "on each side, left first"
        )
        in text
    )
    assert squeezed("Quick pelvic floor squeezes: 10 times, at your own pace") in text
    assert squeezed("2 sets, with a rest of 30 seconds between sets. In each set:") in text


def test_from_week_14_the_handout_shows_the_side_lying_steps() -> None:
    early = all_text(made("first-trimester")[0])
    later_data, pages = made("first-trimester", week=20)
    later = all_text(later_data)
    assert pages <= MOST_PAGES
    assert squeezed("Pelvic tilt on your back") in early
    assert squeezed("lying on the back: from week 14, do it on your side") in early
    for step in names_in("first-trimester", week=20):
        assert squeezed(step) in later
    assert squeezed("Pelvic tilt on your side: 6 times") in later
    assert (
        squeezed("on your side, in place of 'Pelvic tilt on your back' (lying on the back)")
        in later
    )


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("vi", "daily-back-care"),
        ("zh-Hans", "partner-back-massage"),
        ("vi", "first-trimester"),
        ("zh-Hans", "first-trimester"),
    ],
)
def test_a_handout_in_vietnamese_and_chinese_reads_back(language: str, name: str) -> None:
    data, pages = made(name, language=language)
    assert 1 <= pages <= MOST_PAGES
    text = all_text(data)
    use(language)
    loaded = bundled(name)
    assert loaded.language == language
    routine = loaded.routine
    assert squeezed(routine.title) in text
    for step in names_in(name):
        assert squeezed(step) in text, step
    for sign in warning_signs():
        assert squeezed(sign) in text, sign
    for source in routine.sources:
        assert squeezed(source.title) in text
    assert "?" not in text.replace(squeezed("?"), "")  # no character without a font


def test_the_compact_sizes_are_still_large_enough_to_read() -> None:
    assert REGULAR.text == 12 and COMPACT.text >= 11
    assert COMPACT.figure >= 30


# -- the command ----------------------------------------------------------------------------


def test_the_command_writes_the_handout_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    target = tmp_path / "papers" / "back.pdf"
    code, out = run("handout", "daily-back-care", "--pdf", str(target))
    assert code == cli.EXIT_OK
    pages = len(PdfReader(target).pages)
    assert out == f"Handout of 'Daily back care' written to {target}: {pages} pages\n"
    assert all_text(target.read_bytes()) == all_text(made("daily-back-care")[0])
    assert os.listdir(tmp_path / "papers") == ["back.pdf"]


def test_the_command_shows_the_repetitions_chosen(tmp_path: Path) -> None:
    target = tmp_path / "massage.pdf"
    assert run("handout", "partner-back-massage", "--reps", "10", "--pdf", str(target))[0] == 0
    assert squeezed("10 sets, with a rest of 10 seconds") in all_text(target.read_bytes())
    assert run("settings", "set", "reps.partner-back-massage", "6")[0] == 0
    assert run("handout", "partner-back-massage", "--pdf", str(target))[0] == 0
    assert squeezed("6 sets, with a rest of 10 seconds") in all_text(target.read_bytes())


def test_the_command_follows_the_week_set(tmp_path: Path) -> None:
    assert run("settings", "set", "week", "20")[0] == 0
    target = tmp_path / "early.pdf"
    assert run("handout", "first-trimester", "--pdf", str(target))[0] == cli.EXIT_OK
    text = all_text(target.read_bytes())
    assert squeezed("Pelvic tilt on your side") in text
    assert squeezed("This routine suits trimester 1; you are in week 20.") in text


def test_the_pdf_option_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("handout", "daily-back-care") == (cli.EXIT_INVALID, "")
    err = capsys.readouterr().err
    assert "the following arguments are required: --pdf" in err


def test_a_name_that_is_not_a_pdf_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "back.txt"
    assert run("handout", "daily-back-care", "--pdf", str(target)) == (cli.EXIT_INVALID, "")
    assert capsys.readouterr().err == (
        f"The handout is a PDF file: give a file name ending in .pdf, not '{target}'.\n"
    )
    assert not target.exists()


def test_a_routine_with_problems_is_refused_and_nothing_written(
    write: WriteFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("bad.yaml", "title: B\nsteps:\n  - rest: 0\n  - exercise: A\n    tme: 1s\n")
    target = tmp_path / "bad.pdf"
    assert run("handout", str(path), "--pdf", str(target)) == (cli.EXIT_INVALID, "")
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:3:11: steps[0].rest: a duration must be more than zero, found 0",
        f"{path}:5:5: steps[1].tme: unknown key 'tme'; did you mean 'time'?",
    ]
    assert not target.exists()


def test_repetitions_out_of_range_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "back.pdf"
    assert run("handout", "daily-back-care", "--reps", "4", "--pdf", str(target)) == (2, "")
    assert capsys.readouterr().err == (
        "4 repetitions is outside 5 to 10 for 'Pelvic tilts on all fours'; choose a number "
        "in that range\n"
    )
    assert not target.exists()


def test_a_missing_folder_is_told_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "back.pdf"
    assert run("handout", "daily-back-care", "--pdf", str(target)) == (cli.EXIT_FAILED, "")
    assert capsys.readouterr().err == (
        f"The handout could not be written to {target}: there is no folder {target.parent}; "
        "make it first, or choose another\n"
    )
    assert not target.parent.exists()


def test_a_folder_that_may_not_be_written_keeps_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    target = folder / "back.pdf"
    target.write_bytes(b"the old handout")
    with read_only(folder):
        code = run("handout", "daily-back-care", "--pdf", str(target))
    assert code == (cli.EXIT_FAILED, "")
    assert capsys.readouterr().err == (
        f"The handout could not be written to {target}: the folder {folder} may not be written\n"
    )
    assert target.read_bytes() == b"the old handout"
    assert os.listdir(folder) == ["back.pdf"]


def test_a_folder_in_the_place_of_the_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "back.pdf"
    folder.mkdir()
    assert run("handout", "daily-back-care", "--pdf", str(folder)) == (cli.EXIT_FAILED, "")
    assert capsys.readouterr().err == (
        f"The handout could not be written to {folder}: this is a folder: give the name of "
        "a file to write in it\n"
    )


# -- the pseudo-language -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["partner-back-massage", "pelvic-strength", "first-trimester"])
def test_a_handout_in_the_pseudo_language_shows_no_english(name: str, tmp_path: Path) -> None:
    target = tmp_path / "pseudo.pdf"
    if name == "first-trimester":
        assert run("settings", "set", "week", "20")[0] == 0
    code, out = run("--language", PSEUDO, "handout", name, "--pdf", str(target))
    assert code == cli.EXIT_OK
    assert out.startswith("[!! ") and out.rstrip().endswith(" !!]")
    use("en")  # the routine's own words, as written
    loaded = bundled(name)
    routine = loaded.routine
    addresses = [source.address for source in routine.sources if source.address]
    lines = [line for page in pages_text(target.read_bytes()) for line in page.splitlines()]
    text = " ".join(  # an address, cut over two lines, is no word to translate
        line for line in lines if not any(line.strip() in address for address in addresses)
    )
    allowed = [routine.title, *routine.safety, routine.summary or ""]
    for later in (False, True):
        timeline = compile_timeline(routine, Choices(avoid_lying_on_back=later))
        allowed += [step.name for step in timeline.steps]
        allowed += [step.do or "" for step in timeline.steps]
        allowed += [segment.phase or "" for segment in timeline.segments]
        allowed += [step.block or "" for step in timeline.steps]
    if routine.suits is not None and routine.suits.note:
        allowed.append(routine.suits.note)
    for source in routine.sources:
        allowed += [str(value) for value in source.model_dump().values() if value]
    cited = " ".join(a for a in allowed if a).split()
    assert escaped_words(text, [*allowed, *cited]) == [], text


# -- what is kept together on a page -------------------------------------------------------

PRINTED = ["en", "es", "vi", "zh-Hans"]


@pytest.mark.parametrize("language", PRINTED[1:])
@pytest.mark.parametrize("name", BUNDLED)
def test_every_handout_fits_on_one_to_three_pages_in_every_language(
    name: str, language: str
) -> None:
    data, pages = made(name, language=language)
    assert 1 <= pages <= MOST_PAGES
    assert len(PdfReader(io.BytesIO(data)).pages) == pages


def _block_lines(name: str, language: str) -> list[tuple[str, str]]:
    """Each block's line on the handout (its name and sets) and its first step's name."""
    use(language)
    loaded = bundled(name)
    timeline = compile_timeline(loaded.routine, Choices(), loaded.paced_by)
    items = outline(loaded.routine, timeline)
    found = []
    for number, item in enumerate(items[:-1]):
        if isinstance(item, OutlineBlock):
            words = "".join(passage.text for passage in _block_words(item, REGULAR))
            after = items[number + 1]
            first = after.name if isinstance(after, OutlineBlock) else after.span.name
            found.append((squeezed(words), squeezed(first)))
    return found


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", BUNDLED)
def test_a_blocks_line_is_on_the_page_of_its_first_step(name: str, language: str) -> None:
    pages = [squeezed(page) for page in pages_text(made(name, language=language)[0])]
    for words, first in _block_lines(name, language):
        page = next(page for page in pages if words in page)
        assert first in page[page.index(words) :], (words, first)


def test_steps_of_a_block_going_on_over_a_page_say_so_at_its_top() -> None:
    pages = [squeezed(page) for page in pages_text(made("partner-back-massage")[0])]
    use("en")
    heads = [page for page in pages if page.startswith(squeezed("Massage sequence (continued)"))]
    assert len(heads) == 1
    said = squeezed("8 sets, with a rest of 10 seconds between sets. In each set:")
    assert heads[0].startswith(squeezed("Massage sequence (continued)") + said + "5.")
    assert squeezed("Down the spine") in heads[0]
    assert sum(squeezed("(continued)") in page for page in pages) == 1


@pytest.mark.parametrize("language", PRINTED)
@pytest.mark.parametrize("name", BUNDLED)
def test_each_source_is_kept_whole_on_one_page(name: str, language: str) -> None:
    pages = [squeezed(page) for page in pages_text(made(name, language=language)[0])]
    use(language)
    for citation in citations(bundled(name).routine.sources):
        whole = squeezed(_source(citation))
        assert any(whole in page for page in pages), citation.reference


def test_a_long_address_is_broken_only_after_a_slash() -> None:
    pages = pages_text(made("first-trimester")[0])
    lines = [line.strip() for page in pages for line in page.splitlines()]
    assert "physical-activity-and-exercise-during-pregnancy-and-the-postpartum-period" in lines
