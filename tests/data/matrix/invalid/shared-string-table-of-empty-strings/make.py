"""A workbook of a few KB whose shared-string table holds more entries than cse reads."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import repeated, streamed_workbook

from cse_cli.matrix.xlsx_styles import MAX_SHARED_STRINGS


def make(folder: Path) -> Path:
    """The matrix file to import."""
    strings = repeated(b"<si><t/></si>", MAX_SHARED_STRINGS + 1)
    return streamed_workbook(folder / "matrix.xlsx", strings=strings)
