"""A CSV file of one record of more fields than Excel has columns (ten million would do)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import wide_csv


def make(folder: Path) -> Path:
    """The matrix file to import."""
    return wide_csv(folder / "matrix.csv", 20_000)
