"""A cell whose tag holds more attributes than fit in a megabyte (expat gathers a tag whole)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    attributes = b"".join(b' a%d=""' % n for n in range(200_000))
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, b'<row r="2"><c r="B2"',
                                                      attributes, b"/></row>"])  # fmt: skip
