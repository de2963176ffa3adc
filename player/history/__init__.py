"""The record of every session played: kept safe on disk, summed up, and drawn.

- ``opening.open_history`` gives the store (or, when the file cannot be used, one that
  records nothing); ``store`` writes and reads it.
- ``recorder.HistoryRecorder`` listens to a session and writes a row per step.
- ``counting`` is the rule of what counts: a preview never, a session from 80% of its
  planned time played, a session carried on together with the one it carried on.
- ``summary`` adds it all up (streak, days, minutes, pain); ``report`` and ``chart`` show it;
  ``ending`` says how a session went on its end screen ("Well done" only when it counts).
- ``resume.resume_decision`` says whether a stopped session is carried on.
- ``appointment`` sums up the weeks for an appointment; ``appointment_pdf`` prints them
  (``history --report``) and ``sessions_csv`` makes them a table (``history --csv``).

May import: ``player.language`` (its words, dates and numbers), ``player.playback`` (the
events it records), ``player.printing`` (the printed report), ``player.system``. Knows
nothing of the window, the terminal or the voice.
"""

from __future__ import annotations

from player.history.opening import NullHistory, open_history
from player.history.recorder import HistoryRecorder
from player.history.records import Moment, Outcome, SessionRecord, StepRecord
from player.history.resume import ResumeDecision, resume_decision
from player.history.store import History, HistoryStore
from player.history.summary import Summary, end_screen_lines, summarize

__all__ = [
    "History",
    "HistoryRecorder",
    "HistoryStore",
    "Moment",
    "NullHistory",
    "Outcome",
    "ResumeDecision",
    "SessionRecord",
    "StepRecord",
    "Summary",
    "end_screen_lines",
    "open_history",
    "resume_decision",
    "summarize",
]
