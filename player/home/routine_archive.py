"""A routine shared as one file: a zip archive, ``NAME.routine.zip``, that any zip tool opens.

It holds the routine and the files it takes with it (``player.routine.packing``), laid out
as in the routine's folder, and a manifest, ``routine-manifest.json``: the format's name
and version, the routine file's name, and each file's size and SHA-256.

Reading one is done as if it were hostile, since it comes from someone else: before
anything is written, the archive must be a zip of at most ``MAX_MEMBERS`` files, each
named by a relative path going down (no ``..``, no full path, no ``C:`` or ``\\``), none a
link or a special file, no two with one name (in any case), none encrypted, and none
claiming more than ``MAX_MEMBER_BYTES`` (``MAX_TOTAL_BYTES`` in all); then, as each file
is written, the bytes really read are counted against the same limits (a header may lie),
and each file must match the manifest, which must list every file there and no other.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import struct
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from player.language import _
from player.routine.packing import PackedFile, PackRefused, member_problem, same_name_key
from player.routine.pictures import MAX_PICTURE_BYTES
from player.system.failures import InvalidInput
from player.system.regular_files import FileRefused, open_regular, reason

SUFFIX = ".routine.zip"
MANIFEST = "routine-manifest.json"
FORMAT = "routine-player routine"
VERSION = 1
ROUTINE_SUFFIXES = (".yaml", ".yml")

MAX_MEMBERS = 1000
"""Files in one shared routine: 33 files of exercises at most, their words files in
many languages, and pictures."""
MAX_MEMBER_BYTES = MAX_PICTURE_BYTES
"""The largest file: a picture may be 8 MB, a routine file 512 KiB."""
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
_ARCHIVE_SLACK = 1024 * 1024
"""What the archive may hold beyond its files' bytes: names, headers, the manifest."""
_CHUNK = 64 * 1024
_END_RECORD = b"PK\x05\x06"
_END_RECORD_BYTES = 22
_DATE = (2000, 1, 1, 0, 0, 0)
"""Every file's date in the archive: packing the same routine twice gives the same bytes."""
_REGULAR_FILE = (stat.S_IFREG | 0o644) << 16
_UNIX = 3


class ArchiveRefused(InvalidInput):
    """A file that is not a shared routine the player can take, and why, in one line."""


class TooLarge(ArchiveRefused):
    """More bytes came out of a file than it may hold."""


@dataclass(frozen=True)
class Unpacked:
    """A shared routine written out: the routine's path inside it, and every file's."""

    routine: str
    members: tuple[str, ...]


# -- writing ------------------------------------------------------------------------------


def write_archive(path: Path, routine: str, files: Sequence[PackedFile]) -> int:
    """Write the shared routine ``path`` holding ``files`` (the routine file, named
    ``routine``, among them), all at once: until it is complete, whatever was at ``path``
    stays as it was, and on any error (or Ctrl-C) nothing is left behind. Its size.
    PackRefused for a file too large to share; OSError when a file cannot be read or the
    archive cannot be written."""
    for item in files:
        if same_name_key(item.member) == MANIFEST:
            raise PackRefused(
                _("{file} has the name of the manifest, {manifest}; rename it").format(
                    file=item.source, manifest=MANIFEST
                )
            )
    contents = [(item.member, _read_to_share(item)) for item in files]
    total = sum(len(data) for _member, data in contents)
    if total > MAX_TOTAL_BYTES:
        raise PackRefused(
            _("its files come to {size} MB; a shared routine can hold at most {most} MB").format(
                size=-(-total // (1024 * 1024)), most=MAX_TOTAL_BYTES // (1024 * 1024)
            )
        )
    if len(contents) >= MAX_MEMBERS:
        raise PackRefused(
            _("it takes {count} files; a shared routine can hold at most {most}").format(
                count=len(contents), most=MAX_MEMBERS - 1
            )
        )
    manifest = manifest_bytes(routine, contents)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                _write_member(archive, MANIFEST, manifest)
                for member, data in contents:
                    _write_member(archive, member, data)
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return size


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _read_to_share(item: PackedFile) -> bytes:
    try:
        with open_regular(item.source) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)
    except OSError as error:
        raise OSError(
            _("cannot read {file}: {reason}").format(
                file=item.source, reason=reason(error, item.source)
            )
        ) from None
    if len(data) > MAX_MEMBER_BYTES:
        raise PackRefused(
            _("{file} is larger than {most} MB, too large to share").format(
                file=item.source, most=MAX_MEMBER_BYTES // (1024 * 1024)
            )
        )
    return data


