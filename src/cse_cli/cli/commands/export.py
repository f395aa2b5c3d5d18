"""`cse export`: the evidence matrix for managers, as an Excel workbook or a CSV file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.exits import Exit
from cse_cli.cli.output import deliver
from cse_cli.cli.reading import read_valid

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage


def run(path: Path, output_format: str, stage: Stage, output: Path | None) -> Exit:
    """Write the matrix of the repository holding `path` to `output`, or to stdout."""
    from cse_cli.render import render
    from cse_cli.views.export import build_export

    standard, evidence, verdict = read_valid(path, stage, progress=True)
    document = render("export", output_format, build_export(standard, evidence, verdict))
    assert isinstance(document, str | bytes)  # noqa: S101 - a file, never styled terminal text
    deliver(document, output, "export")
    return Exit.MET
