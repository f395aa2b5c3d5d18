"""`cse export --format xlsx`: the evidence matrix as an Excel workbook, byte for byte the same.

Two sheets: the matrix (one row per evidence item) and the summary per
criterion, each with a frozen, filtered header and readable column widths.
Every text is written as text, never as a formula, whatever it starts with
(`=`, `+`, `-`, `@`: formula injection is a known attack on spreadsheet users).
openpyxl stamps the time into the workbook's properties and its zip entries;
both are fixed here, so the same evidence gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from cse_cli.views.export import CellValue, ExportView

FIXED = dt.datetime(2000, 1, 1)  # noqa: DTZ001 - a workbook's times are naive UTC
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_WIDTHS = {
    "Element": 9, "Wording": 50, "Evidence ID": 12, "Evidence": 50, "Owner": 14, "Service": 16,
    "Date": 11, "Link": 40, "Notes": 40, "Title": 32, "Why not": 60,
}  # fmt: skip
_MAX_WIDTH = 60
_MIN_WIDTH = 11  # a date, 2015-03-09, and a little room


def to_xlsx(view: ExportView) -> bytes:
    """The workbook's bytes: the matrix sheet, then the summary sheet."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    from cse_cli.views.export import SUMMARY_HEADERS

    book = Workbook(write_only=True)
    book.properties.creator = "cse export"
    book.properties.title = f"{view.organisation}: Customer Service Excellence evidence matrix"
    book.properties.created = book.properties.modified = FIXED
    _sheet(book.create_sheet("Evidence Matrix"), view.headers, view.rows)
    summary = book.create_sheet("Summary")
    _sheet(summary, SUMMARY_HEADERS, view.summary)
    summary.append([])
    summary.append([_text(summary, f"At {view.stage.words}: {view.verdict}")])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return _fixed_times(buffer.getvalue())


def _sheet(
    sheet: WriteOnlyWorksheet, headers: tuple[str, ...], rows: tuple[tuple[CellValue, ...], ...]
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    widths = [len(h) + 3 for h in headers]
    for row in rows:
        for index, value in enumerate(row):
            shown = len(str(value)) if value is not None else 0
            widths[index] = max(widths[index], min(shown + 2, _MAX_WIDTH))
    untyped: Any = sheet  # a write-only sheet has widths and a filter, which the stubs omit
    for index, header in enumerate(headers, start=1):
        width = min(widths[index - 1], _WIDTHS.get(header, _MAX_WIDTH))
        untyped.column_dimensions[get_column_letter(index)].width = max(
            width, len(header) + 3, _MIN_WIDTH
        )
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    untyped.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = _text(sheet, header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


def _cell(sheet: WriteOnlyWorksheet, value: CellValue) -> object:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        return _text(sheet, value)
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, dt.datetime.combine(value, dt.time()))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, float):  # the only fractions are compliant shares
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "0.0%"
        return cell
    return value


def _text(sheet: WriteOnlyWorksheet, value: str) -> Cell:
    """A cell holding `value` as text, even when it starts as a formula would."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    untyped: Any = cell
    untyped._value = value  # noqa: SLF001 - set past openpyxl's guess that '=…' is a formula
    cell.data_type = "s"
    return cell


def _fixed_times(workbook: bytes) -> bytes:
    """The same zip archive with every entry dated the same fixed time."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            archive.writestr(fixed, source.read(info))
    return buffer.getvalue()
