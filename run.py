"""Start the routine player: `python run.py --help` lists what it can do."""

import sys

from player.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
