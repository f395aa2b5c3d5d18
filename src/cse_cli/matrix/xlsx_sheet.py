"""One worksheet's XML read as a stream of cells, counted at every cell, stopped at the limits.

Only the few elements a matrix needs reach this reader (`row`, `c`, `v`, `f`,
`is`, `t`, `rPh`, `mergeCell`, `hyperlink`); every other one only costs its
count. Each cell is counted as it starts, so a row of millions of empty cells
stops at the limit, not at the row's end; merged ranges and hyperlinks (which
come after the rows) are counted too, and laid over the rows by `xlsx_layout`.
A fault in a cell (a shared-string index out of range, a date Excel cannot
show, half of a character) is a problem at that cell.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from cse_cli.matrix.cells import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_HYPERLINKS,
    MAX_MERGED,
    MAX_ROWS,
    Cell,
    Value,
    column_letter,
)
from cse_cli.matrix.dates import serial_date
from cse_cli.matrix.values import Unreadable
from cse_cli.matrix.xlsx_styles import TooLong
from cse_cli.matrix.xml_part import LOCAL, Budget, PartReader, Stop, Text, integer

if TYPE_CHECKING:
    from cse_cli.core.problems import Severity
    from cse_cli.matrix.cells import Sheet
    from cse_cli.matrix.xlsx_styles import Styles

_DIGITS = "0123456789"
_RANGE = re.compile(r"([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SURROGATE_PAIR = re.compile("([\ud800-\udbff])([\udc00-\udfff])")
_SURROGATE = re.compile("[\ud800-\udfff]")

_COLUMNS = {column_letter(n): n for n in range(1, 16_385)}
"""Each of Excel's columns (A to XFD) by its letters."""
Range = tuple[int, int, int, int]
"""A range of cells: first column, first row, last column, last row."""


