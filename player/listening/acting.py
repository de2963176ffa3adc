"""What a command said aloud does, at the moment it is heard: the same as its key, except
that "stop now" asks first (said again, it ends the session; "keep going" goes on), and
a command that means nothing at that moment (a pause while paused) does nothing.

Both shells act on the answer in their own way, so that the window and the terminal
hear alike. Each command heard is shown as a caption and goes in the events file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from player.language import _
from player.listening.listener import VoiceCommand
from player.listening.phrases import PHRASES, Phrase

VoiceAction = Literal[
    "next",
    "step_before",
    "toggle_pause",
    "restart",
    "done",
    "ask_to_stop",
    "stop",
    "go_on",
    "close",
]
"""The session commands of the same names ("step_before": the step before, however far
into this one; "start again" is the way back to this one's start); "ask_to_stop" as Q;
"stop" as yes to Q's question and "go_on" as no to it; "close" closes the end screen."""

_WHILE_PLAYING: dict[str, VoiceAction] = {
    "next": "next",
    "back": "step_before",
    "pause": "toggle_pause",
    "restart": "restart",
    "stop": "ask_to_stop",
}
_WHILE_PAUSED: dict[str, VoiceAction] = {
    "next": "next",
    "back": "step_before",
    "go-on": "toggle_pause",
    "restart": "restart",
    "stop": "ask_to_stop",
}
_WHILE_WAITING: dict[str, VoiceAction] = {
    **_WHILE_PLAYING,
    "next": "done",
    "go-on": "done",
    "done": "done",
}
_WHILE_ASKING_TO_STOP: dict[str, VoiceAction] = {"stop": "stop", "go-on": "go_on"}
_BY_STATE: dict[str, dict[str, VoiceAction]] = {
    "playing": _WHILE_PLAYING,
    "paused": _WHILE_PAUSED,
    "waiting": _WHILE_WAITING,
    "finished": {"next": "close", "done": "close", "stop": "close", "go-on": "close"},
}


@dataclass(frozen=True)
class Answer:
    """What to do for a command heard, the caption that says so (none when it does
    nothing: a caption would read as if it had worked), and its events line."""

    action: VoiceAction | None
    caption: str
    record: dict[str, object]


def action_for(command: str, state: str, *, asking_to_stop: bool) -> VoiceAction | None:
    """What ``command`` does in the engine's ``state``; None when it means nothing now.
    While the player asks whether to stop, only "stop" (yes) and "go on" (no) answer."""
    if asking_to_stop:
        return _WHILE_ASKING_TO_STOP.get(command)
    return _BY_STATE.get(state, {}).get(command)


def answer(
    heard: VoiceCommand,
    state: str,
    *,
    asking_to_stop: bool,
    phrases: Sequence[Phrase] = PHRASES,
) -> Answer:
    """The answer to a command heard at ``heard.heard_at``, in the engine's ``state``."""
    action = action_for(heard.command, state, asking_to_stop=asking_to_stop)
    words = {phrase.command: phrase.words for phrase in phrases}
    if action == "ask_to_stop":
        # TRANSLATORS: a caption when "stop now" is heard; {words}, {stop} and {go_on} are
        # English phrases, such as "stop now" and "keep going"
        asked = _(
            "Heard: \u201c{words}\u201d. Say \u201c{stop}\u201d again to end, "
            "or \u201c{go_on}\u201d."
        )
        caption = asked.format(words=heard.words, stop=words["stop"], go_on=words["go-on"])
    elif action is not None:
        # TRANSLATORS: a caption when a voice command is heard; {words} is the English phrase
        caption = _("Heard: \u201c{words}\u201d").format(words=heard.words)
    else:
        caption = ""
    record: dict[str, object] = {
        "event": "heard",
        "words": heard.words,
        "command": heard.command,
        "action": action,
        "said_ms": heard.said_at,
    }
    return Answer(action, caption, record)
