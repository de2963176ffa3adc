"""``run.py play``: play a routine in the window, the terminal, or with the voice alone."""

from __future__ import annotations

import argparse
from pathlib import Path

from player import catalog
from player.clock import MonotonicClock
from player.commands.base import EXIT_FAILED, EXIT_OK, Command, Context
from player.commands.options import add_voice_and_reps, speed, voice_settings
from player.commands.routines import open_routine
from player.engine import Engine
from player.model import Routine
from player.session import EventLog, Session
from player.speech.select import make_speaker
from player.text_session import play_text
from player.timeline import Choices
from player.values import format_duration


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "routine", nargs="?", default=catalog.DEFAULT_ROUTINE, help="a routine file or name"
    )
    add_voice_and_reps(parser)
    parser.add_argument(
        "--ui",
        choices=("window", "text", "none"),
        default="window",
        help="window (default), text in the terminal, or none (voice only, for scripts)",
    )
    parser.add_argument("--speed", type=speed, default=1.0, help="play faster to preview, e.g. 10")
    parser.add_argument(
        "--mute", action="store_true", help="start with the voice off (M turns it on)"
    )
    parser.add_argument("--events", type=Path, help="write one JSON line per event to this file")
    parser.add_argument(
        "--screenshots", type=Path, help="window: one PNG per step into this folder"
    )
    parser.add_argument("--fullscreen", action="store_true", help="window: start in full screen")
    parser.add_argument(
        "--close-at-end", action="store_true", help="window: close by itself at the end"
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    loaded = open_routine(args.routine)
    routine = loaded.routine
    engine = Engine(routine, Choices(reps=args.reps), speed=args.speed)
    ui = choose_ui(args.ui)
    if args.ui == "window" and ui != "window":
        ctx.warn("No display found: playing in the terminal instead.")
    speaker = make_speaker(voice_settings(args), ctx.warn)
    log = EventLog(args.events) if args.events else None
    session = Session(engine, speaker, log=log, muted=args.mute)
    _introduce(routine, engine, ctx)
    try:
        result = _run_ui(ui, session, args, ctx)
    finally:
        session.close()
    return EXIT_OK if result in ("finished", "quit") else EXIT_FAILED


def choose_ui(wanted: str) -> str:
    """The UI asked for, or the nearest one this machine can show."""
    if wanted == "window":
        from player.window.app import display_available

        if display_available():
            return "window"
        wanted = "text"
    if wanted == "text":
        from player.terminal_ui import terminal_available

        return "text" if terminal_available() else "lines"
    return wanted


def _run_ui(ui: str, session: Session, args: argparse.Namespace, ctx: Context) -> str:
    clock = MonotonicClock()
    if ui == "window":
        from player.window.app import run_window

        return run_window(
            session,
            clock,
            screenshots=args.screenshots,
            fullscreen=args.fullscreen,
            close_at_end=args.close_at_end,
        )
    if ui == "text":
        from player.terminal_ui import run_terminal

        return run_terminal(session, clock)
    output = ctx.out if ui == "lines" else None

    def read_done_line() -> bool:
        """A line on standard input says done; with none to read, the step moves on."""
        stdin = ctx.stdin
        line = stdin.readline() if stdin and not stdin.closed else ""
        if not line and output is not None:
            print("  (no keyboard input: moving on)", file=output, flush=True)
        return bool(line)

    play_text(session, clock, output, read_done_line)
    return "finished"


def _introduce(routine: Routine, engine: Engine, ctx: Context) -> None:
    ctx.say(f"{routine.title}: {format_duration(engine.timeline.total_ms)}")
    for note in routine.safety:
        ctx.say(f"  ! {note}")
    ctx.say("  Stop at once if anything hurts. Press Ctrl-C to stop.")


COMMAND = Command("play", "play a routine", add_arguments, run)
