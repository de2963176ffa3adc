"""The voice: words spoken through pyttsx3, chimes without it, and the session as a track.

``synth`` renders words to WAV clips in a speech process of its own (``server``), into a
clip folder any number of players share (``clip_folder``, ``clip_check``), in the voice
``voices`` finds among those installed that speak the session's language; ``clips``
plays them, and chimes, with pygame.mixer on the render loop without ever blocking it;
``policy`` is the one rule for what is cut off, what waits and what is dropped;
``select`` chooses the best speaker this machine allows; ``export`` lays the whole
session out as one track with the same clips and the same rule, and ``encode`` writes it
as MP3, Ogg Vorbis, FLAC or WAV, as the file's name asks. ``microphone`` hears the room
through SDL's capture devices, for voice commands (``player.listening``).

Implements ``player.playback.speaker.Speaker``. May import: ``player.playback``,
``player.home`` (where the clip folder is), ``player.listening``, ``player.routine``,
``player.system``.
Knows nothing of the window, the terminal or the history.
"""
