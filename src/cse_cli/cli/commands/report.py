"""`cse report`: the assessor's analysis and a summary, as Markdown, HTML or Word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.exits import Exit
from cse_cli.cli.output import deliver, inputs_of
from cse_cli.cli.reading import read_valid

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage
    from cse_cli.render import Document
    from cse_cli.render.formats import ReportFormat


def run(
    path: Path,
    output_format: ReportFormat,
    stage: Stage,
    output: Path | None,
    *,
    timestamp: bool,
    review: Stage | None = None,
) -> Exit:
    """Render the report of the repository holding `path` to `output`, or to stdout.

    With `review`, render that surveillance's report, scored at its stage.
    """
    import datetime as dt

    from cse_cli.render import REPORT, REVIEW

    generated = dt.datetime.now(dt.timezone.utc) if timestamp else None
    if review is not None:
        from cse_cli.io.resources import load_cycle
        from cse_cli.views.review_report import build_review_report

        standard, evidence, verdict = read_valid(path, review, progress=True)
        view = build_review_report(standard, evidence, verdict, load_cycle(), generated)
        document: Document = REVIEW[output_format](view)
    else:
        from cse_cli.views.report import build_view

        standard, evidence, verdict = read_valid(path, stage, progress=True)
        document = REPORT[output_format](build_view(standard, evidence, verdict, generated))
    deliver(document, output, "report", inputs_of(evidence))
    return Exit.MET
