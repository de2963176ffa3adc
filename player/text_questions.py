"""Asking a question in a plain terminal: print it, read one line, give back the answer."""

from __future__ import annotations

import textwrap
from typing import TextIO

from player.questions import Question

WIDTH = 78
TRIES = 3


def format_question(question: Question) -> list[str]:
    """The question as lines of text: title, what to read, then the choices."""
    lines = [question.title, "=" * min(len(question.title), WIDTH)]
    for line in question.lines:
        lines.extend(textwrap.wrap(line, WIDTH, subsequent_indent="  ") or [""])
    lines.append("")
    if question.scale:
        numbers = [c for c in question.choices if c.key.isdigit()]
        others = [c for c in question.choices if not c.key.isdigit()]
        lines.append(f"  {numbers[0].key} to {numbers[-1].key}")
        lines.extend(f"  {c.key.upper()}  {c.label}" for c in others)
    else:
        lines.extend(f"  {c.key.upper()}  {c.label}" for c in question.choices)
    return lines


def _prompt(question: Question) -> str:
    if question.scale:
        return "Type a number and press Enter (Enter alone skips): "
    keys = "/".join(c.key.upper() for c in question.choices)
    return f"Your answer ({keys}): "


def ask_in_terminal(question: Question, stdin: TextIO, out: TextIO) -> str:
    """Ask until a choice is typed; no more input (or a few wrong answers) cancels."""
    print("", file=out)
    for line in format_question(question):
        print(line, file=out)
    for _ in range(TRIES):
        print(_prompt(question), end="", file=out, flush=True)
        try:
            typed = stdin.readline()
        except (OSError, ValueError):
            typed = ""
        if not typed:
            print("", file=out, flush=True)
            return question.cancel
        if question.scale and not typed.strip():
            return question.cancel
        value = question.value_for(typed)
        if value is not None:
            return value
        print(f"  '{typed.strip()}' is not one of the answers.", file=out, flush=True)
    return question.cancel
