"""`cse export`: the evidence matrix for managers, as an Excel workbook or a CSV file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.exits import Exit
from cse_cli.cli.output import deliver, inputs_of
from cse_cli.cli.reading import read_valid
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage
    from cse_cli.render.formats import ExportFormat, ExportLayout


def run(
    path: Path,
    output_format: ExportFormat,
    stage: Stage,
    output: Path | None,
    layout: ExportLayout | None = None,
) -> Exit:
    """Write the matrix of the repository holding `path` to `output`, or to stdout.

    With the self-assessment `layout`, the certification body's workbook instead.
    """
    from cse_cli.render import EXPORT, SELF_ASSESSMENT
    from cse_cli.render.formats import ExportLayout, SelfAssessmentFormat

    workbook = {str(f): f for f in SelfAssessmentFormat}
    if layout is ExportLayout.SELF_ASSESSMENT and str(output_format) not in workbook:
        raise CseError(f"--layout {layout} writes a workbook: use --format {', '.join(workbook)}")
    standard, evidence, verdict = read_valid(path, stage, progress=True)
    if layout is ExportLayout.SELF_ASSESSMENT:
        from cse_cli.views.self_assessment import build_self_assessment

        view = build_self_assessment(standard, evidence)
        document = SELF_ASSESSMENT[workbook[str(output_format)]](view)
    else:
        from dataclasses import replace

        from cse_cli.matrix.update.exported import export_base
        from cse_cli.views.export import build_export

        rows = build_export(standard, evidence, verdict)
        rows = replace(rows, base=export_base(evidence, str(stage), rows.headers, rows.rows))
        document = EXPORT[output_format](rows)
    deliver(document, output, "export", inputs_of(evidence))
    return Exit.MET
