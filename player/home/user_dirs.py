"""Where a person's own things live: settings, history, their routines and caches.

The folders are the platform's usual ones (platformdirs). Setting ``ROUTINE_PLAYER_HOME``
puts everything under one folder instead: handy for trying things out, and for tests.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "routine-player"
HOME_VARIABLE = "ROUTINE_PLAYER_HOME"


@dataclass(frozen=True)
class UserDirs:
    config: Path
    data: Path
    cache: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.yaml"

    @property
    def history_file(self) -> Path:
        return self.data / "history.sqlite3"

    @property
    def routines(self) -> Path:
        """The person's own routines, searched before the bundled ones."""
        return self.data / "routines"

    @property
    def safety_file(self) -> Path:
        """The day the warning signs were last checked."""
        return self.data / "safety-checked.txt"

    @property
    def voice_commands_file(self) -> Path:
        """There once the voice has said how to give voice commands."""
        return self.data / "voice-commands-introduced.txt"

    @property
    def speech_cache(self) -> Path:
        return self.cache / "speech"

    @classmethod
    def under(cls, home: Path) -> UserDirs:
        return cls(config=home / "config", data=home / "data", cache=home / "cache")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> UserDirs:
        home = environ.get(HOME_VARIABLE)
        if home:
            return cls.under(Path(home).expanduser())
        return cls(
            config=Path(platformdirs.user_config_dir(APP_NAME)),
            data=Path(platformdirs.user_data_dir(APP_NAME)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME)),
        )
