"""Items made from a matrix's rows: an id used again becomes a `ref:` to where it was first used.

An evidence item goes under its element's `evidence:`, an on-site item (Tell Me /
See On Site) under `on_site:`. Ids are one space for both, across every sheet of a
workbook, as they are in a repository: the first use of an id defines the item
(`id: ES-2`), each later one cites it (`- ref: ES-2`, keeping that row's notes),
and what a later row says differently is named in a warning. An id used for an
item of the other kind (a Tell Me ref that is a Show Me's) is an error at its
cell: one id cannot name both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cse_cli.core.text import quoted
from cse_cli.matrix.header import normal

if TYPE_CHECKING:
    from cse_cli.matrix.cells import Cell, Sheet

EVIDENCE, ON_SITE = "evidence", "on_site"
WORDS = {EVIDENCE: "evidence (Show Me)", ON_SITE: "on-site evidence (Tell Me)"}
"""What each kind of item is called in a message."""
_COMPARED = {
    EVIDENCE: ("owner", "service", "date", "url", "inferred"),
    ON_SITE: ("person", "place", "service", "inferred"),
}
"""What a row citing an item says that is compared with where the item is defined."""


@dataclass
class Defined:
    """Where an id was first used: its kind, sheet and row, and the item it defined."""

    kind: str
    sheet: Sheet
    row: int
    item: dict[str, Any]


class Ids:
    """The ids used so far in a matrix (all its sheets), and the items they defined."""

    def __init__(self) -> None:
        """No id used yet."""
        self.defined: dict[str, Defined] = {}
        self.refs = 0

    def add(
        self,
        kind: str,
        element: dict[str, Any],
        given: tuple[str | None, str, dict[str, Any]],
        cells: tuple[Cell, Cell | None],
        sheet: Sheet,
    ) -> None:
        """Add an item of `kind` (its id, title and other fields) to an element's data.

        `cells` are where the row's item is (a difference is said there) and its id's
        cell, if it has one of its own (a clash of ids is said there).
        """
        item_id, title, fields = given
        cell = cells[0]
        first = self.defined.get(item_id) if item_id else None
        if first is not None and first.kind != kind:
            at = cells[1] or cell
            sheet.add(at.row, at.column, "error", f"{quoted(item_id or '')} is already the "
                      f"ref of {WORDS[first.kind]} in {_where(first, sheet)}: one ref names one "
                      f"item; give this {WORDS[kind]} a ref of its own")  # fmt: skip
            return
        if first is not None:
            self._cited(first, item_id or "", title, fields, cell, sheet)
            cited = {"ref": item_id} | ({"notes": fields["notes"]} if "notes" in fields else {})
            element.setdefault(kind, []).append(cited)
            self.refs += 1
            return
        defined: dict[str, Any] = {"id": item_id} if item_id else {}
        defined["title"] = title or item_id
        defined |= fields
        if item_id:
            self.defined[item_id] = Defined(kind, sheet, cell.row, defined)
        element.setdefault(kind, []).append(defined)

    def known(self, item_id: str, kind: str) -> bool:
        """Whether `item_id` was used before for an item of `kind`."""
        first = self.defined.get(item_id)
        return first is not None and first.kind == kind

    def _cited(
        self,
        first: Defined,
        item_id: str,
        title: str,
        fields: dict[str, Any],
        cell: Cell,
        sheet: Sheet,
    ) -> None:
        """Warn of what a row citing an id says that differs from where the id is defined."""
        differs = [
            f"{name} {quoted(_said(fields[name]))}"
            for name in _COMPARED[first.kind]
            if name in fields and fields[name] != first.item.get(name)
        ]
        if title and normal(title) != normal(first.item["title"]):
            differs.insert(0, f"title {quoted(title)}")
        if differs:
            sheet.add(cell.row, cell.column, "warning", f"{item_id} is defined in "
                      f"{_where(first, sheet)}; this row cites it with ref:, so its "
                      f"{', '.join(differs)} is not kept")  # fmt: skip


def _where(first: Defined, sheet: Sheet) -> str:
    """Where an id was first used: 'row 4', or on another sheet 'Criterion 1!row 4'."""
    if first.sheet is sheet or first.sheet.name is None:
        return f"row {first.row}"
    return f"{first.sheet.name}!row {first.row}"


def _said(value: object) -> str:
    """A value of a row as the matrix had it: a list of keys as 'service, date'."""
    return ", ".join(value) if isinstance(value, list) else str(value)
