"""A CSV export whose first line, the base's checksum, was edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def _edit(lines: list[str]) -> None:
    lines[0] = lines[0].replace("#cse-base 1 ", "#cse-base 1 0", 1)


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its CSV matrix with the checksum changed."""
    return update_case(folder, _edit, suffix="csv")
