"""The hidden sheet's base re-encoded by hand after a change, its checksum left as it was."""

from __future__ import annotations

import base64
import zlib
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from tests.helpers import update_case

if TYPE_CHECKING:
    from pathlib import Path


def make(folder: Path) -> tuple[Path, Path]:
    """The repository, and its matrix whose base says 1.1.1 was rated partial."""
    root, matrix = update_case(folder)
    book = load_workbook(matrix)
    base: Any = book["cse base"]
    data = zlib.decompress(base64.urlsafe_b64decode(str(base["A3"].value).split(" ")[1]))
    changed = data.replace(b'"Full Compliance"', b'"Partial Compliance"', 1)
    base["A3"].value = "#cse-base " + base64.urlsafe_b64encode(zlib.compress(changed)).decode()
    book.save(matrix)
    return root, matrix
