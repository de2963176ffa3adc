"""What ``play`` says before the first second of a session: in a window, the routine's
first screen (its safety notes, and its sources when asked), which waits for Start; in
the terminal, the same notes and how to stop, printed before it starts."""

from __future__ import annotations

import argparse

from player.care import safety
from player.commands.base import Context
from player.home.bindings import Bindings, spoken_key, window_key
from player.home.settings import Settings
from player.language import _
from player.playback.engine import Engine
from player.routine.loader import RoutineFile
from player.routine.values import format_duration
from player.shells import Shell


def started(
    args: argparse.Namespace,
    settings: Settings,
    loaded: RoutineFile,
    engine: Engine,
    shell: Shell,
    note: str | None = None,
) -> bool:
    """In a window with someone there, the routine's first screen (its safety notes, and
    ``note``) waits for Start; False when she closes it instead. The terminal has printed
    them already."""
    if args.ui != "window" or not shell.interactive or not (loaded.routine.safety or note):
        return True
    bindings = settings.bindings
    stops = [window_key(key) for key in bindings.keys_of("quit")]
    starts = ["S", "Enter", *(window_key(key) for key in bindings.going_on())]
    length = format_duration(engine.timeline.total_ms)
    wrong = either_key([window_key(key) for key in bindings.keys_of("something-wrong")])
    question = safety.start_question(
        loaded.routine,
        length,
        either_key(stops),
        ", ".join(starts[:5]),
        note=note,
        wrong_keys=wrong,
    )
    answer = shell.ask(question)
    while answer == safety.SOURCES:  # read them, then back to the first screen
        shell.ask(safety.sources_question(loaded.routine))
        answer = shell.ask(question)
    return answer == safety.START


def introduce(
    loaded: RoutineFile,
    engine: Engine,
    ctx: Context,
    bindings: Bindings | None,
    advice: str | None = None,
) -> None:
    """The routine's length, ``advice`` and safety notes, and how to stop: Ctrl-C where the
    session is plain lines (``bindings`` None), else the keys that pause and ask to stop."""
    routine = loaded.routine
    ctx.say(f"{routine.title}: {format_duration(engine.timeline.total_ms)}")
    if advice:
        ctx.say(f"  ! {advice}")
    for note in routine.safety:
        if not safety.says_stop_if_it_hurts(note):  # the line on how to stop says it
            ctx.say(f"  ! {note}")
    keys = either_key([spoken_key(key) for key in bindings.keys_of("quit")]) if bindings else ""
    if not keys:  # plain lines, or every quit key given to something else
        ctx.say("  " + _("Stop at once if anything hurts. Press Ctrl-C to stop."))
        return
    said = _("Stop at once if anything hurts: {keys} pauses at once and asks to end.")
    ctx.say("  " + said.format(keys=keys))
    wrong = (
        either_key([spoken_key(key) for key in bindings.keys_of("something-wrong")])
        if bindings
        else ""
    )
    if wrong:
        ctx.say("  " + safety.something_wrong_line(wrong))


def either_key(keys: list[str]) -> str:
    """Keys any of which does it: ``Esc or q``."""
    if len(keys) < 2:
        return "".join(keys)
    # TRANSLATORS: keys any of which does it, such as "Esc or q"
    return _("{keys} or {last}").format(keys=" or ".join(keys[:-1]), last=keys[-1])
