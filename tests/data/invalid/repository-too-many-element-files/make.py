from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """One more element file than a repository may hold: none is read."""
    for number in range(201):
        (root / "evidence" / f"extra-{number:03}.yaml").write_text(
            'element: "1.1.1"\n', encoding="utf-8", newline=""
        )
