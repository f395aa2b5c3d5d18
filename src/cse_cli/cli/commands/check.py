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


def run(path: Path, stage: Stage, output_format: str) -> Exit:
    """Check the repository holding `path`: 0 met, 1 not met, 2 invalid (every problem listed)."""
    from cse_cli.render import render
    from cse_cli.views.check import CheckView

    _, evidence, verdict = read_valid(path, stage, progress=output_format == "text", report=False)
    view = CheckView(
        organisation=evidence.config.organisation,
        verdict=verdict,
        problems=tuple(evidence.problems),
        root=evidence.root,
    )
    if output_format == "text":  # problems on stderr; stdout has the verdict alone
        report_problems(view.problems)
        if view.invalid:
            errors = sum(1 for problem in view.problems if problem.severity == "error")
            echo(
                f"cse: {plural(errors, 'error')}: the evidence is invalid, so there is no verdict",
                err=True,
            )
            return Exit.INVALID
    show(render("check", output_format, view))
    if view.invalid:
        return Exit.INVALID
    return Exit.MET if view.verdict.met else Exit.NOT_MET
