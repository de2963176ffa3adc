"""``run.py settings``: show the settings file, or change one setting in it.

``settings`` shows every setting and where its value comes from; ``settings set KEY VALUE``
changes one (``default`` as the value, or ``settings unset KEY``, goes back to the default).
A change that is refused leaves the file as it was.
"""

from __future__ import annotations

import argparse
import difflib
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from player.care import first_use
from player.commands import routines
from player.commands.base import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, Context
from player.commands.program import absolute_command
from player.commands.voices import installed_voice
from player.home import catalog
from player.home.bindings import ACTIONS, DEFAULT_BINDINGS
from player.home.setting_words import allowed_text
from player.home.settings import (
    FIRST_WEEK,
    KEYS,
    KEYS_KEY,
    LAST_WEEK,
    PREGNANCY_DAYS,
    REPS_KEY,
    Settings,
    SettingsError,
    action_of,
    changed,
    is_default,
    key_for_field,
    key_named,
    load_settings,
    routine_of,
    save_settings,
)
from player.language import _, pgettext, use
from player.language.choice import choose
from player.playback.timeline import ChoiceError, Choices, check_choices, ranged_counts
from player.routine.loader import RoutineError
from player.routine.model import Routine
from player.speech.voices import UnknownVoice
from player.system.regular_files import reason
from player.system.text_width import cells, ljust

DEFAULT_WORDS = ("default", "unset")


