"""The printed pages: every language's words come back out of the PDF as they went in,
each character in a font that has it, broken into lines that fit, with the disclaimer and
the page number on every page, written whole or not at all."""

from __future__ import annotations

import io
import itertools
import os
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pygame
import pytest
import yaml
from babel.messages.pofile import read_po
from pypdf import PdfReader

from player.care.safety import DISCLAIMER, SIGNS_INTRO, warning_signs
from player.language import LANGUAGES, _, use
from player.printing import faces
from player.printing.document import BODY, MARGIN, SMALL, Document, Passage, wrap
from player.system.line_breaks import NO_END, NO_START
from player.system.paths import ROUTINES_DIR
from player.system.regular_files import FileRefused, reason
from tests.pdf_text import pages_text, squeezed
from tests.read_only import read_only

LOCALE = Path(__file__).resolve().parent.parent / "player" / "language" / "locale"
CATALOG_FOLDERS = {"es": "es", "vi": "vi", "zh-Hans": "zh_Hans"}
PRINTED = ["en", "es", "vi", "zh-Hans"]


def sample(language: str) -> tuple[Document, list[str]]:
    """A document of every kind of part, and the words that must come back out of it."""
    use(language)
    title = _("Your sessions")
    signs = list(warning_signs())
    long = " ".join(signs)
    document = Document(title, language, datetime(2026, 3, 2, 9, 30))
    document.title(title)
    document.heading(_(DISCLAIMER))
    document.paragraph(long)
    document.bullets(signs)
    document.table(["#", title], [[str(n), sign] for n, sign in enumerate(signs)], align="RL")
    return document, [title, long, *signs]


@pytest.mark.parametrize("language", PRINTED)
def test_every_word_comes_back_out_of_the_pdf(language: str) -> None:
    document, words = sample(language)
    text = squeezed("".join(pages_text(document.pdf_bytes())))
    for each in words:
        assert squeezed(each) in text
    assert "?" not in text.replace("#", "")


@pytest.mark.parametrize("language", PRINTED)
def test_each_page_ends_with_the_disclaimer_and_its_number(language: str) -> None:
    document, _words = sample(language)
    for _n in range(6):
        document.table(["A", "B"], [[sign, sign] for sign in warning_signs()])
    pages = pages_text(document.pdf_bytes())
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert squeezed(_(DISCLAIMER)) in squeezed(text)
        footer = _("Page {page} of {pages}").format(page=number, pages=len(pages))
        assert squeezed(footer) in squeezed(text)


def test_a_table_carries_its_heading_row_onto_each_page() -> None:
    document = Document("Weeks", "en")
    document.table(["Week beginning", "Sessions"], [[f"row {n}", str(n)] for n in range(90)])
    pages = pages_text(document.pdf_bytes())
    assert len(pages) >= 2
    for text in pages:
        assert "Week beginning" in text
    assert "row 89" in pages[-1]


@pytest.mark.parametrize("language", PRINTED)
def test_the_title_and_language_are_in_the_metadata(language: str) -> None:
    use(language)
    document = Document(_("Your sessions"), language)
    document.paragraph("1")
    reader = PdfReader(io.BytesIO(document.pdf_bytes()))
    assert reader.metadata is not None
    assert reader.metadata.title == _("Your sessions")
    assert reader.trailer["/Root"]["/Lang"] == language
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_chinese_breaks_between_characters_never_before_a_stop() -> None:
    text = "孕期背痛时，请慢慢地呼吸。" * 12 + "（左侧）" * 6  # noqa: RUF001
    lines = wrap(text, "zh-Hans", BODY, 80)
    assert len(lines) > 4
    assert "".join(lines) == text
    for line in lines:
        assert line[0] not in NO_START
        assert line[-1] not in NO_END
        assert faces_width(line) <= 80 + 0.01


def faces_width(line: str) -> float:
    document = Document("x", "zh-Hans")
    return document.measure(line, BODY)


