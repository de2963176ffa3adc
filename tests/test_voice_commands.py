"""Voice commands in a session: what each means at each moment, the listener's thread
(its clock, its silence while the player speaks, what it says when it cannot hear), the
terminal acting on them, and `play --listen-from` end to end, checked in the events file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest
import soundfile

from player.home.user_dirs import UserDirs
from player.listening.acting import action_for, answer
from player.listening.audio import RATE, read
from player.listening.listener import (
    Chunk,
    Listener,
    RecordingSound,
    SpokenTimes,
    VoiceCommand,
)
from player.listening.phrases import PHRASES
from player.listening.recogniser import Recogniser
from player.listening.server import CLOCK, message, serve
from player.listening.spotting import heard_in, keywords_file
from player.playback.clock import FakeClock
from player.playback.engine import Engine
from player.playback.session import Session, View
from player.playback.speaker import RecordingSpeaker
from player.system.failures import Failure
from player.terminal.render import render
from player.terminal.screen import TerminalLoop
from player.window.overlays import go_on_words
from player.window.present import Extras, present
from tests.conftest import REPO
from tests.listening_sounds import level, through_room, under
from tests.test_listening import LEAD_IN, silence, spoken
from tests.test_terminal_ui import SIZES, T0, FakeScreen, S, routine, session_of, view_at

WORDS = {phrase.command: phrase.words for phrase in PHRASES}


# -- what a command means -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "state", "asking", "action"),
    [
        ("next", "playing", False, "next"),
        ("next", "waiting", False, "done"),
        ("done", "waiting", False, "done"),
        ("done", "playing", False, None),
        ("go-on", "waiting", False, "done"),
        ("pause", "playing", False, "toggle_pause"),
        ("pause", "paused", False, None),
        ("go-on", "paused", False, "toggle_pause"),
        ("go-on", "playing", False, None),
        ("back", "paused", False, "step_before"),
        ("restart", "playing", False, "restart"),
        ("stop", "playing", False, "ask_to_stop"),
        ("stop", "paused", True, "stop"),
        ("go-on", "paused", True, "go_on"),
        ("next", "paused", True, None),
        ("done", "finished", False, "close"),
        ("next", "ready", False, None),
    ],
)
def test_each_command_means_what_its_key_means_at_that_moment(
    command: str, state: str, asking: bool, action: str | None
) -> None:
    assert action_for(command, state, asking_to_stop=asking) == action


def test_stop_asks_to_be_said_again_and_every_command_is_a_caption_and_an_events_line() -> None:
    heard = VoiceCommand(WORDS["stop"], "stop", said_at=1_000, heard_at=1_300)
    said = answer(heard, "playing", asking_to_stop=False)
    assert said.action == "ask_to_stop"
    assert said.caption == (
        f"Heard: \u201c{WORDS['stop']}\u201d. Say \u201c{WORDS['stop']}\u201d again to end, "
        f"or \u201c{WORDS['go-on']}\u201d."
    )
    assert said.record == {
        "event": "heard",
        "words": WORDS["stop"],
        "command": "stop",
        "action": "ask_to_stop",
        "said_ms": 1_000,
    }
    nexting = answer(VoiceCommand(WORDS["next"], "next", 5, 9), "playing", asking_to_stop=False)
    assert nexting.caption == f"Heard: \u201c{WORDS['next']}\u201d"


# -- the listener's thread ----------------------------------------------------------------


class ListOfChunks:
    """A sound that gives these chunks, then ends."""

    pace = 1.0

    def __init__(self, chunks: list[Chunk], fails: str | None = None) -> None:
        self.chunks = chunks
        self.fails = fails
        self.closed = False

    def open(self, now: int) -> None:
        if self.fails:
            raise Failure(self.fails)

    def read(self) -> Chunk | None:
        if not self.chunks:
            raise EOFError
        return self.chunks.pop(0)

    def close(self) -> None:
        self.closed = True


def chunks_of(samples: array[int], start: int) -> list[Chunk]:
    step = RATE // 10
    return [
        Chunk(samples[first : first + step], start + (first + step) * 1000 // RATE)
        for first in range(0, len(samples), step)
    ]


def said_once(words: str, folder: Path) -> tuple[array[int], int]:
    """The lead-in, then ``words``, then silence; and when the words end, in ms."""
    samples = silence(1) + spoken(LEAD_IN, "slt", folder) + silence(1)
    samples += spoken(words, "slt", folder)
    end = len(samples) * 1000 // RATE
    return samples + silence(2), end


def listened(sound: ListOfChunks, speaking: Callable[[], bool] = lambda: False) -> Listener:
    woken: list[int] = []
    ears = Listener(sound, speaking=speaking, wake=lambda: woken.append(1))
    ears.begin(50_000)
    deadline = time.monotonic() + 60
    while not sound.closed and time.monotonic() < deadline:
        time.sleep(0.05)
    ears.close()
    assert sound.closed, "the listener never finished the sound"
    return ears


def test_the_listener_hears_a_command_on_the_sessions_clock(tmp_path: Path) -> None:
    samples, end = said_once(WORDS["next"], tmp_path)
    ears = listened(ListOfChunks(chunks_of(samples, 50_000)))
    [heard] = ears.take()
    assert (heard.words, heard.command) == (WORDS["next"], "next")
    assert abs(heard.said_at - (50_000 + end)) <= 500, heard
    assert 0 <= heard.heard_at - heard.said_at <= 800, heard
    assert ears.take() == [] and ears.take_notices() == []


class FasterChunks(ListOfChunks):
    """A recording heard faster than the clock: the player's sound cannot be laid beside
    it, so it is not taken out."""

    pace = 2.0


def test_nothing_is_heard_while_the_player_speaks_where_its_voice_cannot_be_taken_out(
    tmp_path: Path,
) -> None:
    samples, _end = said_once(WORDS["pause"], tmp_path)
    ears = listened(FasterChunks(chunks_of(samples, 0)), speaking=lambda: True)
    assert ears.take() == [] and not ears.cancelling


def test_a_phrase_said_while_a_sound_it_was_not_told_of_played_is_not_taken(
    tmp_path: Path,
) -> None:
    """The voice sounds (the mixer is busy), but the recogniser was told of no sound (or
    of it too late): nothing says the phrase is hers, so it is not taken."""
    samples, _end = said_once(WORDS["pause"], tmp_path)
    ears = listened(ListOfChunks(chunks_of(samples, 0)), speaking=lambda: True)
    assert ears.cancelling and ears.take() == []
    control = listened(ListOfChunks(chunks_of(samples, 0)))
    assert [item.command for item in control.take()] == ["pause"]


CUE = (
    "Walk gently on the spot, lifting your feet a little and letting your arms swing. "
    "Keep your back straight and your shoulders soft, and breathe out slowly."
)
"""What the player says while she speaks (about 9 s in kal16's voice)."""


def across_the_room(played: array[int], gain: float = 1.0) -> list[float]:
    return [gain * value for value in through_room(played)]


def heard_with(ears: Listener, sound: ListOfChunks, begun: int) -> list[VoiceCommand]:
    ears.begin(begun)
    deadline = time.monotonic() + 60
    while not sound.closed and time.monotonic() < deadline:
        time.sleep(0.05)
    ears.close()
    assert sound.closed, "the listener never finished the sound"
    return ears.take()


def test_the_players_own_voice_saying_the_phrases_is_never_a_command(tmp_path: Path) -> None:
    """The player says three phrases on their own, after a cue: heard across the room as
    they are, two at least would be commands; told what it played, the listener takes
    none."""
    played = spoken(CUE, "kal16", tmp_path)
    for words in (WORDS["stop"], WORDS["next"], WORDS["pause"]):
        played += silence(1) + spoken(words, "kal16", tmp_path)
    played += silence(1)
    room = under(silence(len(played) / RATE + 2), across_the_room(played), 1.0, 0)
    assert {item.command for item in heard_in(room)} >= {"stop", "next"}
    ears = Listener(ListOfChunks(chunks_of(room, 50_000)), now=lambda: 50_000)
    ears.played(played.tobytes(), RATE, 1)  # it began with the recording
    heard = heard_with(ears, ears.sound, 50_000)  # type: ignore[arg-type]
    assert ears.cancelling and ears.notices == []
    assert heard == []


def test_a_canceller_that_takes_nothing_out_is_not_trusted(tmp_path: Path) -> None:
    """Given another sound than the one played (as when the sound device's delay is too
    long for it), the canceller takes nothing out: it is measured as it works, not
    trusted, and the player's own phrases are still no command."""
    played = spoken(CUE, "kal16", tmp_path)
    for words in (WORDS["stop"], WORDS["next"], WORDS["pause"]):
        played += silence(1) + spoken(words, "kal16", tmp_path)
    played += silence(1)
    room = array("h", (round(value) for value in across_the_room(played)))
    other = spoken(CUE + " " + CUE, "awb", tmp_path)[: len(room)]
    assert {item.command for item in heard_in(room)} >= {"stop", "next"}
    assert heard_in(room, played=other) == []


def test_her_command_said_over_the_players_voice_is_heard(tmp_path: Path) -> None:
    played = spoken(CUE, "kal16", tmp_path)
    hers = silence(4) + spoken(LEAD_IN, "slt", tmp_path) + silence(1)
    hers += spoken(WORDS["pause"], "slt", tmp_path)
    end = len(hers) * 1000 // RATE
    hers += silence(2)
    assert len(played) > end * RATE // 1000  # the voice goes on while she says it
    echo = across_the_room(played)
    room = under(hers, echo, level(hers) / level([round(value) for value in echo]), 0)
    ears = Listener(ListOfChunks(chunks_of(room, 50_000)), now=lambda: 50_000)
    ears.played(played.tobytes(), RATE, 1)
    heard = heard_with(ears, ears.sound, 50_000)  # type: ignore[arg-type]
    assert ears.cancelling
    assert [(item.command, abs(item.said_at - 50_000 - end) <= 500) for item in heard] == [
        ("pause", True)
    ]


def test_a_microphone_that_cannot_be_opened_is_one_notice(tmp_path: Path) -> None:
    sound = ListOfChunks([], fails="No microphone found: voice commands are off.")
    ears = Listener(sound)
    ears.begin(0)
    deadline = time.monotonic() + 60
    while not ears.notices and time.monotonic() < deadline:
        time.sleep(0.05)
    ears.close()
    assert ears.take_notices() == ["No microphone found: voice commands are off."]
    assert ears.take() == []


def test_a_listener_that_stopped_keeps_nothing_of_what_is_played() -> None:
    """Every sound played is noted for the recogniser; once nothing will take them, the
    notes would only grow, a clip after another, for the whole session."""
    sound = ListOfChunks([], fails="No microphone found: voice commands are off.")
    ears = Listener(sound)
    ears.played(bytes(44_100), 22_050, 1)  # before the session: kept for the recogniser
    assert not ears._sounds.empty()
    ears.begin(0)
    deadline = time.monotonic() + 60
    while not ears.notices and time.monotonic() < deadline:
        time.sleep(0.05)
    ears.close()
    for _clip in range(100):
        ears.played(bytes(44_100), 22_050, 1)
        ears.stopped()
    assert ears._sounds.empty()


def test_a_recording_is_heard_in_step_with_the_clock_and_faster_at_speed() -> None:
    clock = FakeClock(10_000)
    sound = RecordingSound(silence(1), clock, pace=2.0)
    sound.open(10_000)
    first = sound.read()
    assert first is not None and first.ends_at == 10_050 and clock.now() == 10_050
    times = [first.ends_at]
    while True:
        try:
            chunk = sound.read()
        except EOFError:
            break
        assert chunk is not None
        times.append(chunk.ends_at)
    assert times[-1] == 11_000  # a second of audio and a second of silence after, at twice


# -- the terminal acting on what was heard ------------------------------------------------


class Heard:
    """Ears that heard these commands."""

    def __init__(self, *commands: str) -> None:
        self.waiting = [VoiceCommand(WORDS[c], c, 0, 0) for c in commands]
        self.begun: int | None = None

    def begin(self, now: int) -> None:
        self.begun = now

    def take(self) -> list[VoiceCommand]:
        heard, self.waiting = self.waiting, []
        return heard

    def take_notices(self) -> list[str]:
        return []


def test_the_terminal_skips_pauses_and_stops_only_when_stop_is_said_twice() -> None:
    clock = FakeClock()
    steps = [{"exercise": name, "time": 30} for name in ("One", "Two", "Three")]
    session = Session(Engine(routine(*steps)), RecordingSpeaker())
    ears = Heard("next", "pause")
    loop = TerminalLoop(session, clock, FakeScreen(clock), ears=ears)  # type: ignore[arg-type]
    assert loop.step() is None
    assert ears.begun == 0
    assert session.engine.state == "paused"
    assert session.engine.frame(0).step.index == 1
    assert session.view(0).caption == f"Heard: \u201c{WORDS['pause']}\u201d"
    ears.waiting = [VoiceCommand(WORDS["stop"], "stop", 0, 0)]
    assert loop.step() is None and loop.asking_to_quit
    ears.waiting = [VoiceCommand(WORDS["go-on"], "go-on", 0, 0)]
    assert loop.step() is None and not loop.asking_to_quit
    ears.waiting = [VoiceCommand(WORDS["stop"], "stop", 0, 0)] * 2
    assert loop.step() == "quit"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_terminal_names_the_phrase_wherever_it_asks_for_a_key_while_listening(
    width: int, height: int
) -> None:
    plan = routine(
        {"exercise": "Squeezes", "reps": 10, "do": "Quick squeezes."},
        {"exercise": "Plank", "time": 60},
    )
    session = session_of(plan)
    waiting = view_at(session, 5 * S)

    def shown(view: View, listening: bool, asking: bool = False) -> list[str]:
        lines = render(view, width, height, asking_to_quit=asking, listening=listening)
        assert all(len(line) <= width for line in lines)
        return [line.strip() for line in lines]

    done, stop, go_on = (f"\u201c{WORDS[c]}\u201d" for c in ("done", "stop", "go-on"))
    if width >= 60:
        assert f"Press Enter or say {done} when done" in shown(waiting, True)
    assert "Press Enter when done" in shown(waiting, False)
    question = shown(waiting, True, asking=True)[-1]
    assert question.startswith("Stop") and stop in question
    if width == 80:
        assert question.startswith(f"Stop? Say {stop} or press Esc, q or y")
    if width >= 100:
        assert question == (
            f"Stop the session? Say {stop} or press Esc, q or y to stop; any other key goes on"
        )
    assert stop not in shown(waiting, False, asking=True)[-1]
    session.command("done", T0 + 6 * S)
    session.tick(T0 + 10 * S)
    session.command("toggle_pause", T0 + 10 * S)
    paused = session.view(T0 + 12 * S)
    assert f"PAUSED \u2014 Space or {go_on} to go on" in shown(paused, True)
    assert "PAUSED \u2014 Space to go on" in shown(paused, False)


def test_the_window_names_the_phrase_to_say_when_waiting_paused_or_asked_to_stop() -> None:
    plan = routine(
        {"exercise": "Squeezes", "reps": 10, "do": "Quick squeezes."},
        {"exercise": "Plank", "time": 60},
    )
    session = session_of(plan)
    waiting = view_at(session, 5 * S)
    timeline = session.engine.timeline
    done, stop, go_on = (f"\u201c{WORDS[c]}\u201d" for c in ("done", "stop", "go-on"))
    heard = present(waiting, timeline, Extras(overlay="quit", listening=True))
    assert heard.hint == f"Press Enter or say {done} when done"
    assert heard.stop_keys == f"Esc, Q, Y or {stop}"
    assert go_on_words(heard) == f"Space or {go_on} to go on"
    keys_only = present(waiting, timeline, Extras(overlay="quit"))
    assert keys_only.hint == "Press Enter when done"
    assert keys_only.stop_keys == "Esc, Q or Y"
    assert go_on_words(keys_only) == "Space to go on"


# -- play --listen-from, end to end ---------------------------------------------------------


def recording(folder: Path) -> tuple[Path, dict[str, float]]:
    """Silence, "next step", silence, "pause please", then "stop now" twice: a WAV file,
    and when each of the first two phrases ends, in seconds from its start."""
    samples, ends = silence(3.0), {}
    for command in ("next", "pause", "stop", "stop"):
        samples += spoken(WORDS[command], "slt", folder)
        ends.setdefault(command, len(samples) / RATE)
        samples += silence(3.0)
    path = folder / "asked.wav"
    with soundfile.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        out.buffer_write(samples.tobytes(), dtype="int16")
    return path, ends


def play_listening(home: Path, heard: Path, events: Path, *options: str) -> None:
    """``play daily-back-care`` in the window, hearing ``heard`` as if said in the room;
    its events in ``events``."""
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "run.py"),
            "play",
            "daily-back-care",
            "--ui",
            "window",
            "--close-at-end",  # no first screen waiting for Start, no questions after
            "--no-warning-signs",
            "--events",
            str(events),
            "--listen-from",
            str(heard),
            *options,
        ],
        env={
            **os.environ,
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "ROUTINE_PLAYER_HOME": str(home),
        },
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("speed", ["1", "2"])
def test_play_listen_from_a_recording_skips_and_pauses_within_800_ms_of_each_phrase(
    own_home: Path, tmp_path: Path, speed: str
) -> None:
    said, ends = recording(tmp_path)
    events = tmp_path / "events.jsonl"
    play_listening(own_home, said, events, "--mute", "--speed", speed)
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    begun = next(r["clock_ms"] for r in records if r["event"] == "step_started")
    heard = [r for r in records if r["event"] == "heard"]
    assert [(r["command"], r["action"]) for r in heard] == [
        ("next", "next"),
        ("pause", "toggle_pause"),
        ("stop", "ask_to_stop"),
        ("stop", "stop"),
    ]
    skipped = next(r for r in records if r["event"] == "skipped")
    paused = next(r for r in records if r["event"] == "paused")
    for event, command in ((skipped, "next"), (paused, "pause")):
        phrase_end = begun + ends[command] * 1000 / float(speed)
        late = (event["clock_ms"] - phrase_end) * float(speed)
        assert -400 <= late <= 800, (command, late)
    assert skipped["from_step"] == 0 and skipped["to_step"] == 1