def _keys_explained() -> str:
    lines = [f"  {key.name:<14} {allowed_text(key.allowed)}" for key in (*KEYS, REPS_KEY, KEYS_KEY)]
    actions = [f"  keys.{action.name:<11} {_(action.does)}" for action in ACTIONS]
    return "\n".join([_("settings:"), *lines, "", _("actions, for keys.ACTION:"), *actions])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="settings_action", metavar="{set,unset}")
    setter = actions.add_parser(
        "set",
        help=_("change one setting"),
        epilog=_keys_explained(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    setter.add_argument("key", help=_("a setting, as listed below"))
    setter.add_argument("value", help=_("the new value, or 'default'"))
    unsetter = actions.add_parser(
        "unset",
        help=_("put one setting back to its default"),
        epilog=_keys_explained(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    unsetter.add_argument("key", help=_("a setting, as listed below"))


def run(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.dirs.settings_file
    today = ctx.now().date()
    try:
        settings = load_settings(path)
    except SettingsError as error:
        _tell_unusable(error, path, ctx)
        return EXIT_INVALID
    action = getattr(args, "settings_action", None)
    if action is None:
        show(settings, path, today, ctx)
        return EXIT_OK
    unset = action == "unset" or args.value.strip().lower() in DEFAULT_WORDS
    try:
        value = None if unset else _checked_value(args.key, args.value, today, ctx)
        updated = changed(settings, args.key, value, today)
    except SettingsError as error:
        ctx.warn(str(error))
        return EXIT_INVALID
    try:
        save_settings(path, updated, absolute_command(ctx.program))
    except OSError as error:
        ctx.warn(
            _("The settings could not be saved in {file}: {reason}.").format(
                file=path, reason=reason(error, path)
            )
        )
        return EXIT_FAILED
    if args.key == "language" and getattr(args, "language", None) is None:
        use(choose(None, updated.language, os.environ))  # say it in the language just set
    _tell_change(args.key, settings, updated, today, ctx)
    ctx.say(_("saved in {file}").format(file=path))
    return EXIT_OK


def _tell_unusable(error: SettingsError, path: Path, ctx: Context) -> None:
    """What is wrong with the settings file, and what to do about it."""
    if error.kind is not None:  # no file at all: nothing to fix in an editor
        ctx.warn(
            _("{problem}; remove or rename it, and '{command}' will write a new one.").format(
                problem=error, command=ctx.command("settings set KEY VALUE")
            )
        )
        return
    ctx.warn(str(error))
    ctx.warn(
        _(
            "Fix the settings file in a text editor ({file}), or delete it to start again "
            "from the defaults."
        ).format(file=path)
    )


def _tell_change(
    key_text: str, before: Settings, after: Settings, today: date, ctx: Context
) -> None:
    key = key_named(key_text)
    if key is REPS_KEY:
        shown = _reps_text(after.reps.get(routine_of(key_text)))
    elif key is KEYS_KEY:
        action = action_of(key_text)
        keys = ", ".join(after.bindings.keys_of(action))
        if action in after.keys:
            shown = keys or _("no key")
        elif keys:
            shown = _("{keys} (the defaults)").format(keys=keys)
        else:
            shown = _("no key (the defaults)")
    else:
        shown = _value_text(after, key.field, today)
    week = after.pregnancy_week(today)
    if key.name in ("week", "due-date") and week is not None:
        shown = _("{value}; pregnancy week {week} today").format(value=shown, week=week)
    ctx.say(f"{key_text}: {shown}")
    if key.field == "advised_against_exercise":
        ctx.say("  " + first_use.what_the_answer_means(after.advised_against_exercise))
    other = {"week": "due_date", "due_date": "week"}.get(key.field)
    if other and not is_default(before, other) and is_default(after, other):
        ctx.say(
            "  "
            + _("{key} removed: the week comes from one or the other").format(
                key=key_for_field(other).name
            )
        )


def _checked_value(key_text: str, text: str, today: date, ctx: Context) -> Any:
    """The typed value, parsed and checked; SettingsError naming the key and what is allowed."""
    key = key_named(key_text)
    try:
        value = key.parse(text)
    except ValueError as error:
        raise SettingsError(f"{key_text}: {error}") from None
    if key is REPS_KEY:
        _check_reps(routine_of(key_text), value, ctx)
    elif key.name == "due-date":
        _check_due_date(value, today)
    elif key.name == "voice":
        _check_voice(value, ctx)
    return value


def _check_voice(voice: str, ctx: Context) -> None:
    """SettingsError unless ``voice`` is installed; when that cannot be told here, one line
    to say so, and the voice is kept as given."""
    try:
        found = installed_voice(voice, ctx)
    except UnknownVoice as error:
        raise SettingsError(f"voice: {error}") from None
    if found is None:
        ctx.warn(
            _(
                "The installed voices cannot be listed here (no speech engine): the voice is "
                "kept as given, and a session that cannot find it says so and uses the default "
                "voice."
            )
        )


def _check_due_date(due: date, today: date) -> None:
    latest = today + timedelta(days=PREGNANCY_DAYS)
    earliest = today - timedelta(days=(LAST_WEEK * 7 - PREGNANCY_DAYS))
    if not earliest <= due <= latest:
        raise SettingsError(
            "due-date: "
            + _(
                "expected a date from {earliest} to {latest} (weeks {first} to {last} of "
                "pregnancy today), found {found}"
            ).format(
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
                first=FIRST_WEEK,
                last=LAST_WEEK,
                found=due.isoformat(),
            )
        )


def _check_reps(name: str, reps: int, ctx: Context) -> None:
    folders = catalog.search_folders(ctx.dirs)
    path = catalog.named_routine(name, folders)
    if path is None:
        close = _close(name, folders)
        known = catalog.known_names(folders)
        if close:
            message = _("no routine named '{name}'; did you mean '{close}'? ({known})").format(
                name=name, close=close, known=known
            )
        else:
            message = _("no routine named '{name}' ({known})").format(name=name, known=known)
        raise SettingsError(f"reps.{name}: {message}{catalog.unread_note(folders)}")
    try:
        routine = routines.load(path, ctx.dirs).routine
    except RoutineError:
        raise SettingsError(
            f"reps.{name}: "
            + _("the routine '{name}' has problems; '{command}' lists them").format(
                name=name, command=ctx.command(f"check {path}")
            )
        ) from None
    try:
        check_choices(routine, Choices(reps=reps))
    except ChoiceError as error:
        raise SettingsError(f"reps.{name}: {error}{_what_fits(routine)}") from None


def _what_fits(routine: Routine) -> str:
    """For a routine with several ranges, the numbers that fit them all (one number sets all)."""
    ranges = {(count.low, count.high) for _name, count in ranged_counts(routine)}
    if len(ranges) < 2:
        return ""
    low = max(first for first, _last in ranges)
    high = min(last for _first, last in ranges)
    if low > high:
        return " " + _("(no one number fits every range of it: leave it to the routine)")
    return " " + _("(one number sets every range of it: {low} to {high} fit them all)").format(
        low=low, high=high
    )


def _close(name: str, folders: tuple[catalog.Folder, ...]) -> str:
    """The routine name closest to ``name``, or nothing."""
    names = [entry.name for entry in catalog.all_routines(folders)]
    return next(iter(difflib.get_close_matches(name, names, 1, 0.6)), "")


# -- showing ------------------------------------------------------------------------------


def _on_off(value: bool) -> str:
    """``on`` or ``off``: the value as typed, the same in every language."""
    return "on" if value else "off"


def _reps_text(reps: int | None) -> str:
    return _("the routine's own") if reps is None else str(reps)


def _yes_no(value: bool | None) -> str:
    """``yes`` or ``no``, as typed (the same in every language), or that it was not asked."""
    if value is None:
        # TRANSLATORS: the value of the setting advised-against-exercise before it is answered
        return _("not answered yet (asked before the first exercise routine)")
    return "yes" if value else "no"


def _value_text(settings: Settings, field: str, today: date) -> str:
    value = getattr(settings, field)
    if field == "advised_against_exercise":
        return _yes_no(value)
    if isinstance(value, bool):
        return _on_off(value)
    if field == "language":
        return value or _("the system's, else English")
    if field == "voice":
        return value or _("the system's default voice")
    if field == "volume":
        return f"{value:g}"
    if field == "lead_in":
        if value is None:
            return _("each routine's own")
        # TRANSLATORS: seconds to get ready, as typed: "10s"
        return _("{seconds}s").format(seconds=f"{value:g}")
    if field == "week":
        if value is None:
            return _("not set")
        if settings.week_set_on is None:
            return _("{week} (stays as written; '{command}' makes it count on)").format(
                week=value, command=f"settings set week {value}"
            )
        return _("{week} (set on {day})").format(week=value, day=settings.week_set_on.isoformat())
    if field == "due_date":
        return _("not set") if value is None else value.isoformat()
    return str(value)


def show(settings: Settings, path: Path, today: date, ctx: Context) -> None:
    if path.exists():
        ctx.say(_("Settings file: {file}").format(file=path))
    else:
        ctx.say(
            _("Settings file: {file} (not written yet: every setting is at its default)").format(
                file=path
            )
        )
    ctx.say("")
    # TRANSLATORS: where a setting's value comes from: the settings file, or the default
    in_file, by_default = pgettext("from", "file"), pgettext("from", "default")
    rows = [(_("key"), _("value"), pgettext("where a value comes from", "from"))]
    for key in KEYS:
        origin = by_default if is_default(settings, key.field) else in_file
        rows.append((key.name, _value_text(settings, key.field, today), origin))
    for name, reps in sorted(settings.reps.items()):
        rows.append((f"reps.{name}", str(reps), in_file))
    if not settings.reps:
        rows.append((REPS_KEY.name, _("each routine's own"), by_default))
    bound = settings.bindings
    for action in ACTIONS:
        keys = bound.keys_of(action.name)
        origin = in_file if action.name in settings.keys else by_default
        taken = [k for k in DEFAULT_BINDINGS.keys_of(action.name) if k not in keys]
        if taken and action.name not in settings.keys:
            given = ", ".join(
                # TRANSLATORS: a key given to an action: "b to next"
                _("{key} to {action}").format(key=key, action=bound.action_of(key))
                for key in taken
            )
            origin = _("default, less what is given to others ({given})").format(given=given)
        rows.append((f"keys.{action.name}", ", ".join(keys) or _("no key"), origin))
    widths = [max(cells(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        ctx.say("  ".join(map(ljust, row, widths)).rstrip())
    ctx.say("")
    week = settings.pregnancy_week(today)
    if week is not None:
        ctx.say(_("Pregnancy week today ({day}): {week}").format(day=today.isoformat(), week=week))
    ctx.say(
        _("Change one with '{set}'; '{unset}' puts it back to its default.").format(
            set=ctx.command("settings set KEY VALUE"), unset=ctx.command("settings unset KEY")
        )
    )


COMMAND = Command(
    add_arguments,
    run,
    shows_results=lambda args: args.settings_action is None,
)
