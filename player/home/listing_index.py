"""What ``list`` found out about each routine, kept so that the next ``list`` need not read
and compile every routine again.

Reading one routine means the routine format, its checks and its timeline; a ``list``
that only shows what it showed before reads this small file instead. A row is used again
only while everything it came from is as it was when it was made:

- the files it was read from, the folders they lie in and the folders its includes and
  pictures may come from, each by its size and modification time (a file added beside
  a routine can change which include it finds);
- the day, the language, the settings file (the week and the repetitions change lengths
  and marks) and the player's own code and translations.

A file changed within ``SETTLING_NS`` of when its row was made is not trusted to show
a later change in its time, so such a row is not kept. The index is only ever a copy:
a damaged, foreign or unwritable one is read as empty and made again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from player.system.files import replace_file
from player.system.regular_files import FileRefused, read_regular

INDEX_NAME = "list-index.json"
FORMAT = 1
MOST_BYTES = 4 * 1024 * 1024
"""A larger index is not read: thousands of routines fit in far less."""
SETTLING_NS = 2_000_000_000
"""Some file systems keep times to the second or two: a change within that of the last
one may leave the time as it was."""
PLAYER_DIR = Path(__file__).resolve().parent.parent

Stamp = tuple[str, int, int]
"""A path, its size and its modification time in nanoseconds; -1, -1 when nothing is there."""


@dataclass(frozen=True)
class Row:
    """What ``list`` shows of one routine, but where it comes from."""

    name: str
    title: str
    length: str
    suits: str


@dataclass(frozen=True)
class Kept:
    row: Row
    stamps: tuple[Stamp, ...]


def stamp(path: Path | str) -> Stamp:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return (str(path), -1, -1)
    return (str(path), found.st_size, found.st_mtime_ns)


def stamps(paths: Iterable[Path | str]) -> tuple[Stamp, ...]:
    return tuple(stamp(path) for path in dict.fromkeys(str(p) for p in paths))


def player_fingerprint(folder: Path = PLAYER_DIR) -> str:
    """A digest of the player's own code and translations, and of the Python running it:
    rows made by another version of the player are not used."""
    digest = hashlib.sha256(sys.version.encode())
    waiting = [folder]
    while waiting:
        with os.scandir(waiting.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        waiting.append(Path(entry.path))
                elif entry.name.endswith((".py", ".mo")):
                    found = entry.stat()
                    digest.update(f"{entry.path}\0{found.st_size}\0{found.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def context_key(
    *, language: str, today: str, settings_file: Path, folders: Iterable[Path], player: str
) -> str:
    """What every row depends on beside its own files."""
    parts = [language, today, player, stamp(settings_file), *(stamp(f) for f in folders)]
    return json.dumps(parts)


@dataclass(frozen=True)
class Index:
    """The rows kept for one context, by the routine file's path; ``week`` as it was then."""

    context: str
    week: int | None
    rows: Mapping[str, Kept]

    def fresh(self, path: Path) -> Row | None:
        """The row kept for ``path``, when nothing it came from has changed since."""
        kept = self.rows.get(str(path))
        if kept is None or any(stamp(p) != (p, size, mtime) for p, size, mtime in kept.stamps):
            return None
        return kept.row


def read_index(file: Path, context: str) -> Index | None:
    """The index in ``file`` when it was made in ``context``; None otherwise, or when it
    cannot be read or is not one."""
    try:
        data = json.loads(read_regular(file, MOST_BYTES + 1))
    except (FileRefused, OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    if data.get("context") != context:
        return None
    week = data.get("week")
    if week is not None and type(week) is not int:
        return None
    rows = data.get("rows")
    if not isinstance(rows, dict):
        return None
    kept: dict[str, Kept] = {}
    for path, item in rows.items():
        found = _kept(item)
        if found is None:
            return None
        kept[path] = found
    return Index(context, week, kept)


def _kept(item: object) -> Kept | None:
    if not isinstance(item, dict):
        return None
    row, marks = item.get("row"), item.get("stamps")
    if not (isinstance(row, list) and len(row) == 4 and all(isinstance(c, str) for c in row)):
        return None
    if not isinstance(marks, list):
        return None
    found: list[Stamp] = []
    for mark in marks:
        if not (
            isinstance(mark, list)
            and len(mark) == 3
            and isinstance(mark[0], str)
            and all(type(n) is int for n in mark[1:])
        ):
            return None
        found.append((mark[0], mark[1], mark[2]))
    return Kept(Row(*row), tuple(found))


def settled(marks: Iterable[Stamp], now_ns: int | None = None) -> bool:
    """Whether every file was last changed long enough ago for its time to show the next
    change."""
    now = time.time_ns() if now_ns is None else now_ns
    return all(now - mtime >= SETTLING_NS for _path, size, mtime in marks if size >= 0)


def write_index(file: Path, context: str, week: int | None, rows: Mapping[str, Kept]) -> None:
    """Keep ``rows``; quietly nothing when the cache folder cannot be written, since the
    index is only a copy of what the routines say."""
    data = {
        "format": FORMAT,
        "context": context,
        "week": week,
        "rows": {
            path: {"row": list(_fields(kept.row)), "stamps": [list(s) for s in kept.stamps]}
            for path, kept in rows.items()
        },
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        replace_file(file, text.encode("utf-8"))


def _fields(row: Row) -> tuple[str, str, str, str]:
    return (row.name, row.title, row.length, row.suits)
