"""A player killed outright (kill -9) keeps every step it finished, and can be carried on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from player.history.opening import open_history
from player.history.resume import resume_decision
from player.history.store import HistoryStore
from tests.conftest import REPO

LATER = datetime(2025, 3, 10, 8, 30, tzinfo=timezone(timedelta(hours=1)))
CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime, timedelta, timezone
    from pathlib import Path
    from player.history.opening import open_history

    start = datetime(2025, 3, 10, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    history = open_history(Path(sys.argv[1]), print, start)
    sid = history.begin_session(
        routine="back-care", digest="abc", path="back-care.yaml", reps=None,
        planned_ms=120_000, started=start,
    )
    history.record_pain(sid, "before", 6)
    for index, name in enumerate(["Get ready", "Cat cow"]):
        history.record_step(
            sid, index, name, planned_ms=30_000, done_ms=30_000, skipped=False,
            ended=start + timedelta(seconds=30 * (index + 1)),
        )
    print("recorded", sid, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_steps_recorded_before_a_kill_are_all_there(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("recorded "), line
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    sid = int(line.split()[1])

    warnings: list[str] = []
    history = open_history(path, warnings.append, LATER)

    assert warnings == []
    assert isinstance(history, HistoryStore)
    record = history.session(sid)
    assert record is not None
    assert [(s.step_index, s.name, s.done_ms) for s in record.steps] == [
        (0, "Get ready", 30_000),
        (1, "Cat cow", 30_000),
    ]
    assert record.pain_before == 6
    assert record.outcome is None and not record.finished
    resumable = history.resumable("back-care", date(2025, 3, 10))
    assert resumable is not None and resumable.id == sid
    decision = resume_decision(resumable, "abc")
    assert (decision.from_step, decision.resumed_from) == (2, sid)
