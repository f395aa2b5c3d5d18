"""A sheet with no header row cse can recognise, and a --column naming no header."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import matrix_workbook

ARGS = ["--column", "evidence=What we have"]


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [["1.1.1", "Surveys"]]
    return matrix_workbook(folder / "matrix.xlsx", rows, ("Number", "Things"))