def test_latin_breaks_only_at_spaces_and_every_line_fits() -> None:
    text = "Đau lưng khi mang thai: ngồi thẳng, thở chậm và thư giãn hai vai. " * 6
    lines = wrap(text, "vi", BODY, 70)
    assert len(lines) > 3
    assert " ".join(lines) == text.strip()
    assert all(Document("x", "vi").measure(line, BODY) <= 70 + 0.01 for line in lines)


def test_a_character_of_another_script_is_printed_in_a_font_that_has_it() -> None:
    use("en")
    document = Document("Sessions", "en")
    document.paragraph("Routine: 孕期背痛 and Đau lưng")
    data = document.pdf_bytes()
    assert squeezed("孕期背痛andĐaulưng") in squeezed(pages_text(data)[0])
    fonts = {
        str(font["/BaseFont"])
        for font in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values()
    }
    assert any("NotoSansCJKSC" in name for name in fonts)
    assert any("FreeSans" in name for name in fonts)


def test_a_character_no_font_has_is_printed_as_a_question_mark() -> None:
    printed = faces.runs("a\U0001f600b", faces.faces_for("en"))
    assert printed == [(faces.LATIN, "a?b")]


def test_a_picture_is_embedded_with_its_pixels() -> None:
    surface = pygame.Surface((40, 20))
    surface.fill((255, 255, 255))
    surface.fill((0, 0, 0), pygame.Rect(0, 0, 20, 20))
    document = Document("Picture", "en")
    document.image(surface, 60)
    images = PdfReader(io.BytesIO(document.pdf_bytes())).pages[0].images
    assert len(images) == 1
    picture = images[0].image
    assert picture is not None
    assert picture.size == (40, 20)
    assert picture.convert("L").getpixel((5, 10)) == 0
    assert picture.convert("L").getpixel((35, 10)) == 255


def test_words_beside_a_picture_start_level_with_it_and_right_of_it() -> None:
    surface = pygame.Surface((80, 40))
    surface.fill((0, 0, 0))
    document = Document("Steps", "en")
    document.paragraph("Above")
    document.beside(surface, 40, [Passage("Stand tall"), Passage("Feet apart", SMALL, True)])
    document.paragraph("Below")
    page = PdfReader(io.BytesIO(document.pdf_bytes())).pages[0]
    assert len(page.images) == 1
    placed: dict[str, tuple[float, float]] = {}

    def seen(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            placed.setdefault(text.strip(), (tm[4], tm[5]))

    page.extract_text(visitor_text=seen)
    millimetre = 72 / 25.4
    assert placed["Stand tall"][0] > (MARGIN + 40) * millimetre  # right of the picture
    assert placed["Above"][1] > placed["Stand tall"][1] > placed["Feet apart"][1]
    picture_bottom = placed["Above"][1] - 40 / 2 * millimetre  # 20 mm high, under "Above"
    assert placed["Below"][1] < picture_bottom  # under the picture, not under the words


def test_words_beside_a_picture_longer_than_a_page_go_on_over_the_next() -> None:
    document = Document("Steps", "en")
    lines = [Passage(f"line {n}") for n in range(60)]
    document.beside(None, 40, lines, indent=6)
    pages = pages_text(document.pdf_bytes())
    assert len(pages) == 2
    assert "line 0" in pages[0] and "line 59" in pages[1]
    assert all(f"line {n}\n" in "\n".join(pages) + "\n" for n in range(60))


def test_a_numbered_list_numbers_its_items_and_keeps_their_lines() -> None:
    document = Document("Sources", "en")
    document.numbered(["Exercise in pregnancy. NHS.\nhttps://www.nhs.uk/pregnancy/", "Second"])
    text = pages_text(document.pdf_bytes())[0]
    # pypdf before 5 reads the gap after a number as no space at all
    numbered = r"1\. ?Exercise in pregnancy\. NHS\.\nhttps://www\.nhs\.uk/pregnancy/\n2\. ?Second"
    assert re.search(numbered, text), text


@pytest.mark.parametrize("language", PRINTED)
def test_a_list_in_two_columns_keeps_each_item_whole_and_in_order(language: str) -> None:
    use(language)
    signs = list(warning_signs())
    document = Document("Signs", language)
    document.paragraph("\n".join(["Filler"] * 30))
    document.two_columns(signs, heading="Signs", above=_(SIGNS_INTRO), below=_("Your sessions"))
    reader = PdfReader(io.BytesIO(document.pdf_bytes()))
    assert len(reader.pages) == 2  # its heading and words go over with the list
    text = squeezed(pages_text(document.pdf_bytes())[1])
    assert text.startswith(squeezed("Signs" + _(SIGNS_INTRO) + "\u2022" + signs[0]))
    places = [text.index(squeezed(sign)) for sign in [*signs, _("Your sessions")]]
    assert places == sorted(places)
    lefts: list[float] = []
    reader.pages[1].extract_text(
        visitor_text=lambda t, _cm, tm, _f, _s: lefts.append(tm[4]) if t.strip() else None
    )
    middle = 210 / 2 * 72 / 25.4
    assert min(lefts) < middle < max(lefts)  # both columns are used


def test_a_list_in_two_columns_longer_than_a_page_is_one_column() -> None:
    document = Document("Long", "en")
    document.two_columns([f"item {n}" for n in range(120)])
    pages = pages_text(document.pdf_bytes())
    assert len(pages) > 1
    assert all(f"item {n}\n" in "\n".join(pages) + "\n" for n in range(120))


# -- fonts --------------------------------------------------------------------------------


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for each in value for s in _strings(each)]
    return []


