"""The player's benchmark: `make bench` (or `python bench/run.py`). Not part of the tests.

`python bench/run.py --quick` runs short stand-ins of every part, to check that the
benchmark itself works; `--only PART` runs some parts; `--help` says more. See
bench/main.py for what is measured. Linux only (it reads /proc).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from bench.main import main

if __name__ == "__main__":
    sys.exit(main())
