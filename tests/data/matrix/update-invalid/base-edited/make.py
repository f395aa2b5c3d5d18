"""The hidden sheet's base with one character of its encoded text changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix with the base's text edited."""
    root, matrix = update_case(folder)
    book = load_workbook(matrix)
    base: Any = book["cse base"]
    text = str(base["A3"].value)
    base["A3"].value = text[:40] + ("A" if text[40] != "A" else "B") + text[41:]
    book.save(matrix)
    return root, matrix
