"""One worksheet's XML read as a stream of rows, with expat, and stopped at the limits.

expat's C parser does the reading; only the few elements a matrix needs
(`row`, `c`, `v`, `f`, `t`) reach Python. A document type declaration (where
XML entities are declared: "billion laughs", external entities) stops the
reading wherever it appears, so no entity is ever expanded.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.parsers.expat
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING

from cse_cli.matrix.cells import MAX_COLUMNS, MAX_ROWS, Cell, Sheet, Value

if TYPE_CHECKING:
    from collections.abc import Callable

MAX_CELLS = 3_000_000  # cell elements parsed, empty ones included
_CHUNK = 1 << 16
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ROW, _CELL, _VALUE, _FORMULA, _TEXT, _MERGE, _LINK = (
    f"{_MAIN} {tag}" for tag in ("row", "c", "v", "f", "t", "mergeCell", "hyperlink")
)
_LINK_ID = "http://schemas.openxmlformats.org/officeDocument/2006/relationships id"
_CELL_REF = re.compile(r"^([A-Za-z]{1,3})(\d{1,7})")
_RANGE = re.compile(r"^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


class DeclaresEntities(Exception):  # noqa: N818 - says what the file does
    """The XML has a document type declaration: refused, unread."""


class _Stop(Exception):  # noqa: N818 - a limit was reached: the problem is in the sheet
    pass


@dataclass
class Styles:
    """What a cell's style says: which styles are dates, and each style's fill colour."""

    strings: list[str]
    dates: set[int]
    fills: dict[int, str]
    to_date: Callable[[float], dt.datetime]
    links: dict[str, str] = field(default_factory=dict)
    """The sheet's hyperlink targets by relationship id."""


@dataclass
class _Current:
    row: int = 0
    column: int = 0
    cells: list[Cell] = field(default_factory=list)
    kind: str = "n"
    style: int = 0
    value: str | None = None
    texts: list[str] = field(default_factory=list)
    formula: bool = False
    buffer: list[str] | None = None
    parsed: int = 0


def read_sheet(source: IO[bytes], sheet: Sheet, styles: Styles) -> Sheet:
    """Read the rows of a worksheet part into `sheet` (problems included); DeclaresEntities."""
    reader = _Reader(sheet, styles)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = reader.doctype
    parser.EntityDeclHandler = reader.doctype
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    parser.buffer_text = True
    try:
        while chunk := source.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop:
        return sheet
    _fill_down(sheet, reader.merged)
    _link(sheet, reader.links, styles.links)
    return sheet


def _link(sheet: Sheet, links: dict[tuple[int, int], str], targets: dict[str, str]) -> None:
    """Give each cell with a hyperlink the place it leads to."""
    if not links:
        return
    for index, cells in enumerate(sheet.rows):
        if any((cell.row, cell.column) in links for cell in cells):
            sheet.rows[index] = [
                replace(cell, link=targets.get(links.get((cell.row, cell.column), "")))
                for cell in cells
            ]


def _fill_down(sheet: Sheet, merged: list[tuple[int, int, int]]) -> None:
    """Give each row of a cell merged down a column the merged cell's value.

    An element's id, or an owner's initials, merged down the rows of its
    evidence then reads on every row as it shows in Excel.
    """
    if not merged:
        return
    rows = {cells[0].row: cells for cells in sheet.rows}
    for column, first, last in merged:
        top = next((c for c in rows.get(first, []) if c.column == column), None)
        if top is None:
            continue
        for number in range(first + 1, last + 1):
            cells = rows.get(number)
            copied = Cell(number, column, top.value, top.fill)
            if cells is None:
                rows[number] = [copied]
            elif all(c.column != column for c in cells):
                cells.append(copied)
                cells.sort(key=lambda c: c.column)
    sheet.rows[:] = [rows[number] for number in sorted(rows)]


