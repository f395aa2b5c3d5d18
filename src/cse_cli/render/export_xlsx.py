"""`cse export --format xlsx`: the evidence matrix as an Excel workbook, byte for byte the same.

Two sheets: the matrix (one row per evidence item) and the summary per
criterion, each with a frozen, filtered header and column widths fitted to
what they hold. The workbook is written here as the few SpreadsheetML parts
it needs, streamed row by row, rather than through openpyxl's cell objects,
which cost seconds for a matrix of thousands of rows; the tests read it back
with openpyxl.

- Every text is an inline string cell, never a formula, whatever it starts
  with (`=`, `+`, `-`, `@`: formula injection is a known attack on spreadsheet
  users). A text starting with one of those also carries Excel's quote prefix
  (its cell style's `quotePrefix`, what Excel sets for a text typed as `'=…`),
  so that editing the cell in Excel keeps it text instead of making it a formula.
- Characters XML cannot hold are written as Excel writes them (`_x001B_`), and
  a text that already reads like such an escape has its underscore escaped.
- The workbook's times and its zip entries' dates are fixed, so the same
  evidence gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from cse_cli.matrix.cells import column_letter
from cse_cli.matrix.dates import excel_serial
from cse_cli.render.export_base import base_sheet
from cse_cli.render.export_csv import refuse_unreadable
from cse_cli.views.export import KEY

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cse_cli.views.export import CellValue, ExportView

FIXED = "2000-01-01T00:00:00Z"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_WIDTHS = {
    "Element": 9, "Wording": 50, "Evidence ID": 12, "Evidence": 50, "Owner": 14, "Service": 16,
    "Date": 11, "Link": 40, "Notes": 40, "Title": 32, "Why not": 60,
    "On-site ID": 12, "On site": 50, "Person": 24, "Place": 24,
}  # fmt: skip
_MAX_WIDTH, _MIN_WIDTH = 60, 11  # a date, 2015-03-09, and a little room
_HIDDEN_COLUMNS = (KEY,)  # each row's key, for cse import --update: sorted with its row
_HIDDEN = ' hidden="1"'
_STATE = ' state="hidden"'
_BOLD, _DATE, _SHARE, _QUOTED = 1, 2, 3, 4  # the cell styles of styles.xml below
_LIKE_A_FORMULA = ("=", "+", "-", "@")  # what Excel reads as a formula when a cell is edited
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STYLES = f"""{_HEAD}<styleSheet xmlns="{_MAIN}">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>\
<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""


def to_xlsx(view: ExportView) -> bytes:
    """The workbook's bytes: the matrix sheet, then the summary sheet."""
    from cse_cli.views.export import SUMMARY_HEADERS

    refuse_unreadable(view, csv=False)  # what import could not read back: refused up front
    footer = ((), (f"At {view.stage_words}: {view.verdict}",))
    matrix = _sheet(view.headers, view.rows, selected=True)
    sheets: tuple[tuple[str, str, Sequence[str], Sequence[Sequence[CellValue]]], ...] = (
        ("Evidence Matrix", matrix, view.headers, view.rows),
        ("Summary", _sheet(SUMMARY_HEADERS, view.summary, footer=footer), SUMMARY_HEADERS,
         view.summary),
    )  # fmt: skip
    if view.base:
        sheets += (base_sheet(view.base),)
    title = f"{view.organisation}: Customer Service Excellence evidence matrix"
    workbook = _workbook(
        [(name, len(h), len(r)) for name, _, h, r in sheets[:2]],
        hidden=[name for name, _, _, _ in sheets[2:]],
    )
    return workbook_bytes(title, workbook, [xml for _, xml, _, _ in sheets])


