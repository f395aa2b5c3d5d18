"""One row of more empty cells than a sheet may hold: stopped in the row, not at its end."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, repeated, streamed_workbook

from cse_cli.matrix.cells import MAX_CELLS


def make(folder: Path) -> Path:
    """The matrix file to import."""
    row = [b'<row r="2">', *repeated(b"<c/>", MAX_CELLS * 2), b"</row>"]
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, *row])
