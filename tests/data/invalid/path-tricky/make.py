from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """A folder inside that is a link to /etc: paths through it lead outside."""
    (root / "linked").symlink_to("/etc", target_is_directory=True)
