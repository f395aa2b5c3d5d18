"""A sheet's rows put in order, with merged cells carried down and hyperlinks laid on cells.

Rows are kept in the order of their numbers, as Excel shows them, whatever the
order of the XML; a cell given twice is an error. A range merged down rows (an
element's id, an owner's initials) gives its value to every row it covers
that holds anything, so it reads on each row as it shows in Excel. Each row
looked at for a merged range or a hyperlink is counted with the cells, so
ranges that overlap, repeat or cover the whole sheet cost no more than cells.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

from cse_cli.matrix.cells import MAX_CELLS, Cell, Sheet
from cse_cli.matrix.xml_part import Stop

if TYPE_CHECKING:
    from collections.abc import Iterator

    from cse_cli.matrix.xlsx_sheet import Range


class Layout:
    """The rows of a sheet by number, and the cells looked at so far (the limit's count)."""

    def __init__(self, sheet: Sheet, cells: int) -> None:
        """Order the rows of `sheet`, `cells` having been read."""
        self.sheet = sheet
        self.looked = cells
        _in_order(sheet)
        self.numbers = [cells[0].row for cells in sheet.rows]

    def rows_in(self, first: int, last: int) -> Iterator[int]:
        """The indexes in `sheet.rows` of the rows numbered `first` to `last`, each counted."""
        index = bisect.bisect_left(self.numbers, first)
        while index < len(self.numbers) and self.numbers[index] <= last:
            self.looked += 1
            if self.looked > MAX_CELLS:
                message = f"the sheet's merged ranges and hyperlinks cover more than {MAX_CELLS:,} "
                self.sheet.add(self.numbers[index], 1, "error", message + "cells with the "
                               "cells read, the most cse reads: delete what is not the matrix "
                               "and save")  # fmt: skip
                raise Stop
            yield index
            index += 1

    def fill_down(self, merged: list[Range]) -> None:
        """Give each row a range merged down covers the value of the range's first cell."""
        for column, first, _, last in merged:
            top = self._cell(first, column)
            if top is None:
                continue
            for index in self.rows_in(first + 1, last):
                cells = self.sheet.rows[index]
                at = bisect.bisect_left(cells, column, key=_column)
                if at == len(cells) or cells[at].column != column:
                    cells.insert(at, Cell(cells[0].row, column, top.value, top.fill))

    def link(self, links: dict[Range, str]) -> None:
        """Give each cell a hyperlink covers the place it leads to."""
        for (first_column, first, last_column, last), target in links.items():
            for index in self.rows_in(first, last):
                self.sheet.rows[index] = [
                    replace(cell, link=target)
                    if first_column <= cell.column <= last_column
                    else cell
                    for cell in self.sheet.rows[index]
                ]

    def _cell(self, row: int, column: int) -> Cell | None:
        at = bisect.bisect_left(self.numbers, row)
        if at == len(self.numbers) or self.numbers[at] != row:
            return None
        return next((c for c in self.sheet.rows[at] if c.column == column), None)


def _column(cell: Cell) -> int:
    return cell.column


def _in_order(sheet: Sheet) -> None:
    """Sort the rows by number and each row's cells by column; a cell given twice is an error."""
    rows = sheet.rows
    if any(rows[i][0].row >= rows[i + 1][0].row for i in range(len(rows) - 1)):
        by_number: dict[int, list[Cell]] = {}
        for cells in rows:
            by_number.setdefault(cells[0].row, []).extend(cells)
        rows[:] = [by_number[number] for number in sorted(by_number)]
    for cells in rows:
        if any(cells[i].column >= cells[i + 1].column for i in range(len(cells) - 1)):
            cells.sort(key=lambda cell: cell.column)
            for before, after in itertools.pairwise(cells):
                if before.column == after.column:
                    sheet.add(after.row, after.column, "error", "the sheet's XML gives this "
                              "cell twice: the workbook is damaged; open it in Excel and save "
                              "it again")  # fmt: skip
