"""The command line: ``python run.py [list|check|schema|plan|play] ...``.

Exit codes: 0 done, 2 invalid input or usage, 1 anything else (with a short message).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from player import catalog
from player.clock import MonotonicClock
from player.engine import Engine
from player.export import ExportError, export_audio
from player.loader import RoutineError, RoutineFile, check_files, load_routine
from player.model import ExerciseLibrary, Routine
from player.plan_table import format_plan
from player.session import EventLog, Session
from player.speech.clips import CHIME_DIR
from player.speech.select import make_speaker, start_synthesizer
from player.speech.synth import Pyttsx3Synthesizer, SpeechUnavailable, VoiceSettings
from player.text_session import play_text
from player.timeline import ChoiceError, Choices, compile_timeline
from player.values import format_duration

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so that main() keeps the exit codes."""

    def error(self, message: str) -> Any:
        raise _UsageError(f"{self.prog}: {message}\n{self.format_usage().strip()}")


class _UsageError(Exception):
    pass


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of 1 or more, found {value}")
    return value


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number such as 2 or 0.5, found '{text}'"
        ) from None
    if not 0.1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"speed runs from 0.1 to 1000, found {value:g}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="run.py",
        description="A guided exercise and massage routine player. With no command, it plays "
        f"the default routine ({catalog.DEFAULT_ROUTINE}).",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    commands.add_parser("list", help="list the bundled routines")
    check = commands.add_parser("check", help="check routine files and report every problem")
    check.add_argument("paths", nargs="*", help="files to check (default: every bundled routine)")
    schema = commands.add_parser("schema", help="print the JSON Schema of routine files")
    schema.add_argument(
        "--library", action="store_true", help="the schema of shared exercise files instead"
    )
    plan = commands.add_parser("plan", help="print a routine's timeline as a table")
    plan.add_argument("routine", help="a routine file or a bundled routine's name")
    plan.add_argument("--reps", type=_positive_int, help="repetitions for steps given as a range")
    play = commands.add_parser("play", help="play a routine")
    play.add_argument(
        "routine", nargs="?", default=catalog.DEFAULT_ROUTINE, help="a routine file or name"
    )
    _add_choices(play)
    play.add_argument(
        "--ui",
        choices=("window", "text", "none"),
        default="window",
        help="window (default), text in the terminal, or none (voice only, for scripts)",
    )
    play.add_argument("--speed", type=_speed, default=1.0, help="play faster to preview, e.g. 10")
    play.add_argument(
        "--mute", action="store_true", help="start with the voice off (M turns it on)"
    )
    play.add_argument("--events", type=Path, help="write one JSON line per event to this file")
    play.add_argument("--screenshots", type=Path, help="window: one PNG per step into this folder")
    play.add_argument("--fullscreen", action="store_true", help="window: start in full screen")
    play.add_argument(
        "--close-at-end", action="store_true", help="window: close by itself at the end"
    )
    export = commands.add_parser("export", help="render the guided session as one audio track")
    export.add_argument("routine", help="a routine file or a bundled routine's name")
    export.add_argument("--audio", type=Path, required=True, help="the WAV file to write")
    _add_choices(export)
    export.add_argument(
        "--wait-seconds",
        type=_positive_int,
        default=30,
        help="the pause left in the track for each step that waits for done (default 30)",
    )
    return parser


