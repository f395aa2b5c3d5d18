"""An element whose rows come in two places, and a rating that changes within an element."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import matrix_workbook

HEADER = ("Ref", "Evidence", "Rating", "Date")


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [
        ["1.1.1", "Surveys", "Full", "2015-03-09"],
        [None, "Panels", "Partial", "31/02/2015"],
        ["1.1.2", "Focus groups", "green", "sometime"],
        ["1.1.1", "Feedback cards", None, 2015],
    ]
    return matrix_workbook(folder / "matrix.xlsx", rows, HEADER)
