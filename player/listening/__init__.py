"""Voice commands: what the microphone (or a recording standing in for it) hears.

``phrases`` is the table of phrases listened for, the command each means and how sure the
recogniser must be; ``heard`` turns the recogniser's hits into commands at the time each
phrase ended; ``audio`` reads a recording as 16 kHz samples in one channel; ``spotting``
feeds them to pocketsphinx, loaded only there, after ``echo`` has taken out what the
player played (``played`` lays it on the clock); ``server`` runs them in a process of its
own and ``recogniser`` talks to that process; ``listener`` hears through a session on a
thread of its own, and tells the process every sound the player plays; ``acting`` says
what a command heard does at that moment, for the window and the terminal alike.

May import: ``player.language``, ``player.system``. Knows nothing of routines, playback or
a screen.
"""
