"""Print pip constraints that pin every dependency in pyproject.toml to its lowest allowed
version: ``name==X`` for each ``name>=X`` (the package's and the dev extras').

    python3 .ci/lowest_versions.py > constraints.txt
    pip install -c constraints.txt -e '.[dev]'

Dependencies with no lower bound, or pinned already, are left to pip.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = None  # type: ignore[assignment]

LOWER_BOUND = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def requirements(pyproject: Path) -> list[str]:
    text = pyproject.read_text(encoding="utf-8")
    if tomllib is not None:
        project = tomllib.loads(text)["project"]
        found = list(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            found.extend(extra)
        return found
    return re.findall(r'^\s*"([^"]+)",?\s*$', text, flags=re.MULTILINE)


def lowest(requirement: str) -> str | None:
    match = LOWER_BOUND.match(requirement)
    return f"{match[1]}=={match[2]}" if match else None


def main() -> int:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    for requirement in requirements(pyproject):
        pinned = lowest(requirement)
        if pinned:
            print(pinned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
