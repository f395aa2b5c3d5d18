from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Links that never reach a file: to themselves, in a ring, and a dangling one."""
    evidence = root / "evidence"
    (evidence / "1.1.1.yaml").symlink_to("1.1.1.yaml")
    (evidence / "1.1.2.yaml").symlink_to("1.1.3.yaml")
    (evidence / "1.1.3.yaml").symlink_to("1.1.2.yaml")
    (evidence / "1.2.1.yaml").symlink_to("nowhere.yaml")
    (root / "documents").mkdir()
    (root / "documents" / "loop.pdf").symlink_to("loop.pdf")
