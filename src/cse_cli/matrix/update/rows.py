"""The rows of an exported matrix, each read on its own, by its key: what `--update` compares.

A matrix `cse export` wrote keys every row (cse_cli.core.row_key), so a row
is read wherever it stands: sorted by service, filtered, cut down to one
service's rows. Each row gives its element, its ratings, its key and its
Delete mark, and either an item (its evidence id, title and fields, read as
`cse import` reads them: cse_cli.matrix.items) or the element's own owner and
notes. The same reader reads the sheet that came back, the base it carries,
and the repository now (exported again in memory), so all three are compared
alike. A row without a key is a new row: its element is the one its element
cell names, else the one of the row above, as `cse import` reads a
continuation row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cse_cli.core.row_key import RowKey
from cse_cli.core.stages import FIELDS as STAGE_FIELDS
from cse_cli.core.stages import RECORDED
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.matrix import values
from cse_cli.matrix.cells import Cell, Sheet
from cse_cli.matrix.header import Header, find_header
from cse_cli.matrix.items import ItemReader
from cse_cli.matrix.values import Unreadable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cse_cli.core.ratings import Rating
    from cse_cli.matrix.cells import Value

RATINGS = tuple(STAGE_FIELDS[stage] for stage in RECORDED)
OWN = ("owner", "notes")
"""What an element's own row (one with no evidence) gives of the element."""


@dataclass
class Row:
    """One row of a matrix, as read."""

    row: int
    key: RowKey | None
    element: str
    delete: bool = False
    ratings: dict[str, Rating | None] = field(default_factory=dict)
    """Each rating column's value (None for an empty cell)."""
    item: dict[str, Any] | None = None
    """The evidence the row shows (id, title and the item's fields); None on an element's row."""
    own: dict[str, Any] = field(default_factory=dict)
    """On an element's own row: its owner and notes (None for an empty cell)."""


@dataclass
class Rows:
    """A sheet's rows, the columns of its fields, and the sheet (which holds its problems)."""

    sheet: Sheet
    header: Header | None
    rows: list[Row] = field(default_factory=list)

    def column(self, name: str) -> int:
        """The column of a field (the element's, when the sheet has none for it)."""
        columns = self.header.columns if self.header is not None else {}
        return columns.get(name, columns.get("element", 1))


def sheet_of(
    file: str, name: str, headers: Sequence[str], rows: Sequence[Sequence[Value]]
) -> Sheet:
    """A sheet of cells made from a header and rows (a base, or the repository exported)."""
    sheet = Sheet(file, name)
    for number, row in enumerate([headers, *rows], start=1):
        cells = [Cell(number, column, value) for column, value in enumerate(row, start=1)]
        cells = [cell for cell in cells if cell.value is not None and cell.value != ""]
        if cells:
            sheet.rows.append(cells)
    return sheet


def read_rows(sheet: Sheet, mapping: dict[str, str], known: set[str]) -> Rows:
    """Every row below the header, each with its key; problems go to the sheet."""
    header = find_header(sheet, mapping)
    found = Rows(sheet, header)
    if header is None:
        return found
    reader = _Reader(found, header, known)
    above: str | None = None
    for cells in sheet.rows:
        number = cells[0].row
        if number > header.row and number not in header.others:
            row = reader.row(cells, above)
            if row is not None:
                found.rows.append(row)
                above = row.element
    return found


class _Reader:
    def __init__(self, rows: Rows, header: Header, known: set[str]) -> None:
        self.sheet = rows.sheet
        self.header = header
        self.known = known
        self.items = ItemReader(rows.sheet, header, [])

    def row(self, cells: list[Cell], above: str | None) -> Row | None:
        """The row's reading, or None (with a problem, or for a heading row)."""
        by_column = {cell.column: cell for cell in cells}
        got = {name: by_column.get(column) for name, column in self.header.columns.items()}
        key = self._key(got.get("key"))
        element = self._element(got.get("element"), key, above, cells[0])
        if element is None:
            return None
        row = Row(cells[0].row, key, element)
        row.delete = self.items.deleted(got.get("delete"))
        row.ratings = self._ratings(got)
        evidence, id_cell = got.get("evidence"), got.get("evidence_id")
        if evidence is not None or id_cell is not None:
            row.item = self._item(got, evidence, id_cell)
        elif key is not None and key.list is not None and not row.delete:
            column = self.header.columns.get("evidence", cells[0].column)
            self._error(cells[0].row, column, "the row's evidence is empty: to delete the row, "
                        "write delete in its Delete column")  # fmt: skip
            return None
        else:
            row.own = {name: _text(got.get(name)) for name in OWN}
        return row

    def _key(self, cell: Cell | None) -> RowKey | None:
        if cell is None:
            return None
        key = RowKey.parse(values.text(cell.value))
        if key is None or key.element not in self.known:
            self._error(cell.row, cell.column, f"{quoted(values.text(cell.value))} is not a row "
                        "key cse export writes: the cse key column was edited; clear the cell "
                        "to add the row as a new one")  # fmt: skip
        return key

    def _element(
        self, cell: Cell | None, key: RowKey | None, above: str | None, first: Cell
    ) -> str | None:
        """The element the row belongs to: its element cell's, else its key's or the row above's."""
        if cell is None:
            element = key.element if key is not None else above
            if element is None:
                column = self.header.columns["element"]
                self._error(first.row, column, "a new row needs its element's id in this column")
            return element
        try:
            found = values.element_cell(cell.value).element
        except Unreadable as exc:
            self._error(cell.row, cell.column, str(exc))
            return None
        if found is None:  # a heading row
            return None
        if found not in self.known:
            self._error(cell.row, cell.column, f"unknown element {quoted(found)}"
                        f"{did_you_mean(found, self.known)}")  # fmt: skip
            return None
        if key is not None and key.element != found:
            self._error(cell.row, cell.column, f"the row was exported as {key.element}'s and "
                        f"now names {found}: to move it, mark it delete and add a new row for "
                        f"{found}")  # fmt: skip
            return None
        return found

    def _ratings(self, got: dict[str, Cell | None]) -> dict[str, Rating | None]:
        ratings: dict[str, Rating | None] = {}
        columns = self.header.columns
        named = {"self_assessment": "rating"} if "self_assessment" not in columns else {}
        for key in RATINGS:
            column = named.get(key, key)
            if column not in columns:
                continue
            cell = got.get(column)
            try:
                ratings[key] = values.rating(cell.value) if cell is not None else None
            except Unreadable as exc:
                assert cell is not None  # noqa: S101 - only a cell is unreadable
                self._error(cell.row, cell.column, str(exc))
        return ratings

    def _item(
        self, got: dict[str, Cell | None], evidence: Cell | None, id_cell: Cell | None
    ) -> dict[str, Any]:
        title = values.text(evidence.value) if evidence is not None else ""
        item_id = None
        if id_cell is not None:
            item_id = values.evidence_id(id_cell.value)
        elif title and "evidence_id" not in self.header.columns:
            item_id, title = values.split_evidence(title)
        item: dict[str, Any] = {"id": item_id} if item_id else {}
        item["title"] = title or item_id
        return item | self.items.fields(got)

    def _error(self, row: int, column: int, message: str) -> None:
        self.sheet.add(row, column, "error", message)


def _text(cell: Cell | None) -> str | None:
    """A cell's text; None for an empty cell."""
    return (values.text(cell.value) or None) if cell is not None else None
