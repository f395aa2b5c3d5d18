"""21,000 rows of evidence, over the 20,000 evidence items `cse check` allows a repository."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, evidence_rows, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, *evidence_rows(21_000)])