class _Reader:
    def __init__(self, sheet: Sheet, styles: Styles) -> None:
        self.sheet = sheet
        self.styles = styles
        self.now = _Current()
        self.links: dict[tuple[int, int], str] = {}
        """The relationship id of each cell's hyperlink, by (row, column)."""
        self.merged: list[tuple[int, int, int]] = []
        """Cells merged down one column: (column, first row, last row)."""

    def doctype(self, *_: object) -> None:
        raise DeclaresEntities

    def characters(self, data: str) -> None:
        if self.now.buffer is not None:
            self.now.buffer.append(data)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        now = self.now
        if name == _CELL:
            reference = attrs.get("r")
            now.column = _column(reference) if reference else now.column + 1
            now.kind, now.style = attrs.get("t", "n"), int(attrs.get("s") or 0)
            now.value, now.texts, now.formula = None, [], False
            now.parsed += 1
        elif name in {_VALUE, _TEXT}:
            now.buffer = []
        elif name == _FORMULA:
            now.formula = True
        elif name in {_LINK, _MERGE}:
            self._after_the_rows(name, attrs.get("ref", ""), attrs.get(_LINK_ID))
        elif name == _ROW:
            now.row = int(attrs.get("r") or now.row + 1)
            now.column, now.cells = 0, []
            if now.row > MAX_ROWS:
                message = f"the sheet goes on past row {MAX_ROWS:,}, the most cse reads: "
                self._stop(1, message + "delete the rows below the matrix and save")

    def _after_the_rows(self, name: str, ref: str, link: str | None) -> None:
        """A hyperlink (its relationship id) or cells merged down a column."""
        if name == _LINK:
            found = _CELL_REF.match(ref)
            if found is not None and link is not None:
                self.links[int(found[2]), _column(found[1])] = link
            return
        found = _RANGE.match(ref)
        if found is not None and found[1].upper() == found[3].upper():
            first, last = int(found[2]), min(int(found[4]), MAX_ROWS)
            if last > first:
                self.merged.append((_column(found[1]), first, last))

    def end(self, name: str) -> None:
        now = self.now
        if name == _VALUE and now.buffer is not None:
            now.value, now.buffer = "".join(now.buffer), None
        elif name == _TEXT and now.buffer is not None:
            now.texts.append("".join(now.buffer))
            now.buffer = None
        elif name == _CELL:
            self._cell()
        elif name == _ROW:
            if now.parsed > MAX_CELLS:
                message = f"the sheet has more than {MAX_CELLS:,} cells, the most cse reads: "
                self._stop(1, message + "delete what is not the matrix and save")
            if now.cells:
                self.sheet.rows.append(now.cells)

    def _cell(self) -> None:
        now = self.now
        value = self._value()
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        if now.column > MAX_COLUMNS:
            message = f"a value beyond column {MAX_COLUMNS}, the most cse reads: "
            self._stop(now.column, message + "delete the columns right of the matrix and save")
        now.cells.append(Cell(now.row, now.column, value, self.styles.fills.get(now.style)))

    def _value(self) -> Value:  # noqa: PLR0911 - one return for each kind of cell
        now, add = self.now, self.sheet.add
        if now.kind == "inlineStr":
            return _unescaped("".join(now.texts))
        raw = now.value or None
        if raw is None:
            if now.formula:
                message = "a formula with no value saved: read as empty (open the workbook in "
                message += "Excel and save it, to keep the value)"
                add(now.row, now.column, "warning", message)
            return None
        if now.kind == "s":
            return _unescaped(str(self.styles.strings[int(raw)]))
        if now.kind in {"str", "d"}:
            return raw
        if now.kind == "b":
            return raw.strip() == "1"
        if now.kind == "e":
            add(now.row, now.column, "warning", f"the cell shows the error {raw}: read as empty")
            return None
        try:
            number = float(raw)
        except ValueError:
            add(now.row, now.column, "error", f"the cell's number {raw!r} is not a number")
            return None
        if now.style in self.styles.dates:
            return self.styles.to_date(number)
        return int(number) if number.is_integer() and "." not in raw and "E" not in raw else number

    def _stop(self, column: int, message: str) -> None:
        self.sheet.add(self.now.row, column, "error", message)
        raise _Stop


def _unescaped(text: str) -> str:
    """A text with Excel's escapes of characters XML cannot hold (`_x001B_`) undone."""
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text) if "_x" in text else text


def _column(reference: str) -> int:
    """The column number of a cell reference: C12 -> 3."""
    number = 0
    for ch in reference:
        if not ch.isalpha():
            break
        number = number * 26 + ord(ch.upper()) - ord("A") + 1
    return number
