"""A workbook whose sheet expands to 120 MB of spaces from a few hundred kilobytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

MB = 1_000_000


def make(folder: Path) -> Path:
    """The matrix file to import."""
    path = folder / "matrix.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as stream:
            for _ in range(120):
                stream.write(b" " * MB)
    return path
