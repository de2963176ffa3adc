"""Regenerate the screenshots in docs/screenshots/ that show the bundled routines and the
questions: ``python docs/make_screenshots.py`` (headless; takes a minute or two).

For each bundled routine, the first step after "Get ready", as the window shows it; the
daily check of the warning signs, a routine's first screen and the pain score, as the
window asks them; one moment of a session in each language; the help and the question
whether to stop; what to do after "Something is wrong"; a routine's sources; a flash; the
first page of the report for an appointment; one moving figure through one repetition, as
an animated PNG; and the first two pages of the daily routine's printed handout (pdftoppm,
from poppler-utils, renders the printed pages).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pygame  # noqa: E402

from player.care import first_use  # noqa: E402
from player.care.questions import pain_question  # noqa: E402
from player.care.safety import (  # noqa: E402
    daily_check_question,
    sources_question,
    start_question,
)
from player.home.catalog import bundled_routines  # noqa: E402
from player.language import LANGUAGES, speaking  # noqa: E402
from player.playback.clock import FakeClock, MonotonicClock  # noqa: E402
from player.playback.compiler import compile_timeline  # noqa: E402
from player.playback.engine import Engine  # noqa: E402
from player.playback.motion import figure_at  # noqa: E402
from player.playback.playable import load_playable  # noqa: E402
from player.playback.session import Session  # noqa: E402
from player.playback.speaker import RecordingSpeaker  # noqa: E402
from player.playback.timeline import Segment  # noqa: E402
from player.routine.loader import load_routine  # noqa: E402
from player.system.png import save_png  # noqa: E402
from player.window.app import FIGURE_MS, WindowApp  # noqa: E402
from player.window.assets import Assets  # noqa: E402
from player.window.figures import draw_figure  # noqa: E402
from player.window.shell import open_window  # noqa: E402
from player.window.theme import DEFAULT_THEME, Theme, theme_for  # noqa: E402
from player.window.what_to_do import draw_what_to_do, what_to_do_layout  # noqa: E402

OUT = REPO / "docs" / "screenshots"


def routine_screenshots(work: Path) -> None:
    environment = {**os.environ, "ROUTINE_PLAYER_HOME": str(work / "home")}
    answer = ["settings", "set", "advised-against-exercise", "no"]  # asked before exercise
    subprocess.run([sys.executable, str(REPO / "run.py"), *answer], env=environment, check=True)
    for path in bundled_routines():
        shots = work / path.stem
        command = [sys.executable, str(REPO / "run.py"), "play", path.stem, "--speed", "100"]
        command += ["--mute", "--close-at-end", "--no-warning-signs", "--screenshots", str(shots)]
        player = subprocess.Popen(
            command, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
        )
        try:  # each step is shot the first time it is shown: stop once the first step is
            while len(list(shots.glob("[0-9]*.png"))) < 2 and player.poll() is None:
                time.sleep(0.05)
            time.sleep(0.5)  # and its picture is written
        finally:
            player.terminate()
            player.wait()
        first_step = sorted(shots.glob("[0-9]*.png"))[1]
        shutil.copyfile(first_step, OUT / f"routine-{path.stem}.png")
        print(f"routine-{path.stem}.png: {first_step.name}")


def handout_screenshots(work: Path) -> None:
    """The first two pages of the daily routine's handout, as ``handout`` writes it."""
    pdf = work / "handout.pdf"
    environment = {**os.environ, "ROUTINE_PLAYER_HOME": str(work / "home")}
    command = [sys.executable, str(REPO / "run.py"), "handout", "daily-back-care"]
    subprocess.run([*command, "--pdf", str(pdf)], env=environment, check=True)
    for page in (1, 2):
        name = OUT / f"handout-daily-back-care-{page}"
        render = ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page)]
        subprocess.run([*render, "-singlefile", str(pdf), str(name)], check=True)
        print(f"{name.name}.png")


