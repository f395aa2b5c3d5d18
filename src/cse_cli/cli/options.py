"""The options several commands share, and the formats each command offers."""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

import enum
from pathlib import Path
from typing import Annotated, Literal

import typer

from cse_cli.core.stages import Stage

# The formats each command renders (cse_cli.render's registry; a test keeps them equal).
CheckFormat = Literal["text", "json", "github"]
GapFormat = Literal["text", "json"]
ReportFormat = Literal["md", "html", "docx"]
DiffFormat = Literal["text", "md", "json"]
SchemaKind = Literal["element", "config", "review"]


PathArgument = Annotated[
    Path,
    typer.Argument(
        help="A folder in the evidence repository (its root is found by searching "
        "upward for cse.yaml).",
        show_default=False,
    ),
]
StageOption = Annotated[
    Stage,
    typer.Option(
        "--stage",
        "-s",
        help="Whose ratings count: self (self_assessment), desk-top, final, surveillance-1, "
        "surveillance-2 (each carrying forward the ratings it did not change), or latest "
        "(per element the latest stage that has a rating). Example: --stage surveillance-1",
    ),
]


class Review(str, enum.Enum):
    """A surveillance review of the cycle."""

    SURVEILLANCE_1 = "surveillance-1"
    SURVEILLANCE_2 = "surveillance-2"


ReviewOption = Annotated[
    Review | None,
    typer.Option(
        "--review",
        help="A surveillance: surveillance-1 or surveillance-2. Example: --review surveillance-1",
        show_default=False,
    ),
]

ImportFormat = Literal["text", "json"]

ExportFormat = Literal["xlsx", "csv"]

HistoryFormat = Literal["text", "json", "md", "html"]
