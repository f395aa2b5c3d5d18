from __future__ import annotations

from pathlib import Path

from tests.helpers import link

MARKER = "SECRET-OUTSIDE-THE-REPOSITORY"


def make(root: Path) -> None:
    """evidence_dir names a folder inside that is a link to a folder outside: never listed."""
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (outside / "1.1.1.yaml").write_text(
        f'element: "1.1.1"\nfinal: {MARKER}\n', encoding="utf-8", newline=""
    )
    link(root / "records", outside)
