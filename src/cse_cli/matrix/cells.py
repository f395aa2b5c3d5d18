"""An evidence matrix read from a spreadsheet: its rows of cells, each with its place.

The readers (`matrix_xlsx` for Excel workbooks, `matrix_csv` for CSV files)
only turn a file into rows; recognising the header, the elements and the
evidence in them is `cse_cli.matrix.recognise`'s work. Every limit is checked
before the file, or the part of it, is read; a file that breaks one gives a
located problem, never an exception.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from cse_cli.core.problems import CseError, Problem, Severity

if TYPE_CHECKING:
    from pathlib import Path

Value = Union[str, int, float, bool, dt.date, dt.datetime, None]  # noqa: UP007 - run time on 3.10
"""What a cell holds, as the spreadsheet typed it."""

MAX_MATRIX_BYTES = 20_000_000
"""The largest spreadsheet file read (a matrix of 5,000 rows is well under 1 MB)."""
MAX_UNCOMPRESSED_BYTES = 100_000_000
"""The most a workbook's parts may expand to, all together (a zip bomb is refused)."""
MAX_ROWS = 100_000
"""The last row read: a matrix has a few thousand at most."""
MAX_COLUMNS = 200
"""The last column read (GR): a matrix has a dozen."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet would take a text starting with for a formula: a CSV export marks such
a text with a leading apostrophe, which reading takes off again."""


def column_letter(column: int) -> str:
    """A column's letters as Excel names it: 1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Cell:
    """One cell that holds something: its row and column (from 1), value and fill colour."""

    row: int
    column: int
    value: Value
    fill: str | None = None
    """The cell's solid fill colour (a service's colour), when it has one."""
    link: str | None = None
    """Where the cell's hyperlink leads, when it has one."""


@dataclass
class Sheet:
    """The cells of one sheet (or CSV file), row by row, and the problems met reading it."""

    file: str
    """The file's name as problems show it."""
    name: str | None
    """The sheet's name in a workbook; None for a CSV file."""
    rows: list[list[Cell]] = field(default_factory=list)
    """The rows that hold at least one cell with a value, in order; cells in column order."""
    problems: list[Problem] = field(default_factory=list)
    epoch: dt.date = dt.date(1899, 12, 30)
    """Day 0 of the workbook's date serial numbers (Excel's 1900 system, as Excel counts)."""

    def place(self, row: int, column: int) -> str:
        """Where a cell is, as the user finds it: `Sheet!C12`, or `12:3` in a CSV file."""
        if self.name is None:
            return f"{row}:{column}"
        return f"{self.name}!{column_letter(column)}{row}"

    def problem(self, row: int, column: int, severity: Severity, message: str) -> Problem:
        """A problem located at a cell (row and column from 1; 0 for the whole file)."""
        if self.name is None or row == 0:
            return Problem(self.file, row, column, severity, message)
        cell = f"{self.name}!{column_letter(column)}{row}" if column else f"{self.name}!{row}"
        return Problem(self.file, row, column, severity, message, cell)

    def add(self, row: int, column: int, severity: Severity, message: str) -> None:
        """Record a problem at a cell."""
        self.problems.append(self.problem(row, column, severity, message))


def read_matrix(path: Path, sheet: str | None) -> Sheet:
    """The rows of the spreadsheet at `path`: a .xlsx workbook's sheet, or a .csv file.

    Raises CseError when the file cannot be a matrix at all (no such file, another
    kind of file); problems inside it are in the sheet's `problems`.
    """
    suffix = path.suffix.lower()
    name = path.name
    if suffix not in {".xlsx", ".xlsm", ".csv"}:
        raise CseError(
            f"{name}: cse imports .xlsx workbooks and .csv files; save the matrix as one of them"
        )
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CseError(f"{name}: is not a file")
    except FileNotFoundError:
        raise CseError(f"{path}: no such file") from None
    except OSError as exc:
        raise CseError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    if size > MAX_MATRIX_BYTES:
        return _too_large(name, size)
    if suffix == ".csv":
        if sheet is not None:
            raise CseError(f"{name}: --sheet is for workbooks; a CSV file has one sheet")
        from cse_cli.matrix.csv_file import read_csv

        return read_csv(path.read_bytes(), name)
    from cse_cli.matrix.xlsx_book import read_xlsx

    return read_xlsx(path, name, sheet)


def _too_large(name: str, size: int) -> Sheet:
    result = Sheet(name, None)
    message = (
        f"the file is {size:,} bytes, over the limit of {MAX_MATRIX_BYTES:,} for a matrix: "
        "remove pictures and other sheets, or save the matrix sheet alone"
    )
    result.add(0, 0, "error", message)
    return result
