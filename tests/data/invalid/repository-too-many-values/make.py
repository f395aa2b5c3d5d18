from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Six files each within the limits for one file, over the values of a repository together.

    Each holds 90,000 key questions (`- a`): 540,000 values in all, past the
    500,000 of a repository in the sixth file, after which no file is read.
    """
    for element in ("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1"):
        lines = "- a\n" * 90_000
        text = f'element: "{element}"\nkey_questions:\n{lines}'
        (root / "evidence" / f"{element}.yaml").write_text(text, encoding="utf-8", newline="")
