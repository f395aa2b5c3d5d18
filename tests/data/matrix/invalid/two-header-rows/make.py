"""Two rows that both look like the header: which one is the matrix's is not for cse to guess."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER, matrix_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [list(HEADER), ["1.1.1", None, "ES 1 Surveys", "JS"]]
    return matrix_workbook(folder / "matrix.xlsx", rows)
