"""Which item of a list now each item of the same list at the export is: a list aligned.

An item that defines an id is that id's item, wherever it moved. The others
(an item with no id, a `ref:`) are matched by aligning the two lists in order
(difflib's longest matching runs) on the id an item cites, else its title, as
`diff` aligns lines. Only items that still read the same are paired: an item
retitled since the export cannot be told from one deleted and another added,
and pairing those would put one item's change on another.
"""

from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence

    from cse_cli.core.row_key import RowKey
    from cse_cli.matrix.update.rows import Row


def align(before: Sequence[Row], after: Sequence[Row]) -> dict[RowKey, RowKey]:
    """The key of each item row of `after` matched to each of `before`, by element and list."""
    lists: dict[tuple[str, str], tuple[list[Row], list[Row]]] = defaultdict(lambda: ([], []))
    for side, rows in enumerate((before, after)):
        for row in rows:
            if row.key is not None and row.key.list is not None:
                lists[row.key.element, row.key.list][side].append(row)
    matched: dict[RowKey, RowKey] = {}
    for old, new in lists.values():
        matched |= _matched(old, new)
    return matched


def _matched(old: list[Row], new: list[Row]) -> dict[RowKey, RowKey]:
    """One list's items paired: by the id an item defines, then in order."""
    ids = {row.key.id: row.key for row in new if row.key is not None and row.key.id is not None}
    matched = {
        row.key: ids[row.key.id]
        for row in old
        if row.key is not None and row.key.id is not None and row.key.id in ids
    }
    taken = set(matched.values())
    rest_old = [row for row in old if row.key not in matched]
    rest_new = [row for row in new if row.key not in taken]
    for i, j in pairs([_signature(row.item) for row in rest_old],
                      [_signature(row.item) for row in rest_new]):  # fmt: skip
        old_key, new_key = rest_old[i].key, rest_new[j].key
        if old_key is not None and new_key is not None:
            matched[old_key] = new_key
    return matched


def pairs(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """The places of `old` and `new` paired: the longest runs that match, in order."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [(i + k, j + k) for i, j, size in matcher.get_matching_blocks() for k in range(size)]


def _signature(item: dict[str, Any] | None) -> Hashable:
    """What an item is aligned by: the id it shows (cites or defines), else its title."""
    item = item or {}
    return ("id", item["id"]) if "id" in item else ("title", item.get("title"))
