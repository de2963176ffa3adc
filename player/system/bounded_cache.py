"""A cache that holds at most so many entries and so many bytes, whatever is put in it.

The least recently used entries go first. What an entry weighs is told by a function
given to the cache (the bytes of a surface's pixels, of a sound's samples); an entry that
alone weighs more than the whole budget is handed back but not kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _nothing(_value: object) -> int:
    return 0


class BoundedCache(Generic[K, V]):
    """At most ``entries`` values, together weighing at most ``budget`` bytes."""

    def __init__(
        self, entries: int, budget: int = 0, weight: Callable[[V], int] = _nothing
    ) -> None:
        self.entries = entries
        self.budget = budget
        """Bytes, or 0 for no limit but the number of entries."""
        self._weight = weight
        self._kept: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, key: object) -> bool:
        return key in self._kept

    def __iter__(self) -> Iterator[K]:
        return iter(self._kept)

    @property
    def bytes(self) -> int:
        """What the values kept weigh together."""
        return self._bytes

    def get(self, key: K) -> V | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        found = self._kept.get(key)
        if found is None:
            return None
        self._kept.move_to_end(key)
        return found[0]

    def put(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key``, letting the least recently used go to make room."""
        self.discard(key)
        weight = self._weight(value)
        if self.budget and weight > self.budget:
            return value
        self._kept[key] = (value, weight)
        self._bytes += weight
        self.trim()
        return value

    def discard(self, key: K) -> None:
        found = self._kept.pop(key, None)
        if found is not None:
            self._bytes -= found[1]

    def trim(self) -> None:
        """Let the least recently used go until the cache is within its bounds (after
        ``entries`` or ``budget`` has been lowered, or on a put)."""
        while len(self._kept) > self.entries or (self.budget and self._bytes > self.budget):
            _key, (_value, weight) = self._kept.popitem(last=False)
            self._bytes -= weight

    def clear(self) -> None:
        self._kept.clear()
        self._bytes = 0
