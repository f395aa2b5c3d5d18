"""A team's own matrix read row by row: one element per run of rows, one item per row.

Below the header, an element's id starts its rows, and an empty element cell (a
merged cell, or a continuation row) carries on the element above. Sub-criterion
heading rows are skipped. A row's evidence (Evidence, Evidence ref) and on-site
evidence (On site, On-site ID) are items of the element (cse_cli.matrix.defining
makes them, and makes an id used again a `ref:`); their other fields are
cse_cli.matrix.items' work. `RowReader` also holds what the other layout, a
self-assessment workbook's blocks (cse_cli.matrix.blocks), reads the same way:
an element's start, its wording, its ratings and the assessor's comments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import FIELDS as STAGE_FIELDS
from cse_cli.core.stages import RECORDED
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.matrix import values
from cse_cli.matrix.defining import EVIDENCE, ON_SITE
from cse_cli.matrix.found import Element
from cse_cli.matrix.header import normal
from cse_cli.matrix.items import ItemReader
from cse_cli.matrix.values import Unreadable
from cse_cli.rules.repository_limits import MAX_EVIDENCE_ITEMS

if TYPE_CHECKING:
    from cse_cli.matrix.cells import Cell, Sheet
    from cse_cli.matrix.found import Book
    from cse_cli.matrix.header import Header

_RATING_FIELDS = {"rating": "self_assessment"} | {
    name: name for name in (STAGE_FIELDS[s] for s in RECORDED)
}
COMMENTS = "Assessor's comments: "
"""How an element's notes start the assessor's comments a workbook gives (their words)."""
ITEM_COLUMNS = {EVIDENCE: ("evidence", "evidence_id"), ON_SITE: ("on_site", "on_site_id")}
"""The text and id columns of each kind of item."""


class RowReader:
    """Reads one sheet's rows under its header into the elements of a matrix."""

    def __init__(self, sheet: Sheet, header: Header, book: Book) -> None:
        """A reader of `sheet` under `header`, into what the matrix's sheets share."""
        self.sheet = sheet
        self.header = header
        self.book = book
        self.matrix = book.matrix
        self.items = ItemReader(sheet, header, book.matrix.services)
        self.current: Element | None = None
        self.last: Element | None = None
        self.unheaded: set[int] = set()
        self.skipping = False
        """The rows below an element id that could not be read are skipped, not reported."""

    def run(self) -> None:
        """Read every row below the header."""
        header = self.header
        for cells in self.sheet.rows:
            if self.matrix.items > MAX_EVIDENCE_ITEMS:  # said at the row: no more is read
                break
            if cells[0].row < header.row:
                self._above(cells)
            elif cells[0].row > header.row and cells[0].row not in header.others:
                self._row(cells)
                self.items.warn_of_links(cells)
        self.matrix.deleted += self.items.deleted_rows

    def _above(self, cells: list[Cell]) -> None:
        """A row above the header is a title or the colour key; one naming an element is said."""
        column = self.header.columns["element"]
        cell = next((c for c in cells if c.column == column), None)
        try:
            element = values.element_cell(cell.value).element if cell is not None else None
        except Unreadable:
            return
        if cell is not None and element in self.book.known:
            self.sheet.add(cell.row, cell.column, "warning", f"row {cell.row} names element "
                           f"{element} but is above the header row (row {self.header.row}): "
                           "not imported (move it below the header)")  # fmt: skip

    def _row(self, cells: list[Cell]) -> None:
        got = self.got(cells)
        element_cell = got.get("element")
        if element_cell is not None:
            if not self._element_row(element_cell, got, has_items=self.has_items(got)):
                return
        elif self.current is None:
            cell = self.first_item_cell(got)
            if cell is not None and not self.skipping:
                column = self.sheet.place(cell.row, self.header.columns["element"])
                self.error(cell, f"evidence before any element: give its element's id in {column}")
            return
        element = self.current
        assert element is not None  # noqa: S101 - set by start or kept from the row above
        element.last_row = cells[0].row
        if self.items.deleted(got.get("delete")):
            return
        self.element_fields(element, got)
        if self.has_items(got):
            self.add_items(element, got)
            return
        for name in ("owner", "notes"):  # a row of the element's own, with no evidence
            cell = got.get(name)
            if cell is not None:
                element.data.setdefault(name, values.text(cell.value))

    def got(self, cells: list[Cell]) -> dict[str, Cell | None]:
        """The row's cell of each field; a value in a column with no header is named once."""
        by_column = {cell.column: cell for cell in cells}
        for cell in cells:
            if cell.column not in self.header.names and cell.column not in self.unheaded:
                self.unheaded.add(cell.column)
                message = "a column with values but no header: not imported (give it a header)"
                self.sheet.add(cell.row, cell.column, "warning", message)
        return {name: by_column.get(column) for name, column in self.header.columns.items()}

    @staticmethod
    def has_items(got: dict[str, Cell | None]) -> bool:
        """Whether the row gives an evidence or an on-site item (its text or its id)."""
        return any(got.get(name) is not None for kind in ITEM_COLUMNS.values() for name in kind)

    @staticmethod
    def first_item_cell(got: dict[str, Cell | None]) -> Cell | None:
        """The row's first cell of an item, evidence before on-site, text before id."""
        names = (*ITEM_COLUMNS[EVIDENCE], *ITEM_COLUMNS[ON_SITE])
        return next((cell for name in names if (cell := got.get(name)) is not None), None)

    def _element_row(self, cell: Cell, got: dict[str, Cell | None], *, has_items: bool) -> bool:
        """Start the element the row names; False when the row is a heading or wrong."""
        self.current, self.skipping = None, True
        try:
            found = values.element_cell(cell.value)
        except Unreadable as exc:
            if has_items or not values.is_heading_text(cell.value):
                self.error(cell, str(exc))
            return False
        if found.element is None:  # a heading row
            self.skipping = False
            if has_items:
                self.error(cell, f"{quoted(found.wording.strip())} is a heading, not an "
                           "element id such as 1.1.1")  # fmt: skip
            return False
        if not self.start(cell, found.element):
            return False
        wording = got.get("wording")
        self.wording(wording or cell, wording.value if wording else found.wording)
        return True

    def start(self, cell: Cell, element_id: str) -> bool:
        """Begin (or carry on) the element; False when the id cannot be used."""
        book = self.book
        if element_id not in book.known:
            self.error(cell, f"unknown element {quoted(element_id)}"
                       f"{did_you_mean(element_id, book.known)}")  # fmt: skip
            return False
        earlier = book.elements.get(element_id)
        if earlier is not None and earlier is self.last:  # the element's id again, on its next row
            self.current, self.skipping = earlier, False
            return True
        if earlier is not None:
            where = "" if earlier.sheet is self.sheet else f"{earlier.sheet.name}!"
            self.error(cell, f"element {element_id} is already given in {where}rows "
                       f"{earlier.first_row}-{earlier.last_row}: keep an element's rows "
                       "together, once")  # fmt: skip
            return False
        self.current = self.last = Element(
            element_id, self.sheet, cell.row, cell.row, {"element": element_id}
        )
        book.elements[element_id] = self.current
        self.matrix.places[element_id] = (cell.row, cell.column)
        self.matrix.sheets[element_id] = self.sheet
        self.skipping = False
        return True

    def wording(self, cell: Cell, written: object) -> None:
        """Warn once of an element's wording that is not the standard's (which is kept)."""
        element = self.current
        assert element is not None  # noqa: S101 - called after start
        if element.id in self.book.worded:
            return
        self.book.worded.add(element.id)
        text = normal(written)
        if text and text != normal(self.book.known[element.id]):
            self.sheet.add(cell.row, cell.column, "warning", f"the wording of {element.id} "
                           f"differs from the standard's ({quoted(values.text(written))}): "
                           "cse keeps the standard's")  # fmt: skip

    def element_fields(self, element: Element, got: dict[str, Cell | None]) -> None:
        """The element's own fields a row gives: its ratings and the assessor's comments."""
        for column_name, key in _RATING_FIELDS.items():
            cell = got.get(column_name)
            if cell is None or (column_name == "rating" and "self_assessment" in got):
                continue
            try:
                rating = values.rating(cell.value).value
            except Unreadable as exc:
                self.error(cell, str(exc))
                continue
            before = element.data.setdefault(key, rating)
            if before != rating:
                self.error(cell, f"{element.id} is rated {before} in a row above: an "
                           "element has one rating per stage")  # fmt: skip
        comments = got.get("assessor_comments")
        if comments is not None:
            text = values.text(comments.value)
            notes = element.data.get("notes", "")
            if COMMENTS not in notes:
                element.data["notes"] = f"{notes}\n{COMMENTS}{text}" if notes else COMMENTS + text
            elif text not in notes.split(COMMENTS, 1)[1].split("\n"):
                element.data["notes"] = f"{notes}\n{text}"

    def add_items(self, element: Element, got: dict[str, Cell | None]) -> None:
        """The row's evidence item and on-site item, each of the element's."""
        evidence = got.get("evidence") or got.get("evidence_id")
        for kind in (EVIDENCE, ON_SITE):
            text_name, id_name = ITEM_COLUMNS[kind]
            cell = got.get(text_name) or got.get(id_name)
            if cell is None or not self._counted(cell):
                continue
            try:
                given = self.item_text(got, kind)
            except Unreadable as exc:
                self.error(cell, str(exc))
                continue
            if kind == EVIDENCE:
                fields = self.items.fields(got)
            else:
                fields = self.items.on_site_fields(got, alone=evidence is None)
                self.matrix.on_site += 1
            cells = (cell, got.get(id_name))
            self.book.ids.add(kind, element.data, (*given, fields), cells, self.sheet)

    def item_text(self, got: dict[str, Cell | None], kind: str) -> tuple[str | None, str]:
        """An item's id and title: from an id column, or (evidence) the start of the text."""
        text_name, id_name = ITEM_COLUMNS[kind]
        text_cell, id_cell = got.get(text_name), got.get(id_name)
        title = values.text(text_cell.value) if text_cell is not None else ""
        if id_cell is not None:
            return values.evidence_id(id_cell.value), title
        if kind == EVIDENCE and title and id_name not in self.header.columns:
            return values.split_evidence(title)
        return None, title

    def _counted(self, cell: Cell) -> bool:
        """Count an item toward the repository's limit; False past it (said once, at the row)."""
        self.matrix.items += 1
        if self.matrix.items == MAX_EVIDENCE_ITEMS + 1:
            self.error(cell, f"the matrix holds more than {MAX_EVIDENCE_ITEMS:,} evidence "
                       "items, cse check's limit for a repository: the rows from here on are "
                       "not read; import them into a second repository")  # fmt: skip
        return self.matrix.items <= MAX_EVIDENCE_ITEMS

    def error(self, cell: Cell, message: str) -> None:
        """An error at the cell."""
        self.sheet.add(cell.row, cell.column, "error", message)
