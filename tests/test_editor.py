"""What an editor shows while a routine is written: the real ``yaml-language-server``
(the YAML extension of VS Code and others), spoken to over LSP as an editor does, with
the committed schema named on the file's first line.

It needs Node.js. The server itself is installed from ``.ci/package.json`` (``make test``
does it, and so does this test when it is missing). The test is skipped only where
Node.js is missing and cannot be installed (no ``apt-get``); where it could be, the test
fails and says how.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.playback.playable import check_playable
from player.routine.editor_text import KEYS
from tests.conftest import REPO, ROUTINES
from tests.language_server import LanguageServer

PACKAGE = REPO / ".ci"
SERVER = PACKAGE / "node_modules" / ".bin" / "yaml-language-server"
SCHEMA = ROUTINES / "routine.schema.json"
EDGES = sorted((REPO / "tests" / "schema_edges").glob("*.yaml"))

ROUTINE = """\
# yaml-language-server: $schema={schema}
title: Evening stretch
steps:
  - exercise: Side stretch
    reps: 8
    time: 4s
{cursor}
  - rest: 30s
"""
IN_THE_STEP = (6, 4)
ON_REPS = (4, 6)


def server_command() -> list[str]:
    """How to start the server, installing it first when it is missing."""
    if shutil.which("node") is None:
        if shutil.which("apt-get") is None:
            pytest.skip("the YAML language server needs Node.js: not here, and no apt-get")
        pytest.fail("the YAML language server needs Node.js: run `make editor-server` as root")
    if not SERVER.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(
                "npm is missing to install the YAML language server: run `make editor-server`"
            )
        subprocess.run(
            [npm, "ci", "--prefix", str(PACKAGE), "--no-audit", "--no-fund"],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return [str(SERVER), "--stdio"]


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageServer]:
    server = LanguageServer(server_command(), tmp_path_factory.mktemp("editor"))
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def routine(editor: LanguageServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("routine") / "evening.yaml"
    text = ROUTINE.format(schema=SCHEMA.as_uri(), cursor=" " * IN_THE_STEP[1])
    path.write_text(text, encoding="utf-8")
    uri = editor.open(path)
    assert editor.diagnostics_of(uri) == []
    return uri


def test_completion_in_a_step_offers_its_keys_with_their_descriptions(
    editor: LanguageServer, routine: str
) -> None:
    offered = {item["label"]: item for item in editor.completion(routine, *IN_THE_STEP)}
    words = KEYS["Exercise"]
    keys = ("do", "sides", "switch", "phases", "say", "position", "prepare", "picture", "figure")
    for key in keys:
        assert key in offered, key
        documentation = offered[key].get("documentation")
        shown = documentation["value"] if isinstance(documentation, dict) else documentation
        assert shown == words[key].description, key
    assert "reps" not in offered  # written already
    assert offered["switch"]["insertText"] == "switch: "


def test_completion_of_a_new_step_offers_each_kind_by_its_title(
    editor: LanguageServer, tmp_path: Path
) -> None:
    path = tmp_path / "new-step.yaml"
    path.write_text(
        f"# yaml-language-server: $schema={SCHEMA.as_uri()}\ntitle: New\nsteps:\n  - \n",
        encoding="utf-8",
    )
    uri = editor.open(path)
    editor.diagnostics_of(uri)
    kinds: dict[str, set[str]] = {}
    for item in editor.completion(uri, 3, 4):
        if " " in item["label"]:  # a kind of step, by its title; keys have no spaces
            kinds.setdefault(item["label"], set()).add(item["insertText"].split(":")[0])
    assert kinds == {
        "Exercise step": {"exercise"},
        "Rest step": {"rest"},
        "Instruction step": {"instruction"},
        "Block of steps": {"block"},
        "Use a defined exercise": {"use"},
    }


def test_hover_on_reps_explains_it(editor: LanguageServer, routine: str) -> None:
    shown = editor.hover(routine, *ON_REPS)
    assert shown.startswith("#### Repetitions\n")
    assert "How many repetitions: 8, a range such as 5-10" in shown
    assert "||" not in shown


def test_the_editor_flags_a_switch_written_yes_with_what_to_write(
    editor: LanguageServer, tmp_path: Path
) -> None:
    path = tmp_path / "yes.yaml"
    path.write_text(
        f"# yaml-language-server: $schema={SCHEMA.as_uri()}\n"
        "title: Cues\ncues:\n  halfway: yes\nsteps:\n  - rest: 5s\n",
        encoding="utf-8",
    )
    found = editor.diagnostics_of(editor.open(path))
    assert [(d["range"]["start"]["line"], d["message"]) for d in found] == [
        (3, "true or false (yes, no, on and off are not switches).")
    ]


@pytest.mark.parametrize(
    "path",
    [
        *sorted(ROUTINES.glob("*.yaml")),
        *sorted((ROUTINES / "exercises").glob("*.yaml")),
        REPO / "docs" / "example" / "my-back-routine.yaml",
    ],
    ids=lambda path: path.name,
)
def test_the_editor_finds_nothing_to_say_of_the_bundled_files(
    editor: LanguageServer, path: Path
) -> None:
    assert editor.diagnostics_of(editor.open(path)) == []


@pytest.mark.parametrize("path", EDGES, ids=lambda path: path.stem)
def test_the_editor_gives_an_edge_file_the_verdict_the_schema_gives(
    editor: LanguageServer, path: Path
) -> None:
    """The edge files name the schema by a path relative to them, as people's files do."""
    found = editor.diagnostics_of(editor.open(path))
    editor_accepts = not found
    check_accepts = not [p for p in check_playable([path]) if not p.warning]
    if path.name.startswith("only-check-"):
        assert editor_accepts and not check_accepts, found
    else:
        assert editor_accepts == check_accepts, found
