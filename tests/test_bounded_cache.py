"""The bounded cache: the least recently used go first, within a count and a weight."""

from __future__ import annotations

from player.system.bounded_cache import BoundedCache


def test_the_least_recently_used_goes_first_when_the_count_is_reached() -> None:
    cache: BoundedCache[str, int] = BoundedCache(entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # now "b" is the least recently used
    cache.put("c", 3)
    assert list(cache) == ["a", "c"]
    assert cache.get("b") is None


def test_the_weight_kept_never_passes_the_budget() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(entries=100, budget=10, weight=len)
    for name in "abcdefgh":
        cache.put(name, b"1234")
        assert cache.bytes <= 10
    assert list(cache) == ["g", "h"]
    assert cache.bytes == 8


def test_a_value_heavier_than_the_whole_budget_is_handed_back_but_not_kept() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(entries=100, budget=10, weight=len)
    cache.put("small", b"12")
    assert cache.put("large", b"x" * 11) == b"x" * 11
    assert "large" not in cache
    assert list(cache) == ["small"]


def test_putting_a_key_again_replaces_its_weight() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(entries=100, budget=10, weight=len)
    cache.put("a", b"123456")
    cache.put("a", b"12")
    assert cache.bytes == 2 and len(cache) == 1


def test_a_lower_budget_takes_effect_on_trim() -> None:
    cache: BoundedCache[str, bytes] = BoundedCache(entries=100, budget=10, weight=len)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    cache.budget = 5
    cache.trim()
    assert list(cache) == ["b"] and cache.bytes == 4
