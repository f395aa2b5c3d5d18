"""An owner changed in the sheet and, since the export, in the repository, differently."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def _owner(sheet: Any) -> None:
    sheet["K3"].value = "AB"


def make(folder: Path) -> tuple[Path, Path]:
    """The repository with ES-1's owner changed to CD, and the matrix changing it to AB."""
    root, matrix = update_case(folder, _owner)
    file = root / "evidence" / "1.1.1.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("owner: JS", "owner: CD"),
        encoding="utf-8",
        newline="",
    )
    return root, matrix
