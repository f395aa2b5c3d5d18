"""A 98 KB workbook with a cell of 99,000,000 characters (it would write 95 MB)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, repeated, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    start = b'<row r="2"><c r="A2" t="inlineStr"><is><t>1.1.1</t></is></c><c r="B2" t="inlineStr">'
    cell = [start, b"<is><t>", *repeated(b"x" * 1000, 99_000), b"</t></is></c></row>"]
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, *cell])
