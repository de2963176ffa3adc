"""A YAML file as plain data, with the place of every value: what ``yaml_source`` reads
and every later problem points into."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Mark:
    """A place in a file, lines and columns counted from 1."""

    file: Path
    shown: str
    line: int
    column: int


@dataclass(frozen=True)
class Spot:
    """Where a value was written, and the key it was written under."""

    value: Mark
    key: Mark | None = None


@dataclass
class Document:
    """A YAML file as plain data (dicts, lists, scalars) with the place of every value.

    ``spots`` maps ``(id(container), key_or_index)`` to where that entry was written, so
    that entries moved into other containers (a used exercise) keep their own places.
    """

    path: Path
    shown: str
    data: Any
    root: Mark
    spots: dict[tuple[int, str | int], Spot] = field(default_factory=dict)
    raw: bytes = b""

    def spot(self, path: tuple[str | int, ...]) -> tuple[Mark, bool]:
        """The place of the value at ``path``, or of the nearest container that exists.

        The flag says whether the whole path was found.
        """
        mark, current = self.root, self.data
        for part in path:
            found = self.spots.get((id(current), part))
            if found is None:
                return mark, False
            mark = found.value
            current = current[part]
        return mark, True

    def key_spot(self, path: tuple[str | int, ...]) -> Mark:
        """The place of the key that holds the value at ``path`` (its value when unkeyed)."""
        if not path:
            return self.root
        parent = self.data
        for part in path[:-1]:
            if (id(parent), part) not in self.spots:
                return self.spot(path)[0]
            parent = parent[part]
        found = self.spots.get((id(parent), path[-1]))
        if found is None:
            return self.spot(path)[0]
        return found.key or found.value
