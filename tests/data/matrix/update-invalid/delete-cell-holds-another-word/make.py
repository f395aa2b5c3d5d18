"""A Delete cell that says yes, where only delete deletes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import header_columns, update_case

if TYPE_CHECKING:
    from pathlib import Path


def _mark(sheet: Any) -> None:
    sheet.cell(4, header_columns(sheet)["Delete"]).value = "yes"


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix with `yes` in row 4's Delete cell."""
    return update_case(folder, _mark)
