"""Where a problem belongs in a form: its line and column, mapped back to the value it is about.

The bytes `cse check` judged are read again with cse's loader, which knows where
every key and value stands; a problem is placed at the value that stands where
it points. Several things can stand at one place: the first key of an item
stands where the item starts, so a problem there is about the key when the form
has no field for it (an unknown key), and about the item otherwise (an item
without a title, a missing key). A problem at no value (a whole file's, or one
between values) is placed at the value before it, else at the top of the form.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from cse_cli.io.yaml_loader import load

if TYPE_CHECKING:
    from collections.abc import Callable

    from cse_cli.core.problems import Problem

Path = tuple[str | int, ...]
Place = tuple[int, int]


class Placer:
    """The values of one version of a file by where they stand."""

    def __init__(self, raw: bytes, file: str) -> None:
        """Index the file's values (none when it is not YAML: every problem is then the file's)."""
        document = load(raw, file)
        self._leaves: dict[Place, list[Path]] = {}
        self._keys: dict[Place, list[Path]] = {}
        self._starts: dict[Place, list[Path]] = {}
        self._all: list[tuple[Place, Path]] = []
        self._places: list[Place] = []
        if document.data is None:
            return
        stack: list[tuple[Path, object]] = [((), document.data)]
        while stack:
            path, value = stack.pop()
            at = document.position(path)
            nested = isinstance(value, (dict, list))
            (self._starts if nested else self._leaves).setdefault(at, []).append(path)
            self._all.append((at, path))
            if path and isinstance(path[-1], str):
                self._keys.setdefault(document.position(path, of_key=True), []).append(path)
            if isinstance(value, dict):
                stack += [((*path, key), inner) for key, inner in value.items()]
            elif isinstance(value, list):
                stack += [((*path, index), inner) for index, inner in enumerate(value)]
        self._all.sort(key=lambda found: (found[0], len(found[1])))
        self._places = [place for place, _ in self._all]

    def path_of(self, problem: Problem, is_field: Callable[[Path], bool]) -> Path:
        """The path of the value `problem` is about; `is_field` says which paths the form shows."""
        at = (problem.line, problem.column)
        deepest = _deepest(self._leaves.get(at, []))
        if deepest is not None:
            return deepest
        starts = _deepest(self._starts.get(at, []))
        keys = [key for key in self._keys.get(at, []) if starts is None or not is_field(key)]
        key = _deepest(keys)
        if key is not None:
            return key
        if starts is not None:
            return starts
        before = bisect_right(self._places, at) - 1
        return self._all[before][1] if before >= 0 and problem.line else ()


def _deepest(paths: list[Path]) -> Path | None:
    return max(paths, key=len) if paths else None


def id_of(path: Path) -> str:
    """The HTML id of the form's element for the value at `path`: `f-evidence-2-date`."""
    parts = ("".join(c if c.isalnum() or c in "_-" else "_" for c in str(part)) for part in path)
    return "-".join(("f", *parts))
