"""An evidence matrix recognised: the element files it gives, and every problem in it.

A pure function of the sheets' cells. In each sheet, the header row (see
`header`) says the layout: a team's own matrix, one row per piece of evidence
under an element column (cse_cli.matrix.rows), or a certification body's
self-assessment workbook, a block per element with no element column
(cse_cli.matrix.blocks). A workbook's sheets are one matrix: every sheet that
holds a header is read (one per criterion, in a self-assessment workbook), and
those that hold none (a cover, notes, a summary) are not read; `cse import` names
the sheets it read. An evidence id that recurs, on any
sheet, becomes an item with `id:` where it is first used and a `ref:` to it
wherever it comes again (cse_cli.matrix.defining).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import has_errors
from cse_cli.matrix.blocks import BlockReader
from cse_cli.matrix.found import Book, Matrix
from cse_cli.matrix.header import HEADER_SEARCH_ROWS, find_header, holds_header, name_unplaced
from cse_cli.matrix.rows import RowReader

if TYPE_CHECKING:
    from cse_cli.core.standard import Standard
    from cse_cli.matrix.cells import Sheet

__all__ = ["Matrix", "recognise", "recognise_book"]


def recognise(sheet: Sheet, standard: Standard, mapping: dict[str, str]) -> Matrix:
    """The element files in one sheet, with every problem found (the sheet's own included)."""
    return recognise_book([sheet], standard, mapping)


def recognise_book(sheets: list[Sheet], standard: Standard, mapping: dict[str, str]) -> Matrix:
    """The element files in a workbook's sheets (or the one sheet of a CSV file).

    One sheet must hold a header (else it is an error there); of several, those
    that hold none are left out (`Matrix.read` names those read), and it is an error
    when none does.
    """
    matrix = Matrix()
    book = Book(standard, matrix)
    matrices = [s for s in sheets if not has_errors(s.problems)]
    if len(sheets) > 1:
        matrices = [s for s in matrices if holds_header(s, mapping)]
        _none_holds(sheets, matrices)
    for sheet in matrices:
        header = find_header(sheet, mapping)
        if header is None:
            continue
        if sheet.name is not None:
            matrix.read.append(sheet.name)
        matrix.unplaced += name_unplaced(sheet, header)
        reader = BlockReader if header.blocks else RowReader
        reader(sheet, header, book).run()
    book.finish()
    matrix.problems = [
        problem
        for sheet in sheets
        for problem in sorted(sheet.problems, key=lambda p: (p.line, p.column))
    ]
    return matrix


def _none_holds(sheets: list[Sheet], matrices: list[Sheet]) -> None:
    """An error when no sheet of a workbook holds a matrix."""
    first = sheets[0]
    if not matrices and not any(has_errors(s.problems) for s in sheets):
        first.add(0, 0, "error", f"no sheet holds a header row in its first "
                  f"{HEADER_SEARCH_ROWS} rows: cse looks for a row naming an element column "
                  "(Ref or Element) and an evidence column (Evidence, or a self-assessment "
                  "workbook's Show Me or Tell Me); pick the sheet with --sheet and name its "
                  "columns with --column element=HEADER --column evidence=HEADER")  # fmt: skip
