from __future__ import annotations

from pathlib import Path

from tests.helpers import fifo


def make(root: Path) -> None:
    """cse.yaml is a named pipe: opening it to read would wait for a writer forever."""
    fifo(root / "cse.yaml")
