"""A cell whose text holds Excel's escape of half of a character (a lone UTF-16 surrogate)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    row = (b'<row r="2"><c r="A2" t="inlineStr"><is><t>1.1.1</t></is></c><c r="B2" '
           b't="inlineStr"><is><t>Smile _xD83D_ please</t></is></c></row>')  # fmt: skip
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, row])
