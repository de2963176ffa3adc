"""Lines broken in every language: Spanish and Vietnamese at spaces, Chinese between
characters with the usual rules; and the terminal's columns, where a Chinese character
takes two cells and a combining mark none."""

# ruff: noqa: RUF001 (Chinese text is written with full-width punctuation)

from __future__ import annotations

import unicodedata
from itertools import pairwise

from player.system.line_breaks import NO_END, NO_START, break_lines, pieces
from player.terminal.text_fit import cells, center, composed, fit, pad, wrap

CHINESE = (
    "慢慢吸气，然后在呼气时把尾骨向下收，轻轻地把下背部拱起来。保持片刻，再慢慢回到平背的"
    "姿势。重复动作时要温和（不要勉强），如果感到疼痛、头晕或者“不舒服”，就停下来休息。"
    "每天练习几分钟，可以帮助缓解怀孕期间的腰背疼痛。"
)
VIETNAMESE = (
    "Quỳ trên thảm, đầu gối dưới hông và hai tay dưới vai. Hít vào, rồi khi thở ra hãy "
    "nghiêng xương chậu và nhẹ nhàng cong lưng dưới. Giữ một lúc, rồi từ từ trở về lưng "
    "phẳng. Lặp lại nhẹ nhàng; dừng lại nếu thấy đau."
)
SPANISH = (
    "¿Le duele la espalda? Arrodíllese sobre una esterilla, con las rodillas bajo las "
    "caderas y las manos bajo los hombros. ¡Respire despacio y con suavidad!"
)


def check_rules(lines: list[str]) -> None:
    for before, after in pairwise(lines):
        assert after[0] not in NO_START, (before, after)
        assert before[-1] not in NO_END, (before, after)


def test_chinese_breaks_between_characters_but_keeps_punctuation_with_its_word() -> None:
    assert pieces("吸气，然后") == ["吸", "气，", "然", "后"]
    assert pieces("（不要勉强）") == ["（不", "要", "勉", "强）"]
    assert pieces("“不舒服”，就") == ["“不", "舒", "服”，", "就"]
    assert pieces("Enter键") == ["Enter", "键"]
    assert pieces("Nghiêng") == ["Nghiêng"]


def test_chinese_is_broken_to_every_width_without_a_line_starting_with_a_stop() -> None:
    for width in range(4, 60):
        lines = break_lines(CHINESE, width, len, lambda word: [word])
        assert "".join(lines) == CHINESE
        assert all(len(line) <= width for line in lines), width
        check_rules(lines)


def test_vietnamese_and_spanish_break_only_at_spaces() -> None:
    for text in (VIETNAMESE, SPANISH):
        for width in range(12, 80):
            lines = break_lines(text, width, len, lambda word: [word])
            assert " ".join(lines) == text
            assert all(len(line) <= width for line in lines)


# -- the terminal, 80 columns wide ----------------------------------------------------------


def test_a_chinese_character_takes_two_cells_and_a_combining_mark_none() -> None:
    assert cells("中文") == 4
    assert cells("Nghiêng") == 7
    assert cells(unicodedata.normalize("NFD", "Nghiêng xương chậu")) == 18
    assert cells("，。") == 4
    assert cells("a\x1bb") == 2


def test_vietnamese_typed_as_letters_and_marks_is_composed_before_it_is_measured() -> None:
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert len(decomposed) > len(VIETNAMESE)
    assert wrap(decomposed, 80) == wrap(VIETNAMESE, 80)
    assert fit(decomposed, 80) == fit(VIETNAMESE, 80)
    assert composed(decomposed) == VIETNAMESE


def test_chinese_wraps_to_80_columns() -> None:
    lines = wrap(CHINESE, 80)
    assert "".join(lines) == CHINESE
    assert all(cells(line) <= 80 for line in lines)
    assert all(cells(line) >= 78 for line in lines[:-1])  # full lines, not half-empty
    check_rules(lines)


def test_vietnamese_wraps_to_80_columns_at_spaces() -> None:
    lines = wrap(VIETNAMESE, 80)
    assert " ".join(lines) == VIETNAMESE
    assert all(cells(line) <= 80 for line in lines)
    assert len(lines) == 3


def test_a_long_chinese_line_is_cut_with_an_ellipsis_within_80_columns() -> None:
    shown = fit(CHINESE, 80)
    assert shown.endswith("…")
    assert cells(shown) <= 80
    assert cells(shown) >= 79
    assert CHINESE.startswith(shown[:-1])


def test_padding_and_centring_count_cells() -> None:
    assert cells(pad("中文", 80)) == 80
    assert pad("中文", 10, "right") == "      中文"
    assert cells(pad(CHINESE, 80)) == 80
    assert cells(pad("Nghiêng", 80, "center")) == 80
    centred = center("你好", 80)
    assert centred == " " * 38 + "你好"
