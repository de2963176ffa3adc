"""The player's benchmark (`make bench`): speed, CPU, memory and cue timing, measured on
the real player as a person starts it. Not part of the tests."""
