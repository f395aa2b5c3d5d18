from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Three files each under the limit for one file, over the limit for them together."""
    for element in ("1.1.1", "1.1.2", "1.1.3"):
        notes = "x" * 2_000_000
        text = f'element: "{element}"\nnotes: {notes}\n'
        (root / "evidence" / f"{element}.yaml").write_text(text, encoding="utf-8", newline="")