def _words_of(language: str) -> set[str]:
    """Every character of the language's catalog and routine words (English: the
    messages in the code and the routines as written)."""
    texts: list[str] = []
    if language == "en":
        with (LOCALE / "player.pot").open("rb") as handle:
            texts += [m for message in read_po(handle) for m in _ids(message.id)]
        paths = [p for p in ROUTINES_DIR.glob("**/*.yaml") if "translations" not in p.parts]
    else:
        with (LOCALE / CATALOG_FOLDERS[language] / "LC_MESSAGES" / "player.po").open("rb") as f:
            texts += [m for message in read_po(f) for m in _ids(message.string)]
        paths = sorted(ROUTINES_DIR.glob(f"**/translations/{language}/*.yaml"))
    for path in paths:
        texts += _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {
        c
        for text in texts
        for c in unicodedata.normalize("NFC", text)
        if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")
    }


def _ids(value: object) -> list[str]:
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value if v]
    return [str(value)] if value else []


@pytest.mark.parametrize("language", PRINTED)
def test_the_languages_own_font_prints_every_character_of_its_words(language: str) -> None:
    assert set(LANGUAGES) >= {language}
    own = faces.faces_for(language)[0]
    has = faces.characters(own.path)
    lacking = sorted(
        c for c in _words_of(language) if not all(ord(s) in has for s in faces.composed(c, own))
    )
    named = ", ".join(f"{c} U+{ord(c):04X}" for c in lacking)
    assert not lacking, f"{own.path.name} lacks {named}"


# -- writing ------------------------------------------------------------------------------


def test_saving_writes_the_whole_file_and_nothing_beside_it(tmp_path: Path) -> None:
    document = Document("Sessions", "en")
    document.paragraph("Hello")
    folder = tmp_path / "papers"
    folder.mkdir()
    target = folder / "report.pdf"
    assert document.save(target) == 1
    assert target.read_bytes().startswith(b"%PDF-")
    assert PdfReader(target).pages[0].extract_text().startswith("Hello")
    assert os.listdir(folder) == ["report.pdf"]


def test_a_missing_folder_is_not_made_and_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(FileNotFoundError) as caught:
        Document("Sessions", "en").save(target)
    assert reason(caught.value, target) == (
        f"there is no folder {target.parent}; make it first, or choose another"
    )
    assert not target.parent.exists()


