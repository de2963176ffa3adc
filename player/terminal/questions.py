"""Asking a question in a plain terminal: print it, read one line, give back the answer.

The question is wrapped to the terminal's width and made to fit its height whole, with
the line where the answer is typed: the title must not scroll off the top while the
person reads the warning signs under it. When the terminal is too short for the question
as it is usually laid out, the underline goes first, then the choices share one line,
then the blank lines go.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from player.care.questions import Choice, Question
from player.language import _
from player.system.printable import printable
from player.terminal.text_fit import cells, fit_start, wrap_as_typed

DEFAULT_SIZE = (80, 24)
"""Columns and rows assumed when the answers are not typed in a terminal."""
MIN_WIDTH = 20
"""Narrower terminals are written to as if they had this many columns."""
TRIES = 3
CHOICE_GAP = "    "
"""Between two choices on one line."""


def terminal_size(out: TextIO) -> tuple[int, int]:
    """The columns and rows of the terminal ``out`` writes to; 80 by 24 when it is not one."""
    try:
        if out.isatty():
            size = os.get_terminal_size(out.fileno())
            if size.columns > 0 and size.lines > 0:
                return size.columns, size.lines
    except (AttributeError, ValueError, OSError):
        pass
    return DEFAULT_SIZE


def _choice_lines(question: Question) -> list[str]:
    """One line per choice; a scale as its first and last numbers, then the other choices."""
    choices = question.choices
    if question.scale:
        numbers = [c for c in choices if c.key.isdigit()]
        choices = tuple(c for c in choices if not c.key.isdigit())
        # TRANSLATORS: the numbers of a scale, such as "0 to 10"
        scale = _("{first} to {last}").format(first=numbers[0].key, last=numbers[-1].key)
        return [f"  {scale}", *_labels(choices)]
    return _labels(choices)


def _labels(choices: Sequence[Choice]) -> list[str]:
    return [f"  {c.key.upper()}  {c.label}" for c in choices]


def _wrapped(lines: Sequence[str], width: int, indent: str) -> list[str]:
    """Each of ``lines`` wrapped to ``width``, its following lines indented by ``indent``."""
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(wrap_as_typed(line, width, indent) or [""])
    return wrapped


def format_question(
    question: Question, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1]
) -> list[str]:
    """The question as lines of at most ``width`` columns: a blank line, the title
    underlined, what to read, a blank line, then the choices. Spare lines are left out, as
    few as it takes, for the question and the line to answer on to fit ``height`` rows."""
    width = max(MIN_WIDTH, width)
    title = _wrapped([question.title], width, "")
    underline = "=" * max(map(cells, title))
    body = _wrapped(question.lines, width, "  ")
    choices = _wrapped(_choice_lines(question), width, "     ")
    together = "  " + CHOICE_GAP.join(line.strip() for line in _choice_lines(question))
    together_lines = [together] if cells(together) <= width else choices
    layouts = (
        ["", *title, underline, *body, "", *choices],
        ["", *title, *body, "", *choices],
        ["", *title, *body, "", *together_lines],
        [*title, *body, "", *together_lines],
        [*title, *body, *together_lines],
    )
    rows = height - 1  # the last row is where the answer is typed
    return next((lines for lines in layouts if len(lines) <= rows), layouts[-1])


LONGEST_LINE = 1_000
"""The most of one line of input read at once: no answer is longer."""
LONGEST_ANSWER_SHOWN = 20


def _prompt(question: Question) -> str:
    if question.scale:
        return _("Type a number and press Enter (Enter alone skips): ")
    keys = "/".join(c.key.upper() for c in question.choices)
    return _("Your answer ({keys}): ").format(keys=keys)


def ask_in_terminal(
    question: Question, stdin: TextIO, out: TextIO, size: tuple[int, int] | None = None
) -> str:
    """Ask until a choice is typed; no more input (or a few wrong answers) cancels.
    ``size`` is the terminal's columns and rows; by default, that of ``out``."""
    width, height = size or terminal_size(out)
    for line in format_question(question, width, height):
        print(printable(line), file=out)
    for _try in range(TRIES):
        print(printable(_prompt(question)), end="", file=out, flush=True)
        typed = read_line(stdin)
        if not typed:
            print("", file=out, flush=True)
            return question.cancel
        if question.scale and not typed.strip():
            return question.cancel
        if question.on_go is not None and typed.lstrip().startswith("\x1b"):
            return question.on_go  # a clicker's Page Down or arrow, read as a line
        value = question.value_for(typed)
        if value is not None:
            return value
        shown = typed.strip()
        if cells(shown) > LONGEST_ANSWER_SHOWN:
            shown = fit_start(shown, LONGEST_ANSWER_SHOWN) + "..."
        refused = _("'{typed}' is not one of the answers.").format(typed=shown)
        print(printable(f"  {refused}"), file=out, flush=True)
    return question.cancel


def read_line(stdin: TextIO) -> str:
    """One line from ``stdin``, at most ``LONGEST_LINE`` characters of it (an input that
    never ends a line, such as /dev/zero, must not fill the memory); "" at its end, or
    when it cannot be read."""
    try:
        return stdin.readline(LONGEST_LINE)
    except (OSError, ValueError, UnicodeDecodeError):
        return ""