def question_screenshots(work: Path) -> None:
    shots = work / "questions"
    window = open_window(MonotonicClock(), screenshots=shots)
    try:
        window.ask(daily_check_question(), timeout_ms=0)
        window.ask(pain_question("How does your back feel right now?"), timeout_ms=0)
        massage = load_routine(REPO / "routines" / "partner-back-massage.yaml").routine
        window.ask(start_question(massage, "20:35", "Esc or Q"), timeout_ms=0)
        window.ask(first_use.question("python run.py settings"), timeout_ms=0)
        daily = load_routine(REPO / "routines" / "daily-back-care.yaml").routine
        window.ask(sources_question(daily), timeout_ms=0)
    finally:
        window.close()
    shutil.copyfile(shots / "question-01.png", OUT / "window-question-safety.png")
    shutil.copyfile(shots / "question-02.png", OUT / "window-question-pain.png")
    shutil.copyfile(shots / "question-03.png", OUT / "window-question-start.png")
    shutil.copyfile(shots / "question-04.png", OUT / "window-question-first-use.png")
    shutil.copyfile(shots / "question-05.png", OUT / "window-sources.png")
    print("window-question-safety.png, window-question-pain.png, window-question-start.png")
    print("window-question-first-use.png, window-sources.png")


def something_wrong_screenshot() -> None:
    """The first page of what to do, shown after "Something is wrong" stops a session."""
    assets = Assets()
    surface = pygame.Surface((1280, 720))
    where = what_to_do_layout(1280, 720, assets)
    draw_what_to_do(surface, where, 0, assets, DEFAULT_THEME)
    save_png(surface, OUT / "window-something-wrong.png")
    print("window-something-wrong.png")


def overlay_screenshots() -> None:
    """The help and the question whether to stop, over a step of daily-back-care; and the
    edge lit by --flash as a step begins."""
    routine = load_routine(REPO / "routines" / "daily-back-care.yaml").routine
    for name, key, flash in (("help", pygame.K_h, False), ("stop", pygame.K_ESCAPE, False),
                             ("flash", None, True)):
        clock = FakeClock(0)
        session = Session(Engine(routine), RecordingSpeaker())
        app = WindowApp(session, clock, size=(1280, 720), theme=Theme(flash=flash))
        try:
            app.step(clock.now())
            clock.sleep_until(10_100)  # as the first step after the lead-in begins
            app.step(clock.now())
            if key is not None:
                pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, unicode="", mod=0))
                app.step(clock.now())
            save_png(app.surface, OUT / f"window-{name}.png")
            print(f"window-{name}.png")
        finally:
            app.close()


def moment(routine: str, wanted: Callable[[Segment], bool], into_ms: int) -> int:
    """When, in ``routine``, ``into_ms`` into the first segment that is ``wanted``."""
    engine = Engine(load_routine(REPO / "routines" / f"{routine}.yaml").routine)
    segment = next(s for s in engine.timeline.segments if wanted(s))
    return segment.start_ms + into_ms


def session_screenshot(
    name: str, routine: str, at_ms: int, theme: Theme = DEFAULT_THEME, pause: bool = False
) -> None:
    """The window ``at_ms`` into a session of ``routine``, as it shows then."""
    engine = Engine(load_routine(REPO / "routines" / f"{routine}.yaml").routine)
    clock = FakeClock(0)
    app = WindowApp(Session(engine, RecordingSpeaker()), clock, size=(1280, 720), theme=theme)
    try:
        app.step(0)
        clock.sleep_until(at_ms)
        app.step(clock.now())
        if pause:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, unicode=" "))
            app.step(clock.now())
        save_png(app.surface, OUT / f"window-{name}.png")
        print(f"window-{name}.png")
    finally:
        app.close()


def example_screenshots() -> None:
    """The screens README shows: a side, phases, a wait, paused, the end, and the themes."""
    sided = moment("pelvic-strength", lambda s: bool(s.side) and bool(s.phase), 1500)
    squeeze = moment("daily-back-care", lambda s: s.phase == "Squeeze", 2500)
    waiting = moment("pelvic-strength", lambda s: s.kind == "wait", 500)
    session_screenshot("sided", "pelvic-strength", sided)
    session_screenshot("phase", "daily-back-care", squeeze)
    session_screenshot("waiting", "pelvic-strength", waiting)
    session_screenshot("paused", "daily-back-care", squeeze, pause=True)
    session_screenshot("end", "daily-back-care", 60 * 60_000)
    session_screenshot("large-text", "daily-back-care", squeeze, theme_for(large_text=True))
    session_screenshot("high-contrast", "pelvic-strength", sided, theme_for(high_contrast=True))


