from __future__ import annotations

from pathlib import Path

from tests.helpers import link

MARKER = "SECRET-OUTSIDE-THE-REPOSITORY"


def make(root: Path) -> None:
    """cse.yaml is a link to a file outside the repository: it marks the root but is not read."""
    outside = root.parent / f"{root.name}-outside.yaml"
    outside.write_text(
        f"organisation: {MARKER}\nevidence_dir: {MARKER}\n", encoding="utf-8", newline=""
    )
    link(root / "cse.yaml", outside)
