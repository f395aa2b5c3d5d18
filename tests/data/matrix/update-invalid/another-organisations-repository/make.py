"""A matrix exported from another council's repository, merged into this one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import exported, update_case, write_repo

if TYPE_CHECKING:
    from pathlib import Path


def make(folder: Path) -> tuple[Path, Path]:
    """This council's repository, and the other council's matrix."""
    root, _ = update_case(folder)
    other = write_repo(folder / "other", {
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nfinal: partial\nevidence:\n  - title: Survey\n',
    }, 'organisation: "Another Council"\n')  # fmt: skip
    return root, exported(other, folder / "matrix.xlsx")
