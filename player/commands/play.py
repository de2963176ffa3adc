"""``run.py play``: one sitting, from the safety checks to the pain score afterwards.

In order: whether a doctor or midwife advised against exercise (once, before the first
exercise routine), the warning signs (first session of the day), whether to play a
routine that does not suit the pregnancy week, whether to carry on a session stopped
earlier today, the pain score before, the session itself (recorded step by step), and the
pain score after. The questions are asked in whichever shell plays the session.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from player.care import daily_check, safety
from player.care.preflight import before_session
from player.care.questions import Choice, Question, pain_question
from player.commands import exercise_advice, first_screen, voice_commands
from player.commands.base import EXIT_FAILED, EXIT_OK, Command, Context
from player.commands.options import (
    add_display_options,
    add_mute_option,
    add_voice_and_reps,
    captions,
    choices_for,
    flash,
    high_contrast,
    large_text,
    muted,
    speed,
    voice_settings,
)
from player.commands.outputs import check_output_file, check_output_folder, open_outputs
from player.commands.routines import open_routine
from player.commands.voices import refuse_unknown_voice
from player.history.ending import session_ending
from player.history.opening import open_history
from player.history.recorder import begin_recording
from player.history.resume import ResumeDecision, nothing_to_resume, resume_decision
from player.history.store import History
from player.home import catalog
from player.home.settings import Settings
from player.language import _
from player.listening.listener import Listener
from player.playback.clock import MonotonicClock
from player.playback.compiler import compile_timeline
from player.playback.engine import Engine
from player.playback.events import Event, Finished
from player.playback.session import EventLog, Session
from player.playback.timeline import Choices
from player.routine.loader import RoutineFile
from player.shells import LinesShell, Shell, TerminalShell, WindowShellAdapter
from player.speech.select import make_speaker
from player.system.regular_files import reason
from player.system.stopping import StopSignal

RESUME = "resume"
FROM_START = "start"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "routine", nargs="?", default=catalog.DEFAULT_ROUTINE, help=_("a routine file or name")
    )
    add_voice_and_reps(parser)
    parser.add_argument(
        "--ui",
        choices=("window", "text", "none"),
        default="window",
        help=_("window (default), text in the terminal, or none (voice only, for scripts)"),
    )
    parser.add_argument(
        "--speed", type=speed, default=1.0, help=_("play faster to preview, e.g. 10")
    )
    add_mute_option(parser)
    add_display_options(parser)
    parser.add_argument(
        "--resume",
        action="store_true",
        help=_("carry on the session of this routine stopped earlier today, where it stopped"),
    )
    parser.add_argument(
        "--no-warning-signs",
        action="store_true",
        help=_(
            "confirm that none of the warning signs (the 'safety' command lists them) applies "
            "to you today, instead of being asked"
        ),
    )
    parser.add_argument("--events", type=Path, help=_("write one JSON line per event to this file"))
    parser.add_argument(
        "--screenshots",
        type=Path,
        help=_("window: one PNG per step and question into this folder"),
    )
    parser.add_argument(
        "--frames-every",
        type=frames_every,
        metavar="MS",
        help=_("with --screenshots: one more every MS of routine time (frame-POSITION.png)"),
    )
    voice_commands.add_arguments(parser)
    parser.add_argument("--fullscreen", action="store_true", help=_("window: start in full screen"))
    parser.add_argument(
        "--close-at-end", action="store_true", help=_("window: close by itself at the end")
    )


def run(args: argparse.Namespace, ctx: Context) -> int:
    refuse_unknown_voice(args, ctx)
    check_output_file("--events", args.events)
    screenshots = _screenshots(args, ctx)
    check_output_folder("--screenshots", screenshots)
    settings = ctx.settings()
    loaded = open_routine(args.routine, ctx.dirs, ctx.warn)
    today = ctx.now().date()
    week = settings.pregnancy_week(today)
    choices = choices_for(args, settings, loaded, ctx.warn, week, ctx.program)
    timeline = compile_timeline(loaded.routine, choices, loaded.paced_by)  # a bad --reps stops
    log = open_outputs(args.events, screenshots)  # before anything is recorded or shown
    week_check = safety.check_week(loaded.routine, timeline, week)
    ui = choose_ui(args.ui, screenshots=args.screenshots is not None, warn=ctx.warn)
    ears = voice_commands.open_ears(args, settings, ui, ctx)  # loads while she answers
    said_first = voice_commands.opening(ears, ctx, muted=muted(args, settings))
    choices = replace(choices, opening=said_first)
    if args.no_warning_signs:
        _remember_check(ctx, today)
    history = open_history(ctx.dirs.history_file, ctx.warn, ctx.now())
    shell = _open_shell(ui, args, settings, ctx, ears)
    try:
        checked = not safety.needs_daily_check(
            daily_check.last_checked(ctx.dirs.safety_file), today
        )
        preflight = before_session(
            shell.ask,
            first_use_check=exercise_advice.first_use_check(ctx, settings, loaded.routine),
            checked_today=args.no_warning_signs or checked,
            title=loaded.routine.title,
            week_check=week_check,
            safety_command=ctx.command("safety"),
        )
        if preflight.advised_now is not None:
            exercise_advice.remember(ctx, preflight.advised_now)
        if preflight.confirmed_now:
            _remember_check(ctx, today)
        if preflight.outcome != "start":
            shell.tell(_("Not started"), preflight.message or _("Not started."))
            return EXIT_FAILED
        resume = _resume(args, shell, history, loaded, choices, ctx)
        if resume.from_step:
            choices = replace(choices, reps=resume.reps)
        return _play_session(
            args, ctx, settings, loaded, choices, resume, shell, history, log, preflight.note, ears
        )
    finally:
        shell.close()
        history.close()
        if log is not None:
            log.close()
        if ears is not None:
            ears.close()
            voice_commands.tell_what_went_wrong(ears, ctx)


def _remember_check(ctx: Context, today: date) -> None:
    """Remember that the warning signs were checked today; failing that, say so and go on
    (the person is asked again next time, which is the safe way to be wrong)."""
    try:
        daily_check.record_checked(ctx.dirs.safety_file, today)
    except OSError as error:
        why = reason(error, ctx.dirs.safety_file)
        ctx.warn(_("Could not remember today's check of the warning signs: {why}.").format(why=why))


def _forget_check(ctx: Context) -> None:
    """After a session stopped because something is wrong, the warning signs are asked
    again before the next one; failing that, say so."""
    try:
        daily_check.forget_checked(ctx.dirs.safety_file)
    except OSError as error:
        why = reason(error, ctx.dirs.safety_file)
        ctx.warn(_("Could not forget today's check of the warning signs: {why}.").format(why=why))


MOST_FRAMES_MS = 3_600_000


def frames_every(text: str) -> int:
    """Milliseconds from 10 to an hour, for --frames-every."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 10 <= value <= MOST_FRAMES_MS:
        raise argparse.ArgumentTypeError(
            _("expected milliseconds from 10 to {most}, such as 250; found '{text}'").format(
                most=MOST_FRAMES_MS, text=text
            )
        )
    return value


