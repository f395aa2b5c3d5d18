"""A sheet with a value in its 16,000th column."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import matrix_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    row: list[object] = ["1.1.1", None, "Surveys", "JS", None]
    return matrix_workbook(folder / "matrix.xlsx", [row + [None] * 15_994 + ["stray"]])
