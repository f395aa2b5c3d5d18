from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Notes of 4.9 MB on one line: under the 5 MB limit, so a valid file."""
    notes = ("Minutes of the customer panel, pasted whole. " * 110_000).encode()
    (root / "evidence" / "1.1.1.yaml").write_bytes(
        b'element: "1.1.1"\nfinal: full\nnotes: "' + notes + b'"\n'
    )
