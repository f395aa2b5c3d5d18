"""What a matrix gives, sheet after sheet: the elements' data, and what is shared between sheets.

A workbook may hold its matrix on several sheets (a certification body's
self-assessment workbook has one per criterion): the elements, the ids and the
services found are one repository's, so an element given on two sheets is an
error and an id first used on one sheet is cited from another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cse_cli.core.stages import FIELDS as STAGE_FIELDS
from cse_cli.core.stages import RECORDED
from cse_cli.matrix.defining import Ids

if TYPE_CHECKING:
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.matrix.cells import Sheet

ORDER = (
    "element", "owner", *(STAGE_FIELDS[s] for s in RECORDED), "evidence", "on_site", "notes",
)  # fmt: skip
"""The keys of an element's data, in the order of an element file."""


@dataclass
class Matrix:
    """What a matrix gives: element files' data by element id, and what was met reading it."""

    elements: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Each element's file as data, in the key order of an element file."""
    services: list[str] = field(default_factory=list)
    """Every service named (by a column or the colour key), in order of first use."""
    problems: list[Problem] = field(default_factory=list)
    items: int = 0
    """The evidence and on-site items read (toward the repository's limit)."""
    on_site: int = 0
    """The on-site items among them."""
    refs: int = 0
    unplaced: list[str] = field(default_factory=list)
    """The headers of the columns not imported."""
    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Each element's first cell (row, column): where a problem with its file is shown."""
    sheets: dict[str, Sheet] = field(default_factory=dict)
    """The sheet of each element's first cell."""
    read: list[str] = field(default_factory=list)
    """The names of the sheets read (a workbook's that hold a header row)."""
    deleted: list[int] = field(default_factory=list)
    """The rows marked `delete` in a Delete column: not read (see ItemReader.deleted)."""


@dataclass
class Element:
    """An element being read: its id, where its rows are, and its file's data so far."""

    id: str
    sheet: Sheet
    first_row: int
    last_row: int
    data: dict[str, Any]


class Book:
    """What the sheets of one matrix share: the elements started, the ids used, the wording."""

    def __init__(self, standard: Standard, matrix: Matrix) -> None:
        """Nothing read yet of a matrix of `standard`'s elements, into `matrix`."""
        self.matrix = matrix
        self.known = {e.id: e.text for c in standard.criteria for e in c.elements}
        self.elements: dict[str, Element] = {}
        self.ids = Ids()
        self.worded: set[str] = set()
        """The elements whose wording was compared with the standard's already."""

    def finish(self) -> None:
        """Put every element read into the matrix, its keys in an element file's order."""
        for element in self.elements.values():
            data = element.data
            self.matrix.elements[element.id] = {key: data[key] for key in ORDER if key in data}
        self.matrix.refs = self.ids.refs
