"""Voice commands heard in recorded audio: the phrases the player listens for, the
commands they mean, and finding them in a recording (a file stands in for the
microphone)."""
