"""`cse export --layout self-assessment`: the certification body's workbook, written byte for byte.

The parts are written here as `export_xlsx` writes the matrix (the same cell
writer, styles, fixed times and zip dates, so the same evidence gives the same
bytes, and no cell is ever a formula), laid out as the workbook is: per sheet a
title block, and per element its row and its GUIDANCE row merged across the
header's width, the header in bold, and the evidence rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from cse_cli.core.problems import CseError
from cse_cli.core.text import quoted
from cse_cli.matrix.blocks import read_as
from cse_cli.matrix.cells import column_letter, unreadable_back
from cse_cli.render.export_xlsx import _HEAD, _MAIN, _REL, _row, workbook_bytes
from cse_cli.views.self_assessment import GUIDANCE, HEADER

if TYPE_CHECKING:
    from cse_cli.views.self_assessment import CriterionSheet, SelfAssessmentView

_WIDTHS = (10, 50, 10, 50, 16, 16, 40)
_BOLD = 1  # the bold cell style of export_xlsx's styles


def to_xlsx(view: SelfAssessmentView) -> bytes:
    """The workbook's bytes: a sheet per criterion."""
    _refuse_unreadable(view)
    sheets = [(sheet.name, _sheet(view.organisation, sheet)) for sheet in view.sheets]
    title = f"{view.organisation}: Customer Service Excellence self-assessment"
    listed = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>'
        for n, (name, _) in enumerate(sheets, start=1)
    )
    workbook = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews>'
        f"<workbookView/></bookViews><sheets>{listed}</sheets></workbook>"
    )
    return workbook_bytes(title, workbook, [xml for _, xml in sheets])


def _sheet(organisation: str, sheet: CriterionSheet) -> str:
    """A criterion's worksheet: the title block, then each element's block."""
    last = column_letter(len(HEADER))
    rows = [_row(1, ["Customer Service Excellence: self-assessment"], _BOLD),
            _row(2, [organisation]), _row(3, [sheet.title], _BOLD)]  # fmt: skip
    merged = []
    number = 4
    for block in sheet.blocks:
        number += 1  # a blank row between blocks
        for text, style in ((block.element, _BOLD), (GUIDANCE, 0)):
            rows.append(_row(number, [text], style))
            merged.append(f'<mergeCell ref="A{number}:{last}{number}"/>')
            number += 1
        rows.append(_row(number, HEADER, _BOLD))
        number += 1
        for cells in block.rows:
            rows.append(_row(number, cells))
            number += 1
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
        for n, width in enumerate(_WIDTHS, start=1)
    )
    return (
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'<dimension ref="A1:{last}{number - 1}"/>'
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        f'<mergeCells count="{len(merged)}">{"".join(merged)}</mergeCells></worksheet>'
    )


def _refuse_unreadable(view: SelfAssessmentView) -> None:
    """CseError, before anything is written, for each text `cse import` could not read back.

    That is a text of white space alone, and a Show Me Ref that import would read,
    with its title, as a block's GUIDANCE row or an element's row (not an item).
    """
    known = {block.id: block.wording for sheet in view.sheets for block in sheet.blocks}
    problems = []
    for sheet in view.sheets:
        for block in sheet.blocks:
            for number, row in enumerate(block.rows, start=1):
                where = f"in row {number} of its block ({sheet.name})"
                problems += [
                    f"{block.id}'s {HEADER[column]} {where} {reason}"
                    for column, value in enumerate(row)
                    if isinstance(value, str)
                    and (reason := unreadable_back(value, csv=False)) is not None
                ]
                if row[0] is not None and (start := read_as(row[0], row[1], known)) is not None:
                    problems.append(
                        f"{block.id}'s Ref {quoted(row[0])} {where} would read back as {start}, "
                        "not as evidence: give the item another id"
                    )
    if problems:
        raise CseError(*problems)
