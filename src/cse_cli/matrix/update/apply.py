"""Changes in the matrix's terms turned into edits of the element files: what a cell is in a file.

Most cells are one key of the file: a rating, the element's owner and notes,
an item's title, owner, service, date, url and inferred keys. Three are not:

- An item citing an id (`ref:`) shows the item it cites; a change to what it
  shows (not to its notes) is made where the id is defined.
- The Link cell shows an item's `url`, else its `path`; import reads a link
  that is not a web address into the notes, as `Location: …`. So an item's
  notes as the sheet gives them end with `Location: PATH` while the Link still
  shows the path: that line is the path's, not the notes'. Notes without it
  mean the Link no longer shows the path, and the path goes (a link typed in
  its place stays in the notes, as import keeps it). Clearing a web address
  clears the item's link: its `url` and any `path` behind it.
- A value that is not text (a rating, a list of inferred keys) is written as
  the file spells it.

Edits are made one element file at a time, in an order that keeps every index
true: values set first, then items deleted from the last, then items added at
the end of their list.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cse_cli.io.yaml_edit import Delete, Set

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.io.yaml_edit import Edit
    from cse_cli.matrix.update.changes import Change

_SHOWN_BY_CITING = ("notes", "ref")
"""What an item citing an id shows of its own; the rest is the cited item's."""


@dataclass
class FileEdits:
    """The edits of one element file, in order, and the changes that asked for them."""

    sets: list[Edit] = field(default_factory=list)
    deleted: list[tuple[str, int]] = field(default_factory=list)
    added: list[tuple[str, Any]] = field(default_factory=list)
    asked: list[Change] = field(default_factory=list)
    """The changes that ask for the edits, each with its cell."""

    def edits(self, data: dict[str, Any]) -> list[Edit]:
        """Every edit, in the order that keeps indexes true."""
        found = list(self.sets)
        found += [Delete((name, index)) for name, index in sorted(set(self.deleted), reverse=True)]
        lengths = {name: len(data.get(name) or []) for name, _ in self.deleted + self.added}
        for name, _ in set(self.deleted):
            lengths[name] -= 1
        for name, item in self.added:
            found.append(Set((name, lengths[name]), item))
            lengths[name] += 1
        return found


def file_edits(changes: list[Change], data: Mapping[str, dict[str, Any]]) -> dict[str, FileEdits]:
    """The edits of each element's file (by element id) that make `changes`.

    `data` is each element file's data as read (a new file's as `cse init` writes it).
    """
    files: dict[str, FileEdits] = defaultdict(FileEdits)
    defined = {
        (name, item["id"]): (element, index)
        for element, values in data.items()
        for name, items in values.items()
        if isinstance(items, list)
        for index, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    for change in changes:
        target = change.target
        edits = files[target.element]
        if target.list is None:
            edits.sets.append(Set((str(change.field),), _plain(change.value)))
        elif change.field is None and target.index is None:
            edits.added.append((target.list, _plain(change.value)))
        elif change.field is None:
            edits.deleted.append((target.list, _index(target.index)))
        else:
            element, index = target.element, _index(target.index)
            item = data[element][target.list][index]
            cited = defined.get((target.list, item.get("ref")))
            if cited is not None and change.field not in _SHOWN_BY_CITING:
                element, index = cited
                edits = files[element]
            at = (target.list, index)
            edits.sets += _set(at, change.field, change.value, data[element][at[0]][index], data)
        edits.asked.append(change)
    return dict(files)


def _set(
    at: tuple[str, int], name: str, value: object, item: dict[str, Any], data: Mapping[str, Any]
) -> list[Edit]:
    """The edits that give the item's field `name` the value the sheet shows."""
    if at[0] != "evidence" or name not in {"notes", "url"}:
        return [Set((*at, name), _plain(value))]
    if name == "url":
        cleared = [Set((*at, "path"), None)] if value is None else []
        return [Set((*at, "url"), value), *cleared]
    shows = _showing(item, data)
    text = value if isinstance(value, str) else None
    if shows is not None and text is not None and text.split("\n")[-1] == f"Location: {shows}":
        return [Set((*at, "notes"), text.rpartition("\n")[0] if "\n" in text else None)]
    gone = [Set((*at, "path"), None)] if shows is not None and "ref" not in item else []
    return [Set((*at, "notes"), value), *gone]


def _showing(item: dict[str, Any], data: Mapping[str, Any]) -> str | None:
    """The path the Link cell shows for an item (the cited item's, for a `ref:`), if any."""
    source = item
    if "ref" in item:
        source = next(
            (
                other
                for values in data.values()
                for other in values.get("evidence") or []
                if isinstance(other, dict) and other.get("id") == item["ref"]
            ),
            {},
        )
    path = source.get("path")
    return str(path) if path is not None and source.get("url") is None else None


def _plain(value: Any) -> Any:  # noqa: ANN401 - any value a file holds
    """A value as the file holds it: a rating by its name, lists and items alike."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(part) for part in value]
    if isinstance(value, dict):
        return {key: _plain(part) for key, part in value.items()}
    return value


def _index(index: int | None) -> int:
    assert index is not None  # noqa: S101 - an item of the repository has its place
    return index
