from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    """cse.yaml is a named pipe: opening it to read would wait for a writer forever."""
    os.mkfifo(root / "cse.yaml")
