"""The person's settings: a small YAML file in their config folder.

Each setting has one parser, used both for the value typed after ``run.py settings set``
and for the value written in the file, so that both say the same thing about a bad value.
Reading never runs code and never crashes on a damaged file: every mistake becomes a
problem with its file, line and column (:class:`SettingsError`). Writing is atomic.

The pregnancy week is kept honest over time. A ``week`` is stored with the day it was set
(``week-set-on``) and is the number of *completed* weeks on that day, so it goes up by one
every seven days after it. A ``due-date`` gives the week as 280 days (40 weeks) before the
due date counted in completed weeks. Either way the week is kept within 1 to 42.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from player.home import setting_values as values
from player.home.bindings import Bindings, KeyGivenTwice, action_named, bindings, parse_keys
from player.home.setting_values import (
    DEFAULT_RATE as DEFAULT_RATE,
)
from player.home.setting_values import (
    FIRST_WEEK as FIRST_WEEK,
)
from player.home.setting_values import (
    LAST_WEEK as LAST_WEEK,
)
from player.home.setting_values import (
    MAX_LEAD_IN_S as MAX_LEAD_IN_S,
)
from player.home.setting_values import (
    MAX_RATE as MAX_RATE,
)
from player.home.setting_values import (
    MAX_VOICE_CHARS as MAX_VOICE_CHARS,
)
from player.home.setting_values import (
    MIN_RATE as MIN_RATE,
)
from player.home.setting_values import (
    PREGNANCY_DAYS as PREGNANCY_DAYS,
)
from player.home.setting_values import (
    Day as Day,
)
from player.home.setting_values import (
    KeysTable as KeysTable,
)
from player.home.setting_values import (
    Language as Language,
)
from player.home.setting_values import (
    LeadIn as LeadIn,
)
from player.home.setting_values import (
    Rate as Rate,
)
from player.home.setting_values import (
    RepsTable as RepsTable,
)
from player.home.setting_values import (
    Switch as Switch,
)
from player.home.setting_values import (
    Voice as Voice,
)
from player.home.setting_values import (
    Volume as Volume,
)
from player.home.setting_values import (
    Week as Week,
)
from player.home.setting_values import (
    parse_day as parse_day,
)
from player.home.setting_values import (
    parse_lead_in as parse_lead_in,
)
from player.home.setting_values import (
    parse_rate as parse_rate,
)
from player.home.setting_values import (
    parse_reps as parse_reps,
)
from player.home.setting_values import (
    parse_switch as parse_switch,
)
from player.home.setting_values import (
    parse_voice as parse_voice,
)
from player.home.setting_values import (
    parse_volume as parse_volume,
)
from player.home.setting_values import (
    parse_week as parse_week,
)
from player.home.setting_words import (
    and_more,
    cannot_read,
    no_keys_with_values,
    not_a_settings_file,
    not_used,
    unknown_setting,
)
from player.language import N_, _
from player.routine.problems import Problem
from player.routine.values import describe
from player.routine.yaml_source import MAX_FILE_BYTES, Document, read_document
from player.system.files import write_atomically
from player.system.regular_files import FileRefused, read_regular, reason

HEADER = """\
# Settings of the routine player. See them with `{program} settings`, and change one
# with `{program} settings set KEY VALUE` (or `{program} settings unset KEY`).
# You may edit this file by hand too; a setting left out takes its default.
"""

# -- the settings -------------------------------------------------------------------------


def week_from_due_date(due: date, today: date) -> int:
    """Completed weeks of pregnancy on ``today``: 40 on the due date, within 1 to 42."""
    days_until_due = (due - today).days
    return _within_weeks((PREGNANCY_DAYS - days_until_due) // 7)


def _within_weeks(week: int) -> int:
    return max(FIRST_WEEK, min(LAST_WEEK, week))


class Settings(BaseModel):
    """Every setting, with its default. Keys in the file are written as on the command line."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    language: Language | None = None
    """The player's language (and the routines' that have words in it); None: the system's."""
    voice: Voice | None = None
    """A voice name or part of it; None for the system's default voice."""
    rate: Rate = DEFAULT_RATE
    """Words a minute."""
    volume: Volume = 1.0
    mute: Switch = False
    captions: Switch = True
    large_text: Switch = Field(False, alias="large-text")
    high_contrast: Switch = Field(False, alias="high-contrast")
    flash: Switch = False
    """Flash the window's edge at each step and on a step's last three seconds."""
    listen: Switch = False
    """Hear voice commands through the microphone."""
    lead_in: LeadIn | None = Field(None, alias="lead-in")
    """Seconds to get ready before the first step; None for each routine's own."""
    week: Week | None = None
    """Completed weeks of pregnancy on the day ``week_set_on``."""
    week_set_on: Day | None = Field(None, alias="week-set-on")
    due_date: Day | None = Field(None, alias="due-date")
    advised_against_exercise: values.YesNo | None = Field(None, alias="advised-against-exercise")
    """The first-use check's answer (``player.care.first_use``); None: not answered yet."""
    reps: RepsTable = Field(default_factory=dict)
    """Repetitions by routine name, for the counts a routine gives as a range."""
    keys: KeysTable = Field(default_factory=dict)
    """Keys by action (``next``, ``pause``, ...), for those that differ from the defaults."""

    @model_validator(mode="after")
    def _week_or_due_date(self) -> Settings:
        if self.week is not None and self.due_date is not None:
            raise ValueError(_(_BOTH_WEEK_AND_DUE_DATE))
        return self

    @model_validator(mode="after")
    def _keys_given_once(self) -> Settings:
        bindings(self.keys)  # ValueError when two actions are given one key
        return self

    @property
    def bindings(self) -> Bindings:
        """Every key and what it does: the defaults, changed by ``keys``."""
        return bindings(self.keys)

    def pregnancy_week(self, today: date) -> int | None:
        """Completed weeks of pregnancy on ``today``, from 1 to 42; None when not set.

        From ``due-date``: (280 - days until the due date) // 7. From ``week``: the week as
        set, plus one for every seven days since ``week-set-on`` (a week set by hand in the
        file without that day stays as written).
        """
        if self.due_date is not None:
            return week_from_due_date(self.due_date, today)
        if self.week is None:
            return None
        if self.week_set_on is None:
            return self.week
        elapsed = max(0, (today - self.week_set_on).days)
        return _within_weeks(self.week + elapsed // 7)

    @property
    def lead_in_ms(self) -> int | None:
        return None if self.lead_in is None else round(self.lead_in * 1000)


_BOTH_WEEK_AND_DUE_DATE = N_(
    "give week or due-date, not both; remove one (the week is worked out from the due date)"
)


@dataclass(frozen=True)
class Key:
    """One setting as typed on the command line."""

    name: str
    field: str
    allowed: str
    """What the value may be, marked with ``N_``: shown through ``_()``."""
    parse: Callable[[Any], Any]


KEYS: tuple[Key, ...] = (
    Key("language", "language", N_("en, es, vi or zh-Hans"), values.parse_language),
    Key(
        "voice", "voice", N_("an installed voice, such as en-gb ('voices' lists them)"), parse_voice
    ),
    Key("rate", "rate", N_("words a minute from {low} to {high}"), parse_rate),
    Key("volume", "volume", N_("a number from 0 to 1"), parse_volume),
    Key("mute", "mute", N_("on or off"), parse_switch),
    Key("captions", "captions", N_("on or off"), parse_switch),
    Key("large-text", "large_text", N_("on or off"), parse_switch),
    Key("high-contrast", "high_contrast", N_("on or off"), parse_switch),
    Key("flash", "flash", N_("on or off"), parse_switch),
    Key("listen", "listen", N_("on or off"), parse_switch),
    Key("lead-in", "lead_in", N_("seconds from 0 to {most}"), parse_lead_in),
    Key("week", "week", N_("a pregnancy week from {first} to {last}"), parse_week),
    Key("due-date", "due_date", N_("a date such as 2027-03-14"), parse_day),
    Key("advised-against-exercise", "advised_against_exercise", values.YES_NO, values.parse_yes_no),
)
REPS_PREFIX = "reps."
REPS_KEY = Key("reps.ROUTINE", "reps", N_("repetitions for the ranges of that routine"), parse_reps)
KEYS_PREFIX = "keys."
KEYS_KEY = Key(
    "keys.ACTION", "keys", N_("the keys for that action, such as 'page down, n'"), parse_keys
)
TABLE_KEYS = (REPS_KEY, KEYS_KEY)
"""Settings named with a dot: one value for each routine, or each action."""
KEY_NAMES: tuple[str, ...] = (*(key.name for key in KEYS), REPS_KEY.name, KEYS_KEY.name)
_FILE_KEYS: tuple[str, ...] = (*(key.name for key in KEYS), "week-set-on", "reps", "keys")
_BY_FIELD = {key.field: key for key in KEYS}


class SettingsError(Exception):
    """The settings file or a setting given cannot be used; the message says what to fix."""

    def __init__(
        self, message: str, problems: tuple[Problem, ...] = (), *, kind: str | None = None
    ) -> None:
        super().__init__(message)
        self.problems = problems
        self.kind = kind
        """What is at the settings file's path instead of a file ("a folder", "a named
        pipe (FIFO)", ...), when that is the problem; else None."""

    @property
    def first_line(self) -> str:
        lines = str(self).splitlines() or [""]
        return and_more(lines[0], len(self.problems) - 1)


def key_named(text: str) -> Key:
    """The setting a key typed on the command line names; SettingsError for an unknown one."""
    for key in KEYS:
        if key.name == text:
            return key
    if text.startswith(REPS_PREFIX) and text[len(REPS_PREFIX) :].strip():
        return REPS_KEY
    if text.rstrip(".") == "reps":
        raise SettingsError(
            _("reps: name the routine after a dot, such as reps.partner-back-massage")
        )
    if text.startswith(KEYS_PREFIX) and text[len(KEYS_PREFIX) :].strip():
        try:
            action_named(text[len(KEYS_PREFIX) :])
        except ValueError as error:
            raise SettingsError(f"{text}: {error}") from None
        return KEYS_KEY
    if text.rstrip(".") == "keys":
        raise SettingsError(_("keys: name the action after a dot, such as keys.next"))
    raise SettingsError(unknown_setting(text, KEY_NAMES))


def routine_of(key_text: str) -> str:
    """The routine name of a ``reps.NAME`` key."""
    return key_text[len(REPS_PREFIX) :].strip()


def action_of(key_text: str) -> str:
    """The action of a ``keys.ACTION`` key."""
    return action_named(key_text[len(KEYS_PREFIX) :])


# -- reading ------------------------------------------------------------------------------


def _only_comments(raw: bytes) -> bool:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def load_settings(path: Path) -> Settings:
    """The settings in ``path``; the defaults when there is no file.

    Raises SettingsError, whose message lists each problem as FILE:LINE:COL: key: what to fix.
    """
    try:
        head = read_regular(path, MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Settings()
    except FileRefused as refused:
        if refused.kind is None:
            raise SettingsError(cannot_read(path, refused.reason)) from None
        raise SettingsError(not_a_settings_file(path, refused.kind), kind=refused.kind) from None
    except OSError as error:
        raise SettingsError(cannot_read(path, reason(error, path))) from None
    if _only_comments(head):
        return Settings()
    problems: list[Problem] = []
    doc = read_document(path, problems)
    if doc is None:
        raise _error([_for_settings(p) for p in problems])
    if not isinstance(doc.data, dict):
        raise _error(
            [
                Problem(
                    doc.shown,
                    doc.root.line,
                    doc.root.column,
                    "",
                    no_keys_with_values(describe(doc.data)),
                )
            ]
        )
    try:
        return Settings.model_validate(doc.data)
    except ValidationError as error:
        raise _error(_problems(error, doc)) from None


def load_settings_or_defaults(
    path: Path, warn: Callable[[str], None], show_command: str = "routine-player settings"
) -> Settings:
    """The settings in ``path``, or the defaults after one warning line when they are
    damaged; the line names ``show_command`` as the way to see what to fix."""
    try:
        return load_settings(path)
    except SettingsError as error:
        warn(not_used(error.first_line, show_command))
        return Settings()


def _for_settings(problem: Problem) -> Problem:
    """A problem found by the YAML reader, told about a settings file."""
    message = problem.message.replace("a routine file", "a settings file")
    if message.startswith("the file is empty"):
        message = "the file is empty"
    return Problem(problem.file, problem.line, problem.column, problem.path, message)


def _error(problems: list[Problem]) -> SettingsError:
    ordered = tuple(sorted(problems))
    return SettingsError("\n".join(str(p) for p in ordered), ordered)


def _problems(error: ValidationError, doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        kind = detail["type"]
        mark = doc.spot(loc)[0]
        if loc and loc[-1] == "[key]":  # the key of a table, such as an action's name
            loc = loc[:-1]
            mark = doc.key_spot(loc)
        where = ".".join(str(part) for part in loc)
        context = detail.get("ctx") or {}
        if kind == "extra_forbidden":
            mark = doc.key_spot(loc)
            message = unknown_setting(str(loc[-1]), _FILE_KEYS)
            where = ""
        elif not loc:
            found = context.get("error")
            message = str(found if found is not None else detail["msg"])
            if _(_BOTH_WEEK_AND_DUE_DATE) in message:
                mark = doc.key_spot(("due-date",))
                where = "due-date"
            elif "keys" in doc.data:  # one key given to two actions: the second of them
                twice = found if isinstance(found, KeyGivenTwice) else None
                spot = ("keys", twice.second) if twice else ("keys",)
                mark = doc.key_spot(spot)
                where = ".".join(spot)
        elif "error" in context:
            message = str(context["error"])
        else:
            message = str(detail["msg"])
        problems.append(Problem(mark.shown, mark.line, mark.column, where, message))
    return problems


# -- writing ------------------------------------------------------------------------------


def stored(settings: Settings) -> dict[str, Any]:
    """The settings written in the file, by their file keys, in the file's order."""
    written = settings.model_fields_set
    data: dict[str, Any] = {}
    for name, field in Settings.model_fields.items():
        if name not in written:
            continue
        value = getattr(settings, name)
        if name in ("reps", "keys") and not value:
            continue
        if name == "keys":
            value = {action: ", ".join(keys) for action, keys in value.items()}
        if isinstance(value, float) and value.is_integer() and name == "lead_in":
            value = int(value)
        data[field.alias or name] = dict(value) if isinstance(value, dict) else value
    return data


def file_text(settings: Settings, program: str = "routine-player") -> str:
    """The settings file's text; its first lines name ``program`` as the command to use."""
    header = HEADER.format(program=program)
    body = stored(settings)
    if not body:
        return header
    return header + "\n" + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)


def save_settings(path: Path, settings: Settings, program: str = "routine-player") -> None:
    """Write the settings atomically: the file holds the old or the new settings, never half."""
    write_atomically(path, file_text(settings, program))


def changed(settings: Settings, key: str, value: Any, today: date) -> Settings:
    """The settings with one key (as typed: ``rate``, ``reps.NAME``) set to a parsed value.

    Setting the week records today as the day it was set and drops the due date; setting
    the due date drops the week. A value of None goes back to the default.
    """
    data = stored(settings)
    spec = key_named(key)
    if spec in TABLE_KEYS:
        table = dict(data.get(spec.field, {}))
        name = routine_of(key) if spec is REPS_KEY else action_of(key)
        if value is None:
            table.pop(name, None)
        else:
            table[name] = value
        data[spec.field] = table
    else:
        data.pop(spec.name, None)
        if value is not None:
            data[spec.name] = value
        if spec.name == "week":
            data.pop("week-set-on", None)
            if value is not None:
                data["week-set-on"] = today
                data.pop("due-date", None)
        elif spec.name == "due-date" and value is not None:
            data.pop("week", None)
            data.pop("week-set-on", None)
    for table_key in TABLE_KEYS:
        if not data.get(table_key.field, True):
            data.pop(table_key.field)
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        messages = [str((d.get("ctx") or {}).get("error", d["msg"])) for d in error.errors()]
        raise SettingsError(f"{key}: {'; '.join(messages)}") from None


def is_default(settings: Settings, field: str) -> bool:
    """Whether a setting was left out of the file."""
    if field in ("reps", "keys"):
        return not getattr(settings, field)
    return field not in settings.model_fields_set


def key_for_field(field: str) -> Key:
    return _BY_FIELD[field]