def _screenshots(args: argparse.Namespace, ctx: Context) -> Path | None:
    """The folder for --screenshots, which only the window makes: without a window, one
    line to say so, and None."""
    folder: Path | None = args.screenshots
    if args.frames_every is not None and folder is None:
        ctx.warn(_("--frames-every takes frames only with --screenshots DIR: none will be taken."))
    if folder is not None and args.ui != "window":
        ctx.warn(
            _(
                "Screenshots are made only by the window (--ui window): none will be saved in "
                "{folder}."
            ).format(folder=folder)
        )
        return None
    return folder


def _play_session(
    args: argparse.Namespace,
    ctx: Context,
    settings: Settings,
    loaded: RoutineFile,
    choices: Choices,
    resume: ResumeDecision,
    shell: Shell,
    history: History,
    log: EventLog | None,
    note: str | None = None,
    ears: Listener | None = None,
) -> int:
    engine = Engine(
        loaded.routine,
        choices,
        speed=args.speed,
        compile=functools.partial(compile_timeline, paced_by=loaded.paced_by),
    )
    if not first_screen.started(args, settings, loaded, engine, shell, note):
        shell.tell(_("Not started"), _("Not started."))
        return EXIT_FAILED
    lines_only = isinstance(shell, LinesShell) and not isinstance(shell, TerminalShell)
    # Before the pain question, which the terminal asks in lines: read while answering it,
    # not wiped at once by the full-screen view.
    first_screen.introduce(loaded, engine, ctx, None if lines_only else settings.bindings, note)
    before = _pain(shell, _("How does your back feel right now?"))
    recorder = begin_recording(
        history,
        engine,
        ctx.now,
        routine=loaded.name,
        digest=loaded.digest,
        path=str(loaded.path),
        reps=choices.reps,
        start_step=resume.from_step,
        resumed_from=resume.resumed_from,
    )
    session_id = recorder.record.id
    if before is not None:
        history.record_pain(session_id, "before", before)
    shown = args.ui != "none" and captions(args, settings)  # what no audio leaves
    speaker = make_speaker(
        voice_settings(args, settings),
        ctx.warn,
        captions=shown,
        voices_command=ctx.command("voices"),
        ears=ears,
    )
    session = Session(
        engine,
        speaker,
        log=log,
        muted=muted(args, settings),
        captions_on=captions(args, settings),
        start_step=resume.from_step,
    )

    def say_how_it_went(event: Event, now: int) -> None:
        if isinstance(event, Finished):  # after the recorder, which has closed the session
            today = ctx.now().date()
            session.ending = session_ending(history.sessions(), recorder.record, today)

    session.listeners.extend([recorder, say_how_it_went])
    if choices.opening:
        voice_commands.remember_introduced(ctx)
    try:
        shell.play(session)
    except StopSignal as stop:  # the events file ends with why, as the history does
        session.interrupted(stop.reason, shell.clock.now())
        raise
    finally:
        recorder.stop("stopped")
        session.close()
    if session.stopped is not None:  # something is wrong: no pain score, and ask again
        _forget_check(ctx)
        return EXIT_FAILED  # as when a warning sign applies before: no script goes on
    after = _pain(shell, _("And how does your back feel now?"))
    if after is not None:
        history.record_pain(session_id, "after", after)
    return EXIT_OK


