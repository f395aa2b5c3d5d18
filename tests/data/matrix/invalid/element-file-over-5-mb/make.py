"""Six cells of a million characters each: one element file of six million bytes."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    text = b"x" * 1_000_000
    rows = [HEADER_ROW, b'<row r="2"><c r="A2" t="inlineStr"><is><t>1.1.1</t></is></c></row>']
    rows += [b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>%s</t></is></c></row>'
             % (n, n, text) for n in range(3, 9)]  # fmt: skip
    return streamed_workbook(folder / "matrix.xlsx", rows)
