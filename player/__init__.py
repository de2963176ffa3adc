"""A guided exercise and massage routine player."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
