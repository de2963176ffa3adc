"""Answering a question with keys and clicks. Pure: the state before and a key (or the
choice clicked) in, the state after out.

A choice's key picks it at once, in either case. On a scale, digits are typed and Enter
picks the number typed ("1", "0", Enter is 10), a click on a number picks it at once,
and Backspace takes back a digit. Esc always gives the question's ``cancel``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

from player.care.questions import Question
from player.language import N_, _
from player.window.controls import DEFAULT_CONTROLS

ENTER_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER})
KEYPAD_DIGITS = {
    pygame.K_KP0: "0",
    pygame.K_KP1: "1",
    pygame.K_KP2: "2",
    pygame.K_KP3: "3",
    pygame.K_KP4: "4",
    pygame.K_KP5: "5",
    pygame.K_KP6: "6",
    pygame.K_KP7: "7",
    pygame.K_KP8: "8",
    pygame.K_KP9: "9",
}
SCALE_HINT = N_("Click a number, or type it and press Enter")
"""Above a scale, until a number is typed (looked up when shown)."""
GO_ON_KEYS = DEFAULT_CONTROLS.go_on_keys
"""What a clicker, a pedal or the media keys send to go on (see ``Question.on_go``)."""


@dataclass(frozen=True)
class Answering:
    question: Question
    typed: str = ""
    """The digits typed so far, on a scale."""
    answer: str | None = None
    """The value of the answer, once there is one."""
    go_on_keys: frozenset[int] = GO_ON_KEYS
    """The keys that pick ``question.on_go``: the person's keys for next and pause."""

    def press(self, key: int, char: str = "") -> Answering:
        """The state after a key; ``char`` is the character it made, if any."""
        if self.answer is not None:
            return self
        if key == pygame.K_ESCAPE:
            return self.cancel() if self.question.esc_cancels else self
        if self.question.on_go is not None and key in self.go_on_keys:
            return self._pick(self.question.on_go)
        char = char or KEYPAD_DIGITS.get(key, "") or (chr(key) if 32 < key < 127 else "")
        if self.question.scale:
            if char.isdigit() and len(char) == 1:
                return replace(self, typed=self._with_digit(char))
            if key == pygame.K_BACKSPACE:
                return replace(self, typed=self.typed[:-1])
            if key in ENTER_KEYS:
                return self._pick(self.question.value_for(self.typed) if self.typed else None)
        elif key in ENTER_KEYS and len(self.question.choices) == 1:
            return self.click(0)
        return self._pick(self.question.value_for(char) if char.strip() else None)

    def click(self, index: int) -> Answering:
        """The state after a click on the button of ``question.choices[index]``."""
        if self.answer is not None:
            return self
        return replace(self, answer=self.question.choices[index].value)

    def cancel(self) -> Answering:
        """Closed without an answer: Esc, or the window closed."""
        if self.answer is not None:
            return self
        return replace(self, answer=self.question.cancel)

    @property
    def lit(self) -> int | None:
        """The choice the digits typed stand for, shown filled until Enter picks it."""
        if not self.typed:
            return None
        wanted = self.typed.lower()
        return next(
            (i for i, c in enumerate(self.question.choices) if c.key.lower() == wanted), None
        )

    @property
    def note(self) -> str:
        """What the row above a scale says: how to answer, or what Enter will pick."""
        if not self.question.scale:
            return ""
        if self.lit is not None:
            # TRANSLATORS: above a scale, once a number is typed: {number} is that number
            return _("{number} \u2014 press Enter to choose it").format(number=self.typed)
        return _(SCALE_HINT)

    def _with_digit(self, digit: str) -> str:
        """The digits typed after ``digit``: added on while they can still make a number
        of the scale, else the digit alone starts again."""
        keys = [c.key.lower() for c in self.question.choices]
        longer = self.typed + digit
        if any(k.startswith(longer) for k in keys):
            return longer
        return digit if any(k.startswith(digit) for k in keys) else self.typed

    def _pick(self, value: str | None) -> Answering:
        return self if value is None else replace(self, answer=value)
