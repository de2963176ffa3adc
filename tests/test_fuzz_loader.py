"""Whatever a routine file holds, loading it either succeeds or raises RoutineError with
located problems: never any other exception, and never a problem without a place. And
what loading accepts plays: it compiles, plans and runs to its end, with every choice it
allows."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.playback.compiler import compile_timeline
from player.playback.engine import Engine
from player.playback.playable import every_extreme, load_playable
from player.routine.loader import RoutineFile
from player.routine.problems import RoutineError
from player.system.paths import MEDIA_DIR
from player.terminal.plan import format_plan
from tests.conftest import ROUTINES, WriteFile

settings.register_profile(
    "loader-fuzz",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("loader-fuzz")

BUNDLED_FILES = [*sorted(ROUTINES.glob("*.yaml")), ROUTINES / "exercises" / "pregnancy-back.yaml"]
BUNDLED_TEXTS = {
    path.relative_to(ROUTINES).as_posix(): path.read_text(encoding="utf-8")
    for path in BUNDLED_FILES
}

KEYS = [
    "title", "summary", "suits", "weeks", "trimesters", "note", "sources", "safety", "stop_if",
    "lead_in", "prepare", "cues", "include", "exercises", "steps", "exercise", "rest",
    "instruction", "block", "use", "time", "reps", "phases", "name", "say", "at", "each",
    "sides", "switch", "do", "picture", "figure", "position", "sets", "min", "max", "default",
    "announce", "next_up", "halfway", "countdown", "switch_sides", "rep_count",
]  # fmt: skip
WORDS = [
    "30s", "1m30s", "0", "-5s", "5-10", "10-5", "both", "left", "[right, left]", "2-3",
    "exercises/pregnancy-back.yaml", "pelvic-tilt", "side", "rep", "{rep} of {reps}", "{reep}",
    "sitting", "true", "no", "~", "1h", "4h1s", ".inf", "1e400", "self.yaml", "12-40",
    "arm-reach", "pictures/arm-reach.png",
]  # fmt: skip
JUNK = [
    "", "-", ":", "[", "]", "{", "}", "&a", "*a", "*nope", "!!python/object/apply:os.system",
    "!tag", "<<: *a", "|", ">", "'", '"', "#", "? x", "---", "...", "\t", "%YAML 1.1", "@",
    "`", "~", "0", "-1", "1e400", ".nan", "5-10", "é", "\u2028", "\x85", "\ufeff", "\x00",
]  # fmt: skip

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(WORDS)
    | st.text(max_size=20)
)
keys = st.sampled_from(KEYS) | st.text(max_size=8)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=40,
)
step = st.dictionaries(st.sampled_from(KEYS), documents, min_size=1, max_size=5)
routine_like = st.fixed_dictionaries(
    {"title": scalars, "steps": st.lists(step | documents, max_size=5)},
    optional={key: documents for key in ("include", "exercises", "cues", "suits", "lead_in")},
)
names = st.sampled_from(["a", "b", "c"])
exercise_like = st.dictionaries(
    st.sampled_from(KEYS), documents, max_size=4
) | st.fixed_dictionaries(
    {"exercise": st.just("E")},
    optional={"time": scalars, "reps": scalars, "phases": documents, "say": documents},
)
use_step = st.builds(
    lambda name, changes: {"use": name, **changes},
    names,
    st.dictionaries(st.sampled_from(KEYS), documents, max_size=3),
)
block_of_uses = st.builds(
    lambda steps: {"block": "B", "steps": steps}, st.lists(use_step | step, max_size=3)
)
use_heavy = st.fixed_dictionaries(
    {
        "title": st.just("T"),
        "include": st.just(["lib.yaml"]),
        "exercises": st.dictionaries(names, exercise_like, max_size=3),
        "steps": st.lists(use_step | block_of_uses | step, min_size=1, max_size=6),
    }
)
library_like = st.fixed_dictionaries(
    {"exercises": st.dictionaries(names | st.text(max_size=3), exercise_like, max_size=3)},
    optional={"include": documents | st.just(["self.yaml"]) | st.just(["lib.yaml"])},
)
yaml_chars = st.sampled_from([*"-:[]{},&*!|>'\"#%@`?~ \t\n\r", "  ", "\n  - ", ": "])
raw_texts = st.lists(yaml_chars | st.sampled_from(KEYS + WORDS + JUNK) | st.text(max_size=5))


def assert_loads_or_reports(path: Path, **folders: Path) -> RoutineFile | None:
    """Load ``path`` through the gate every command uses: a RoutineFile that plans and
    plays to its end, or a RoutineError whose every problem has a place."""
    try:
        loaded = load_playable(path, **folders)
    except RoutineError as error:
        problems = error.problems
        assert problems, "a RoutineError with no problem in it"
        for problem in problems:
            assert problem.file, problem
            assert problem.line >= 1, problem
            assert problem.column >= 1, problem
            assert problem.message.strip(), problem
        assert problems == sorted(problems, key=lambda p: (p.file, p.line, p.column, p.path))
        assert str(error) == "\n".join(str(p) for p in problems)
        return None
    assert_plays(loaded)
    return loaded


def assert_plays(loaded: RoutineFile) -> None:
    """The routine plans, and plays to its end with every choice it allows."""
    for choices in every_extreme(loaded.routine):
        timeline = compile_timeline(loaded.routine, choices)
        assert format_plan(loaded.routine, timeline).strip()
        engine = Engine(loaded.routine, choices)
        engine.start(0)
        now = 0
        while engine.state != "finished":
            if engine.state == "waiting":
                engine.done(now)
                continue
            due = engine.next_change_at(now)
            now = max(now + 1, due if due is not None else now + 1000)
            engine.advance(now)
        assert engine.position_ms == timeline.total_ms


def load_written(content: str | bytes, library: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        if library is not None:
            (base / "lib.yaml").write_text(library, encoding="utf-8")
        path = base / "self.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        assert_loads_or_reports(path, routines_dir=base, media_dir=base)


def dump(data: Any, flow: bool | None) -> str:
    return yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, sort_keys=False)


# -- random documents ---------------------------------------------------------------------


@FUZZ
@given(data=documents | routine_like, flow=st.sampled_from([None, True, False]))
def test_random_yaml_documents(data: Any, flow: bool | None) -> None:
    load_written(dump(data, flow))


@FUZZ
@given(
    routine=use_heavy,
    library=library_like | documents,
    flow=st.sampled_from([None, True, False]),
)
def test_random_use_steps_and_shared_exercises(
    routine: Any, library: Any, flow: bool | None
) -> None:
    load_written(dump(routine, flow), dump(library, flow))


@FUZZ
@given(parts=raw_texts)
def test_random_yaml_like_text(parts: list[str]) -> None:
    load_written("".join(parts))


@FUZZ
@given(content=st.binary(max_size=300))
def test_random_bytes(content: bytes) -> None:
    load_written(content)


# -- bundled routines, mutated ------------------------------------------------------------


def mutate(lines: list[str], draw: st.DataObject) -> list[str]:
    """One random edit of the kind a person makes by mistake."""
    if not lines:
        return [draw.draw(st.sampled_from(JUNK), label="junk")]
    here = draw.draw(st.integers(0, len(lines) - 1), label="line")
    kind = draw.draw(
        st.sampled_from(
            ["delete", "duplicate", "swap", "insert", "indent", "value", "truncate", "junk line"]
        ),
        label="edit",
    )
    lines = list(lines)
    if kind == "delete":
        del lines[here]
    elif kind == "duplicate":
        lines.insert(here, lines[here])
    elif kind == "swap":
        there = draw.draw(st.integers(0, len(lines) - 1), label="other line")
        lines[here], lines[there] = lines[there], lines[here]
    elif kind == "insert":
        text = lines[here]
        at = draw.draw(st.integers(0, len(text)), label="column")
        added = draw.draw(st.sampled_from(JUNK) | st.text(max_size=4), label="added")
        lines[here] = text[:at] + added + text[at:]
    elif kind == "indent":
        text = lines[here]
        change = draw.draw(st.integers(-4, 4), label="indent by")
        tab = draw.draw(st.booleans(), label="tab")
        if change >= 0:
            lines[here] = ("\t" if tab else " " * change) + text
        else:
            lines[here] = text[min(-change, len(text) - len(text.lstrip(" "))) :]
    elif kind == "value":
        text = lines[here]
        junk = draw.draw(
            st.sampled_from(JUNK + WORDS) | st.text(max_size=10) | st.integers().map(str),
            label="value",
        )
        if ": " in text:
            lines[here] = text[: text.index(": ") + 2] + junk
        else:
            lines[here] = text + ": " + junk
    elif kind == "truncate":
        text = "\n".join(lines)
        cut = draw.draw(st.integers(0, len(text)), label="cut at")
        lines = text[:cut].split("\n")
    else:
        lines.insert(here, draw.draw(st.sampled_from(JUNK + KEYS), label="junk line"))
    return lines


@FUZZ
@given(
    target=st.sampled_from(sorted(BUNDLED_TEXTS)),
    edits=st.integers(1, 4),
    draw=st.data(),
)
def test_mutated_bundled_routines(target: str, edits: int, draw: st.DataObject) -> None:
    lines = BUNDLED_TEXTS[target].split("\n")
    for _ in range(edits):
        lines = mutate(lines, draw)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        shutil.copytree(ROUTINES / "exercises", base / "exercises")
        for name, text in BUNDLED_TEXTS.items():
            if name != "exercises/pregnancy-back.yaml":
                (base / name).write_text(text, encoding="utf-8")
        (base / target).write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        # The pictures the routines name are the bundled ones, under the real media/.
        # A mutated shared file is reached through every routine that includes it.
        played = [target] if not target.startswith("exercises/") else sorted(BUNDLED_TEXTS)
        for name in played:
            assert_loads_or_reports(base / name, routines_dir=base, media_dir=MEDIA_DIR)


def test_the_bundled_routines_load_from_a_folder_like_the_fuzz_one(
    write: WriteFile, tmp_path: Path
) -> None:
    """The set-up of the mutation test: unchanged copies load, so a mutation is what fails."""
    for name, text in BUNDLED_TEXTS.items():
        write(name, text)
    for name, text in BUNDLED_TEXTS.items():
        if not name.startswith("exercises/"):
            loaded = assert_loads_or_reports(
                tmp_path / name, routines_dir=tmp_path, media_dir=MEDIA_DIR
            )
            assert loaded is not None
            assert loaded.routine.title == yaml.safe_load(text)["title"]