PAUSE_ENDS = 17.0
"""When she says "pause please" in the room: 7 s into the cue of "Stand tall", which
begins at 10 s and speaks for about 14 s."""


def test_play_hears_her_over_its_own_voice_and_takes_its_voice_out(
    own_home: Path, tmp_path: Path
) -> None:
    """The player's own session, heard across the room as the microphone would (made from
    its exported audio, with the same clips), and her "pause please" said over its voice
    as loud as it: the session pauses as she ends. Then "stop now" twice ends it."""
    UserDirs.under(own_home).voice_commands_file.parent.mkdir(parents=True, exist_ok=True)
    UserDirs.under(own_home).voice_commands_file.write_text("said\n", encoding="utf-8")
    exported = tmp_path / "session.wav"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "run.py"),
            "export",
            "daily-back-care",
            "--audio",
            str(exported),
        ],
        env={**os.environ, "ROUTINE_PLAYER_HOME": str(own_home)},
        capture_output=True,
        check=True,
        timeout=180,
    )
    voice = read(exported)[: round((PAUSE_ENDS + 0.3) * RATE)]  # paused then: it stops
    hers = spoken(WORDS["pause"], "slt", tmp_path)
    start = round(PAUSE_ENDS * RATE) - len(hers)
    assert level(voice[start : start + len(hers)]) > level(hers) / 4  # the voice sounds then
    room = across_the_room(voice)
    mixed = silence(start / RATE) + hers + silence(0.3)
    heard = under(mixed, room, level(hers) / level([round(value) for value in room]))
    for _time in range(2):
        heard += silence(3) + spoken(WORDS["stop"], "slt", tmp_path)
    heard += silence(2)
    path = tmp_path / "room.wav"
    with soundfile.SoundFile(path, "w", RATE, 1, "PCM_16") as out:
        out.buffer_write(heard.tobytes(), dtype="int16")
    events = tmp_path / "events.jsonl"
    play_listening(own_home, path, events)
    records = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    begun = next(r["clock_ms"] for r in records if r["event"] == "step_started")
    said = [(r["command"], r["action"]) for r in records if r["event"] == "heard"]
    assert said == [("pause", "toggle_pause"), ("stop", "ask_to_stop"), ("stop", "stop")]
    paused = next(r for r in records if r["event"] == "paused")
    assert -400 <= paused["clock_ms"] - begun - PAUSE_ENDS * 1000 <= 800


