"""Opening a routine named on the command line, through the one gate every command uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from player.home import catalog
from player.home.user_dirs import UserDirs
from player.language import PSEUDO, _, current, language_name, use
from player.playback.playable import check_playable, load_playable
from player.routine.loader import RoutineFile
from player.routine.problems import Problem
from player.routine.words import session_language
from player.system.forked import in_two


def load(path: Path, dirs: UserDirs | None = None) -> RoutineFile:
    """The routine file at ``path``, known to play with every choice it allows, in the
    language in use when it has words in it; its includes and pictures may also come from
    the person's routines folder. RoutineError with every problem otherwise."""
    return load_playable(path, places=_places(dirs), language=current())


def speak_as(loaded: RoutineFile) -> None:
    """Speak, from now on, the language the routine is played in when the player speaks
    it and it has no words in the language in use, so that cues and its words agree."""
    use(session_language(current(), loaded.language))


def check(paths: Sequence[Path], dirs: UserDirs | None = None) -> list[Problem]:
    """Every problem in every file given."""
    return check_playable(paths, places=_places(dirs), each=in_two)


def open_routine(
    name: str, dirs: UserDirs | None = None, warn: Callable[[str], None] | None = None
) -> RoutineFile:
    """The routine file given, or the routine of that name (the person's own first, then
    the bundled ones); RoutineError if it has problems. A folder of routines that cannot be
    read, searched on the way to the name, is told to ``warn``. The session speaks the
    routine's language from then on (``speak_as``)."""
    loaded = load(catalog.find_routine(name, catalog.search_folders(dirs), warn), dirs)
    asked = current()
    if warn is not None and asked not in (loaded.language, PSEUDO):
        warn(
            # TRANSLATORS: {language} and {own} are the names of languages, in their own
            # words ("Tiếng Việt", "English")
            _("'{name}' has no words in {language} yet: it plays in {own}.").format(
                name=loaded.name, language=language_name(asked), own=language_name(loaded.language)
            )
        )
    speak_as(loaded)
    return loaded


def _places(dirs: UserDirs | None) -> tuple[Path, ...]:
    return ((dirs or UserDirs.from_environment()).routines,)
