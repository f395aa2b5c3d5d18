"""A matrix as its readers give it: rows of cells, each with its place, and the limits read to.

The readers (`csv_file` for CSV files, `xlsx_book` for Excel workbooks) only
turn a file into rows; recognising the header, the elements and the evidence
in them is `recognise`'s work. Every limit is counted as the file is read, and
the reading stops where one is passed, with a located problem, never an
exception: nothing a file holds can make a reader run long or grow large.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union

from cse_cli.core.problems import Problem, Severity
from cse_cli.io.limits import MAX_FILE_BYTES

Value = Union[str, int, float, bool, dt.date, dt.datetime, dt.time, None]  # noqa: UP007 - run time on 3.10
"""What a cell holds, as the spreadsheet typed it."""

MAX_MATRIX_BYTES = 20_000_000
"""The largest spreadsheet file read (a matrix of 5,000 rows is well under 1 MB)."""
MAX_UNCOMPRESSED_BYTES = 100_000_000
"""The most a workbook's parts may expand to, all together (a zip bomb is refused)."""
MAX_ROWS = 100_000
"""The last row read: a matrix has a few thousand at most."""
MAX_COLUMNS = 200
"""The last column read (GR): a matrix has a dozen."""
MAX_CELLS = 400_000
"""Cells read in a sheet (empty ones too), or fields in a CSV file: room for what `cse export`
writes of a repository at check's limit of 20,000 evidence items (16 columns a row)."""
MAX_MERGED = 100_000
"""Merged ranges read in a sheet: a matrix merges a few per element."""
MAX_HYPERLINKS = 100_000
"""Hyperlinks read in a sheet: one a row at the row limit."""
MAX_CELL_CHARS = MAX_FILE_BYTES
"""The longest text of one cell: more than this could not fit in an element file."""
MAX_FIELDS = 16_384
"""Fields in one CSV record: as many as Excel has columns, so as many as it ever saves."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet would take a text starting with for a formula: a CSV export marks such
a text with a leading apostrophe, which reading takes off again."""


def unreadable_back(text: str, *, csv: bool) -> str | None:
    """Why `cse import` could not read a text back from a cell of an export, or None.

    Import takes a cell of white space alone for an empty cell (people leave
    stray spaces), and a NUL in a CSV file for a file that is not text (as Excel
    and Python's csv module do).
    """
    if not text.strip():
        return "is white space alone, which a spreadsheet shows as an empty cell: give it words"
    if csv and "\0" in text:
        return (
            "holds a NUL character, which a CSV file cannot carry (Excel, Python's csv module "
            "and cse import take it for a binary file): remove it, or export --format xlsx"
        )
    return None


def column_letter(column: int) -> str:
    """A column's letters as Excel names it: 1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
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
    date1904: bool = False
    """Whether the workbook counts its dates from 1904 (old Excel for the Mac), not 1900."""

    def place(self, row: int, column: int) -> str:
        """Where a cell is, as the user finds it: `Sheet!C12`, or `12:3` in a CSV file."""
        if self.name is None:
            return f"{row}:{column}"
        return f"{self.name}!{column_letter(column)}{row}"

    def problem(self, row: int, column: int, severity: Severity, message: str) -> Problem:
        """A problem located at a cell (row and column from 1; row 0 for the whole file)."""
        if self.name is None or row == 0:
            return Problem(self.file, row, column if row else 0, severity, message)
        cell = f"{self.name}!{column_letter(column)}{row}" if column else f"{self.name}!{row}"
        return Problem(self.file, row, column, severity, message, cell)

    def add(self, row: int, column: int, severity: Severity, message: str) -> None:
        """Record a problem at a cell."""
        self.problems.append(self.problem(row, column, severity, message))


def whole(file: str, message: str, name: str | None = None) -> Sheet:
    """A sheet holding one error about the whole file."""
    sheet = Sheet(file, name)
    sheet.add(0, 0, "error", message)
    return sheet


def shown(problem: Problem) -> str:
    """A matrix's problem as the user reads it: at its cell, or `matrix.xlsx: error: …`.

    A problem about the whole file has no place in it, so none is made up.
    """
    if problem.line == 0 and not problem.cell:
        return f"{problem.file}: {problem.severity}: {problem.message}"
    return str(problem)
