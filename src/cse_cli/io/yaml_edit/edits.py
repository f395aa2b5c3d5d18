"""Edits in data terms, the errors of the writer, and the edits between two versions of data."""

from __future__ import annotations

import math
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeAlias

from cse_cli.core.problems import CseError, Problem
from cse_cli.io.yaml_edit.scalars import Unwritable, double_quoted, key_text, scalar

Path: TypeAlias = tuple[str | int, ...]
"""Where a value is: keys of mappings and indexes of lists, ("evidence", 2, "date")."""


@dataclass(frozen=True)
class Set:
    """Make the value at `path` equal `value`, changing only what differs.

    Mappings and lists on the way are created when missing; an index equal to a
    list's length appends. `None` means no value: the key is removed (a key
    already empty, such as `owner:` in a new file, is left as it is).
    """

    path: Path
    value: object


@dataclass(frozen=True)
class Delete:
    """Remove the key or list item at `path` (a key that is not there: nothing to do)."""

    path: Path


@dataclass(frozen=True)
class Insert:
    """Insert `value` into a list before the index that ends `path` (the list's length appends)."""

    path: Path
    value: object


@dataclass(frozen=True)
class Move:
    """Move the list item at `path` to index `to` of the same list (the others close up)."""

    path: Path
    to: int


Edit: TypeAlias = Set | Delete | Insert | Move


class EditError(CseError):
    """The writer could not make an edit; `problems` say where and why, one per line."""


class EditDoesNotFit(EditError):  # noqa: N818 - reads as what it says
    """An edit does not fit the file's data: a path through text, an index out of range."""


class FileNotEditable(EditError):  # noqa: N818
    """The file cannot be changed safely: not valid YAML to cse, or the part uses an alias."""


class WouldReadDifferently(EditError):  # noqa: N818
    """The text written would not read back as the data meant (a bug; nothing is written)."""


def spell(path: Path) -> str:
    """A path as the user reads it: `evidence[2].date`; the whole file for the empty path."""
    if not path:
        return "the file"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def problem(file: str, where: tuple[int, int], message: str) -> Problem:
    """An error at a (line, column) of the file, both counted from 1."""
    return Problem(file, where[0], where[1], "error", message)


def same(a: object, b: object) -> bool:
    """Whether two values are the same data: types too (1 is not true, 1 is not 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def check_value(value: object, path: Path) -> None:
    """Refuse, with EditDoesNotFit, a value that is not data a YAML file holds."""
    if isinstance(value, dict):
        for key, inner in value.items():
            _check_key(key, path)
            if inner is not None:
                check_value(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            if inner is None:
                raise EditDoesNotFit(
                    f"{spell((*path, index))}: a list item cannot be empty (None): leave it out"
                )
            check_value(inner, (*path, index))
    elif value is not None:
        try:
            double_quoted(value) if isinstance(value, str) else scalar(value)
        except Unwritable as exc:
            raise EditDoesNotFit(f"{spell(path)}: {exc}") from None


def _check_key(key: object, path: Path) -> None:
    if not isinstance(key, str):
        raise EditDoesNotFit(f"{spell(path)}: the key {key!r} is not text")
    try:
        key_text(key)
    except Unwritable as exc:
        raise EditDoesNotFit(f"{spell(path)}: {exc}") from None


def changes(old: object, new: object, path: Path = ()) -> list[Edit]:
    """The fewest edits that turn `old` into `new`, applied one after another.

    A key whose value is None counts as absent, on both sides. Lists are matched
    item by item (difflib's longest matching runs); an item changed in place is
    edited inside, so what did not change in it stays as it was written.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[Edit] = [
            Delete((*path, key))
            for key, value in old.items()
            if value is not None and new.get(key) is None
        ]
        for key, value in new.items():
            if value is None:
                continue
            if old.get(key) is None:
                found.append(Set((*path, key), value))
            else:
                found.extend(changes(old[key], value, (*path, key)))
        return found
    if isinstance(old, list) and isinstance(new, list):
        return _list_changes(old, new, path)
    return [] if same(old, new) else [Set(path, new)]


def _list_changes(old: list[object], new: list[object], path: Path) -> list[Edit]:
    matcher = SequenceMatcher(None, [_frozen(v) for v in old], [_frozen(v) for v in new], False)
    found: list[Edit] = []
    at = 0  # the index in the list as the edits so far have left it
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            at += i2 - i1
            continue
        paired = min(i2 - i1, j2 - j1)
        for offset in range(paired):
            found.extend(changes(old[i1 + offset], new[j1 + offset], (*path, at)))
            at += 1
        found.extend(Delete((*path, at)) for _ in range(i2 - i1 - paired))
        for value in new[j1 + paired : j2]:
            found.append(Insert((*path, at), value))
            at += 1
    return found


def _frozen(value: object) -> object:
    """A hashable stand-in for a value, equal only for the same data (types included)."""
    if isinstance(value, dict):
        kept = sorted((k, v) for k, v in value.items() if v is not None)
        return ("map", tuple((k, _frozen(v)) for k, v in kept))
    if isinstance(value, list):
        return ("seq", tuple(_frozen(v) for v in value))
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)
