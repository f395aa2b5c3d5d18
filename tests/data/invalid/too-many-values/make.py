from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """150,000 key questions (1.5 MB): over the limit of values in one file."""
    body = 'element: "1.1.1"\nkey_questions:\n' + "  - Ask\n" * 150_000
    (root / "evidence" / "1.1.1.yaml").write_text(body, encoding="utf-8", newline="")
