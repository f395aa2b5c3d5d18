"""An evidence matrix recognised: the element files it gives, and every problem in it.

A pure function of the sheet's cells: the header row (see `header`), then one
element per run of rows, an empty element cell (a merged cell, or a
continuation row) carrying on the element above. Sub-criterion heading rows
are skipped. An evidence id that recurs (in a column of its own, or at the
start of the text, as in "ES 2 Various customer surveys") becomes an item with
`id:` where it is first used and a `ref:` to it wherever it comes again. The
items' other fields are `items`' work. This is the layout of a team's own
matrix, one row per piece of evidence; another layout would give a `Matrix`
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cse_cli.core.problems import has_errors
from cse_cli.core.stages import FIELDS as STAGE_FIELDS
from cse_cli.core.stages import RECORDED
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.matrix import values
from cse_cli.matrix.header import Header, find_header, name_unplaced, normal
from cse_cli.matrix.items import ItemReader
from cse_cli.matrix.values import Unreadable
from cse_cli.rules.repository_limits import MAX_EVIDENCE_ITEMS

if TYPE_CHECKING:
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.matrix.cells import Cell, Sheet

_RATING_FIELDS = {"rating": "self_assessment"} | {
    name: name for name in (STAGE_FIELDS[s] for s in RECORDED)
}
_ORDER = ("element", "owner", *(STAGE_FIELDS[s] for s in RECORDED), "evidence", "notes")


@dataclass
class Matrix:
    """What a matrix gives: element files' data by element id, and what was met reading it."""

    elements: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Each element's file as data, in the key order of an element file."""
    services: list[str] = field(default_factory=list)
    """Every service named (by a column or the colour key), in order of first use."""
    problems: list[Problem] = field(default_factory=list)
    items: int = 0
    refs: int = 0
    unplaced: list[str] = field(default_factory=list)
    """The headers of the columns not imported."""
    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Each element's first cell (row, column): where a problem with its file is shown."""
    deleted: list[int] = field(default_factory=list)  # rows marked `delete`: not read


def recognise(sheet: Sheet, standard: Standard, mapping: dict[str, str]) -> Matrix:
    """The element files in the sheet, with every problem found (the sheet's own included)."""
    matrix = Matrix()
    header = None if has_errors(sheet.problems) else find_header(sheet, mapping)
    if header is not None:
        matrix.unplaced = name_unplaced(sheet, header)
        _Recogniser(sheet, standard, header, matrix).run()
    matrix.problems = sorted(sheet.problems, key=lambda p: (p.line, p.column))
    return matrix


@dataclass
class _Element:
    id: str
    first_row: int
    last_row: int
    data: dict[str, Any]


@dataclass
class _Defined:
    row: int
    item: dict[str, Any]


