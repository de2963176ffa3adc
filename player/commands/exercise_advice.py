"""The first-use check's answer, for ``play``: what is remembered in the settings, which
routines are still suitable for someone advised not to exercise, and remembering a new
answer without losing any other setting."""

from __future__ import annotations

from player.care import first_use
from player.care.preflight import FirstUse
from player.commands import routines
from player.commands.base import Context
from player.commands.program import absolute_command
from player.home import catalog
from player.home.settings import Settings, SettingsError, changed, load_settings, save_settings
from player.language import _
from player.routine.loader import RoutineError
from player.routine.model import Routine
from player.system.regular_files import reason

KEY = "advised-against-exercise"


def first_use_check(ctx: Context, settings: Settings, routine: Routine) -> FirstUse:
    """What ``preflight.before_session`` needs to ask, or refuse, for ``routine``."""
    return FirstUse(
        answer=settings.advised_against_exercise,
        exercise=first_use.is_exercise(routine),
        still_suitable=lambda: still_suitable(ctx),
        settings_command=ctx.command("settings"),
        change_command=ctx.command(f"settings set {KEY} no"),
    )


def still_suitable(ctx: Context) -> tuple[str, ...]:
    """The routines (yours, then the bundled ones) that are no exercise, each as its title
    and the name to play it by; those that cannot be loaded are left out."""
    found = []
    for entry in catalog.all_routines(catalog.search_folders(ctx.dirs)):
        try:
            routine = routines.load(entry.path, ctx.dirs).routine
        except RoutineError:
            continue
        if not first_use.is_exercise(routine):
            found.append(f"{routine.title} ({entry.name})")
    return tuple(found)


def remember(ctx: Context, advised: bool) -> None:
    """Keep the answer in the settings file, the other settings as they are. A file that
    cannot be read or written is told in one line and left as it is: the answer then
    holds for this session only, and is asked again next time."""
    path = ctx.dirs.settings_file
    try:
        settings = load_settings(path)
        save_settings(
            path, changed(settings, KEY, advised, ctx.now().date()), absolute_command(ctx.program)
        )
    except SettingsError as error:
        ctx.warn(
            _(
                "Your answer could not be remembered: {problem}. '{command}' shows what to "
                "fix; you will be asked again next time."
            ).format(problem=error.first_line, command=ctx.command("settings"))
        )
    except OSError as error:
        ctx.warn(
            _(
                "Your answer could not be remembered in {file}: {reason}. You will be asked "
                "again next time."
            ).format(file=path, reason=reason(error, path))
        )
