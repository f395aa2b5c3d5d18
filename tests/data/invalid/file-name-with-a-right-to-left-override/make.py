"""A file name with a right-to-left override, which would show the line reordered: escaped."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import named_file


def make(root: Path) -> None:
    named_file(root / "evidence", "1.1.3\u202e.yaml", b'element: "1.1.3"\nfinal: full\n')
