"""A matrix that came back, and the base it carries: a workbook's hidden sheet, a CSV's top lines.

The matrix itself is read as `cse import` reads one (cse_cli.matrix.source); the
base is looked for beside it: in a workbook, column A of the hidden `cse base`
sheet; in a CSV file, the rows before the header whose only cell starts with
`#cse-base` (then taken out of the sheet, so they are never read as a matrix's
title rows, however many there are).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.matrix.cells import Sheet
from cse_cli.matrix.source import read_bytes
from cse_cli.matrix.update.base import MARK, SHEET

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class Carried:
    """The lines of a base, and the sheet and row where they start (for its problems)."""

    lines: tuple[str, ...]
    sheet: Sheet
    row: int


def without_base(sheet: Sheet) -> tuple[Sheet, Carried | None]:
    """A CSV matrix without the base lines at its top, and those lines (None when it has none)."""
    lines = []
    for cells in sheet.rows:
        first = cells[0]
        if (
            first.column != 1
            or not isinstance(first.value, str)
            or not first.value.startswith(MARK)
        ):
            break
        lines.append(first.value)
    if not lines:
        return sheet, None
    row = sheet.rows[0][0].row
    sheet.rows = sheet.rows[len(lines) :]
    return sheet, Carried(tuple(lines), sheet, row)


def workbook_base(path: Path, name: str) -> Carried | None:
    """The base in a workbook's hidden sheet, None when it has none (or cannot be read)."""
    from cse_cli.matrix.xlsx_book import read_xlsx

    raw, _ = read_bytes(path)
    if raw is None:
        return None
    try:
        sheet = read_xlsx(raw, name, SHEET)
    except CseError:  # no such sheet
        return None
    lines = tuple(
        str(cells[0].value)
        for cells in sheet.rows
        if cells[0].column == 1 and str(cells[0].value).startswith(MARK)
    )
    if not lines:
        return None
    first = next(cells[0].row for cells in sheet.rows if str(cells[0].value).startswith(MARK))
    return Carried(lines, Sheet(name, SHEET), first)
