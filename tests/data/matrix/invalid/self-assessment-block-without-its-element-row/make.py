"""A block whose element row is missing: its evidence would land on the element above it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import self_assessment_workbook

if TYPE_CHECKING:
    from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    blocks = [
        ("Element 1.1.1", [["A1", "Ward profiles", None, None, "Compliant"]]),
        (None, [["A2", "Minutes of the tenants' panel", "B2", "The panel chair", "Partial"],
                ["A3", "Panel terms of reference"]]),
        ("1.1.3", [["A4", "Outreach plan", None, None, "Compliant"]]),
    ]  # fmt: skip
    return self_assessment_workbook(
        folder / "matrix.xlsx", [("Criterion 1", "Criterion 1: Customer Insight", blocks)]
    )
