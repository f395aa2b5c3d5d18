"""`cse export`: the evidence matrix for managers, as an Excel workbook or a CSV file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.exits import Exit
from cse_cli.cli.output import deliver, inputs_of
from cse_cli.cli.reading import read_valid

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage
    from cse_cli.render.formats import ExportFormat


def run(path: Path, output_format: ExportFormat, stage: Stage, output: Path | None) -> Exit:
    """Write the matrix of the repository holding `path` to `output`, or to stdout."""
    from dataclasses import replace

    from cse_cli.matrix.update.exported import export_base
    from cse_cli.render import EXPORT
    from cse_cli.views.export import build_export

    standard, evidence, verdict = read_valid(path, stage, progress=True)
    view = build_export(standard, evidence, verdict)
    view = replace(view, base=export_base(evidence, str(stage), view.headers, view.rows))
    document = EXPORT[output_format](view)
    deliver(document, output, "export", inputs_of(evidence))
    return Exit.MET