class SheetReader(PartReader):
    """Reads the rows of a sheet into `sheet`, and its merged ranges and hyperlinks aside."""

    def __init__(
        self, sheet: Sheet, budget: Budget, strings: list[str | TooLong], styles: Styles
    ) -> None:
        """A reader filling `sheet`, with the workbook's shared strings and styles."""
        self.sheet, self.budget, self.strings, self.styles = sheet, budget, strings, styles
        self.cells = 0
        self.rows = 0
        self.row, self.column, self.kind, self.style = 0, 0, "n", 0
        self.current: list[Cell] = []
        self.raw: Text | None = None
        self.texts: Text | None = None
        self.phonetic = 0
        self.formula = False
        self.gather: Text | None = None
        self.counted = [0, 0]
        """The hyperlinks and the merged ranges given, each counted."""
        self.merged: dict[Range, None] = {}
        self.links: dict[Range, str] = {}
        """Each hyperlink's cells and its relationship id, or '#' and a place in the workbook."""

    def on_start(self, name: str, attrs: dict[str, str]) -> None:
        """The handler expat calls, in one call for speed: count, and note what starts."""
        budget = self.budget
        budget.left -= 1 + len(attrs)
        if budget.left < 0:
            self.over_budget()
        name = LOCAL.get(name, "")
        if not name:
            return
        if name == "c":
            self._start_cell(attrs)
        elif name == "v":
            self.gather = self.raw = Text()
        elif name == "t":
            self.gather = self.texts if not self.phonetic else None
        elif name == "is":
            self.texts = Text()
        else:
            self._start_other(name, attrs)

    def _start_other(self, name: str, attrs: dict[str, str]) -> None:
        """A row, a formula, a phonetic run, a merged range or a hyperlink starts."""
        if name == "row":
            self._start_row(attrs.get("r"))
        elif name == "rPh":
            self.phonetic += 1
        elif name == "f":
            self.formula = True
        elif name in {"mergeCell", "hyperlink"}:
            self._after_the_rows(name, attrs)

    def on_end(self, name: str) -> None:
        """The handler expat calls: finish a cell, a row, or the text of one."""
        name = LOCAL.get(name, "")
        if not name:
            return
        if name == "c":
            self._end_cell()
        elif name in {"v", "t"}:
            self.gather = None
        elif name == "rPh":
            self.phonetic -= 1
        elif name == "row" and self.current:
            self.sheet.rows.append(self.current)
            self.current = []

    def text(self, data: str) -> None:
        """Gather a value's or an inline string's text."""
        if self.gather is not None:
            self.gather.add(data)

    def _start_row(self, number: str | None) -> None:
        if self.current:  # a row inside a row: keep what the first held
            self.sheet.rows.append(self.current)
        self.current, self.column = [], 0
        self.row = (integer(number) or 0) if number is not None else self.row + 1
        self.rows += 1
        if self.row > MAX_ROWS:
            self._stop(1, f"the sheet goes on past row {MAX_ROWS:,}, the most cse reads: "
                       "delete the rows below the matrix and save")  # fmt: skip
        if self.rows > MAX_ROWS:  # rows given again and again under the same numbers
            self._stop(1, f"the sheet's XML gives more than {MAX_ROWS:,} rows, the most "
                       "cse reads: the workbook is damaged; open it in Excel and save it "
                       "again")  # fmt: skip
        if self.row <= 0:
            self.row = 0  # no place in the sheet to show
            self._stop(0, f"the sheet has a row numbered {str(number)[:40]!r}, and rows "
                       "count from 1: the workbook is damaged; open it in Excel and save it "
                       "again")  # fmt: skip

    def _start_cell(self, attrs: dict[str, str]) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            message = f"the sheet has more than {MAX_CELLS:,} cells, the most cse reads: "
            self._stop(self.column + 1, message + "delete what is not the matrix and save")
        reference = attrs.get("r")
        column = _COLUMNS.get(reference.rstrip(_DIGITS)) if reference else None
        self.column = column if column is not None else self.column + 1
        style = attrs.get("s")
        self.kind, self.style = attrs.get("t", "n"), (integer(style) or 0) if style else 0
        self.raw = self.texts = None
        self.formula = False

    def _end_cell(self) -> None:
        value = self._value()
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        if self.column > MAX_COLUMNS:
            message = f"a value beyond column {MAX_COLUMNS}, the most cse reads: "
            self._stop(self.column, message + "delete the columns right of the matrix and save")
        self.current.append(Cell(self.row, self.column, value, self.styles.fills.get(self.style)))

    def _value(self) -> Value:  # noqa: PLR0911 - one return for each kind of cell
        if self.kind == "inlineStr":
            return self._text(self.texts)
        raw = self.raw
        if raw is None or raw.size == 0:
            if self.formula:
                self._add("warning", "a formula with no value saved: read as empty (open the "
                          "workbook in Excel and save it, to keep the value)")  # fmt: skip
            return None
        if self.kind == "s":
            return self._shared(raw.value())
        if self.kind == "str":
            return self._text(raw)
        if self.kind == "d":
            return _iso(raw.value())
        if self.kind == "b":
            return raw.value().strip() == "1"
        if self.kind == "e":
            self._add("warning", f"the cell shows the error {raw.value()}: read as empty")
            return None
        return self._number(raw)

    def _number(self, raw: Text) -> Value:
        text = raw.value()
        try:
            number = float(text)
        except ValueError:
            self._add("error", f"the cell's number {text[:40]!r} is not a number")
            return None
        if self.style in self.styles.dates:
            try:
                return serial_date(number, date1904=self.sheet.date1904)
            except Unreadable:
                return number  # shown as ####: a date column says why, another keeps it
        plain = number.is_integer() and not any(mark in text for mark in ".eE")
        return int(number) if plain else number

    def _shared(self, text: str) -> Value:
        index = integer(text)
        if index is None or not 0 <= index < len(self.strings):
            self._add("error", f"the cell names shared string {text[:40]!r}, but the workbook "
                      f"has {len(self.strings):,} (0 to {len(self.strings) - 1:,}): the "
                      "workbook is damaged; open it in Excel and save it again")  # fmt: skip
            return None
        found = self.strings[index]
        if isinstance(found, TooLong):
            self._too_long(found.size)
            return None
        return self._escapes(found)

    def _text(self, text: Text | None) -> Value:
        if text is None:
            return None
        if text.too_long:
            self._too_long(text.size)
            return None
        return self._escapes(text.value())

    def _escapes(self, text: str) -> str | None:
        """A text with Excel's escapes of characters XML cannot hold (`_x001B_`) undone."""
        if "_x" not in text:
            return text
        text = _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text)
        text = _SURROGATE_PAIR.sub(lambda m: (m[1] + m[2]).encode("utf-16", "surrogatepass")
                                   .decode("utf-16"), text)  # fmt: skip
        lone = _SURROGATE.search(text)
        if lone is not None:
            self._add("error", f"_x{ord(lone[0]):04X}_ is half of a character (a UTF-16 "
                      "surrogate without its pair), which no text file can hold: type the "
                      "character again")  # fmt: skip
            return None
        return text

    def _too_long(self, size: int) -> None:
        self._add("error", f"the cell holds {size:,} characters, over the limit of "
                  f"{MAX_CELL_CHARS:,} for one cell (an element file holds no more): keep "
                  "long documents as files and give their location")  # fmt: skip

    def _after_the_rows(self, name: str, attrs: dict[str, str]) -> None:
        """A merged range, or a hyperlink (its relationship id, or its place in the workbook).

        Each element is counted, so a range given a million times stops at the limit.
        """
        merged = name == "mergeCell"
        self.counted[merged] += 1
        found = cell_range(attrs.get("ref", ""))
        if self.counted[merged] > (MAX_MERGED if merged else MAX_HYPERLINKS):
            what = f"{MAX_MERGED:,} merged ranges" if merged else f"{MAX_HYPERLINKS:,} hyperlinks"
            self._stop(found[0] if found else 0, f"the sheet has more than {what}, the most cse "
                       "reads: delete what is not the matrix and save",
                       row=found[1] if found else 0)  # fmt: skip
        if found is None:
            return
        if merged:
            if found[3] > found[1]:  # only a range down rows carries a value to other rows
                self.merged[found] = None
            return
        rel_id = next((v for k, v in attrs.items() if k.endswith(" id")), None)
        location = attrs.get("location")
        if rel_id is not None or location is not None:
            self.links[found] = rel_id if rel_id is not None else f"#{location}"

    def _add(self, severity: Severity, message: str) -> None:
        self.sheet.add(self.row, self.column, severity, message)

    def _stop(self, column: int, message: str, row: int | None = None) -> None:
        self.sheet.add(self.row if row is None else row, column, "error", message)
        raise Stop


def cell_range(ref: str) -> Range | None:
    """The cells a reference covers ('C12', or 'A4:A9'), rows and columns from 1; None if none."""
    found = _RANGE.fullmatch(ref)
    if found is None:
        return None
    c1, r1 = _COLUMNS.get(found[1].upper(), 0), int(found[2])
    c2, r2 = (_COLUMNS.get(found[3].upper(), 0), int(found[4])) if found[3] else (c1, r1)
    if r1 < 1 or c1 < 1 or r2 < r1 or c2 < c1:
        return None
    return c1, r1, c2, min(r2, MAX_ROWS)


def _iso(text: str) -> Value:
    """A date cell written as ISO text (`t="d"`), as a date and time where it reads as one."""
    try:
        return dt.datetime.fromisoformat(text.strip().removesuffix("Z"))
    except ValueError:
        return text
