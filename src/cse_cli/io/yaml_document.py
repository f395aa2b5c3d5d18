"""A loaded YAML file: its data, the problems met, and where every key and value stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cse_cli.core.problems import Problem


@dataclass
class Document:
    """A loaded YAML file: its data, the problems met, and where values stand."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    # id(container) -> {key or index: (key mark, value mark)}; marks are libyaml's
    values: int = 0
    """The values read (texts, numbers, lists, mappings; aliases counted in full)."""
    _marks: dict[int, dict[Any, tuple[Any, Any]]] = field(default_factory=dict)
    _root_mark: Any = None

    def error(self, where: tuple[int, int], message: str) -> None:
        """Record an error at a (line, column) place, both counted from 1."""
        self.problems.append(Problem(self.file, where[0], where[1], "error", message))

    def warning(self, where: tuple[int, int], message: str) -> None:
        """Record a warning at a (line, column) place, both counted from 1."""
        self.problems.append(Problem(self.file, where[0], where[1], "warning", message))

    def position(self, loc: tuple[Any, ...] = (), *, of_key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at `loc`, or of its key with `of_key`.

        Parts of `loc` that name no key (as Pydantic adds for union members)
        are skipped; a key that is absent resolves to its mapping's place.
        """
        node, mark = self.data, self._root_mark
        for part in loc:
            marks = self._marks.get(id(node))
            if marks is None or part not in marks:
                continue
            key_mark, value_mark = marks[part]
            mark = key_mark if of_key and part == loc[-1] and key_mark is not None else value_mark
            node = node[part]
        return place(mark)

    def contains(self, loc: tuple[Any, ...]) -> bool:
        """Whether every key of `loc` exists in the data."""
        node = self.data
        for part in loc:
            marks = self._marks.get(id(node))
            if marks is None or part not in marks:
                return False
            node = node[part]
        return True


def _place(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def place(mark: Any) -> tuple[int, int]:
    """The (line, column) of a libyaml mark, both counted from 1."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
