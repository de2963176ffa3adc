"""The checkout itself: the licence the package claims, and what git keeps out of it."""

from __future__ import annotations

import subprocess

from tests.conftest import REPO

README_OUTPUTS = ("massage.wav", "weeks.png", "back.ics", "routine.schema.json", "events.jsonl")
"""What the README's example commands write where they are run: export --audio, history
--chart, remind > FILE, schema > FILE, play --events."""


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
    )


def ignored(*paths: str) -> set[str]:
    """Which of ``paths`` (relative to the checkout) .gitignore keeps out."""
    found = git("check-ignore", "--no-index", *paths)
    assert found.returncode in (0, 1), found.stderr
    return set(found.stdout.split())


def test_the_licence_is_the_mit_licence_the_package_names() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    project = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = { text = "MIT" }' in project.splitlines()
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 The routine player authors" in text
    assert "Permission is hereby granted, free of charge" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_what_the_readme_examples_write_at_the_top_is_ignored() -> None:
    assert ignored(*README_OUTPUTS) == set(README_OUTPUTS)


def test_the_same_kinds_of_files_in_the_folders_are_not_ignored() -> None:
    inside = [
        "media/chimes/new.wav",
        "media/pictures/new.png",
        "docs/screenshots/new.png",
        "routines/new.schema.json",
        "docs/example/new.json",
    ]
    assert ignored(*inside) == set()


def test_no_tracked_file_is_ignored() -> None:
    tracked_but_ignored = git("ls-files", "--cached", "--ignored", "--exclude-standard")
    assert tracked_but_ignored.returncode == 0, tracked_but_ignored.stderr
    assert tracked_but_ignored.stdout == ""
