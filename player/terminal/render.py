"""The session drawn as lines of text: what the terminal shows, decided from a View alone.

``layout`` gives styled lines (the curses loop turns a style into bold or reverse video),
``render`` the plain text. Both fit any size: what does not fit is left out by priority
(the state and the timer before the help, the help before the do-text) or cut short with
an ellipsis, never wrapped past the edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from player.home.bindings import DEFAULT_BINDINGS, Bindings, spoken_key
from player.language import N_, _, ngettext
from player.listening.phrases import words_for
from player.playback.events import Frame
from player.playback.session import View
from player.playback.timeline import Segment, StepSpan
from player.routine.values import format_duration, format_elapsed
from player.terminal.key_help import KEYS_HELP as KEYS_HELP
from player.terminal.key_help import help_keys, key_help
from player.terminal.text_fit import DOT as DOT
from player.terminal.text_fit import ELLIPSIS, cells, center, fit, wrap

Style = Literal["plain", "title", "big", "state", "dim"]
Line = tuple[str, Style]
BLANK: Line = ("", "plain")

BIG_HEIGHT = 5
FILLED = "\u2588"
"""A full block: the ink of the big digits and the done part of the progress bar."""
TO_DO = "\u2591"
STEP_MARK = "\u2502"
MAX_TEXT_WIDTH = 76
"""Longer lines are hard to follow from across a room."""
CAPTION_LINES = 2
MARK_GAP = 3

# A 3-by-5 pixel font; each pixel is drawn ``scale`` characters wide.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}


# -- big digits ---------------------------------------------------------------------------


def big_text(text: str, scale: int = 2) -> list[str]:
    """``text`` (digits and colons) as five rows of block characters."""
    rows = []
    for row in range(BIG_HEIGHT):
        glyphs = [
            FONT[char][row].replace("#", FILLED * scale).replace(".", " " * scale) for char in text
        ]
        rows.append((" " * scale).join(glyphs).rstrip())
    return rows


def big_width(text: str, scale: int) -> int:
    return sum(len(FONT[char][0]) * scale for char in text) + scale * max(0, len(text) - 1)


def big_timer(text: str, width: int) -> list[str] | None:
    """The largest big ``text`` that fits ``width``, centred; None when none does."""
    for scale in (2, 1):
        if big_width(text, scale) <= width:
            pad = " " * ((width - big_width(text, scale)) // 2)
            return [(pad + row).rstrip() for row in big_text(text, scale)]
    return None


# -- the progress bar ---------------------------------------------------------------------


def progress_bar(position_ms: int, total_ms: int, marks_ms: Sequence[int], width: int) -> str:
    """``width`` cells: done cells filled in proportion, a mark where each step begins.

    A mark closer than ``MARK_GAP`` cells to the one before is left out, so that short
    steps never hide how far the session has come."""
    if width <= 0:
        return ""
    if total_ms <= 0:
        return FILLED * width
    done = max(0, min(width, round(width * position_ms / total_ms)))
    marked: set[int] = set()
    last = 0
    for cell in sorted({width * mark // total_ms for mark in marks_ms if 0 < mark < total_ms}):
        if cell - last >= MARK_GAP:
            marked.add(cell)
            last = cell
    return "".join(
        STEP_MARK if cell in marked else FILLED if cell < done else TO_DO for cell in range(width)
    )


# -- what each part says ------------------------------------------------------------------


def step_title(step: StepSpan) -> str:
    if step.kind == "set_rest":
        return _("{name} before set {number} of {sets}").format(
            name=step.name, number=step.set + 1, sets=step.sets
        )
    if step.sets > 1:
        return step.name + DOT + _("set {number} of {sets}").format(number=step.set, sets=step.sets)
    return step.name


_SIDES = {"left": N_("LEFT"), "right": N_("RIGHT")}
"""A side as the screen shows it, in capitals to be seen from across the room."""
_SWITCH_TO = {"left": N_("switch to LEFT"), "right": N_("switch to RIGHT")}


def detail(frame: Frame) -> str:
    """Repetition, side and phase: ``rep 3 of 8 · LEFT · Squeeze``."""
    segment, step = frame.segment, frame.step
    parts: list[str] = []
    if segment.kind == "wait":
        if step.reps > 1:
            parts.append(
                ngettext(
                    "{count} time, at your own pace", "{count} times, at your own pace", step.reps
                ).format(count=step.reps)
            )
    elif segment.reps > 1:
        parts.append(_("rep {rep} of {reps}").format(rep=segment.rep, reps=segment.reps))
    if segment.side:
        shown = _SWITCH_TO if segment.kind == "switch" else _SIDES
        parts.append(_(shown[segment.side]) if segment.side in shown else segment.side.upper())
    if segment.phase:
        parts.append(segment.phase)
    if segment.kind == "prepare":
        parts.append(_("Get into position"))
    return DOT.join(parts)


def _first_key(bindings: Bindings, action: str, otherwise: str | None) -> str | None:
    """The key to name for an action: its first one-character key (the shortest to read),
    else its first key, else ``otherwise``."""
    keys = bindings.keys_of(action)
    short = [key for key in keys if len(key) == 1 or key in ("space", "enter")]
    return spoken_key((short or keys)[0]) if keys else otherwise


def state_line(
    frame: Frame, bindings: Bindings = DEFAULT_BINDINGS, listening: bool = False
) -> str | None:
    """What the session is doing, when it is not simply playing, and the key for it (and,
    while listening, what to say)."""
    if frame.state == "paused":
        key = _first_key(bindings, "pause", None)
        if key is None:
            return _("PAUSED \u2014 the pause key to go on")
        if listening:
            # TRANSLATORS: {key} is a key's name, such as Space; {phrase} an English
            # phrase to say, such as “keep going”
            return _("PAUSED \u2014 {key} or {phrase} to go on").format(
                key=key, phrase=words_for("go-on")
            )
        # TRANSLATORS: {key} is a key's name, such as Space
        return _("PAUSED \u2014 {key} to go on").format(key=key)
    if frame.state == "finished":
        return _("Press {key} to close").format(key=_first_key(bindings, "quit", "q"))
    if frame.state == "ready":
        return _("Starting\u2026")
    if frame.get_ready_ms > 0:
        return _("Get ready\u2026 {seconds}").format(seconds=-(-frame.get_ready_ms // 1000))
    if frame.state == "waiting" or _waits(frame.segment):
        key = _first_key(bindings, "done", "Enter")
        if listening:
            # TRANSLATORS: {key} is a key's name, such as Enter; {phrase} an English
            # phrase to say, such as “i am finished”
            return _("Press {key} or say {phrase} when done").format(
                key=key, phrase=words_for("done")
            )
        return _("Press {key} when done").format(key=key)
    return None


def next_up(step: StepSpan | None) -> str:
    if step is None:
        return _("Last step")
    return _("Next up: {step}").format(step=step_title(step))


def played_ms(frame: Frame) -> int:
    """How far the session has come. A session that has finished is at its end, whatever
    position its frame reports (a frame after the natural end reports the start)."""
    return frame.total_ms if frame.state == "finished" else frame.position_ms


def clock_text(frame: Frame) -> str:
    """``2:13 / 12:40``, the first part as wide as the second, so the bar never shifts."""
    total = format_duration(frame.total_ms)
    text = f"{format_elapsed(played_ms(frame)):>{len(total)}} / {total}"
    return text if frame.speed == 1 else f"{text}{DOT}x{frame.speed:g}"


def flags(view: View) -> str:
    """What is switched off, for the start of the help line: ``muted · ``."""
    off = []
    if view.muted:
        off.append(_("muted"))
    if not view.captions_on:
        off.append(_("captions off"))
    return "".join(f"{name}{DOT}" for name in off)


QUIT_QUESTION = (
    N_("Stop the session? Press {keys} to stop, any other key to go on"),
    N_("Stop? {keys} stops, any other key goes on"),
    N_("Stop? {keys} stops"),
    # TRANSLATORS: {short} is the keys that stop, such as Esc/q/y
    N_("Stop? {short}"),
)
"""The question whether to stop, longest first: the longest that fits is shown."""

QUIT_QUESTION_SAID = (
    # TRANSLATORS: {keys} is the keys that stop, such as "Esc, q or y"; {phrase} the
    # English phrase that stops, such as “stop now”
    N_("Stop the session? Say {phrase} or press {keys} to stop; any other key goes on"),
    N_("Stop? Say {phrase} or press {keys}; any other key goes on"),
    N_("Stop? Say {phrase} or press {keys}"),
    # TRANSLATORS: {short} is the keys that stop, such as Esc/q/y
    N_("Stop? {phrase} or {short}"),
)
"""The question while listening, longest first, before those of ``QUIT_QUESTION``."""


def longest_fitting(texts: Sequence[str], width: int) -> str:
    """The first of ``texts`` that fits ``width``; the last one cut when none does."""
    return next((text for text in texts if cells(text) <= width), fit(texts[-1], width))


def _waits(segment: Segment) -> bool:
    return segment.kind == "wait"


# -- putting it together ------------------------------------------------------------------

# What stays when the screen is short, first to last. Blank rows go before anything else.
(
    KEEP_STATE,
    KEEP_NAME,
    KEEP_TIMER,
    KEEP_END,
    KEEP_DETAIL,
    KEEP_BAR,
    KEEP_KEYS,
    KEEP_CAPTION,
    KEEP_NEXT,
    KEEP_DO,
) = range(10)
KEEP_ROW_IN_PLACE = 85
"""An empty state or detail row, kept when it can be, so that the timer does not move."""
KEEP_SPACE = 90


@dataclass
class _Block:
    """Some lines in their place on the screen, kept in order of ``priority`` while they fit."""

    priority: int
    lines: list[Line]
    smaller: list[Line] | None = None
    """A shorter form, for when ``lines`` do not fit."""
    can_cut: bool = False
    """Whether the first lines alone make sense (a paragraph), the last one marked as cut."""
    kept: list[Line] = field(default_factory=list)


def _blank(priority: int = KEEP_SPACE) -> _Block:
    return _Block(priority, [BLANK])


class _Page:
    """The blocks of one screen, top to bottom, for a view at a width."""

    def __init__(
        self,
        view: View,
        width: int,
        height: int,
        bindings: Bindings = DEFAULT_BINDINGS,
        listening: bool = False,
    ) -> None:
        self.view = view
        self.listening = listening
        self.bindings = bindings
        self.frame = view.frame
        self.width = width
        self.height = height
        self.text_width = max(1, min(width - 4, MAX_TEXT_WIDTH)) if width > 12 else width
        self.going = self.frame.state != "finished"
        self.timed = self.going and not _waits(self.frame.segment)

    def centred(self, text: str, style: Style) -> list[Line]:
        return [(center(text, self.width), style)]

    def centred_lines(self, texts: Sequence[str], style: Style) -> list[Line]:
        return [(center(text, self.width), style) for text in texts]

    def paragraph(self, text: str, style: Style, most: int | None = None) -> list[Line]:
        lines = wrap(text, self.text_width)
        if most is not None and len(lines) > most:
            lines = [*lines[: most - 1], lines[most - 1] + ELLIPSIS]
        indent = " " * ((self.width - self.text_width) // 2)
        return [(indent + line, style) for line in lines]

    def top(self) -> list[_Block]:
        """The margin, the name, the state, the detail and the timer."""
        frame = self.frame
        blocks = [_blank(KEEP_SPACE + 1 + n) for n in range(max(1, self.height // 10))]
        name = step_title(frame.step) if self.going else self.view.ending.headline or _("Finished")
        blocks.append(_Block(KEEP_NAME, self.centred(name, "title")))
        state = state_line(frame, self.bindings, self.listening)
        if state is not None and self.timed:
            blocks.append(_Block(KEEP_STATE, self.centred(state, "state")))
        else:
            blocks.append(_blank(KEEP_ROW_IN_PLACE))
        blocks.append(_blank())
        said = detail(frame)
        blocks.append(
            _Block(KEEP_DETAIL, self.centred(said, "title")) if said else _blank(KEEP_ROW_IN_PLACE)
        )
        if self.timed:
            shown = format_duration(frame.segment_remaining_ms)
            big = big_timer(shown, self.width)
            small = self.centred(shown, "title")
            blocks.append(_Block(KEEP_TIMER, [(r, "big") for r in big] if big else small, small))
        elif state is not None:
            # No clock to show (waiting for done, finished): the state takes the timer's place.
            line = self.centred(state, "state")
            around = [BLANK] * (BIG_HEIGHT // 2)
            blocks.append(_Block(KEEP_STATE, [*around, *line, *around], line))
        if not self.going:
            # Under the headline: why it does not count, the streak, today's sessions; the
            # first kept first.
            blocks += [
                _Block(KEEP_END, self.centred(said, "plain")) for said in self.view.ending.said
            ]
        return blocks

    def middle(self) -> list[_Block]:
        """What to do, what comes next, and what was said."""
        frame, view = self.frame, self.view
        blocks = [_blank()]
        if frame.step.do and self.going:
            blocks += [_Block(KEEP_DO, self.paragraph(frame.step.do, "plain"), can_cut=True)]
            blocks += [_blank()]
        if self.going:
            blocks += [_Block(KEEP_NEXT, self.paragraph(next_up(frame.next_step), "dim", 1))]
        if view.captions_on and view.caption:
            caption = self.paragraph("\u00bb " + view.caption, "plain", CAPTION_LINES)
            blocks += [_Block(KEEP_CAPTION, caption, can_cut=True)]
        return [*blocks, _blank()]

    def bottom(self, asking_to_quit: bool, bindings: Bindings) -> list[_Block]:
        """The progress bar and the keys (or the question whether to quit)."""
        blocks = [_Block(KEEP_BAR, [(_bar_line(self.view, self.width), "plain")])]
        if asking_to_quit:
            stops = [spoken_key(key) for key in bindings.keys_of("quit")] + ["y"]
            # TRANSLATORS: keys to press, such as "Esc, q or y"
            said = _("{keys} or {last}").format(keys=", ".join(stops[:-1]), last=stops[-1])
            asked = QUIT_QUESTION_SAID if self.listening else ()
            phrase = words_for("stop")
            forms = [
                _(text).format(keys=said, short="/".join(stops), phrase=phrase)
                for text in (*asked, *QUIT_QUESTION)
            ]
            question = longest_fitting(forms, self.width)
            return [*blocks, _Block(KEEP_STATE, self.centred(question, "state"))]
        off = flags(self.view)
        helped = KEYS_HELP if bindings is DEFAULT_BINDINGS else help_keys(bindings)
        keys = self.centred_lines(key_help(self.width, off, helped=helped), "dim")
        one_line = self.centred_lines(key_help(self.width, off, most=1, helped=helped), "dim")
        return [*blocks, _Block(KEEP_KEYS, keys, one_line)]


def layout(
    view: View,
    width: int,
    height: int,
    *,
    asking_to_quit: bool = False,
    bindings: Bindings = DEFAULT_BINDINGS,
    listening: bool = False,
) -> list[Line]:
    """Styled lines, at most ``height`` of them, none wider than ``width`` columns; the
    keys shown are those of ``bindings``; ``listening``: the phrases to say are named
    where a key is asked for."""
    if width <= 0 or height <= 0:
        return []
    page = _Page(view, width, height, bindings, listening)
    top = [*page.top(), *page.middle()]
    bottom = page.bottom(asking_to_quit, bindings)
    room = _keep(top + bottom, height)
    lines = [
        *(line for block in top for line in block.kept),
        *[BLANK] * room,
        *(line for block in bottom for line in block.kept),
    ]
    return [(fit(text.rstrip(), width), style) for text, style in lines]


def render(
    view: View,
    width: int,
    height: int,
    *,
    asking_to_quit: bool = False,
    bindings: Bindings = DEFAULT_BINDINGS,
    listening: bool = False,
) -> list[str]:
    """The screen as plain lines: at most ``height`` lines of at most ``width`` columns."""
    lines = layout(
        view,
        width,
        height,
        asking_to_quit=asking_to_quit,
        bindings=bindings,
        listening=listening,
    )
    return [text for text, _style in lines]


def _bar_line(view: View, width: int) -> str:
    frame = view.frame
    suffix = " " + clock_text(frame)
    room = width - cells(suffix)
    if room < 10:
        suffix, room = "", width
    bar = progress_bar(played_ms(frame), frame.total_ms, view.step_starts, room)
    return bar + suffix


def _keep(blocks: list[_Block], height: int) -> int:
    """Choose what each block keeps, most wanted first; returns the rows left over."""
    room = height
    for block in sorted(blocks, key=lambda b: b.priority):
        if len(block.lines) <= room:
            block.kept = block.lines
        elif block.smaller is not None and len(block.smaller) <= room:
            block.kept = block.smaller
        elif block.can_cut and room > 0:
            block.kept = [*block.lines[: room - 1], _cut(block.lines[room - 1])]
        room -= len(block.kept)
    return room


def _cut(line: Line) -> Line:
    text, style = line
    return line if text.endswith(ELLIPSIS) else (text.rstrip() + ELLIPSIS, style)
