"""1.1.1's final rating changed on two of its rows, to two different ratings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def _rate(sheet: Any) -> None:
    sheet["F3"].value = "Partial Compliance"
    sheet["F4"].value = "Compliance Plus"


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix rating 1.1.1 partial on row 3 and plus on row 4."""
    return update_case(folder, _rate)
