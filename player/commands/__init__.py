"""One module per command of ``run.py``; ``player.cli`` puts them together."""
