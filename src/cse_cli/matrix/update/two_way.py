"""The two-way merge: a sheet with no base (another tool's, an old export) over the repository.

Without a base nothing says what the sheet changed and what it never held, so
the sheet only adds and changes: a value it gives that differs from the
repository's is set, an item it holds that the repository does not is added,
and nothing is ever deleted, not even a row marked `delete` (counted, and said).
It works on what recognition gives (cse_cli.matrix.recognise's `Matrix`), for
the sheet and for the repository exported in memory and recognised alike, so
any layout the matrix package recognises merges without code of its own: every
list of an element (evidence, and whatever a layout adds) is merged the same way.

Items are matched by the id they define or cite (recognition defines an id at
its first row and cites it after, wherever the repository defines it), the
rest by their title (or a point's wording), in order. Without a base, an item
whose title the sheet changed cannot be told from a new one, so it is added
beside the old one rather than written over it: nothing is lost. What an id's
item says (its title, owner…) is compared where the id is defined; a citing
item's own notes where it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from cse_cli.core.text import quoted, short
from cse_cli.matrix.update.align import pairs
from cse_cli.matrix.update.changes import Change, Merge, Target

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from cse_cli.matrix.cells import Sheet
    from cse_cli.matrix.recognise import Matrix

_OWN = ("notes",)
"""What an item citing an id holds of its own."""
_IDENTITY = ("id", "ref")


def merge_two(
    sheet: Matrix, now: Matrix, cells: Sheet, where: Callable[[str], Sheet | None] | None = None
) -> Merge:
    """What the sheet asks of the repository now, adding and changing only.

    `where` gives the sheet of an element's rows in a matrix read from several
    sheets (None, or no sheet: `cells`, the one read). An item given twice in a
    list (the same in every field) is an error, added to `cells`' problems.
    """
    merge = Merge("two-way", deletes_not_made=len(sheet.deleted))
    defined = _definitions(now)
    for element, data in sheet.elements.items():
        place = _Place.of(sheet, element, (where and where(element)) or cells)
        there = now.elements.get(element, {"element": element})
        for name, value in data.items():
            if name == "element":
                continue
            if isinstance(value, list):
                _twice(cells, element, name, value, place)
                _list(merge, Target(element, name), value, there.get(name) or [], defined, place)
            elif value is not None and value != there.get(name):
                merge.changes.append(Change(Target(element), name, value, *place))
    for key, (target, item) in _definitions(sheet).items():
        found = defined.get(key)
        if found is not None:  # what the id's item says, where the repository defines it
            element = target.element
            place = _Place.of(sheet, element, (where and where(element)) or cells)
            _fields(merge, found[0], item, found[1], place, skip=_OWN)
    return merge


class _Place(NamedTuple):
    """An element's first cell, and its sheet: where its changes and problems are shown."""

    cell: tuple[int, int]
    sheet: Sheet

    @classmethod
    def of(cls, matrix: Matrix, element: str, sheet: Sheet) -> _Place:
        """Where the element's first cell is, on `sheet`."""
        return cls(matrix.places.get(element, (0, 0)), sheet)


def _twice(cells: Sheet, element: str, name: str, items: list[Any], place: _Place) -> None:
    """Say of each item the sheet gives twice for one element that it is a duplicated row."""
    seen: list[Any] = []
    for item in items:
        if item in seen:
            said = item.get("title") if isinstance(item, dict) else item
            cells.problems.append(place.sheet.problem(*place.cell, "error", f"{element} has the "
                                  f"same {name.replace('_', ' ')} twice "
                                  f"({quoted(short(str(said)))}): a row copied? delete the "
                                  "copy"))  # fmt: skip
        seen.append(item)


def _definitions(matrix: Matrix) -> dict[tuple[str, str], tuple[Target, dict[str, Any]]]:
    """Where each id is defined (by list and id), and its item."""
    found = {}
    for element, data in matrix.elements.items():
        for name, items in data.items():
            if isinstance(items, list):
                for index, item in enumerate(items):
                    if isinstance(item, dict) and item.get("id") is not None:
                        found[name, item["id"]] = (Target(element, name, index), item)
    return found


def _list(
    merge: Merge,
    target: Target,
    items: list[Any],
    there: list[Any],
    defined: dict[tuple[str, str], tuple[Target, dict[str, Any]]],
    place: _Place,
) -> None:
    """One list: each item matched to the repository's and changed, or added."""
    assert target.list is not None  # noqa: S101 - a list's target
    matched = _matched(items, there)
    for index, item in enumerate(items):
        found = matched.get(index)
        cited = _identity(item)
        if found is not None and cited is not None:
            _fields(merge, Target(target.element, target.list, found), item, there[found], place,
                    only=_OWN)  # fmt: skip
        elif found is not None:
            _fields(merge, Target(target.element, target.list, found), item, there[found], place)
        elif cited is not None and (target.list, cited) in defined:
            notes = {"notes": item["notes"]} if isinstance(item, dict) and "notes" in item else {}
            merge.changes.append(Change(target, None, {"ref": cited} | notes, *place))
        else:
            merge.changes.append(Change(target, None, item, *place))


def _fields(
    merge: Merge,
    target: Target,
    item: object,
    there: object,
    place: _Place,
    *,
    only: tuple[str, ...] | None = None,
    skip: tuple[str, ...] = (),
) -> None:
    """The fields the sheet's item gives that differ from the repository's (never one it lacks)."""
    if not isinstance(item, dict) or not isinstance(there, dict):
        return
    for name, value in item.items():
        if name in _IDENTITY or name in skip or (only is not None and name not in only):
            continue
        if value is not None and value != there.get(name):
            merge.changes.append(Change(target, name, value, *place))


def _matched(items: list[Any], there: list[Any]) -> dict[int, int]:
    """Each of the sheet's items paired with one of the repository's: by id, then in order."""
    matched: dict[int, int] = {}
    free = list(range(len(there)))
    for index, item in enumerate(items):
        cited = _identity(item)
        found = next((j for j in free if cited is not None and _identity(there[j]) == cited), None)
        if found is not None:
            matched[index] = found
            free.remove(found)
    rest = [
        index
        for index in range(len(items))
        if index not in matched and _identity(items[index]) is None
    ]
    free = [j for j in free if _identity(there[j]) is None]
    # without a base, another title is another item: added, never written over one
    for i, j in pairs([_signature(items[i]) for i in rest], [_signature(there[j]) for j in free]):
        matched[rest[i]] = free[j]
    return matched


def _identity(item: object) -> str | None:
    """The id an item defines or cites."""
    if not isinstance(item, dict):
        return None
    found = item.get("id") or item.get("ref")
    return str(found) if found is not None else None


def _signature(item: object) -> Hashable:
    """What an item is aligned by: its title (or a point's wording), else the whole of it."""
    if isinstance(item, dict):
        return ("title", item.get("title") if "title" in item else item.get("point"))
    return ("value", repr(item))