def _write_member(archive: zipfile.ZipFile, member: str, data: bytes) -> None:
    info = zipfile.ZipInfo(member, date_time=_DATE)
    info.external_attr = _REGULAR_FILE
    info.create_system = _UNIX
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def manifest_bytes(routine: str, contents: Sequence[tuple[str, bytes]]) -> bytes:
    """The manifest of a shared routine holding ``contents`` (each file's path and bytes)."""
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "routine": routine,
        "files": [
            {"path": member, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for member, data in contents
        ],
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# -- reading ------------------------------------------------------------------------------


def unpack(path: Path, into: Path) -> Unpacked:
    """Write out the shared routine ``path`` into the empty folder ``into``, after every
    check above; ArchiveRefused saying why, in one line, for anything else."""
    try:
        with open_regular(path) as handle:
            return _unpack(handle, into)
    except FileRefused as error:
        raise ArchiveRefused(f"{path}: {error.reason}") from None
    except FileNotFoundError:
        raise ArchiveRefused(_("{file}: there is no such file").format(file=path)) from None
    except ArchiveRefused as error:
        raise type(error)(f"{path}: {error}") from None


def _unpack(handle: IO[bytes], into: Path) -> Unpacked:
    size = handle.seek(0, os.SEEK_END)
    if size > MAX_TOTAL_BYTES + _ARCHIVE_SLACK:
        raise ArchiveRefused(
            _("it is {size} MB; a shared routine is at most {most} MB").format(
                size=-(-size // (1024 * 1024)), most=MAX_TOTAL_BYTES // (1024 * 1024)
            )
        )
    _refuse_too_many(_entries_claimed(handle, size))
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ArchiveRefused(_not_ours()) from None
    with archive:
        infos = _checked_members(archive.infolist())
        files = {info.filename: info for info in infos if not info.is_dir()}
        manifest = _read_manifest(archive, files.pop(MANIFEST, None))
        routine, expected = _agreeing(manifest, files)
        total = 0
        for name, info in files.items():
            total += _extract(archive, info, into / name, expected[name], MAX_TOTAL_BYTES - total)
    return Unpacked(routine, tuple(files))


def _not_ours() -> str:
    return _("it is not a shared routine: a zip archive made by '{command}' was expected").format(
        command="pack"
    )


def _entries_claimed(handle: IO[bytes], size: int) -> int:
    """How many files the archive's end record says it holds, read before the zip module
    reads them all; 0 when there is no end record (which the zip module then tells)."""
    back = min(size, _END_RECORD_BYTES + 0xFFFF)
    handle.seek(size - back)
    tail = handle.read(back)
    at = tail.rfind(_END_RECORD)
    if at < 0 or at + _END_RECORD_BYTES > len(tail):
        return 0
    _disk, _start, _here, entries = struct.unpack("<4H", tail[at + 4 : at + 12])
    return int(entries)


def _refuse_too_many(count: int) -> None:
    if count > MAX_MEMBERS:
        raise ArchiveRefused(
            _("it holds {count} files; a shared routine holds at most {most}").format(
                count=count if count != 0xFFFF else _("more than 65,534"), most=MAX_MEMBERS
            )
        )


def _checked_members(infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The archive's entries, each checked on its own and against the others."""
    _refuse_too_many(len(infos))
    names: dict[str, str] = {}
    folders: set[str] = set()
    claimed = 0
    for info in infos:
        name = info.filename
        _refuse_member(info)
        key = same_name_key(name.removesuffix("/"))
        if key in names:
            raise ArchiveRefused(
                _("it holds two files named {name}").format(name=name)
                if names[key] == name
                else _(
                    "it holds {first} and {second}, which some computers take for one file"
                ).format(first=names[key], second=name)
            )
        names[key] = name
        parts = key.removesuffix("/").split("/")
        folders.update("/".join(parts[:end]) for end in range(1, len(parts)))
        claimed += info.file_size
    for key, name in names.items():
        if key in folders and not name.endswith("/"):
            raise ArchiveRefused(_("it holds {name} as a file and as a folder").format(name=name))
    if claimed > MAX_TOTAL_BYTES:
        raise TooLarge(_too_much_in_all())
    return infos


def _refuse_member(info: zipfile.ZipInfo) -> None:
    name = info.filename
    problem = member_problem(name)
    if problem is not None:
        raise ArchiveRefused(
            _("it holds a file named {name}: {problem}").format(name=repr(name), problem=problem)
        )
    kind = stat.S_IFMT(info.external_attr >> 16)
    if stat.S_ISLNK(kind):
        raise ArchiveRefused(
            _("{name} is a symbolic link; a shared routine holds none").format(name=name)
        )
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise ArchiveRefused(
            _("{name} is a special file (a device, a pipe or a socket)").format(name=name)
        )
    if info.flag_bits & 0x1:
        raise ArchiveRefused(_("{name} is encrypted").format(name=name))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveRefused(
            _("{name} is compressed in a way the player does not read").format(name=name)
        )
    if info.file_size > MAX_MEMBER_BYTES:
        raise TooLarge(_too_large(name))


def _too_large(name: str) -> str:
    return _("{name} is larger than {most} MB, more than any file of a routine").format(
        name=name, most=MAX_MEMBER_BYTES // (1024 * 1024)
    )


def _too_much_in_all() -> str:
    return _("its files come to more than {most} MB").format(most=MAX_TOTAL_BYTES // (1024 * 1024))


def _read_manifest(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None) -> dict[str, Any]:
    if info is None or info.file_size > MAX_MANIFEST_BYTES:
        raise ArchiveRefused(_not_ours())
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_MANIFEST_BYTES + 1)
        manifest = json.loads(data.decode("utf-8"))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RecursionError):
        raise ArchiveRefused(_damaged_manifest()) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveRefused(_not_ours())
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ArchiveRefused(_damaged_manifest())
    if version > VERSION:
        raise ArchiveRefused(
            _("it was packed by a newer version of the player; update the player to add it")
        )
    return manifest


def _damaged_manifest() -> str:
    return _("its manifest ({file}) is damaged").format(file=MANIFEST)


@dataclass(frozen=True)
class _Expected:
    size: int
    sha256: str


def _agreeing(
    manifest: dict[str, Any], files: dict[str, zipfile.ZipInfo]
) -> tuple[str, dict[str, _Expected]]:
    """The routine's path and what each file should be, when the manifest lists every file
    of the archive and no other; ArchiveRefused otherwise."""
    listed = manifest.get("files")
    routine = manifest.get("routine")
    if not isinstance(listed, list) or not isinstance(routine, str):
        raise ArchiveRefused(_damaged_manifest())
    expected: dict[str, _Expected] = {}
    for entry in listed:
        if not isinstance(entry, dict):
            raise ArchiveRefused(_damaged_manifest())
        path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not (isinstance(path, str) and isinstance(size, int) and isinstance(digest, str)):
            raise ArchiveRefused(_damaged_manifest())
        if path not in files:
            raise ArchiveRefused(
                _("its manifest lists {name}, which is not in it").format(name=path)
            )
        expected[path] = _Expected(size, digest.lower())
    for name in files:
        if name not in expected:
            raise ArchiveRefused(
                _("it holds {name}, which its manifest does not list").format(name=name)
            )
    if routine not in files or "/" in routine or not routine.endswith(ROUTINE_SUFFIXES):
        raise ArchiveRefused(_("its manifest names no routine file (NAME.yaml) at the top of it"))
    return routine, expected


def _extract(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, expected: _Expected, left: int
) -> int:
    """Write one file out, counting the bytes that really come out; how many did."""
    name = info.filename
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with archive.open(info) as stream, target.open("xb") as out:
            count, digest = copy_limited(stream, out, MAX_MEMBER_BYTES, left, name)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise ArchiveRefused(
            _("{name} is damaged ({reason})").format(name=name, reason=error)
        ) from None
    if count != expected.size or digest != expected.sha256:
        raise ArchiveRefused(
            _("{name} is not the file its manifest describes (it was damaged or changed)").format(
                name=name
            )
        )
    return count


def copy_limited(
    source: IO[bytes], out: IO[bytes], most: int, left: int, name: str
) -> tuple[int, str]:
    """Copy ``source`` to ``out`` while counting: TooLarge as soon as more than ``most``
    bytes (or more than ``left``, what the archive may still hold) come out, whatever the
    archive claimed. The count and the SHA-256 of what was copied."""
    hasher = hashlib.sha256()
    count = 0
    while True:
        chunk = source.read(_CHUNK)
        if not chunk:
            return count, hasher.hexdigest()
        count += len(chunk)
        if count > most:
            raise TooLarge(_too_large(name))
        if count > left:
            raise TooLarge(_too_much_in_all())
        hasher.update(chunk)
        out.write(chunk)
