"""An encrypted workbook: Excel keeps it in an OLE2 container with an EncryptionInfo stream."""

from __future__ import annotations

from pathlib import Path


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = folder / "matrix.xlsx"
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(ole2 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 4096)
    return path
