from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Control characters: a raw BEL and ESC are refused; escaped in quotes they are text."""
    evidence = root / "evidence"
    (evidence / "1.1.1.yaml").write_bytes(b'element: "1.1.1"\nowner: Head of\x07 Library\n')
    (evidence / "1.1.2.yaml").write_bytes(b'element: "1.1.2"\nnotes: "\x1b[31mred"\n')
    (evidence / "1.1.3.yaml").write_bytes(b'element: "1.1.3"\nfinal: "full\\x1b[2J"\n')
