"""The hidden sheet of an exported workbook that holds its base, for `cse import --update`.

A note in A1, then each line of the base (cse_cli.matrix.update.base) in
column A, one a row. The sheet is hidden (Excel's Unhide shows it) and
protected without a password, so that it is not edited by accident; the base
also carries a checksum of what it holds, so an edit is found either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from cse_cli.matrix.update.base import NOTE, SHEET

if TYPE_CHECKING:
    from collections.abc import Sequence

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PROTECTED = '<sheetProtection sheet="1" objects="1" scenarios="1"/>'


def base_sheet(lines: Sequence[str]) -> tuple[str, str, tuple[str], tuple[tuple[str], ...]]:
    """The sheet's name, its XML, and its cells (a header, then a row per line)."""
    rows = [NOTE, *lines]
    cells = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}'
        "</t></is></c></row>"
        for n, text in enumerate(rows, start=1)
    )
    xml = (
        f'{_HEAD}<worksheet xmlns="{_MAIN}"><dimension ref="A1:A{len(rows)}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="100" '
        f'customWidth="1"/></cols><sheetData>{cells}</sheetData>{_PROTECTED}</worksheet>'
    )
    return SHEET, xml, (NOTE,), tuple((line,) for line in lines)
