"""A matrix in an Excel workbook (.xlsx), read with openpyxl in read-only mode.

Before openpyxl sees the file, it is checked for what would make reading it
unsafe or endless: an encrypted (password-protected) workbook or an old .xls,
a file that is not a zip, parts that expand past a stated size (a zip bomb:
the sizes the zip declares bound what is decompressed), and XML that declares
a DTD or entities (a real workbook never does; defusedxml refuses them too).
Sheets are parsed as a stream, row by row, so that a sheet of a million rows
or 16,000 columns is stopped at the limit rather than read to its end.
Formulas give the values Excel saved with them.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from typing import TYPE_CHECKING, Any

from cse_cli.core.problems import CseError
from cse_cli.core.text import and_list, did_you_mean, quoted
from cse_cli.io.matrix import MAX_COLUMNS, MAX_ROWS, MAX_UNCOMPRESSED_BYTES, Cell, Sheet

if TYPE_CHECKING:
    from pathlib import Path
    from xml.etree.ElementTree import Element

    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of encrypted workbooks and of .xls
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
MAX_PARTS = 10_000
MAX_CELLS = 3_000_000  # cell elements parsed, empty ones included
_PROLOG = 4096  # bytes of each XML part searched for a DTD
_PREFERRED = ("matrix", "evidence")
_WHITE = {"FFFFFFFF", "00FFFFFF"}


def read_xlsx(path: Path, name: str, sheet_name: str | None) -> Sheet:
    """The rows of one sheet of the workbook at `path` (by `sheet_name`, or the matrix's)."""
    refused = _refused(path, name)
    if refused is not None:
        return refused
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - any failure of the parser on hostile input is a problem
        return _whole(name, f"cannot be read as an Excel workbook: {_reason(exc)}")
    try:
        worksheet = _choose(workbook, name, sheet_name)
        return _rows(workbook, worksheet, name)
    except CseError:
        raise
    except Exception as exc:  # noqa: BLE001 - as above
        return _whole(name, f"cannot be read as an Excel workbook: {_reason(exc)}")
    finally:
        workbook.close()


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _whole(name: str, message: str) -> Sheet:
    sheet = Sheet(name, None)
    sheet.add(0, 0, "error", message)
    return sheet


def _refused(path: Path, name: str) -> Sheet | None:
    """A sheet holding the problem when the file is unsafe or no workbook; else None."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == _OLE2:
        if _ENCRYPTED in path.read_bytes():
            message = "the workbook is password-protected (encrypted): open it in Excel, "
            message += "remove the password (File, Info, Protect Workbook) and save"
            return _whole(name, message)
        return _whole(name, "an Excel 97-2003 workbook (.xls) with an .xlsx name: open it in "
                      "Excel and save it as an Excel Workbook (.xlsx)")  # fmt: skip
    if not zipfile.is_zipfile(path):
        return _whole(name, "not an Excel workbook (an .xlsx file is a zip archive): "
                      "is it a CSV or another file renamed?")  # fmt: skip
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(archive, name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        return _whole(name, f"a damaged zip archive: {_reason(exc)}")


def _check_archive(archive: zipfile.ZipFile, name: str) -> Sheet | None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return _whole(name, f"the workbook has {len(parts):,} parts, over the limit of "
                      f"{MAX_PARTS:,}")  # fmt: skip
    if any(part.flag_bits & 0x1 for part in parts):
        return _whole(name, "the workbook's parts are encrypted: remove the password and save")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNCOMPRESSED_BYTES:
        return _whole(name, f"the workbook expands to {total:,} bytes, over the limit of "
                      f"{MAX_UNCOMPRESSED_BYTES:,}: refused unread (a zip bomb, or pictures "
                      "and other sheets to remove)")  # fmt: skip
    for part in parts:
        if part.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(part) as stream:
                prolog = stream.read(_PROLOG).upper()
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                return _whole(name, f"the workbook's {part.filename} declares a DTD or XML "
                              "entities, which no real workbook does: refused unread")  # fmt: skip
    return None


def _choose(workbook: Workbook, name: str, wanted: str | None) -> ReadOnlyWorksheet:
    sheets = {ws.title: ws for ws in workbook.worksheets if hasattr(ws, "_worksheet_path")}
    if wanted is not None:
        if wanted not in sheets:
            raise CseError(
                f"{name}: no sheet {quoted(wanted)}{did_you_mean(wanted, sheets)}; "
                f"its sheets are {and_list(map(quoted, sheets))}"
            )
        return sheets[wanted]
    if not sheets:
        raise CseError(f"{name}: the workbook has no worksheet")
    preferred = [t for t in sheets if any(word in t.lower() for word in _PREFERRED)]
    return sheets[preferred[0] if preferred else next(iter(sheets))]


def _rows(workbook: Workbook, worksheet: ReadOnlyWorksheet, name: str) -> Sheet:
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):
        def parse_cell(self, element: Element) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["data_type"] = "formula"
            return cell

    book: Any = workbook  # openpyxl's read-only internals are not in its type stubs
    sheet = Sheet(name, worksheet.title)
    if workbook.epoch == dt.datetime(1904, 1, 1):  # noqa: DTZ001 - openpyxl's own naive epoch
        sheet.epoch = dt.date(1904, 1, 1)
    fills = _fills(workbook)
    parsed = 0
    part: Any = worksheet
    with book._archive.open(part._worksheet_path) as source:  # noqa: SLF001
        parser = _Parser(
            source,
            part._shared_strings,  # noqa: SLF001
            data_only=True,
            epoch=workbook.epoch,
            date_formats=book._date_formats,  # noqa: SLF001
            timedelta_formats=book._timedelta_formats,  # noqa: SLF001
        )
        for index, row in parser.parse():
            if index > MAX_ROWS:
                sheet.add(index, 1, "error", f"the sheet goes on past row {MAX_ROWS:,}, the "
                          "most cse reads: delete the rows below the matrix and save")  # fmt: skip
                break
            parsed += len(row)
            if parsed > MAX_CELLS:
                sheet.add(index, 1, "error", f"the sheet has more than {MAX_CELLS:,} cells, "
                          "the most cse reads: delete what is not the matrix and save")  # fmt: skip
                break
            cells = _cells(sheet, index, row, fills)
            if cells is None:
                break
            if cells:
                sheet.rows.append(cells)
    return sheet


def _cells(
    sheet: Sheet, index: int, row: list[dict[str, Any]], fills: dict[int, str]
) -> list[Cell] | None:
    """The cells of a row that hold something; None (with the problem) past the last column."""
    cells = []
    for raw in row:
        value, column = raw["value"], raw["column"]
        kind = raw["data_type"]
        if kind == "formula":
            message = "a formula with no value saved: read as empty (open the workbook in "
            sheet.add(index, column, "warning", message + "Excel and save it, to keep the value)")
            continue
        if kind == "e":
            sheet.add(index, column, "warning", f"the cell shows the error {value}: read as empty")
            continue
        if isinstance(value, str) and not value.strip():
            value = None
        if value is None:
            continue
        if column > MAX_COLUMNS:
            sheet.add(index, column, "error", f"a value beyond column {MAX_COLUMNS}, the most "
                      "cse reads: delete the columns right of the matrix and save")  # fmt: skip
            return None
        if isinstance(value, dt.time | dt.timedelta):
            value = str(value)
        cells.append(Cell(index, column, value, fills.get(raw["style_id"])))
    return cells


def _fills(workbook: Workbook) -> dict[int, str]:
    """The solid fill colour of each cell style that has one, as a comparable name."""
    found: dict[int, str] = {}
    book: Any = workbook  # as above
    for style_id, style in enumerate(book._cell_styles):  # noqa: SLF001
        fill = book._fills[style.fillId]  # noqa: SLF001
        if getattr(fill, "patternType", None) != "solid":
            continue
        colour = fill.fgColor
        if colour.type == "rgb":
            name = str(colour.rgb).upper()
            if name in _WHITE:
                continue
        elif colour.type == "theme":
            name = f"theme {colour.theme} tint {colour.tint:g}"
        else:
            name = f"{colour.type} {colour.value}"
        found[style_id] = name
    return found
