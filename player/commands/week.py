"""The person's pregnancy week today, from their settings."""

from __future__ import annotations

from player.commands.base import Context


def current_week(ctx: Context) -> int | None:
    """The week from the settings (set directly, or computed from the due date), if any."""
    settings = ctx.settings()
    return settings.pregnancy_week(ctx.now().date())
