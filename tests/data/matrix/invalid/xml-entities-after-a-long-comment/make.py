"""Entities declared after 10 kB of comment, past where the first look for a DTD reaches."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SHEET_XML, matrix_workbook, rewrite_part

DTD = b'<!DOCTYPE x [<!ENTITY big "' + b"laugh " * 1000 + b'">]>'


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = matrix_workbook(folder / "matrix.xlsx", [["1.1.1", None, "&big;"]])

    def planted(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>") if xml.startswith(b"<?xml") else (b"", b"", xml)
        padding = b"<!--" + b" " * 10_000 + b"-->"
        head += b"?>" if head else b""
        return head + padding + DTD + rest.replace(b">1.1.1<", b">&big;<")

    rewrite_part(path, SHEET_XML, planted)
    return path
