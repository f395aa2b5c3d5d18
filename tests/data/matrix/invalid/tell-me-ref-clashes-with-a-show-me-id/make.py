"""A Tell Me ref that is a Show Me's: one ref names one item, so which is meant is not guessed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import self_assessment_workbook

if TYPE_CHECKING:
    from pathlib import Path

WORDING = (
    "We have an in-depth understanding of the characteristics of our current and potential "
    "customer groups based on recent and reliable information."
)


def make(folder: Path) -> Path:
    """The matrix file to import."""
    blocks = [
        (
            f"Element 1.1.1 {WORDING}",
            [
                ["R1", "Ward profiles", "R2", "Staff explain the profiles", "Compliant"],
                ["R3", "Census summary", "R1", "The customer panel talks about its work"],
            ],
        ),
        ("Element 1.1.2", [["R4", "Focus group notes", "R3", "Ask a librarian", "Partial"]]),
    ]
    return self_assessment_workbook(
        folder / "matrix.xlsx", [("Criterion 1", "Criterion 1: Customer Insight", blocks)]
    )
