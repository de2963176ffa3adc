"""The one error type a routine file can cause, and how a problem is told."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from player.system.failures import InvalidInput
from player.system.regular_files import resolved


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a routine file, where it is, and what to do about it."""

    file: str
    line: int
    column: int
    path: str
    message: str
    warning: bool = False
    """Something that plays, but not as the writer meant: told by ``check``, which still
    passes the file."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        message = f"warning: {self.message}" if self.warning else self.message
        return f"{where}: {self.path}: {message}" if self.path else f"{where}: {message}"


class RoutineError(InvalidInput):
    """A routine file (or one it includes) cannot be used; every problem found is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        unique: dict[tuple[str, int, int, str], Problem] = {}
        for problem in problems:
            unique.setdefault(
                (problem.file, problem.line, problem.column, problem.message), problem
            )
        self.problems = sorted(unique.values(), key=lambda p: (p.file, p.line, p.column, p.path))
        super().__init__("\n".join(str(p) for p in self.problems))


def dotted(path: tuple[str | int, ...]) -> str:
    """``("steps", 1, "time")`` as ``steps[1].time``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + part
    return text


def shown_path(path: Path) -> str:
    """A file as a person would type it: relative to the working folder when inside it."""
    try:
        return str(resolved(path).relative_to(resolved(Path.cwd())))
    except (OSError, ValueError):  # outside the working folder, or that folder is gone
        return str(path)
