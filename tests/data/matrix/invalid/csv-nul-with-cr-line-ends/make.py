"""A CSV file whose lines end with a carriage return alone, with a NUL on its third line."""

from __future__ import annotations

from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = folder / "matrix.csv"
    path.write_bytes(b"Ref,Element,Evidence\r1.1.1,,Surveys\r1.1.2,,Pan\0els\r")
    return path
