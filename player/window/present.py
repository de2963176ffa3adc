"""What the window shows, as a plain value: the words, numbers and fractions on screen.

``present(view, timeline, extras)`` turns the session's view into a :class:`Shown`. Pure.
Two equal values look the same, so the loop redraws only when this value changes. The
breathing circle is the one thing that moves between those changes; its size comes from
:func:`breath_fraction`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from player.home.bindings import DEFAULT_BINDINGS, Bindings, window_key
from player.language import N_, _, ngettext, pgettext
from player.listening.phrases import PHRASES, words_for
from player.playback.events import Frame
from player.playback.flash import flashing
from player.playback.session import View
from player.playback.timeline import Segment, StepSpan, Timeline
from player.routine.values import format_duration
from player.window.layout import ButtonId

Overlay = Literal["help", "quit"]
"""What the person opened over the session."""
Cover = Literal["quit", "help", "get_ready", "paused"]
"""What is drawn over the session, most important first."""
Breath = Literal["grow", "hold", "shrink"]

POSITIONS = {
    "standing": N_("Standing"),
    "sitting": N_("Sitting"),
    "kneeling": N_("Kneeling"),
    "all-fours": N_("On all fours"),
    "side-lying": N_("Lying on your side"),
    "lying-on-back": N_("Lying on your back"),
    "squatting": N_("Squatting"),
}
"""The positions a routine names, in the words the window shows (looked up when shown)."""
SIDES = {
    # TRANSLATORS: shown in capitals while the left side of the body is worked
    "left": N_("LEFT SIDE"),
    # TRANSLATORS: shown in capitals while the right side of the body is worked
    "right": N_("RIGHT SIDE"),
}
PHASES = {
    "lead_in": N_("Get ready"),
    "prepare": N_("Get into position"),
    "rest": N_("Rest"),
    "switch": N_("Switch sides"),
}
"""What the status row says in a segment that is not the work itself."""


@dataclass(frozen=True)
class Summary:
    """The end screen's numbers."""

    title: str
    elapsed_ms: int
    """Clock time from the start to the end, pauses included."""
    steps_done: int
    steps_total: int


@dataclass(frozen=True)
class Extras:
    """What the window adds to the session's view."""

    overlay: Overlay | None = None
    summary: Summary | None = None
    question_follows: bool = False
    """A question is asked in the window once the end screen is closed (the pain score)."""
    bindings: Bindings = DEFAULT_BINDINGS
    """The keys, for the buttons' hints and the help."""
    flash: bool = False
    """Flash the edge at each step and on a step's last three seconds (``--flash``)."""
    listening: bool = False
    """Commands said aloud are heard: the help shows each action's phrase with its keys."""


@dataclass(frozen=True)
class ButtonFace:
    name: ButtonId
    label: str
    key: str
    lit: bool = False
    """Drawn filled: a toggle that is on, or the one thing to press (done)."""
    short: str = ""
    """A shorter label, for narrow buttons."""


@dataclass(frozen=True)
class Shown:
    """Everything visible, except how far the breathing circle has grown."""

    finished: bool
    routine_title: str
    title: str
    info: str
    big: str
    """The countdown ('25', '1:25'), or 'Done?' for a step that waits."""
    big_template: str
    """The widest text ``big`` takes in this segment, so its size does not jump."""
    hint: str
    """Spans the status row: 'Press Enter when done'."""
    segment_done: float | None
    phase: str
    side: str
    rep: str
    breath: Breath | None
    """How the circle moves in this segment; None when it is still."""
    breath_room: bool
    """The step is in phases: the circle has its place beside the number all through it."""
    progress: float
    marks: tuple[float, ...]
    position: str
    do_text: str
    picture: str | None
    figure: str | None
    """The bundled figure that moves with the session; drawn where a picture goes."""
    next_up: str
    caption: str | None
    buttons: tuple[ButtonFace, ...]
    cover: Cover | None
    get_ready: str
    summary: Summary | None
    end_headline: str = ""
    """The first words of the end screen, largest: "Well done" only for a session that
    counts as done; else how much was done, or that it was a preview."""
    end_lines: tuple[str, ...] = ()
    """Under the summary on the end screen: why it does not count, the streak, today's
    sessions."""
    end_hint: str = ""
    """At the foot of the end screen, what Enter does: 'Press Enter to close'."""
    flash: bool = False
    """The edge of the window is lit: a step has just begun, or its last seconds tick."""
    help_rows: tuple[tuple[str, str], ...] = ()
    """The help's rows: the keys of an action, and what it does."""
    stop_keys: str = ""
    """The keys that say yes once stopping is asked: 'Esc, Q or Y'."""
    go_on_said: str = ""
    """While listening, the phrase that goes on after a pause: '“keep going”'."""

    @property
    def has_picture(self) -> bool:
        """A picture or a figure has its place on the screen."""
        return self.picture is not None or self.figure is not None

    @property
    def button_names(self) -> tuple[ButtonId, ...]:
        return tuple(face.name for face in self.buttons)