def test_a_folder_that_may_not_be_written_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"the old report")
    with read_only(folder), pytest.raises(OSError) as caught:
        Document("Sessions", "en").save(target)
    assert reason(caught.value, target) == f"the folder {folder} may not be written"
    assert target.read_bytes() == b"the old report"
    assert os.listdir(folder) == ["report.pdf"]


def test_a_folder_in_the_place_of_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused) as caught:
        Document("Sessions", "en").save(tmp_path)
    assert caught.value.reason == "this is a folder: give the name of a file to write in it"


def test_a_failure_while_writing_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"the old report")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        Document("Sessions", "en").save(target)
    assert target.read_bytes() == b"the old report"
    assert os.listdir(folder) == ["report.pdf"]


def test_the_chinese_font_is_embedded_as_the_cff_font_it_is() -> None:
    """Noto Sans CJK has CFF outlines: embedded as TrueType (as fpdf2 before 2.8.8 did),
    poppler warns of a mismatch and stricter readers may show nothing."""
    use("zh-Hans")
    document = Document("t", "zh-Hans", datetime(2026, 1, 1))
    document.paragraph("每日护腰")
    fonts = PdfReader(io.BytesIO(document.pdf_bytes())).pages[0]["/Resources"]["/Font"]
    embedded = []
    for font in fonts.values():
        for descendant in font.get_object().get("/DescendantFonts", []):
            cid_font = descendant.get_object()
            described = cid_font["/FontDescriptor"].get_object()
            embedded.append((cid_font["/Subtype"], sorted(k for k in described if "FontFile" in k)))
    assert embedded == [("/CIDFontType0", ["/FontFile3"])]


# -- what is kept together on a page, and where an address breaks ----------------------------

ACOG = (
    "https://www.acog.org/clinical/clinical-guidance/committee-opinion/articles/2020/04/"
    "physical-activity-and-exercise-during-pregnancy-and-the-postpartum-period?utm=print#top"
)


def test_a_long_address_breaks_only_after_a_slash_or_before_a_query() -> None:
    lines = wrap(ACOG, "en", SMALL, 140)
    assert len(lines) > 2
    assert "".join(lines) == ACOG
    for line, after in itertools.pairwise(lines):
        assert line.endswith("/") or after[0] in "?&#", (line, after)
    assert "physical-activity-and-exercise-during-pregnancy-and-the-postpartum-period" in lines
    assert wrap("see " + ACOG[:40], "en", SMALL, 140) == ["see " + ACOG[:40]]


def test_a_word_too_long_for_a_line_that_is_no_address_is_still_cut_to_fit() -> None:
    word = "a" * 200
    lines = wrap(word, "en", BODY, 50)
    assert "".join(lines) == word
    assert all(Document("x", "en").measure(line, BODY) <= 50 + 0.01 for line in lines)


@pytest.mark.parametrize("filler", range(0, 30, 2))
def test_a_heading_and_a_tables_heading_row_are_kept_with_its_first_row(filler: int) -> None:
    use("vi")
    document = Document("x", "vi")
    for number in range(24):
        document.paragraph(f"Dòng {number}")
    document.space(filler)
    document.heading("Tất cả các buổi tập")
    header = ["Khi nào", "Bài tập", "Số phút", "Buổi tập kết thúc ra sao", "Đau trước", "Đau sau"]
    header[4:] = [each + " buổi tập" for each in header[4:]]
    rows = [[f"Hàng{n}", "daily-back-care", "7", "xong", "5", "3"] for n in range(30)]
    document.table(header, rows, align="LLRLRR", size=SMALL)
    pages = [squeezed(page) for page in pages_text(document.pdf_bytes())]
    for page in pages:
        if squeezed("Tất cả các buổi tập") in page or squeezed("Buổi tập kết thúc") in page:
            assert "Hàng" in page, page[-300:]
