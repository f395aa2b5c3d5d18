"""A certification body's self-assessment workbook read block by block: one block per element.

Each sheet (one per criterion) has a title block, then for each element a
block: the element's row (`Element 1.1.1 We have…`, or `1.1.1` and its
wording, starting in the header's first column or left of it), a GUIDANCE row, the header row (the
same in every block), and a row per piece of evidence: a Show Me document and
a Tell Me (See On Site) item side by side, each with its Ref, the
self-assessment and the assessor's desk-top rating, and the assessor's
comments. Rows above the first header are the title block: only an element row
is read there. A GUIDANCE row is the certification body's words, not evidence,
and is not imported. A Ref with no text beside it is the template's numbering
(not imported), unless it names an item used before, which the row then cites.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cse_cli.matrix import values
from cse_cli.matrix.header import normal
from cse_cli.matrix.rows import ITEM_COLUMNS, RowReader
from cse_cli.matrix.values import Unreadable
from cse_cli.rules.repository_limits import MAX_EVIDENCE_ITEMS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.matrix.cells import Cell, Sheet
    from cse_cli.matrix.found import Book
    from cse_cli.matrix.header import Header

_ELEMENT_FIELDS = ("rating", "self_assessment", "desk_top", "final", "surveillance_1",
                   "surveillance_2", "assessor_comments")  # fmt: skip
"""The columns of an element's own fields, given on any row of its block."""
_ELEMENT_WORD = re.compile(r"^\s*element\b", re.IGNORECASE)


class BlockReader(RowReader):
    """Reads one sheet of a self-assessment workbook, block by block."""

    def __init__(self, sheet: Sheet, header: Header, book: Book) -> None:
        """A reader of `sheet`, whose `header` has no element column."""
        super().__init__(sheet, header, book)
        self.headed = header.row
        """The row of the last header read (each block repeats it)."""
        self.started = False
        """Whether an element row came since that header."""
        self.left = min(column for column, _ in header.shape)
        """The header's first column, where an element's row and a GUIDANCE row start."""

    def run(self) -> None:
        """Read every block of the sheet."""
        header = self.header
        for cells in self.sheet.rows:
            if self.matrix.items > MAX_EVIDENCE_ITEMS:  # said at the row: no more is read
                break
            row = cells[0].row
            if row == header.row or row in header.others or header.repeated(cells):
                self._header(row)
            elif cells[0].column > self.left:  # a row with no Ref: an item's, however it reads
                if row > header.row:
                    self._item_row(cells)
            elif values.is_guidance(cells[0].value) or self._element_row_of(cells):
                continue
            elif row > header.row:
                self._item_row(cells)
                self.items.warn_of_links(cells)
        self.matrix.deleted += self.items.deleted_rows

    def _header(self, row: int) -> None:
        """A header starts a block's rows: the element's, if an element row came before it."""
        if not self.started:
            self.current, self.skipping = None, False
        self.started, self.headed = False, row

    def _element_row_of(self, cells: list[Cell]) -> bool:
        """Whether the row is an element's (its first cell an element id); if so, start it."""
        first = cells[0]
        try:
            found = values.element_cell(first.value)
        except Unreadable:
            return False
        second = cells[1].value if len(cells) > 1 else None
        if found.element is None or not _worded(first.value, second, found, self.book.known):
            return False
        self.started = True
        if not self.start(first, found.element):
            self.current, self.skipping = None, True
            return True
        worded, wording = first, found.wording
        if not wording.strip() and len(cells) > 1 and isinstance(cells[1].value, str):
            worded, wording = cells[1], cells[1].value  # `1.1.1 | We have…`
        self.wording(worded, wording)
        got = self.got(cells)
        element = self.current
        assert element is not None  # noqa: S101 - set by start
        self.element_fields(element, {n: c for n, c in got.items() if c is not first})
        return True

    def _item_row(self, cells: list[Cell]) -> None:
        """A row of a block: its items, ratings and comments, the current element's."""
        got = self.got(cells)
        texts = [got.get(kind[0]) for kind in ITEM_COLUMNS.values()]
        content = [c for c in (*texts, *(got.get(n) for n in _ELEMENT_FIELDS)) if c is not None]
        element = self.current
        if element is None:
            if content and not self.skipping:
                self.error(content[0], "this row's block has no element row: start the block "
                           "with its element's row (such as 'Element 1.1.1 We have…') above "
                           f"its header (row {self.headed}); the block's rows are not "
                           "imported")  # fmt: skip
                self.skipping = True
            return
        element.last_row = cells[0].row
        if self.items.deleted(got.get("delete")):
            return
        self.element_fields(element, got)
        kept = dict(got)
        for kind, (text_name, id_name) in ITEM_COLUMNS.items():
            cell = got.get(id_name)
            if got.get(text_name) is None and cell is not None and not self._cites(cell, kind):
                kept[id_name] = None  # the template's numbering, with nothing beside it
        if self.has_items(kept):
            self.add_items(element, kept)

    def _cites(self, cell: Cell, kind: str) -> bool:
        """Whether a Ref alone names an item of `kind` used before (the row cites it)."""
        try:
            return self.book.ids.known(values.evidence_id(cell.value), kind)
        except Unreadable:
            return False


def read_as(first: object, second: object, known: Mapping[str, str]) -> str | None:
    """What a block's row is read as when its first cells hold `first` and `second`.

    'a GUIDANCE row' or 'the row of element 1.1.1', or None for a row of items. The
    self-assessment export asks this of each item's Ref and title, and refuses a Ref
    that import would not read back as an item's.
    """
    if values.is_guidance(first):
        return "a GUIDANCE row"
    try:
        found = values.element_cell(first)
    except Unreadable:
        return None
    if found.element is not None and _worded(first, second, found, known):
        return f"the row of element {found.element}"
    return None


def _worded(
    first: object, second: object, found: values.ElementCell, known: Mapping[str, str]
) -> bool:
    """Whether a row whose first cell reads as an element id is the element's row.

    It is when it says `Element 1.1.1`, or gives wording that starts as the
    standard's does (after the id, or in the next cell), or holds the id alone
    (`second` None); not when it is an item whose Ref happens to read so
    (`1.1.1a | Profiles`).
    """
    if _ELEMENT_WORD.match(str(first)):
        return True
    wording = found.wording
    if not wording.strip():
        if second is None:
            return True
        wording = str(second)
    words = normal(wording).split()
    text = known.get(found.element or "")
    return bool(words) and text is not None and words[0] == normal(text).split()[0]