def present(view: View, timeline: Timeline, extras: Extras = Extras()) -> Shown:
    frame = view.frame
    step, segment = frame.step, frame.segment
    waiting = segment.kind == "wait"
    seconds = math.ceil(frame.segment_remaining_ms / 1000)
    shown_ms = max(segment.start_ms, segment.end_ms - seconds * 1000)
    if waiting or frame.state == "finished":
        shown_ms = frame.position_ms
    finished = frame.state == "finished"
    return Shown(
        finished=finished,
        routine_title=timeline.title,
        title=timeline.title if step.kind == "lead_in" else step.name,
        info=_info(step, frame, shown_ms),
        big=_("Done?") if waiting else _countdown(seconds),
        big_template=_("Done?") if waiting else _template(math.ceil(segment.duration_ms / 1000)),
        hint=_done_hint(extras.listening) if waiting else "",
        segment_done=None
        if waiting or not segment.duration_ms
        else min(1.0, (shown_ms - segment.start_ms) / segment.duration_ms),
        phase=_phase(segment),
        side=_side(segment.side),
        rep=_rep(step, segment),
        breath=_breath(timeline, segment),
        breath_room=_in_phases(timeline, step),
        progress=shown_ms / frame.total_ms if frame.total_ms else 1.0,
        marks=tuple(s.start_ms / frame.total_ms for s in timeline.steps[1:] if frame.total_ms),
        position=_position(step.position),
        do_text=step.do or "",
        picture=step.picture,
        figure=step.figure,
        next_up=_next_up(frame.next_step),
        caption=view.caption if view.captions_on else None,
        buttons=_buttons(view, waiting, finished, extras.question_follows, extras.bindings),
        cover=_cover(frame, extras.overlay, finished),
        get_ready=str(math.ceil(frame.get_ready_ms / 1000)) if frame.get_ready_ms else "",
        summary=extras.summary if finished else None,
        end_headline=(view.ending.headline or _("Finished")) if finished else "",
        end_lines=view.ending.said if finished else (),
        end_hint=_end_hint(extras.question_follows) if finished else "",
        flash=extras.flash and flashing(frame),
        help_rows=(
            help_rows(extras.bindings, extras.listening) if extras.overlay == "help" else ()
        ),
        stop_keys=_stop_keys(extras.bindings, extras.listening) if extras.overlay == "quit" else "",
        go_on_said=words_for("go-on") if extras.listening else "",
    )


def _done_hint(listening: bool) -> str:
    if listening:
        return _("Press {key} or say {phrase} when done").format(
            key="Enter", phrase=words_for("done")
        )
    return _("Press Enter when done")


HELPED = (
    ("pause", N_("Pause, or go on")),
    ("next", N_("Next step")),
    ("back", N_("Previous step (or back to its start)")),
    ("restart", N_("Restart this step")),
    ("more-time", N_("Ten seconds more  /  less")),
    ("done", N_("Done, for a step that waits")),
    ("mute", N_("Mute or unmute the voice")),
    ("captions", N_("Captions on or off")),
    ("fullscreen", N_("Full screen")),
    ("help", N_("This help")),
    ("quit", N_("Pause, and ask whether to stop")),
    ("something-wrong", N_("Something is wrong: stop, and what to do")),
)
"""The help's rows, by the settings' name of each action."""
MOST_KEYS_SHOWN = 3


SAID_FOR = {
    "pause": "pause",
    "next": "next",
    "back": "back",
    "restart": "restart",
    "done": "done",
    "quit": "stop",
}
"""The voice command said for each helped action, while listening."""


