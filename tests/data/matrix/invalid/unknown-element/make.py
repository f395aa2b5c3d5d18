"""An element id the standard lacks, one that is a heading, and one Excel made a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers import matrix_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [
        ["1.1.1", None, "ES 1 Surveys", "JS"],
        ["1.1.9", None, "ES 2 Focus groups", "JS"],
        [None, None, "ES 3 Panel", "AB"],
        ["1.2", None, "Heading with evidence"],
        [dt.datetime(2001, 1, 2), None, "Made a date"],  # noqa: DTZ001 - what Excel stores
        ["We have a plan", None, "Plan"],
    ]
    return matrix_workbook(folder / "matrix.xlsx", rows)
