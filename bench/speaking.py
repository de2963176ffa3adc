"""Frames while the voice speaks: the window's own loop driven here, in a process of its
own, with the real voice, while bench/one-minute.yaml has a 19-second sentence said. How
late each frame that was due came, and the longest one frame took to draw.

Run by the benchmark as ``python -m bench.speaking``; it prints one JSON line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

from bench.machine import ROOT, Display
from bench.modes import SPEAKING, Mode
from bench.report import PartResult, Target

WORDS_PER_SECOND = 2.75
"""How fast the voice speaks at its usual rate, near enough to know when the sentence ends."""
LIMIT_MS = 50


def frame_delays() -> dict[str, int]:
    """In this process (its environment names the display and a home folder of its own)."""
    from player.playback.clock import MonotonicClock
    from player.playback.engine import Engine
    from player.playback.session import Session
    from player.routine.loader import load_routine
    from player.speech.select import make_speaker
    from player.speech.synth import VoiceSettings
    from player.window.app import WindowApp

    routine = load_routine(SPEAKING).routine
    speaker = make_speaker(VoiceSettings(), lambda line: print(line, file=sys.stderr))
    session = Session(Engine(routine), speaker)
    clock = MonotonicClock()
    app = WindowApp(session, clock)
    long_cue = next(c for c in session.engine.timeline.cues if c.text.startswith("Long words"))
    sentence_ms = round(len(long_cue.text.split()) / WORDS_PER_SECOND * 1000)
    late: list[int] = []
    longest_step = 0
    wake = started = clock.now()
    try:
        while session.engine.state != "finished":
            position = session.engine.frame(clock.now()).position_ms
            if position > long_cue.at_ms + sentence_ms + 1000:
                break
            speaking = long_cue.at_ms <= position
            before = clock.now()
            app.step(before)
            step_ms = clock.now() - before
            if speaking:
                late.append(max(0, before - wake))
                longest_step = max(longest_step, step_ms)
            wake = app.next_wake(clock.now())
            app.wait(wake)
            if clock.now() - started > 120_000:
                break
    finally:
        app.close()
        session.close()
    return {"late_ms": max(late, default=0), "longest_ms": longest_step, "sentence_ms": sentence_ms}


def measure(mode: Mode, display: Display, figures: dict[str, float]) -> PartResult:
    with tempfile.TemporaryDirectory(prefix="bench-speaking-") as home:
        done = subprocess.run(
            [sys.executable, "-m", "bench.speaking"],
            env={**display.env, "ROUTINE_PLAYER_HOME": home},
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"the speaking measure failed: {done.stderr[-600:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    late, longest, sentence = found["late_ms"], found["longest_ms"], found["sentence_ms"]
    return PartResult(
        targets=[
            Target(
                "longest frame delay while a long sentence is spoken",
                f"< {LIMIT_MS} ms",
                f"{late} ms late at worst; longest frame {longest} ms "
                f"(sentence about {sentence / 1000:.0f} s)",
                late < LIMIT_MS and longest < LIMIT_MS,
            )
        ],
        section=[
            "## Frames while the voice speaks",
            "",
            "The window's loop driven by the benchmark with the real voice, in a process of its "
            f"own, while `bench/{SPEAKING.name}` has a sentence of about {sentence / 1000:.0f} s "
            "said: how late each frame that was due came, and the longest one frame took.",
        ],
    )


if __name__ == "__main__":
    print(json.dumps(frame_delays()))