def _pain(shell: Shell, title: str) -> int | None:
    """A pain score from 0 to 10, when someone is there to give one (it can be skipped)."""
    if not shell.interactive:
        return None
    answer = shell.ask(pain_question(title))
    return int(answer) if answer.isdigit() else None


NO_RESUME = ResumeDecision(0, None, None, None)


def _resume(
    args: argparse.Namespace,
    shell: Shell,
    history: History,
    loaded: RoutineFile,
    choices: Choices,
    ctx: Context,
) -> ResumeDecision:
    """Where to begin: a session of this routine stopped earlier today is offered (or, with
    --resume, carried on), unless the routine file has changed since. A preview (faster
    than real time) carries nothing on: it would count what was only looked at."""
    today = ctx.now().date()
    stopped = history.resumable(loaded.name, today)
    if stopped is None:
        if args.resume:
            why = history.why_not_resumable(loaded.name, today) or "none today"
            ctx.warn(nothing_to_resume(why, loaded.name))
        return NO_RESUME
    if args.speed > 1:
        return _preview_carries_nothing_on(args, ctx)
    if not args.resume:
        if not shell.interactive:
            return NO_RESUME
        at = stopped.last_moment.strftime("%H:%M")
        question = Question(
            title=_("Carry on where you stopped?"),
            lines=(
                _("You stopped {title} at {time} today.").format(
                    title=loaded.routine.title, time=at
                ),
            ),
            choices=(
                # TRANSLATORS: y and n are the keys that answer; they stay as they are
                Choice("y", _("Carry on from there"), RESUME),
                Choice("n", _("Start from the beginning"), FROM_START),
            ),
            cancel=FROM_START,
            on_go=RESUME,  # a clicker's next: carry on, as she most likely came to
            esc_cancels=False,  # a clicker's Esc must not throw away where she was
        )
        if shell.ask(question) != RESUME:
            return NO_RESUME
    decision = resume_decision(stopped, loaded.digest, reps=args.reps)
    steps = compile_timeline(
        loaded.routine, replace(choices, reps=decision.reps), loaded.paced_by
    ).steps
    if decision.from_step >= len(steps):
        ctx.warn(_("That session had come to its end, so this one starts from the beginning."))
        return NO_RESUME
    names_then = {step.step_index: step.name for step in stopped.steps}
    if any(steps[i].name != name for i, name in names_then.items() if i < len(steps)):
        ctx.warn(
            _(
                "The steps have changed since you stopped (a side-lying step in place of one "
                "on the back, as your week moved on), so this session starts from the beginning."
            )
        )
        return NO_RESUME
    if decision.message:
        ctx.warn(decision.message)
    return decision


