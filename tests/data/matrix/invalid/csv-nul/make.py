"""A CSV file holding a NUL byte."""

from __future__ import annotations

from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = folder / "matrix.csv"
    path.write_bytes(b"Ref,Element,Evidence\r\n1.1.1,,Sur\0veys\r\n")
    return path
