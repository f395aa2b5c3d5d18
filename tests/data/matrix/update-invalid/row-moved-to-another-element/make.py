"""A row's element cell changed, as if to move the evidence to another element."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def _move(sheet: Any) -> None:
    sheet["A4"].value = "1.2.1"


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix with row 4 naming 1.2.1."""
    return update_case(folder, _move)
