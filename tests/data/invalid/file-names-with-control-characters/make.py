from __future__ import annotations

import os
from pathlib import Path


def make(root: Path) -> None:
    """File names with a line break, a right-to-left override and a byte that is not UTF-8.

    Each would split or reorder the problem's line, so the name is shown escaped.
    """
    evidence = root / "evidence"
    body = b'element: "1.1.2"\nfinal: full\n'
    (evidence / "1.1.2\n.yaml").write_bytes(body)
    (evidence / "1.1.3\u202e.yaml").write_bytes(body.replace(b"1.1.2", b"1.1.3"))
    (evidence / os.fsdecode(b"1.2.1\xff.yaml")).write_bytes(body.replace(b"1.1.2", b"1.2.1"))
