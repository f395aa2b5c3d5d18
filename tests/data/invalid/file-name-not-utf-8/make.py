"""A file name holding a byte that is not UTF-8, as Linux allows: shown escaped.

macOS names files in UTF-8 and Windows in Unicode: neither can hold this name.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import named_file


def make(root: Path) -> None:
    named_file(root / "evidence", b"1.2.1\xff.yaml", b'element: "1.2.1"\nfinal: full\n')
