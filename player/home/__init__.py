"""The person's own things: their folders, settings, routines and reminders.

``user_dirs`` says where settings, history, routines and the voice cache live (one
folder under ``ROUTINE_PLAYER_HOME`` when it is set); ``settings`` reads and writes the
settings file; ``catalog`` finds a routine by name, the person's own before the bundled
ones; ``listing_index`` keeps what ``list`` last found, to show it again while nothing
it came from has changed; ``reminders`` writes the daily reminder as an iCalendar file.

May import: ``player.language``, ``player.routine``, ``player.system``. Knows nothing of
playback or a screen.
"""
