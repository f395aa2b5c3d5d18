"""Ranges down column A, each starting a row lower: they cover more cells than cse reads."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, evidence_rows, streamed_workbook


def make(folder: Path) -> Path:
    """The matrix file to import."""
    merges = [b'<mergeCell ref="A%d:A2001"/>' % first for first in range(2, 2_001)]
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, *evidence_rows(2_000)],
                             [b"<mergeCells>", *merges, b"</mergeCells>"])  # fmt: skip