def _preview_carries_nothing_on(args: argparse.Namespace, ctx: Context) -> ResumeDecision:
    """A preview starts from the beginning: carrying a session on, it would count as
    played what was only looked at. Said when --resume asked otherwise."""
    if args.resume:
        ctx.warn(
            _(
                "A preview (--speed {speed}) starts from the beginning and carries "
                "nothing on: play at the usual speed to carry on where you stopped."
            ).format(speed=f"{args.speed:g}")
        )
    return NO_RESUME


def choose_ui(wanted: str, *, screenshots: bool, warn: Callable[[str], None]) -> str:
    """The UI asked for, or the nearest one this machine can show; a window only where a
    display answers (or off screen, for screenshots with no display), said in one line."""
    if wanted == "window":
        from player.window.probe import display_problem, draw_off_screen

        problem = display_problem()
        if problem is None:
            return "window"
        if screenshots:
            warn(
                _("No display ({problem}): drawing off screen for the screenshots.").format(
                    problem=problem
                )
            )
            draw_off_screen()
            return "window"
        fallback = _text_ui()
        if fallback == "text":
            warn(
                _("No display ({problem}): playing in the terminal instead.").format(
                    problem=problem
                )
            )
        else:
            warn(
                _("No display ({problem}): playing in plain lines instead.").format(problem=problem)
            )
        return fallback
    if wanted == "text":
        return _text_ui()
    return wanted


def _text_ui() -> str:
    from player.terminal.screen import terminal_available

    return "text" if terminal_available() else "lines"


def _open_shell(
    ui: str, args: argparse.Namespace, settings: Settings, ctx: Context, ears: Listener | None
) -> Shell:
    clock = MonotonicClock()
    if ui == "window":
        return WindowShellAdapter(
            clock,
            fullscreen=args.fullscreen,
            large_text=large_text(args, settings),
            high_contrast=high_contrast(args, settings),
            flash=flash(args, settings),
            screenshots=args.screenshots,
            frames_every_ms=args.frames_every if args.screenshots is not None else None,
            close_at_end=args.close_at_end,
            err=ctx.err,
            bindings=settings.bindings,
            ears=ears,
        )
    if ui == "text":
        return TerminalShell(
            clock, ctx.stdin, ctx.out, ctx.err, settings.bindings, flash(args, settings), ears
        )
    return LinesShell(clock, ctx.stdin, ctx.out, ctx.err, show=ui == "lines")


COMMAND = Command(add_arguments, run, shows_results=lambda args: False)
