"""Cells naming shared strings -1 (which would read the last) and one past the table's end."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    rows = [
        HEADER_ROW,
        b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>-1</v></c></row>',
        b'<row r="3"><c r="B3" t="s"><v>2</v></c></row>',
    ]
    strings = [b"<si><t>1.1.1</t></si>", b"<si><t>Surveys</t></si>"]
    return streamed_workbook(folder / "matrix.xlsx", rows, strings=strings)
