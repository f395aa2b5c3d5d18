"""Reading the evidence for a command: the standard, the repository, its problems and verdict.

`read_valid` is the one way every command reads the working tree's evidence
(`check`, `gap`, `report`, `export`, `pack`, `history` of the cycle's stages,
and `import` reading back what it wrote), so that each reads, validates and
scores it alike.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NamedTuple

from cse_cli.cli.console import report_problems
from cse_cli.core.problems import has_errors

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.scoring import Verdict
    from cse_cli.core.stages import Stage
    from cse_cli.core.standard import Standard


class InvalidEvidence(Exception):  # noqa: N818 - reads as what it says
    """The evidence has errors, already listed on stderr: the command stops with exit 2."""


class Checked(NamedTuple):
    """The evidence of a repository, read, validated and scored."""

    standard: Standard
    evidence: Evidence
    verdict: Verdict
    """The verdict at the stage asked for (indicative only when the evidence has errors)."""


def read_valid(
    path: Path, stage: Stage | None = None, *, progress: bool, report: bool = True
) -> Checked:
    """Read the repository holding `path` (CseError if none), and score it at `stage` (latest).

    With `report`, every problem (warnings too) is listed on stderr, and an error
    stops the command (InvalidEvidence). Without it the caller shows the problems
    its own way (`check --format json`, `import`) and decides what invalid evidence
    means. With `progress`, a long read shows a count of files on stderr, if that
    is a terminal.
    """
    from cse_cli.cli.progress import progress_on
    from cse_cli.cli.startup import paused
    from cse_cli.core.scoring import score_evidence
    from cse_cli.core.stages import Stage
    from cse_cli.io.repository import open_repository
    from cse_cli.io.resources import load_standard

    with paused(), progress_on(sys.stderr, wanted=progress) as on_file_read:
        standard = load_standard()
        evidence = open_repository(path, standard, on_file_read)
    if report:
        report_problems(evidence.problems)
        if has_errors(evidence.problems):
            raise InvalidEvidence
    return Checked(standard, evidence, score_evidence(standard, evidence, stage or Stage.LATEST))