class _Recogniser:
    def __init__(self, sheet: Sheet, standard: Standard, header: Header, matrix: Matrix) -> None:
        self.sheet = sheet
        self.header = header
        self.matrix = matrix
        self.items = ItemReader(sheet, header, matrix.services)
        self.known = {e.id: e.text for c in standard.criteria for e in c.elements}
        self.elements: dict[str, _Element] = {}
        self.current: _Element | None = None
        self.last: _Element | None = None
        self.defined: dict[str, _Defined] = {}
        self.unheaded: set[int] = set()
        self.worded: set[str] = set()
        self.skipping = False
        """The rows below an element id that could not be read are skipped, not reported."""

    def run(self) -> None:
        header = self.header
        for cells in self.sheet.rows:
            if self.matrix.items > MAX_EVIDENCE_ITEMS:  # said at the row: no more is read
                break
            if cells[0].row < header.row:
                self._above(cells)
            elif cells[0].row > header.row and cells[0].row not in header.others:
                self._row(cells)
                self.items.warn_of_links(cells)
        for element in self.elements.values():
            self.matrix.elements[element.id] = _ordered(element.data)
        self.matrix.deleted = self.items.deleted_rows

    def _above(self, cells: list[Cell]) -> None:
        """A row above the header is a title or the colour key; one naming an element is said."""
        column = self.header.columns["element"]
        cell = next((c for c in cells if c.column == column), None)
        try:
            element = values.element_cell(cell.value).element if cell is not None else None
        except Unreadable:
            return
        if cell is not None and element in self.known:
            self.sheet.add(cell.row, cell.column, "warning", f"row {cell.row} names element "
                           f"{element} but is above the header row (row {self.header.row}): "
                           "not imported (move it below the header)")  # fmt: skip

    # one row ---------------------------------------------------------------------

    def _row(self, cells: list[Cell]) -> None:
        got = self._got(cells)
        has_evidence = got.get("evidence") is not None or got.get("evidence_id") is not None
        element_cell = got.get("element")
        if element_cell is not None:
            if not self._element_row(element_cell, got, has_evidence=has_evidence):
                return
        elif self.current is None:
            cell = got.get("evidence") or got.get("evidence_id")
            if cell is not None and not self.skipping:
                column = self.sheet.place(cell.row, self.header.columns["element"])
                self._error(cell, f"evidence before any element: give its element's id in {column}")
            return
        element = self.current
        assert element is not None  # noqa: S101 - set by _start or kept from the row above
        element.last_row = cells[0].row
        if self.items.deleted(got.get("delete")):
            return
        self._ratings(element, got)
        if has_evidence:
            self._item(element, got)
            return
        for name in ("owner", "notes"):  # a row of the element's own, with no evidence
            cell = got.get(name)
            if cell is not None:
                element.data.setdefault(name, values.text(cell.value))

    def _got(self, cells: list[Cell]) -> dict[str, Cell | None]:
        """The row's cell of each field; a value in a column with no header is named once."""
        by_column = {cell.column: cell for cell in cells}
        for cell in cells:
            if cell.column not in self.header.names and cell.column not in self.unheaded:
                self.unheaded.add(cell.column)
                message = "a column with values but no header: not imported (give it a header)"
                self.sheet.add(cell.row, cell.column, "warning", message)
        return {name: by_column.get(column) for name, column in self.header.columns.items()}

    def _element_row(self, cell: Cell, got: dict[str, Cell | None], *, has_evidence: bool) -> bool:
        """Start the element the row names; False when the row is a heading or wrong."""
        self.current, self.skipping = None, True
        try:
            found = values.element_cell(cell.value)
        except Unreadable as exc:
            if has_evidence or not values.is_heading_text(cell.value):
                self._error(cell, str(exc))
            return False
        if found.element is None:  # a heading row
            self.skipping = False
            if has_evidence:
                self._error(cell, f"{quoted(found.wording.strip())} is a heading, not an "
                            "element id such as 1.1.1")  # fmt: skip
            return False
        if not self._start(cell, found.element):
            return False
        wording = got.get("wording")
        self._wording(wording or cell, wording.value if wording else found.wording)
        return True

    def _start(self, cell: Cell, element_id: str) -> bool:
        """Begin (or carry on) the element; False when the id cannot be used."""
        if element_id not in self.known:
            self._error(cell, f"unknown element {quoted(element_id)}"
                        f"{did_you_mean(element_id, self.known)}")  # fmt: skip
            return False
        earlier = self.elements.get(element_id)
        if earlier is not None and earlier is self.last:  # the element's id again, on its next row
            self.current, self.skipping = earlier, False
            return True
        if earlier is not None:
            self._error(cell, f"element {element_id} is already given in rows "
                        f"{earlier.first_row}-{earlier.last_row}: keep an element's rows "
                        "together, once")  # fmt: skip
            return False
        self.current = self.last = _Element(element_id, cell.row, cell.row, {"element": element_id})
        self.elements[element_id] = self.current
        self.matrix.places[element_id] = (cell.row, cell.column)
        self.skipping = False
        return True

    def _wording(self, cell: Cell, written: object) -> None:
        element = self.current
        assert element is not None  # noqa: S101 - called after _start
        if element.id in self.worded:
            return
        self.worded.add(element.id)
        text = normal(written)
        if text and text != normal(self.known[element.id]):
            self.sheet.add(cell.row, cell.column, "warning", f"the wording of {element.id} "
                           f"differs from the standard's ({quoted(values.text(written))}): "
                           "cse keeps the standard's")  # fmt: skip

    def _ratings(self, element: _Element, got: dict[str, Cell | None]) -> None:
        for column_name, key in _RATING_FIELDS.items():
            cell = got.get(column_name)
            if cell is None or (column_name == "rating" and "self_assessment" in got):
                continue
            try:
                rating = values.rating(cell.value).value
            except Unreadable as exc:
                self._error(cell, str(exc))
                continue
            before = element.data.setdefault(key, rating)
            if before != rating:
                self._error(cell, f"{element.id} is rated {before} in a row above: an "
                            "element has one rating per stage")  # fmt: skip

    # one evidence item ------------------------------------------------------------

    def _item(self, element: _Element, got: dict[str, Cell | None]) -> None:
        evidence, id_cell = got.get("evidence"), got.get("evidence_id")
        cell = evidence or id_cell
        assert cell is not None  # noqa: S101 - a row with evidence has one of the two
        self.matrix.items += 1
        if self.matrix.items > MAX_EVIDENCE_ITEMS:
            self._error(cell, f"the matrix holds more than {MAX_EVIDENCE_ITEMS:,} evidence "
                        "items, cse check's limit for a repository: the rows from here on are "
                        "not read; import them into a second repository")  # fmt: skip
            return
        title = values.text(evidence.value) if evidence is not None else ""
        item_id = None
        if id_cell is not None:
            item_id = values.evidence_id(id_cell.value)
        elif title and "evidence_id" not in self.header.columns:
            item_id, title = values.split_evidence(title)
        item = self.items.fields(got)
        first = self.defined.get(item_id) if item_id else None
        if first is not None:
            self._cited(first, item_id or "", title, item, cell.row)
            cited = {"ref": item_id} | ({"notes": item["notes"]} if "notes" in item else {})
            element.data.setdefault("evidence", []).append(cited)
            self.matrix.refs += 1
            return
        defined: dict[str, Any] = {"id": item_id} if item_id else {}
        defined["title"] = title or item_id
        defined |= item
        if item_id:
            self.defined[item_id] = _Defined(cell.row, defined)
        element.data.setdefault("evidence", []).append(defined)

    def _cited(
        self, first: _Defined, item_id: str, title: str, item: dict[str, Any], row: int
    ) -> None:
        """Warn of what a row citing an id says that differs from where the id is defined."""
        differs = [
            f"{name} {quoted(_said(item[name]))}"
            for name in ("owner", "service", "date", "url", "inferred")
            if name in item and item[name] != first.item.get(name)
        ]
        if title and normal(title) != normal(first.item["title"]):
            differs.insert(0, f"title {quoted(title)}")
        if differs:
            column = self.header.columns.get("evidence", self.header.columns.get("evidence_id", 1))
            self.sheet.add(row, column, "warning", f"{item_id} is defined in row {first.row}; "
                           f"this row cites it with ref:, so its {', '.join(differs)} "
                           "is not kept")  # fmt: skip

    def _error(self, cell: Cell, message: str) -> None:
        self.sheet.add(cell.row, cell.column, "error", message)


def _said(value: object) -> str:
    """A value of a row as the matrix had it: a list of keys as 'service, date'."""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """An element's data in the order of an element file's keys."""
    return {key: data[key] for key in _ORDER if key in data}
