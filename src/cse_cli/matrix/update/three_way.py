"""The three-way merge: the base the sheet carries, the sheet as it came back, the repository now.

Each cell is compared with the base: a cell the sheet left as exported asks
nothing, so a row filtered out, hidden or cut from the sheet is never a
deletion. A cell the sheet changed is applied when the repository still holds
the base's value, is nothing when it already holds the sheet's, and is a
conflict otherwise. A row is deleted only when its Delete cell says `delete`,
and not when the repository changed it since the export (a conflict).

An element's rating is on every one of its rows: the rows that still show the
base's rating ask nothing, and two rows changing it differently are an error.
A row that cites an evidence id (`ref:`) shows the item it cites; only its
notes and the id it cites are its own, and a change to the rest is named in a
warning, as `cse import` names it. The rows of an element's items are matched
to its items now by their keys: an id by the id, the others by aligning the
base's list with the repository's (cse_cli.matrix.update.align).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from cse_cli.core.row_key import RowKey
from cse_cli.core.text import quoted, short
from cse_cli.matrix.update.align import align
from cse_cli.matrix.update.changes import Change, Conflict, Merge, Target, shown
from cse_cli.matrix.update.rows import OWN, RATINGS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cse_cli.matrix.update.rows import Row, Rows

_CITING = ("id", "notes")
"""What a row citing an id (`ref:`) holds of its own: the id, and its notes."""
_RAW = {"id": "ref"}
"""A citing row's field as the element file names it."""


def merge_three(sheet: Rows, base: Rows, now: Rows) -> Merge:
    """What the sheet asks of the repository; problems of the sheet go to `sheet.sheet`."""
    merger = _Merger(sheet, base, now)
    merger.run()
    return merger.merge


