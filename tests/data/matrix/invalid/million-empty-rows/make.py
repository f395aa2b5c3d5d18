"""A sheet whose matrix is followed by a million empty, formatted rows."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SHEET_XML, matrix_workbook, rewrite_part


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = matrix_workbook(folder / "matrix.xlsx", [["1.1.1", None, "Surveys", "JS"]])
    empty = b"".join(b'<row r="%d" customFormat="1" s="0"/>' % n for n in range(5, 1_000_001))
    rewrite_part(path, SHEET_XML, lambda xml: xml.replace(b"</sheetData>", empty + b"</sheetData>"))
    return path
