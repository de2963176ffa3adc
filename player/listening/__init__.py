"""Voice commands heard in recorded audio: a file stands in for the microphone.

``phrases`` is the table of phrases listened for, the command each means and how sure the
recogniser must be; ``heard`` turns the recogniser's hits into commands at the time each
phrase ended; ``audio`` reads a recording as 16 kHz samples in one channel; ``spotting``
feeds them to pocketsphinx, loaded only there.

May import: ``player.language``, ``player.system``. Knows nothing of routines, playback or
a screen.
"""
