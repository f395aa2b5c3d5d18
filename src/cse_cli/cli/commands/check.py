"""`cse check`: validate every file, score each criterion and print the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, report_problems, show
from cse_cli.cli.exits import Exit
from cse_cli.cli.reading import read_valid
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.stages import Stage
    from cse_cli.render.formats import CheckFormat


def run(path: Path, stage: Stage, output_format: CheckFormat) -> Exit:
    """Check the repository holding `path`: 0 met, 1 not met, 2 invalid (every problem listed)."""
    from cse_cli.render import CHECK
    from cse_cli.render.formats import CheckFormat
    from cse_cli.views.check import CheckView

    text = output_format is CheckFormat.TEXT
    _, evidence, verdict = read_valid(path, stage, progress=text, report=False)
    view = CheckView(
        organisation=evidence.config.organisation,
        verdict=verdict,
        problems=tuple(evidence.problems),
        root=evidence.root,
    )
    if text:  # problems on stderr; stdout has the verdict alone
        report_problems(view.problems)
        if view.invalid:
            errors = sum(1 for problem in view.problems if problem.severity == "error")
            echo(
                f"cse: {plural(errors, 'error')}: the evidence is invalid, so there is no verdict",
                err=True,
            )
            return Exit.INVALID
    show(CHECK[output_format](view))
    if view.invalid:
        return Exit.INVALID
    return Exit.MET if view.verdict.met else Exit.NOT_MET
