"""A CSV file saved with an .xlsx name."""

from __future__ import annotations

from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = folder / "matrix.xlsx"
    path.write_text("Ref,Element,Evidence\n1.1.1,,Surveys\n", encoding="utf-8", newline="")
    return path
