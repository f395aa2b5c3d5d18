"""A matrix saved as CSV: UTF-8 with or without a byte-order mark, or Excel's Windows-1252.

Excel's plain "CSV" format writes Windows-1252 and its "CSV UTF-8" writes UTF-8
with a byte-order mark; both are read, and the first is named in a warning
because an accented letter is then only as right as the guess. A file that
mixes the two, or holds a NUL byte, is refused with the place of the first
bad byte. Problems are located as `matrix.csv:LINE:FIELD`, lines counted as
the csv module counts them (a carriage return alone ends a line too).

Python's csv module builds a whole record before it returns it, so a record
of ten million fields would be built in full; the lines are counted first
(`_Lines`), at the speed of `str.count`, and a record of more fields than
Excel has columns is refused before the csv module sees it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import TYPE_CHECKING

from cse_cli.matrix.cells import (
    FORMULA_STARTS,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FIELDS,
    MAX_ROWS,
    Cell,
    Sheet,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"
_QUOTED = re.compile(r'"[^"]*"')


class _TooWide(Exception):  # noqa: N818 - a limit was passed: the problem is in the sheet
    """A record has more fields than MAX_FIELDS."""


def read_csv(raw: bytes, name: str) -> Sheet:
    """The rows of a CSV file's bytes; `name` is the file's name for problems."""
    sheet = Sheet(name, None)
    text = _decode(raw, sheet)
    if text is None:
        return sheet
    nul = text.find("\0")
    if nul >= 0:
        line, column = _position(text, nul)
        sheet.add(line, column, "error", f"a NUL byte: this is not a text file; {_SAVE_AS}")
        return sheet
    sample = text[:8192]
    delimiter = max(",;\t", key=sample.count) if sample.strip() else ","
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
    lines = _Lines(text, delimiter)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        _records(reader, lines, sheet)
    except _TooWide:
        sheet.add(lines.start, MAX_FIELDS + 1, "error", f"a record of more than {MAX_FIELDS:,} "
                  "fields, more than Excel has columns: this is not a matrix")  # fmt: skip
    except csv.Error as exc:
        sheet.add(reader.line_num, 1, "error", f"not a CSV record: {exc}")
    return sheet


def _records(reader: Iterator[list[str]], lines: _Lines, sheet: Sheet) -> None:
    """Read the records into `sheet`, stopping at the first limit passed."""
    fields = 0
    for record in reader:
        start = lines.start
        fields += len(record)
        if len(sheet.rows) >= MAX_ROWS:
            sheet.add(start, 1, "error", f"the file goes on past {MAX_ROWS:,} rows, "
                      "the most cse reads: a matrix has a few thousand")  # fmt: skip
            return
        if fields > MAX_CELLS:
            sheet.add(start, 1, "error", f"the file goes on past {MAX_CELLS:,} fields, the "
                      "most cse reads: a matrix has a few thousand rows of a dozen")  # fmt: skip
            return
        cells = [
            Cell(start, column, _unmarked(value))
            for column, value in enumerate(record, start=1)
            if value.strip()
        ]
        if cells and cells[-1].column > MAX_COLUMNS:
            beyond = next(cell for cell in cells if cell.column > MAX_COLUMNS)
            sheet.add(start, beyond.column, "error", f"a value beyond column {MAX_COLUMNS}, "
                      "the most cse reads: a matrix has a dozen")  # fmt: skip
            return
        if cells:
            sheet.rows.append(cells)


class _Lines:
    """The file's lines for the csv module, each record's fields counted before it is parsed.

    A record ends at a line end outside quotes; its fields are the delimiters
    outside quotes, plus one. Each count is made by `str.count` and one regular
    expression, in C: a record is refused before the csv module builds it.
    """

    def __init__(self, text: str, delimiter: str) -> None:
        self.lines = iter(io.StringIO(text, newline=""))
        self.delimiter = delimiter
        self.number = 0
        self.start = 1
        """The line the record being read starts on."""
        self.inside = False
        """Whether the line read last ended inside a quoted field."""
        self.fields = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.number += 1
        if not self.inside:
            self.start, self.fields = self.number, 0
        quotes = line.count('"')
        if quotes or self.inside:
            self.fields += self._outside_quotes(line)
        else:
            self.fields += line.count(self.delimiter)
        self.inside ^= quotes % 2 == 1
        if self.fields >= MAX_FIELDS:
            raise _TooWide
        return line

    def _outside_quotes(self, line: str) -> int:
        """The delimiters in a line that are not inside a quoted field."""
        unquoted = _QUOTED.sub("", '"' + line if self.inside else line)
        return unquoted.partition('"')[0].count(self.delimiter)


def _unmarked(value: str) -> str:
    """A field without the apostrophe that kept a spreadsheet from reading it as a formula."""
    marked = value.startswith("'") and value[1:].startswith((*FORMULA_STARTS, "'"))
    return value[1:] if marked else value


def _decode(raw: bytes, sheet: Sheet) -> str | None:
    """The file's text, or None with the problem in `sheet`."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", sheet)
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw, "utf-8-sig", sheet)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    if _has_utf8_letters(raw):
        line, column = _position(raw, bad)
        sheet.add(line, column, "error", f"byte 0x{raw[bad]:02X} is not UTF-8, though other "
                  f"lines are: the file mixes two encodings; {_SAVE_AS}")  # fmt: skip
        return None
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        sheet.add(line, column, "error", f"byte 0x{raw[exc.start]:02X} is neither UTF-8 nor "
                  f"Windows-1252: {_SAVE_AS}")  # fmt: skip
        return None
    line, column = _position(raw, bad)
    sheet.add(line, column, "warning", "read as Windows-1252 (Excel's plain CSV), not "
              f"UTF-8: check the accented letters, or {_SAVE_AS}")  # fmt: skip
    return text


def _strict(raw: bytes, encoding: str, sheet: Sheet) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        sheet.add(line, column, "error", f"not {encoding.upper()}, though the file starts as "
                  f"if it were: {_SAVE_AS}")  # fmt: skip
        return None


def _has_utf8_letters(raw: bytes) -> bool:
    """Whether some of the bytes beyond ASCII are well-formed UTF-8 letters."""
    text = raw.decode("utf-8", errors="replace")
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in text)  # noqa: PLR2004 - ASCII's end


def _position(text: str | bytes, offset: int) -> tuple[int, int]:
    """The line and column (from 1) of an offset: of a character in text, of a byte in bytes.

    A line ends at a line feed, a carriage return and line feed, or a carriage
    return alone (as old Macs and the csv module end lines).
    """
    head = text[:offset]
    if isinstance(head, bytes):
        head = head.decode("latin-1")  # one character per byte, so columns count bytes
    ends = head.count("\r") + head.count("\n") - head.count("\r\n")
    start = max(head.rfind("\r"), head.rfind("\n")) + 1
    return ends + 1, offset - start + 1
