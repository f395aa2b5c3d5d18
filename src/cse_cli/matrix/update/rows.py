"""The rows of an exported matrix, each read on its own, by its key: what `--update` compares.

A matrix `cse export` wrote keys every row (cse_cli.core.row_key), so a row
is read wherever it stands: sorted by service, filtered, cut down to one
service's rows. Each row gives its element, its ratings, its key and its
Delete mark, and either an item of one of the element's lists (its id, title
and fields, read as `cse import` reads them: cse_cli.matrix.items; each list's
columns are named once, in `ITEM_COLUMNS`) or the element's own owner and
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
    from collections.abc import Callable, Sequence

    from cse_cli.core.ratings import Rating
    from cse_cli.matrix.cells import Value

RATINGS = tuple(STAGE_FIELDS[stage] for stage in RECORDED)
OWN = ("owner", "notes")
"""What an element's own row (one with no evidence) gives of the element."""


@dataclass(frozen=True)
class Columns:
    """How the items of one list show in a matrix: the fields of their columns."""

    title: str
    """The field of the column of an item's title (`evidence`)."""
    id: str
    """The field of the column of the id an item defines or cites (`evidence_id`)."""
    fields: Callable[[ItemReader, dict[str, Cell | None]], dict[str, Any]]
    """The item's other fields a row gives, as `cse import` reads them."""


ITEM_COLUMNS: dict[str, Columns] = {
    "evidence": Columns("evidence", "evidence_id", ItemReader.fields),
    "on_site": Columns(
        "on_site", "on_site_id", lambda reader, got: reader.on_site_fields(got, alone=True)
    ),
}
"""Each list of core.row_key.LISTS, and its columns: a row holds an item of the first list
whose title or id cell it fills (in this order). One entry for each list the export writes."""
_WORDS = {"evidence": "evidence", "on_site": "on-site evidence"}
"""How a warning names each list's items."""


@dataclass
class Row:
    """One row of a matrix, as read."""

    row: int
    key: RowKey | None
    element: str
    delete: bool = False
    list: str | None = None
    """The list (`evidence`…) of the item the row shows, or of its key; None on an element's row."""
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

    def column(self, name: str, listed: str | None = None) -> int:
        """The column of a field, or of an item's `title` or `id` in list `listed`.

        The element's column when the sheet has none for it.
        """
        columns = self.header.columns if self.header is not None else {}
        if listed is not None and name in {"title", "id"}:
            shown = ITEM_COLUMNS[listed]
            name = shown.title if name == "title" else shown.id
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
        row.list = self._listed(got, key)
        if row.list is not None and _fills(got, row.list):
            row.item = self._item(got, row.list)
            self._one_item(got, row.list)
        elif row.list is not None and not row.delete:
            column = self.header.columns.get(ITEM_COLUMNS[row.list].title, cells[0].column)
            self._error(cells[0].row, column, f"the row's {row.list.replace('_', ' ')} is "
                        "empty: to delete the row, write delete in its Delete column")  # fmt: skip
            return None
        else:
            row.own = {name: _text(got.get(name)) for name in OWN}
        return row

    def _listed(self, got: dict[str, Cell | None], key: RowKey | None) -> str | None:
        """The list of the row's item: its key's, else the first whose cells the row fills."""
        if key is not None:
            return key.list
        return next((name for name in ITEM_COLUMNS if _fills(got, name)), None)

    def _one_item(self, got: dict[str, Cell | None], listed: str) -> None:
        """A warning at each other list's item the row also gives: a row merges one item."""
        for name, columns in ITEM_COLUMNS.items():
            cell = got.get(columns.title) or got.get(columns.id)
            if name != listed and cell is not None:
                other = _WORDS.get(name, name)
                self.sheet.add(cell.row, cell.column, "warning", f"this row gives {other} "
                               f"beside its {_WORDS.get(listed, listed)}: --update merges one "
                               f"item a row, so the {other} is not merged; give it a row of "
                               "its own")  # fmt: skip

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

    def _item(self, got: dict[str, Cell | None], listed: str) -> dict[str, Any]:
        """The item of list `listed` the row shows: its id, title and other fields."""
        columns = ITEM_COLUMNS[listed]
        text, id_cell = got.get(columns.title), got.get(columns.id)
        title = values.text(text.value) if text is not None else ""
        item_id = None
        if id_cell is not None:
            item_id = values.evidence_id(id_cell.value)
        elif title and columns.id not in self.header.columns:
            item_id, title = values.split_evidence(title)
        item: dict[str, Any] = {"id": item_id} if item_id else {}
        item["title"] = title or item_id
        return item | columns.fields(self.items, got)

    def _error(self, row: int, column: int, message: str) -> None:
        self.sheet.add(row, column, "error", message)


def _fills(got: dict[str, Cell | None], listed: str) -> bool:
    """Whether the row fills the title or id cell of an item of list `listed`."""
    columns = ITEM_COLUMNS[listed]
    return got.get(columns.title) is not None or got.get(columns.id) is not None


def _text(cell: Cell | None) -> str | None:
    """A cell's text; None for an empty cell."""
    return (values.text(cell.value) or None) if cell is not None else None
