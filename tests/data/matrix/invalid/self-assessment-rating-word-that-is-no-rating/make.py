"""A rating written in a word that is no rating: not guessed at, shown at its cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import self_assessment_workbook

if TYPE_CHECKING:
    from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    blocks = [
        ("Element 1.1.1", [["A1", "Ward profiles", None, None, "Compliant", "Mostly there"]]),
        ("Element 1.1.2", [["A2", "Survey results", None, None, "Partially compliant", "Partial"]]),
    ]
    return self_assessment_workbook(
        folder / "matrix.xlsx", [("Criterion 1", "Criterion 1: Customer Insight", blocks)]
    )
