from __future__ import annotations

from pathlib import Path

from tests.helpers import link


def make(root: Path) -> None:
    """A folder inside that is a link to a folder outside: paths through it lead outside."""
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (outside / "passwd").write_bytes(b"root:x:0:0\n")
    link(root / "linked", outside)