def _add_choices(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reps", type=_positive_int, help="repetitions for steps given as a range")
    parser.add_argument("--voice", help="a voice name or part of it, such as en-gb")
    parser.add_argument("--rate", type=_positive_int, default=165, help="words a minute (165)")
    parser.add_argument("--volume", type=_volume, default=1.0, help="0 to 1 (1)")


def _volume(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, found '{text}'") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"volume runs from 0 to 1, found {value:g}")
    return value


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list or ["play"])
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
    try:
        if args.command == "list":
            return _list(out)
        if args.command == "check":
            return _check(args.paths, out)
        if args.command == "schema":
            model = ExerciseLibrary if args.library else Routine
            print(json.dumps(schema_of(model), indent=2), file=out)
            return EXIT_OK
        if args.command == "plan":
            return _plan(args.routine, args.reps, out)
        if args.command == "export":
            return _export(args, out)
        return _play(args, out)
    except (RoutineError, ChoiceError, catalog.RoutineNotFound) as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_FAILED
    except (ExportError, SpeechUnavailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED


def schema_of(model: type[Routine] | type[ExerciseLibrary]) -> dict[str, Any]:
    """The JSON Schema editors use to complete and check routine files."""
    schema = model.model_json_schema()
    name = "routine" if model is Routine else "exercise library"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Guided {name} file",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _open(name: str) -> RoutineFile:
    return load_routine(catalog.find_routine(name))


def _list(out: TextIO) -> int:
    rows = [("name", "title", "length", "suits")]
    for path in catalog.bundled_routines():
        try:
            loaded = load_routine(path)
        except RoutineError:
            rows.append((path.stem, "(has problems: run 'run.py check')", "", ""))
            continue
        timeline = compile_timeline(loaded.routine)
        length = format_duration(timeline.total_ms)
        if timeline.waits:
            length += " + your pace"
        suits = loaded.routine.suits.describe() if loaded.routine.suits else "any time"
        rows.append((loaded.name, loaded.routine.title, length, suits))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
            file=out,
        )
    return EXIT_OK


def _check(names: list[str], out: TextIO) -> int:
    paths = [Path(name) for name in names] or catalog.bundled_routines()
    if not paths:
        print("no routine files to check", file=sys.stderr)
        return EXIT_INVALID
    problems = check_files(paths)
    for problem in problems:
        print(problem, file=out)
    bad_files = len({p.file for p in problems})
    if problems:
        print(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {bad_files} of "
            f"{len(paths)} file{'s' if len(paths) != 1 else ''}",
            file=out,
        )
        return EXIT_INVALID
    print(f"{len(paths)} file{'s' if len(paths) != 1 else ''} checked: all good", file=out)
    return EXIT_OK


def _plan(name: str, reps: int | None, out: TextIO) -> int:
    loaded = _open(name)
    timeline = compile_timeline(loaded.routine, Choices(reps=reps))
    print(format_plan(loaded.routine, timeline), file=out)
    return EXIT_OK


def _settings(args: argparse.Namespace) -> VoiceSettings:
    return VoiceSettings(voice=args.voice, rate=args.rate, volume=args.volume)


def _play(args: argparse.Namespace, out: TextIO) -> int:
    loaded = _open(args.routine)
    routine = loaded.routine
    engine = Engine(routine, Choices(reps=args.reps), speed=args.speed)
    ui = choose_ui(args.ui)
    if args.ui == "window" and ui != "window":
        print("No display found: playing in the terminal instead.", file=sys.stderr)

    def notice(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    speaker = make_speaker(_settings(args), notice)
    log = EventLog(args.events) if args.events else None
    session = Session(engine, speaker, log=log, muted=args.mute)
    _introduce(routine, engine, out)
    try:
        result = _run_ui(ui, session, args, out)
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


def _run_ui(ui: str, session: Session, args: argparse.Namespace, out: TextIO) -> str:
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
    output = out if ui == "lines" else None

    def read_done_line() -> bool:
        """A line on standard input says done; with none to read, the step moves on."""
        line = sys.stdin.readline() if sys.stdin and not sys.stdin.closed else ""
        if not line and output is not None:
            print("  (no keyboard input: moving on)", file=output, flush=True)
        return bool(line)

    play_text(session, clock, output, read_done_line)
    return "finished"


def _introduce(routine: Routine, engine: Engine, out: TextIO) -> None:
    print(f"{routine.title}: {format_duration(engine.timeline.total_ms)}", file=out)
    for note in routine.safety:
        print(f"  ! {note}", file=out)
    print("  Stop at once if anything hurts. Press Ctrl-C to stop.", file=out, flush=True)


def _export(args: argparse.Namespace, out: TextIO) -> int:
    loaded = _open(args.routine)
    timeline = compile_timeline(loaded.routine, Choices(reps=args.reps))
    settings = _settings(args)
    try:
        synth: Pyttsx3Synthesizer | None = start_synthesizer(settings)
    except SpeechUnavailable as error:
        print(error, file=sys.stderr)
        synth = None
    try:
        if synth is not None:
            render = synth.render
            result = export_audio(
                timeline,
                args.audio,
                lambda cue: render(cue.text),
                wait_allowance_ms=args.wait_seconds * 1000,
            )
        else:
            result = export_audio(
                timeline,
                args.audio,
                lambda cue: CHIME_DIR / ("high.wav" if cue.priority >= 3 else "soft.wav"),
                wait_allowance_ms=args.wait_seconds * 1000,
            )
    finally:
        if synth is not None:
            synth.close()
    print(
        f"wrote {args.audio}: {format_duration(result.duration_ms)}, "
        f"{result.spoken} of {result.cues} cues {'spoken' if synth else 'chimed'}",
        file=out,
    )
    return EXIT_OK
