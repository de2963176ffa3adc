"""``check`` and the JSON Schema, as check-jsonschema applies it, give every file the same
verdict: the bundled routines, the format page's example, and edge files written for the
purpose (tests/schema_edges). An edge file whose name starts with

- ``accepted-`` is accepted by both,
- ``refused-`` is refused by both,
- ``only-check-`` is refused by ``check`` and accepted by the schema, because it breaks a
  rule that JSON Schema cannot say; each names its rule, and the rule is on the format page
  under "What only check decides".
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from player.playback.playable import check_playable
from tests.conftest import REPO, ROUTINES

EDGES = REPO / "tests" / "schema_edges"
EDGE_FILES = sorted(EDGES.glob("*.yaml"))
EXAMPLE = REPO / "docs" / "example" / "my-back-routine.yaml"
BUNDLED = sorted(ROUTINES.glob("*.yaml"))
SHARED = sorted((ROUTINES / "exercises").glob("*.yaml"))
ROUTINE_SCHEMA = ROUTINES / "routine.schema.json"
LIBRARY_SCHEMA = ROUTINES / "exercises.schema.json"
FORMAT_PAGE = REPO / "docs" / "routine-format.md"

RANGE_ORDER = "The order of a range's two numbers"
ONLY_CHECK = {
    "only-check-range-backwards.yaml": RANGE_ORDER,
    "only-check-weeks-backwards.yaml": RANGE_ORDER,
    "only-check-default-outside-its-range.yaml": "A default against its range",
    "only-check-cue-after-the-end.yaml": "A cue after the end of its step",
    "only-check-parts-past-four-hours.yaml": "The parts of a duration adding up to more than 4 h",
    "only-check-an-unknown-use.yaml": "What a `use:` step becomes",
    "only-check-a-use-that-becomes-time-and-phases.yaml": "What a `use:` step becomes",
    "only-check-a-use-that-becomes-a-picture-and-a-figure.yaml": "What a `use:` step becomes",
    "only-check-a-missing-picture.yaml": "The files a name points to",
    "only-check-a-picture-outside-its-places.yaml": "The files a name points to",
    "only-check-a-session-over-four-hours.yaml": "The whole session's bounds",
    "only-check-blocks-nested-too-deep.yaml": "Blocks inside blocks more than 4 deep",
    "only-check-a-merge-key.yaml": "YAML's own limits",
    "only-check-not-a-number.yaml": "YAML's own limits",
}


@functools.cache
def refused_by_the_schema(schema: Path, files: tuple[Path, ...]) -> frozenset[str]:
    """The files check-jsonschema refuses, run once over them all."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), "-o", "JSON"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return frozenset(
        str(Path(found["filename"]).resolve())
        for found in report.get("errors", []) + report.get("parse_errors", [])
    )


def schema_accepts(path: Path, schema: Path = ROUTINE_SCHEMA) -> bool:
    files = (*EDGE_FILES, *BUNDLED, EXAMPLE) if schema == ROUTINE_SCHEMA else tuple(SHARED)
    assert path in files
    return str(path.resolve()) not in refused_by_the_schema(schema, files)


def check_accepts(path: Path) -> bool:
    return not [p for p in check_playable([path]) if not p.warning]


def only_check_section() -> str:
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    found = re.search(r"^## What only `check` decides\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert found, "the format page has no section 'What only `check` decides'"
    return found.group(1)


def test_there_are_edge_files_of_every_verdict() -> None:
    names = [path.name for path in EDGE_FILES]
    assert len(names) >= 20
    for verdict in ("accepted-", "refused-", "only-check-"):
        assert any(name.startswith(verdict) for name in names), verdict
    assert sorted(name for name in names if name.startswith("only-check-")) == sorted(ONLY_CHECK)


@pytest.mark.parametrize("path", [*BUNDLED, EXAMPLE], ids=lambda path: path.name)
def test_the_bundled_routines_and_the_example_pass_both(path: Path) -> None:
    assert check_accepts(path)
    assert schema_accepts(path)


@pytest.mark.parametrize("path", SHARED, ids=lambda path: path.name)
def test_the_shared_exercises_pass_their_schema(path: Path) -> None:
    assert schema_accepts(path, LIBRARY_SCHEMA)


@pytest.mark.parametrize("path", EDGE_FILES, ids=lambda path: path.stem)
def test_check_and_the_schema_give_an_edge_file_the_same_verdict(path: Path) -> None:
    check, schema = check_accepts(path), schema_accepts(path)
    if path.name.startswith("accepted-"):
        assert (check, schema) == (True, True)
    elif path.name.startswith("refused-"):
        assert (check, schema) == (False, False)
    else:
        assert (check, schema) == (False, True)
        assert f"**{ONLY_CHECK[path.name]}**" in only_check_section()