def help_rows(bindings: Bindings, listening: bool = False) -> tuple[tuple[str, str], ...]:
    """Each action that has a key, with its first few keys: ``Space, B, .``; while
    listening, with the phrase that does it too: ``Space, B, "pause please"``."""
    rows = []
    said = {phrase.command: phrase.words for phrase in PHRASES} if listening else {}
    for action, does in HELPED:
        keys = [window_key(key) for key in bindings.keys_of(action)[:MOST_KEYS_SHOWN]]
        if action == "pause" and said:  # one phrase pauses, another goes on
            keys = [*keys[:1], f"\u201c{said['pause']}\u201d / \u201c{said['go-on']}\u201d"]
        elif SAID_FOR.get(action) in said:
            keys = [*keys[:2], f"\u201c{said[SAID_FOR[action]]}\u201d"]
        if action == "more-time":
            fewer = bindings.keys_of("less-time")
            less = window_key(fewer[0]).replace("-", "\u2212") if fewer else ""
            keys = [f"{keys[0] if keys else ''}  /  {less}"]
        if any(key.strip(" /") for key in keys):
            rows.append((", ".join(keys), _(does)))
    return tuple(rows)


def _stop_keys(bindings: Bindings, listening: bool = False) -> str:
    """'Esc, Q or Y'; while listening, 'Esc, Q, Y or "stop now"'."""
    keys = [window_key(key) for key in bindings.keys_of("quit")]
    last = "Y"
    if listening:
        keys.append(last)
        last = words_for("stop")
    # TRANSLATORS: the keys that stop, as in "Esc, Q or Y"; {keys} is a list with commas
    return _("{keys} or {last_key}").format(keys=", ".join(keys), last_key=last)


def _first_key(bindings: Bindings, action: str, otherwise: str = "") -> str:
    keys = bindings.keys_of(action)
    return window_key(keys[0]) if keys else otherwise


def breath_fraction(frame: Frame) -> float:
    """How far through its segment play is, from 0 to 1: the circle's size follows it."""
    segment = frame.segment
    if not segment.duration_ms:
        return 0.0
    return min(1.0, max(0.0, (frame.position_ms - segment.start_ms) / segment.duration_ms))


def breath_moves(view: View, shown: Shown) -> bool:
    """Whether the circle is moving now: growing or shrinking, playing, not in a get-ready."""
    frame = view.frame
    return (
        shown.breath in ("grow", "shrink") and frame.state == "playing" and not frame.get_ready_ms
    )


def _countdown(seconds: int) -> str:
    return str(seconds) if seconds < 60 else format_duration(seconds * 1000)


def _template(seconds: int) -> str:
    if seconds < 10:
        return "0"
    if seconds < 60:
        return "00"
    return "".join("0" if c.isdigit() else c for c in format_duration(seconds * 1000))


def _info(step: StepSpan, frame: Frame, shown_ms: int) -> str:
    left = format_duration(max(0, frame.total_ms - shown_ms))
    if step.sets > 1:
        # TRANSLATORS: at the top right: the set of a step, and the time the session has left
        return _("Set {set} of {sets} \u00b7 {time} left").format(
            set=step.set, sets=step.sets, time=left
        )
    # TRANSLATORS: at the top right: the time the session has left, as in "12:30 left"
    return _("{time} left").format(time=left)


def _phase(segment: Segment) -> str:
    if segment.kind == "work":
        return segment.phase or ""
    phase = PHASES.get(segment.kind)
    return _(phase) if phase else ""


def _rep(step: StepSpan, segment: Segment) -> str:
    if segment.kind == "work" and segment.reps > 1:
        # TRANSLATORS: the repetition under way, as in "2 of 4"
        return _("{rep} of {reps}").format(rep=segment.rep, reps=segment.reps)
    if segment.kind in ("wait", "prepare") and step.reps > 1:
        return ngettext("{count} time", "{count} times", step.reps).format(count=step.reps)
    return ""


def _side(side: str | None) -> str:
    words = SIDES.get(side or "")
    return _(words) if words else ""


def _position(position: str | None) -> str:
    words = POSITIONS.get(position or "")
    return _(words) if words else ""


def _in_phases(timeline: Timeline, step: StepSpan) -> bool:
    segments = timeline.segments[step.first_segment : step.last_segment + 1]
    return any(s.phase is not None for s in segments)


