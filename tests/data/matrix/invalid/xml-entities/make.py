"""A workbook whose sheet declares entities that expand a billion times (billion laughs)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SHEET_XML, matrix_workbook, rewrite_part

DTD = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = matrix_workbook(folder / "matrix.xlsx", [["1.1.1", None, "&lol3;"]])

    def planted(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>") if xml.startswith(b"<?xml") else (b"", b"", xml)
        head += b"?>" if head else b""
        return head + DTD + rest.replace(b">1.1.1<", b">&lol3;<")

    rewrite_part(path, SHEET_XML, planted)
    return path
