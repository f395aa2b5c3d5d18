"""One range merged more times than a sheet may have merged ranges."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, evidence_rows, repeated, streamed_workbook

from cse_cli.matrix.cells import MAX_MERGED


def make(folder: Path) -> Path:
    """The matrix file to import."""
    merges = [b"<mergeCells>", *repeated(b'<mergeCell ref="A2:A5"/>', MAX_MERGED + 1),
              b"</mergeCells>"]  # fmt: skip
    return streamed_workbook(folder / "matrix.xlsx", [HEADER_ROW, *evidence_rows(4)], merges)