def _breath(timeline: Timeline, segment: Segment) -> Breath | None:
    """The first phase of a repetition grows, the last shrinks, any between holds."""
    order = timeline.phases_of(segment)
    if not order:
        return None
    place = order.index(segment.index) if segment.index in order else 0
    if place == 0:
        return "grow"
    return "shrink" if place == len(order) - 1 else "hold"


def _next_up(following: StepSpan | None) -> str:
    if following is None:
        return _("Last step")
    if following.sets > 1 and following.kind != "set_rest":
        # TRANSLATORS: {name} is the name of the next step, from the routine
        return _("Next up: {name} (set {set} of {sets})").format(
            name=following.name, set=following.set, sets=following.sets
        )
    # TRANSLATORS: {name} is the name of the next step, from the routine
    return _("Next up: {name}").format(name=following.name)


def _after_end(question_follows: bool) -> str:
    """What Enter does on the end screen: go on to the question that follows, or close."""
    return pgettext("button", "Go on") if question_follows else pgettext("button", "Close")


def _end_hint(question_follows: bool) -> str:
    if question_follows:
        return _("Press Enter to say how your back feels now")
    return _("Press Enter to close")


def _buttons(
    view: View,
    waiting: bool,
    finished: bool,
    question_follows: bool,
    bindings: Bindings = DEFAULT_BINDINGS,
) -> tuple[ButtonFace, ...]:
    """The buttons, each with the first of its keys (the Stop button stops at once; its key
    pauses and asks first)."""
    if finished:
        return (ButtonFace("close", _after_end(question_follows), window_key("enter"), lit=True),)
    paused = view.frame.state == "paused"

    def key(action: str) -> str:
        return _first_key(bindings, action).replace("-", "\u2212")

    go_on = pgettext("button", "Go on") if paused else pgettext("button", "Pause")
    faces = [
        ButtonFace("pause", go_on, key("pause"), lit=paused),
        # TRANSLATORS: the button that goes back one step
        ButtonFace("back", pgettext("button", "Back"), key("back")),
        # TRANSLATORS: the button that goes on to the next step
        ButtonFace("next", pgettext("button", "Next"), key("next")),
        # TRANSLATORS: "Again" is the short label of Restart, for narrow buttons
        ButtonFace(
            "restart",
            pgettext("button", "Restart"),
            key("restart"),
            short=pgettext("button", "Again"),
        ),
        # TRANSLATORS: the button that takes ten seconds off the step ("s" for seconds)
        ButtonFace("less", pgettext("button", "\u221210 s"), key("less-time"), short="\u221210"),
        # TRANSLATORS: the button that adds ten seconds to the step ("s" for seconds)
        ButtonFace("more", pgettext("button", "+10 s"), key("more-time"), short="+10"),
    ]
    if waiting:
        # TRANSLATORS: the button that says a step that waits is done
        faces.append(ButtonFace("done", pgettext("button", "Done"), key("done"), lit=True))
    faces += [
        ButtonFace(
            "mute",
            pgettext("button", "Unmute") if view.muted else pgettext("button", "Mute"),
            key("mute"),
            lit=view.muted,
            # TRANSLATORS: the short label of Unmute, for narrow buttons
            short=pgettext("button", "Sound") if view.muted else pgettext("button", "Mute"),
        ),
        ButtonFace(
            "captions",
            pgettext("button", "Captions"),
            key("captions"),
            lit=view.captions_on,
            # TRANSLATORS: the short label of Captions, for narrow buttons
            short=pgettext("button", "CC"),
        ),
        ButtonFace("help", pgettext("button", "Help"), key("help")),
        # TRANSLATORS: the button that stops the session at once
        ButtonFace("quit", pgettext("button", "Stop"), key("quit")),
        # TRANSLATORS: the wide button that stops the session at once and shows what to
        # do for each warning sign
        ButtonFace("wrong", pgettext("button", "Something is wrong"), key("something-wrong")),
    ]
    return tuple(faces)


def _cover(frame: Frame, overlay: Overlay | None, finished: bool) -> Cover | None:
    if finished:
        return None
    if overlay is not None:
        return overlay
    if frame.state == "paused":
        return "paused"
    if frame.get_ready_ms:
        return "get_ready"
    return None
