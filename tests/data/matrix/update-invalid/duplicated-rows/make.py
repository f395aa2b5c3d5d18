"""A row copied below the matrix, key and all, and changed there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def _copy(sheet: Any) -> None:
    sheet.append([cell.value for cell in sheet[4]])
    sheet.cell(sheet.max_row, 11).value = "A copy's owner"


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix with row 4 copied to the end."""
    return update_case(folder, _copy)
