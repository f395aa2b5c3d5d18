from __future__ import annotations

from pathlib import Path

from tests.helpers import link


def make(root: Path) -> None:
    """Links that never reach a file: to themselves, in a ring, and a dangling one."""
    evidence = root / "evidence"
    link(evidence / "1.1.1.yaml", "1.1.1.yaml")
    link(evidence / "1.1.2.yaml", "1.1.3.yaml")
    link(evidence / "1.1.3.yaml", "1.1.2.yaml")
    link(evidence / "1.2.1.yaml", "nowhere.yaml")
    (root / "documents").mkdir()
    link(root / "documents" / "loop.pdf", "loop.pdf")
