"""A row's evidence cells cleared, where the row was meant to go."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def _clear(sheet: Any) -> None:
    sheet["J4"].value = None


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix with row 4's Evidence cell emptied."""
    return update_case(folder, _clear)
