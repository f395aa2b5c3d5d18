"""A CSV file with a UTF-8 line and a Windows-1252 line: two encodings in one file."""

from __future__ import annotations

from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = folder / "matrix.csv"
    utf8 = "1.1.1,,Café survey,JS\r\n".encode()
    cp1252 = "1.1.2,,Résumé of feedback,AB\r\n".encode("cp1252")
    path.write_bytes(b"Ref,Element,Evidence,Owner\r\n" + utf8 + cp1252)
    return path
