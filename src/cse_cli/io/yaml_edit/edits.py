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
    """The edits that turn `old` into `new`, applied one after another.

    A key whose value is None counts as absent, on both sides. Lists are aligned
    item by item with the fewest steps (`_alignment`); an item that changed in
    place is edited inside, so what did not change in it stays as it was written.
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
    found: list[Edit] = []
    at = 0  # the index in the list as the edits so far have left it
    for step, i, j in _alignment(old, new):
        if step == "equal":
            at += 1
        elif step == "replace":
            found.extend(changes(old[i], new[j], (*path, at)))
            at += 1
        elif step == "delete":
            found.append(Delete((*path, at)))
        else:
            found.append(Insert((*path, at), new[j]))
            at += 1
    return found


MAX_CELLS = 40_000  # lists longer than this allows (200 by 200) are aligned by difflib


def _alignment(old: list[object], new: list[object]) -> list[tuple[str, int, int]]:
    """The fewest item steps (keep, replace, delete, insert) from `old` to `new`.

    The edit distance, by dynamic programming; beyond MAX_CELLS, difflib's
    longest matching runs, which can take more steps.
    """
    a, b = [_frozen(v) for v in old], [_frozen(v) for v in new]
    if len(a) * len(b) > MAX_CELLS:
        return _difflib_alignment(a, b)
    cost = [[i + j if not i or not j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost[i][j] = min(
                cost[i - 1][j - 1] + (a[i - 1] != b[j - 1]), cost[i - 1][j] + 1, cost[i][j - 1] + 1
            )
    steps: list[tuple[str, int, int]] = []
    i, j = len(a), len(b)
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            steps.append(("equal" if a[i - 1] == b[j - 1] else "replace", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            steps.append(("delete", i - 1, j))
            i -= 1
        else:
            steps.append(("insert", i, j - 1))
            j -= 1
    return steps[::-1]


def _difflib_alignment(a: list[object], b: list[object]) -> list[tuple[str, int, int]]:
    steps: list[tuple[str, int, int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else (i2 - i1 if tag == "equal" else 0)
        steps += [(tag, i1 + k, j1 + k) for k in range(paired)]
        steps += [("delete", i, j1 + paired) for i in range(i1 + paired, i2)]
        steps += [("insert", i2, j) for j in range(j1 + paired, j2)]
    return steps


def _frozen(value: object) -> object:
    """A hashable stand-in for a value, equal only for the same data (types included)."""
    if isinstance(value, dict):
        kept = sorted((str(k), _frozen(v)) for k, v in value.items() if v is not None)
        return ("map", tuple(kept))
    if isinstance(value, list):
        return ("seq", tuple(_frozen(v) for v in value))
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)
