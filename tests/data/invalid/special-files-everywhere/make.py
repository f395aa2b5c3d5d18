from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    """Named pipes as element files and documents, directly and through links."""
    os.mkfifo(root / "evidence" / "1.1.1.yaml")
    (root / "documents").mkdir()
    os.mkfifo(root / "documents" / "pipe")
    (root / "documents" / "link-to-pipe").symlink_to("pipe")
    (root / "evidence" / "1.1.2.yaml").symlink_to("../documents/pipe")