class _Merger:
    def __init__(self, sheet: Rows, base: Rows, now: Rows) -> None:
        self.sheet, self.base, self.now = sheet, base, now
        self.merge = Merge("three-way")
        self.base_rows = {row.key: row for row in base.rows if row.key is not None}
        self.now_rows = {row.key: row for row in now.rows if row.key is not None}
        self.index: dict[RowKey, int] = {}
        listed: dict[tuple[str, str | None], list[RowKey]] = defaultdict(list)  # per list
        for key in (row.key for row in now.rows if row.key is not None and row.key.list):
            self.index[key] = len(listed[key.element, key.list])
            listed[key.element, key.list].append(key)
        self.matched = align(base.rows, now.rows)
        self.defined = {key.id for key in self.now_rows if key.id is not None}

    def run(self) -> None:
        rows = self._unique()
        for element in dict.fromkeys(row.element for row in rows):
            mine = [row for row in rows if row.element == element and not row.delete]
            self._ratings(element, mine)
            self._own(element, [row for row in rows if row.element == element])
        for row in rows:
            if row.key is not None and row.key.list is not None:
                self._keyed(row, row.key)
            elif row.key is None and row.item is not None and not row.delete:
                self._added(row, row.item)
            elif row.key is None and row.delete:
                self._warn(row.row, self.sheet.column("delete"), "the row is marked delete but "
                           "has no key (export did not write it): nothing to delete")  # fmt: skip

    def _unique(self) -> list[Row]:
        """The rows, less those whose key is given twice or is not in the base (each an error)."""
        seen: dict[RowKey, int] = {}
        kept = []
        column = self.sheet.column("key")
        for row in self.sheet.rows:
            if row.key is not None and row.key in seen:
                self._error(row.row, column, f"the row has the same key as row {seen[row.key]} "
                            f"({row.key}): keep one of the two, or clear this row's key to add it "
                            "as a new row")  # fmt: skip
            elif row.key is not None and row.key not in self.base_rows:
                self._error(row.row, column, f"the key {quoted(str(row.key))} is not in the "
                            "sheet's base: the cse key column was edited; clear the cell to add "
                            "the row as a new one")  # fmt: skip
            else:
                if row.key is not None:
                    seen[row.key] = row.row
                kept.append(row)
        return kept

    # an element's ratings, owner and notes -----------------------------------------------

    def _ratings(self, element: str, rows: list[Row]) -> None:
        base, now = self._first(self.base.rows, element), self._first(self.now.rows, element)
        for name in RATINGS:
            given = [
                (row.ratings[name], row)
                for row in rows
                if name in row.ratings and (row.key is not None or row.ratings[name] is not None)
            ]
            was = base.ratings.get(name) if base is not None else None
            self._element_field(element, name, given, was, now.ratings.get(name) if now else None)

    def _own(self, element: str, rows: list[Row]) -> None:
        base = self.base_rows.get(RowKey(element))
        now = self.now_rows.get(RowKey(element))
        for name in OWN:
            given = [
                (None if row.delete else row.own.get(name), row)
                for row in rows
                if row.item is None and (row.key is not None or row.own.get(name) is not None)
            ]
            was = base.own.get(name) if base is not None else None
            self._element_field(element, name, given, was, now.own.get(name) if now else None)

    def _element_field(
        self, element: str, name: str, given: Sequence[tuple[object, Row]], was: object, now: object
    ) -> None:
        """One field of an element, as the rows give it: changed by one row, or by none."""
        changed: dict[object, Row] = {}
        for value, row in given:
            if value != was:
                changed.setdefault(value, row)
        column = self.sheet.column(name if name in OWN or name in self._columns() else "rating")
        header = self._header(column)
        if len(changed) > 1:
            (first, one), (second, other) = list(changed.items())[:2]
            one_of = "rating per stage" if name in RATINGS else name
            self._error(other.row, column, f"{element}'s {header} is {shown(first)} in row "
                        f"{one.row} and {shown(second)} in row {other.row}: an element has one "
                        f"{one_of}; give the same in both rows, or leave one as "
                        "exported")  # fmt: skip
        elif changed:
            value, row = next(iter(changed.items()))
            change = Change(Target(element), name, value, (row.row, column))
            self.merge.decide(change, f"{element}'s {header}", (was, value, now))

    # an item's row -------------------------------------------------------------------------

    def _keyed(self, row: Row, key: RowKey) -> None:
        base = self.base_rows[key]
        was = base.item or {}
        found = self.matched.get(key)
        now = (self.now_rows[found].item or {}) if found is not None else None
        target = Target(key.element, key.list, self.index[found] if found is not None else None)
        citing = key.id is None and "id" in was
        if row.delete:
            self._delete(row, target, was, now)
            return
        mine = row.item or {}
        changed = [name for name in dict.fromkeys([*was, *mine]) if mine.get(name) != was.get(name)]
        if citing:
            for name in (name for name in changed if name not in _CITING):
                self._not_kept(row, name, mine.get(name), str(was["id"]))
            changed = [name for name in changed if name in _CITING]
        if changed and now is None:
            item = {_RAW["id"]: mine.get("id"), "notes": mine.get("notes")} if citing else mine
            change = Change(
                Target(key.element, key.list), None, _present(item), self._at(row, "title")
            )
            said = "the sheet changes it, and the repository deleted it since the export"
            conflict = Conflict(change, self._named(key, was), "deleted", "changed", "", said)
            self.merge.conflicts.append(conflict)
            return
        for name in changed:
            field = _RAW.get(name, name) if citing else name
            change = Change(target, field, mine.get(name), self._at(row, name))
            what = f"{self._named(key, was)}: {self._header(self.sheet.column(name, key.list))}"
            assert now is not None  # noqa: S101 - an item deleted since is handled above
            self.merge.decide(change, what, (was.get(name), mine.get(name), now.get(name)))

    def _delete(
        self, row: Row, target: Target, was: dict[str, Any], now: dict[str, Any] | None
    ) -> None:
        if now is None:
            return  # deleted in the repository too
        change = Change(target, None, None, self._at(row, "delete"))
        if now == was:
            self.merge.changes.append(change)
        else:
            said = "the sheet deletes it, and the repository changed it since the export"
            conflict = Conflict(change, self._named(row.key, was), "changed", "deleted", "", said)
            self.merge.conflicts.append(conflict)

    def _added(self, row: Row, item: dict[str, Any]) -> None:
        """A new row's item: citing an id the repository (or a row above) defines, or new."""
        item_id = item.get("id")
        if item_id is not None and item_id in self.defined:
            item = _present({"ref": item_id, "notes": item.get("notes")})
        elif item_id is not None:
            self.defined.add(item_id)
        target = Target(row.element, row.list)
        self.merge.changes.append(Change(target, None, item, self._at(row, "title")))

    # words and places ------------------------------------------------------------------------

    def _not_kept(self, row: Row, name: str, value: object, cited: str) -> None:
        column = self.sheet.column(name, row.list)
        self._warn(row.row, column, f"the row cites {cited}, defined on "
                   f"another row, so its {self._header(column)} {shown(value)} "
                   f"is not kept: change it on {cited}'s own row")  # fmt: skip

    def _named(self, key: RowKey | None, item: dict[str, Any]) -> str:
        element = key.element if key is not None else "?"
        listed = (key.list if key is not None else None) or "evidence"
        name = item.get("id") or short(str(item.get("title") or ""))
        shown_name = quoted(name) if "id" not in item else name
        return f"{element}'s {listed.replace('_', ' ')} {shown_name}"

    def _columns(self) -> dict[str, int]:
        return self.sheet.header.columns if self.sheet.header is not None else {}

    def _header(self, column: int) -> str:
        return self.sheet.header.names.get(column, "") if self.sheet.header is not None else ""

    def _at(self, row: Row, name: str) -> tuple[int, int]:
        return (row.row, self.sheet.column(name, row.list))

    def _first(self, rows: list[Row], element: str) -> Row | None:
        return next((row for row in rows if row.element == element), None)

    def _error(self, row: int, column: int, message: str) -> None:
        self.sheet.sheet.add(row, column, "error", message)

    def _warn(self, row: int, column: int, message: str) -> None:
        self.sheet.sheet.add(row, column, "warning", message)


def _present(item: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in item.items() if value is not None}
