"""Dates Excel shows but that are no days: its 29 February 1900 (serial 60), and past 9999."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import matrix_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [["1.1.1", "Surveys", 60], [None, "Panels", 3_000_000], [None, "Cards", -2]]
    return matrix_workbook(folder / "matrix.xlsx", rows, ("Ref", "Evidence", "Date"))
