"""A matrix saved as CSV: UTF-8 with or without a byte-order mark, or Excel's Windows-1252.

Excel's plain "CSV" format writes Windows-1252 and its "CSV UTF-8" writes UTF-8
with a byte-order mark; both are read, and the first is named in a warning
because an accented letter is then only as right as the guess. A file that
mixes the two, or holds a NUL byte, is refused with the place of the first
bad byte. Problems are located as `matrix.csv:LINE:FIELD`.
"""

from __future__ import annotations

import codecs
import csv
import io

from cse_cli.matrix.cells import FORMULA_STARTS, MAX_COLUMNS, MAX_ROWS, Cell, Sheet

_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for record in reader:
            if len(sheet.rows) >= MAX_ROWS:
                sheet.add(start, 1, "error", f"the file goes on past {MAX_ROWS:,} rows, "
                          "the most cse reads: a matrix has a few thousand")  # fmt: skip
                return sheet
            cells = [
                Cell(start, column, _unmarked(value))
                for column, value in enumerate(record, start=1)
                if value.strip()
            ]
            if cells and cells[-1].column > MAX_COLUMNS:
                sheet.add(start, cells[-1].column, "error", f"a value beyond column "
                          f"{MAX_COLUMNS}, the most cse reads: a matrix has a dozen")  # fmt: skip
                return sheet
            if cells:
                sheet.rows.append(cells)
            start = reader.line_num + 1
    except csv.Error as exc:
        sheet.add(reader.line_num, 1, "error", f"not a CSV record: {exc}")
    return sheet


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
        line, column = _byte_position(raw, bad)
        sheet.add(line, column, "error", f"byte 0x{raw[bad]:02X} is not UTF-8, though other "
                  f"lines are: the file mixes two encodings; {_SAVE_AS}")  # fmt: skip
        return None
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        sheet.add(line, column, "error", f"byte 0x{raw[exc.start]:02X} is neither UTF-8 nor "
                  f"Windows-1252: {_SAVE_AS}")  # fmt: skip
        return None
    line, column = _byte_position(raw, bad)
    sheet.add(line, column, "warning", "read as Windows-1252 (Excel's plain CSV), not "
              f"UTF-8: check the accented letters, or {_SAVE_AS}")  # fmt: skip
    return text


def _strict(raw: bytes, encoding: str, sheet: Sheet) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        sheet.add(line, column, "error", f"not {encoding.upper()}, though the file starts as "
                  f"if it were: {_SAVE_AS}")  # fmt: skip
        return None


def _has_utf8_letters(raw: bytes) -> bool:
    """Whether some of the bytes beyond ASCII are well-formed UTF-8 letters."""
    text = raw.decode("utf-8", errors="replace")
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in text)  # noqa: PLR2004 - ASCII's end


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """The line and column (from 1, counting bytes) of a byte offset."""
    line = raw.count(b"\n", 0, offset) + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (from 1) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
