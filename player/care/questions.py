"""Questions asked around a session, as plain values every shell can show.

The window draws them as a screen with buttons, the terminal prints them and reads a
line. Deciding what to ask, and what an answer means, happens elsewhere (pure code);
a shell only shows a ``Question`` and gives back the ``value`` of the answer chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from player.language import _


@dataclass(frozen=True)
class Choice:
    key: str
    """The key that picks it: one letter or digit, shown on its button."""
    label: str
    value: str


@dataclass(frozen=True)
class Question:
    title: str
    lines: tuple[str, ...]
    """What to read before answering: one paragraph or list item per line."""
    choices: tuple[Choice, ...]
    cancel: str
    """The value when the person closes the question (Esc, closing the window, no input)."""
    scale: bool = False
    """True when the choices are the numbers of a scale (a pain score from 0 to 10), which a
    shell shows in one row; typing a number and Enter picks it, as does a click."""
    on_go: str | None = None
    """The value a key that goes on picks (Space, Page Down, Right, a clicker's next, the
    media keys), so that a clicker alone can answer; None when those keys do nothing."""
    esc_cancels: bool = True
    """False where Esc must do nothing: a clicker's slideshow button sends it by turns with
    F5, so one press must not undo what the person came to do. Closing the window still
    gives ``cancel``."""

    def value_for(self, typed: str) -> str | None:
        """The value a typed key or number stands for, or None when it is not a choice."""
        wanted = typed.strip().lower()
        for choice in self.choices:
            if choice.key.lower() == wanted:
                return choice.value
        return None


Asker = Callable[[Question], str]
"""A shell's way of asking: show the question, return the value of the answer."""


def pain_question(title: str) -> Question:
    """How much does your back hurt, 0 to 10, or S to skip."""
    numbers = tuple(Choice(str(n), str(n), str(n)) for n in range(11))
    return Question(
        title=title,
        lines=(
            _("0 is no pain at all, 10 the worst you can imagine."),
            # TRANSLATORS: S is the key that skips the question
            _("Press S to skip."),
        ),
        # TRANSLATORS: a button that skips the pain question, picked with the key S
        choices=(*numbers, Choice("s", _("Skip"), "skip")),
        cancel="skip",
        scale=True,
        on_go="skip",
    )