def language_screenshots() -> None:
    """The same moment of a session (a pelvic floor squeeze in ``daily-back-care``) in
    every language: the routine's words from its words file, the player's from its catalog.
    A session lasts as long in every language, so the moment is the same."""
    squeeze = moment("daily-back-care", lambda s: s.phase == "Squeeze", 2500)
    for language in LANGUAGES:
        with speaking(language):
            loaded = load_playable(REPO / "routines" / "daily-back-care.yaml", language=language)
            compiled = functools.partial(compile_timeline, paced_by=loaded.paced_by)
            engine = Engine(loaded.routine, compile=compiled)
            clock = FakeClock(0)
            app = WindowApp(Session(engine, RecordingSpeaker()), clock, size=(1280, 720))
            try:
                app.step(0)
                clock.sleep_until(squeeze)
                app.step(clock.now())
                save_png(app.surface, OUT / f"language-{language}.png")
                print(f"language-{language}.png")
            finally:
                app.close()


def report_screenshot(work: Path) -> None:
    """The first page of ``history --report`` for four weeks of sessions (the tests' sample
    history), as ``pdftoppm`` (poppler-utils) renders it at 60 dots an inch."""
    import argparse
    import io

    from player.commands.base import Context
    from player.commands.history import COMMAND
    from player.home.user_dirs import UserDirs
    from tests.sample_history import NOW, write_sample

    dirs = UserDirs.under(work / "report-home")
    write_sample(dirs.history_file)
    parser = argparse.ArgumentParser()
    COMMAND.add_arguments(parser)
    report = work / "report.pdf"
    context = Context(out=io.StringIO(), dirs=dirs, now=lambda: NOW)
    if COMMAND.run(parser.parse_args(["--report", str(report)]), context) != 0:
        raise SystemExit("the report was not written")
    first = work / "report-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", report, first],
        check=True,
    )
    shutil.copyfile(first.with_suffix(".png"), OUT / "report-page-1.png")
    print("report-page-1.png")


ANIMATED_FIGURE = ("partner-back-massage", "massage-thumbs-down-spine")
"""The routine and the figure the animation shows: thumbs down the spine for six seconds,
back to the top in two."""


def figure_animation(path: Path, width: int = 480) -> int:
    """One repetition of the animated figure, frame by frame as the window draws it (ten a
    second), written to ``path`` as an animated PNG; the number of frames."""
    from PIL import Image  # only for this picture: pygame writes no animation

    routine, name = ANIMATED_FIGURE
    engine = Engine(load_routine(REPO / "routines" / f"{routine}.yaml").routine)
    first = next(
        s for s in engine.timeline.segments
        if s.kind == "work" and engine.timeline.steps[s.step].figure == name
    )  # fmt: skip
    repetition = [
        s for s in engine.timeline.segments if s.step == first.step and s.rep == first.rep
    ]
    end_ms = repetition[-1].end_ms
    engine.start(0)
    surface = pygame.Surface((width, width // 2), pygame.SRCALPHA)
    frames = []
    for at_ms in range(first.start_ms, end_ms, FIGURE_MS):
        engine.advance(at_ms)
        moment = figure_at(engine.frame(at_ms), engine.timeline)
        assert moment is not None
        draw_figure(surface, moment)
        pixels = pygame.image.tobytes(surface, "RGBA")
        frames.append(Image.frombytes("RGBA", surface.get_size(), pixels))
    frames[0].save(
        path, format="PNG", save_all=True, append_images=frames[1:], duration=FIGURE_MS, loop=0
    )
    return len(frames)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        question_screenshots(Path(folder))
        overlay_screenshots()
        something_wrong_screenshot()
        example_screenshots()
        language_screenshots()
        routine_screenshots(Path(folder))
        report_screenshot(Path(folder))
        handout_screenshots(Path(folder))
    count = figure_animation(OUT / "figure-moving.png")
    print(f"figure-moving.png ({count} frames)")