def workbook_bytes(title: str, workbook: str, sheets: Sequence[str]) -> bytes:
    """The .xlsx file of a workbook (`xl/workbook.xml`) and its sheets' XML, in order.

    Every workbook cse writes has the same package around its sheets: the
    content types, relationships, properties (`title`) and styles, each part
    dated alike, so the same view gives the same bytes.
    """
    parts = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": _relationships(
            [
                ("officeDocument", "xl/workbook.xml"),
                ("core", "docProps/core.xml"),
                ("extended", "docProps/app.xml"),
            ]
        ),
        "docProps/app.xml": f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/extended-properties"><Application>cse export</Application>'
        "</Properties>",
        "docProps/core.xml": _core(title),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": _relationships(
            [
                *(("worksheet", f"worksheets/sheet{n}.xml") for n in range(1, len(sheets) + 1)),
                ("styles", "styles.xml"),
            ]
        ),
        "xl/styles.xml": _STYLES,
    }
    for number, xml in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = xml
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _sheet(
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    *,
    selected: bool = False,
    footer: Sequence[Sequence[CellValue]] = (),
) -> str:
    """A worksheet's XML: the header, the rows (filtered) and the footer rows."""
    last = column_letter(len(headers))
    tab = ' tabSelected="1"' if selected else ""
    parts = [
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
        f'<dimension ref="A1:{last}{len(rows) + 1 + len(footer)}"/>',
        (
            f'<sheetViews><sheetView{tab} workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        ),
        '<sheetFormatPr defaultRowHeight="15"/><cols>',
        *(
            f'<col min="{n}" max="{n}" width="{width}" customWidth="1"'
            f"{_HIDDEN if header in _HIDDEN_COLUMNS else ''}/>"
            for n, (header, width) in enumerate(
                zip(headers, _widths(headers, rows), strict=True), start=1
            )
        ),
        "</cols><sheetData>",
        _row(1, headers, _BOLD),
    ]
    parts.extend(_row(number, row) for number, row in enumerate(rows, start=2))
    start = len(rows) + 2
    parts.extend(_row(number, row) for number, row in enumerate(footer, start=start))
    parts.append(f'</sheetData><autoFilter ref="A1:{last}{len(rows) + 1}"/></worksheet>')
    return "".join(parts)


def _widths(headers: Sequence[str], rows: Sequence[Sequence[CellValue]]) -> list[int]:
    widths = [len(header) + 3 for header in headers]
    for row in rows:
        for index, value in enumerate(row):
            if value is not None:
                shown = len(value) if isinstance(value, str) else 11
                widths[index] = max(widths[index], min(shown + 2, _MAX_WIDTH))
    return [
        max(min(width, _WIDTHS.get(header, _MAX_WIDTH)), len(header) + 3, _MIN_WIDTH)
        for header, width in zip(headers, widths, strict=True)
    ]


def _row(number: int, values: Sequence[CellValue], style: int = 0) -> str:
    cells = []
    for column, given in enumerate(values, start=1):
        if given is None:
            continue
        # a date before 1900, which no date cell can show, is written as text
        value = (
            given.isoformat() if isinstance(given, dt.date) and not excel_serial(given) else given
        )
        where = f'r="{column_letter(column)}{number}"'
        if isinstance(value, str):
            quoted = not style and value.startswith(_LIKE_A_FORMULA)
            styled = f' s="{_QUOTED if quoted else style}"' if quoted or style else ""
            cells.append(f'<c {where}{styled} t="inlineStr"><is><t xml:space="preserve">'
                         f"{_text(value)}</t></is></c>")  # fmt: skip
        elif isinstance(value, dt.date):
            cells.append(f'<c {where} s="{_DATE}"><v>{excel_serial(value)}</v></c>')
        elif isinstance(value, float):
            cells.append(f'<c {where} s="{_SHARE}"><v>{value!r}</v></c>')
        else:
            cells.append(f"<c {where}><v>{value}</v></c>")
    return f'<row r="{number}">{"".join(cells)}</row>'


def _text(value: str) -> str:
    """A text as XML character data; a carriage return kept (XML would make it a line feed)."""
    if _NOT_XML.search(value):
        value = _NOT_XML.sub(lambda m: "_x005F_" if m[0] == "_" else f"_x{ord(m[0]):04X}_", value)
    return escape(value).replace("\r", "&#13;")


def _content_types(sheets: int) -> str:
    overrides = [
        ("/xl/workbook.xml", f"{_TYPE}.sheet.main+xml"),
        *((f"/xl/worksheets/sheet{n}.xml", f"{_TYPE}.worksheet+xml") for n in range(1, sheets + 1)),
        ("/xl/styles.xml", f"{_TYPE}.styles+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml",
         "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]  # fmt: skip
    return (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


_KINDS = {
    "officeDocument": f"{_REL}/officeDocument",
    "core": f"{_PKG}/metadata/core-properties",
    "extended": f"{_REL}/extended-properties",
    "worksheet": f"{_REL}/worksheet",
    "styles": f"{_REL}/styles",
}


def _relationships(targets: Sequence[tuple[str, str]]) -> str:
    listed = "".join(
        f'<Relationship Id="rId{n}" Type="{_KINDS[kind]}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, start=1)
    )
    return f'{_HEAD}<Relationships xmlns="{_PKG}">{listed}</Relationships>'


def _workbook(sheets: Sequence[tuple[str, int, int]], hidden: Sequence[str] = ()) -> str:
    """The workbook part: its sheets (name, columns, rows), each with its filter's range.

    The `hidden` sheets come after them, hidden, with no filter.
    """
    listed = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}"{"" if n <= len(sheets) else _STATE}'
        f' r:id="rId{n}"/>'
        for n, name in enumerate([*(name for name, _, _ in sheets), *hidden], start=1)
    )
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{escape(_quoted_sheet(name))}!$A$1:${column_letter(columns)}${rows + 1}</definedName>"
        for n, (name, columns, rows) in enumerate(sheets)
    )
    return (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/>'
        f"</bookViews><sheets>{listed}</sheets><definedNames>{filters}</definedNames></workbook>"
    )


def _quoted_sheet(name: str) -> str:
    """A sheet's name as a formula writes it: 'Evidence Matrix', an apostrophe doubled."""
    return "'" + name.replace("'", "''") + "'"


def _core(title: str) -> str:
    return (
        f'{_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(title)}</dc:title><dc:creator>cse export</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED}</dcterms:modified>'
        "</cp:coreProperties>"
    )
