"""Reading the evidence for a command: the standard, the repository, its problems and score."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

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


def read(path: Path, *, progress: bool) -> tuple[Standard, Evidence]:
    """The standard and the evidence of the repository holding `path` (CseError if none).

    With `progress`, a long read shows a count of files on stderr, if that is a terminal.
    """
    from cse_cli.cli.progress import progress_on
    from cse_cli.cli.startup import paused
    from cse_cli.io.repository import open_repository
    from cse_cli.io.resources import load_standard

    with paused(), progress_on(sys.stderr, wanted=progress) as on_file_read:
        standard = load_standard()
        return standard, open_repository(path, standard, on_file_read)


def read_scored(path: Path, stage: Stage, *, progress: bool) -> tuple[Standard, Evidence, Verdict]:
    """Read and score the evidence, listing every problem (warnings too) on stderr.

    Raises InvalidEvidence when any problem is an error.
    """
    from cse_cli.core.scoring import score_evidence

    standard, evidence = read(path, progress=progress)
    report_problems(evidence.problems)
    if has_errors(evidence.problems):
        raise InvalidEvidence
    return standard, evidence, score_evidence(standard, evidence, stage)
