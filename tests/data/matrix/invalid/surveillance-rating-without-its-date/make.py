"""A rating at the first surveillance, which check accepts only with its date in cse.yaml."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import matrix_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [["1.1.1", "Surveys", "F", "CP"]]
    return matrix_workbook(folder / "matrix.xlsx", rows,
                           ("Ref", "Evidence", "Final", "Surveillance 1"))  # fmt: skip
