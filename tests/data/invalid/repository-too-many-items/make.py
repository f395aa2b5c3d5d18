from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Three files each within the limits for one file, over the evidence items of a repository.

    Each holds 8,000 items (`- title: a`): 24,000 in all, past the 20,000 of a
    repository in the third file. The fourth, with a mistake, is not read.
    """
    for element in ("1.1.1", "1.1.2", "1.1.3"):
        lines = "- title: a\n" * 8_000
        text = f'element: "{element}"\nevidence:\n{lines}'
        (root / "evidence" / f"{element}.yaml").write_text(text, encoding="utf-8", newline="")
    (root / "evidence" / "1.2.1.yaml").write_text(
        'element: "1.2.1"\nfinale: full\n', encoding="utf-8", newline=""
    )