# -- the recogniser's process ----------------------------------------------------------------


def test_the_recogniser_process_answers_each_piece_with_the_phrases_found(tmp_path: Path) -> None:
    samples, end = said_once(WORDS["restart"], tmp_path)
    pieces = b"".join(
        message(b"A", CLOCK.pack((i + 1600) // 16) + samples[i : i + 1600].tobytes())
        for i in range(0, len(samples), 1600)
    )
    answers = io.StringIO()
    with keywords_file(PHRASES) as keywords:
        serve(keywords, io.BytesIO(pieces + message(b"E", b"")), answers)
    lines = [json.loads(line) for line in answers.getvalue().splitlines()]
    assert lines[0] == {"ready": True, "echo": False}
    assert len(lines) == 1 + -(-len(samples) // 1600)
    found = [hit for line in lines[1:] for hit in line]
    assert [(words, over) for words, _start, _end, over in found] == [(WORDS["restart"], False)]
    _words, began, ended, _over = found[0]
    assert abs(ended * 1000 - end) <= 500
    assert 0.3 <= ended - began <= 1.5  # the phrase, said in about a second


def test_a_recogniser_that_cannot_load_says_why_in_one_line(tmp_path: Path) -> None:
    answers = io.StringIO()
    serve(tmp_path / "missing.kws", io.BytesIO(), answers)
    [line] = answers.getvalue().splitlines()
    assert list(json.loads(line)) == ["error"]


def test_the_listener_hears_through_the_recogniser_process(tmp_path: Path) -> None:
    samples, end = said_once(WORDS["done"], tmp_path)
    recogniser = Recogniser()
    try:
        found = [
            hit
            for i in range(0, len(samples), 1600)
            for hit in recogniser.feed(samples[i : i + 1600])
        ]
    finally:
        recogniser.close()
    assert [hit.words for hit in found] == [WORDS["done"]]
    assert abs(found[0].end * 1000 - end) <= 500


def test_a_muted_microphones_faint_hiss_is_no_command() -> None:
    """One step up or down at random, as a muted microphone or a dithered silence gives:
    heard as nothing, where the recogniser alone hears "stop now" every few seconds."""
    state, hiss = 7, array("h")
    for _step in range(60 * RATE):
        state = (state * 1_103_515_245 + 12_345) & 0x7FFF_FFFF
        hiss.append((state >> 16) % 3 - 1)
    assert heard_in(hiss) == []


def test_what_was_said_while_the_player_spoke_is_known_by_its_time() -> None:
    spoke = SpokenTimes()
    spoke.add(1_000, 2_000)
    spoke.add(1_900, 2_400)  # joined to the first
    spoke.add(5_000, 5_100)
    assert spoke.during(2_300, 3_000) and spoke.during(0, 1_000) and spoke.during(5_050, 9_000)
    assert not spoke.during(2_401, 4_999) and not spoke.during(5_101, 6_000)


def test_the_microphone_is_heard_in_the_recognisers_process_and_closes_at_once() -> None:
    """SDL's dummy capture device: silence. Opened and closed again and again, the process
    never hangs (closing a device in the player's own process could)."""
    for _time in range(5):
        recogniser = Recogniser(microphone=True)
        started = time.monotonic()
        recogniser.close()
        assert time.monotonic() - started < 1.5
        assert recogniser.found() is None  # ended: nothing more comes


def test_a_session_hears_the_microphone_through_the_listener(tmp_path: Path) -> None:
    ears = Listener(None)
    ears.begin(0)
    time.sleep(3)
    ears.close()
    assert ears.take() == [] and ears.notices == []


def test_previous_step_said_goes_to_the_step_before_however_far_into_this_one() -> None:
    clock = FakeClock()
    steps = [{"exercise": name, "time": 30} for name in ("One", "Two", "Three")]
    session = Session(Engine(routine(*steps)), RecordingSpeaker())
    ears = Heard("next")
    loop = TerminalLoop(session, clock, FakeScreen(clock), ears=ears)  # type: ignore[arg-type]
    loop.step()
    clock.advance(12_000)  # well past the few seconds after which Left restarts the step
    ears.waiting = [VoiceCommand(WORDS["back"], "back", 0, 0)]
    loop.step()
    assert session.engine.frame(clock.now()).step.index == 0
    ears.waiting = [VoiceCommand(WORDS["back"], "back", 0, 0)]
    loop.step()  # the first step has none before it: its own start
    assert session.engine.frame(clock.now()).step.index == 0
    assert session.engine.position_ms <= 1_000
