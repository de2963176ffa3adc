"""Four weeks of sessions as a person would record them, from the bundled routines: most
days one routine played through, pain scored before and after, one session stopped part
way, one cut off, a preview, a session carried on. For the tests of the report and the
table, and for the report's screenshot (``docs/make_screenshots.py``)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from player.care.something_wrong import REASON as SOMETHING_WRONG
from player.history.opening import open_history
from player.history.store import History
from player.language import speaking
from player.playback.compiler import compile_timeline
from player.playback.playable import load_playable
from player.playback.timeline import StepSpan
from player.system.paths import ROUTINES_DIR

LONDON = timezone(timedelta(hours=0))
NOW = datetime(2026, 3, 25, 20, 0, tzinfo=LONDON)
"""A Wednesday evening: the fourth week has three days in it."""
FIRST_MONDAY = datetime(2026, 3, 2, tzinfo=LONDON)

ROUTINES = ("daily-back-care", "pelvic-strength", "partner-back-massage")


def steps_of(name: str, language: str = "en") -> tuple[StepSpan, ...]:
    """The steps of a bundled routine, as played in ``language``."""
    with speaking(language):
        loaded = load_playable(ROUTINES_DIR / f"{name}.yaml", language=language)
        return compile_timeline(loaded.routine, paced_by=loaded.paced_by).steps


def play(
    history: History,
    name: str,
    started: datetime,
    *,
    until_step: int | None = None,
    outcome: str | None = "finished",
    pain: tuple[int | None, int | None] = (None, None),
    speed: float = 1.0,
    resumed_from: int | None = None,
    from_step: int = 0,
    language: str = "en",
    reason: str | None = None,
) -> int:
    """Record a session of the bundled routine ``name``: its steps from ``from_step``
    played whole up to ``until_step`` (all by default), then ended by ``outcome``."""
    steps = steps_of(name, language)
    planned = steps[-1].end_ms
    session = history.begin_session(
        routine=name,
        digest="sample",
        path=str(ROUTINES_DIR / f"{name}.yaml"),
        reps=None,
        planned_ms=planned,
        started=started,
        start_step=from_step,
        resumed_from=resumed_from,
        speed=speed,
    )
    before, after = pain
    if before is not None:
        history.record_pain(session, "before", before)
    last = len(steps) if until_step is None else until_step
    at = started
    for step in steps[from_step:last]:
        length = step.end_ms - step.start_ms
        at += timedelta(milliseconds=length / speed)
        history.record_step(
            session,
            step.index,
            step.name,
            planned_ms=length,
            done_ms=length,
            skipped=False,
            ended=at,
        )
    if after is not None:
        history.record_pain(session, "after", after)
    if outcome == "finished" or outcome == "stopped":
        history.end_session(session, outcome, at + timedelta(seconds=5), reason)
    return session


def ignore(_warning: str) -> None:
    """The sample's history opens without a word to say."""


def write_sample(history_file: Path, language: str = "en") -> None:
    """Four weeks of sessions, up to ``NOW``, into the history at ``history_file``."""
    history = open_history(history_file, ignore, NOW)
    day = timedelta(days=1)
    pains = [(6, 4), (7, 5), (6, 5), (5, 3), (6, 4), (5, 3), (4, 3), (5, 2), (4, 2), (3, 2)]
    played = 0
    for number in range(24):
        when = FIRST_MONDAY + number * day + timedelta(hours=8 + number % 3 * 5)
        if number % 7 == 6 or number in (3, 10):
            continue  # a few days without
        name = ROUTINES[0] if number % 3 else ROUTINES[1]
        before, after = pains[played % len(pains)]
        if number == 9:
            play(history, name, when, until_step=4, outcome="stopped", pain=(before, None),
                 language=language, reason=SOMETHING_WRONG)  # fmt: skip
        else:
            play(history, name, when, pain=(before, after), language=language)
        played += 1
    evening = FIRST_MONDAY + 15 * day + timedelta(hours=20)
    play(history, ROUTINES[2], evening, language=language)
    play(history, ROUTINES[2], evening + 3 * day, until_step=3, outcome=None, language=language)
    play(history, ROUTINES[1], FIRST_MONDAY + 17 * day + timedelta(hours=21), speed=10,
         language=language)  # fmt: skip
    first = play(history, ROUTINES[0], NOW - timedelta(hours=1), until_step=5,
                 outcome="stopped", pain=(5, None), language=language)  # fmt: skip
    play(history, ROUTINES[0], NOW - timedelta(minutes=30), from_step=5, resumed_from=first,
         pain=(None, 3), language=language)  # fmt: skip
    history.close()
