"""``run.py schema``: the JSON Schema editors use to complete and check routine files."""

from __future__ import annotations

import argparse
import json
from typing import Any

from player.commands.base import EXIT_OK, Command, Context
from player.language import _
from player.routine.editor_text import plain_text_only
from player.routine.model import ExerciseLibrary, Routine


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", action="store_true", help=_("the schema of shared exercise files instead")
    )


def schema_of(model: type[Routine] | type[ExerciseLibrary]) -> dict[str, Any]:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(),
    }
    return plain_text_only(schema)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.say(json.dumps(schema_of(ExerciseLibrary if args.library else Routine), indent=2))
    return EXIT_OK


COMMAND = Command(add_arguments, run)
