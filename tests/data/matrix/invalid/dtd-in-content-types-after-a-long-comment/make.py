"""A DTD in [Content_Types].xml, after a comment longer than any prolog a scan would read."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import matrix_workbook, rewrite_part

DTD = b'<!DOCTYPE Types [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = matrix_workbook(folder / "matrix.xlsx", [["1.1.1", None, "Surveys"]])

    def planted(xml: bytes) -> bytes:
        return b'<?xml version="1.0"?><!--' + b" " * 20_000 + b"-->" + DTD + xml

    rewrite_part(path, "[Content_Types].xml", planted)
    return path
