"""A row's key changed to one the export never wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import header_columns, update_case

if TYPE_CHECKING:
    from pathlib import Path


def _key(sheet: Any) -> None:
    sheet.cell(4, header_columns(sheet)["cse key"]).value = "1.1.1 evidence #9"


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix with row 4's key edited."""
    return update_case(folder, _key)
