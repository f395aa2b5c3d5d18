from __future__ import annotations

from pathlib import Path


def make(root: Path) -> None:
    """Files git would call binary: a NUL byte, UTF-16 and UTF-32 text, a PNG, Windows-1252."""
    evidence = root / "evidence"
    (evidence / "1.1.1.yaml").write_bytes(b'element: "1.1.1"\nowner: Head\x00of Library\n')
    (evidence / "1.1.2.yaml").write_text(
        'element: "1.1.2"\nfinal: full\n', encoding="utf-16", newline=""
    )
    (evidence / "1.1.3.yaml").write_text(
        'element: "1.1.3"\nfinal: full\n', encoding="utf-32", newline=""
    )
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    (evidence / "1.2.1.yaml").write_bytes(png)
    (evidence / "1.2.2.yaml").write_bytes(
        'element: "1.2.2"\nowner: Caf\u00e9 manager \u2013 Students\u2019 Union\n'.encode("cp1252")
    )
