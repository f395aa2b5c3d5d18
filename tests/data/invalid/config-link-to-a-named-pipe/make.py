from __future__ import annotations

from pathlib import Path

from tests.helpers import fifo, link


def make(root: Path) -> None:
    """cse.yaml is a link to a named pipe inside the repository: refused, not waited on."""
    link(root / "cse.yaml", fifo(root / "settings.pipe").name)
