from __future__ import annotations

from pathlib import Path

from tests.helpers import fifo, link


def make(root: Path) -> None:
    """Named pipes as element files and documents, directly and through links."""
    fifo(root / "evidence" / "1.1.1.yaml")
    (root / "documents").mkdir()
    fifo(root / "documents" / "pipe")
    link(root / "documents" / "link-to-pipe", "pipe")
    link(root / "evidence" / "1.1.2.yaml", "../documents/pipe")
