"""What a merge asks of the repository: changes, each at the cell that asks for it, and conflicts.

A change is in the matrix's terms (an element's field, or a field of an item
of one of its lists, as `cse import` reads a row); cse_cli.matrix.update.apply
turns changes into edits of the element files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cse_cli.core.ratings import Rating

if TYPE_CHECKING:
    from cse_cli.matrix.cells import Sheet

Mode = Literal["three-way", "two-way"]


@dataclass(frozen=True)
class Target:
    """Where a change lands: an element, or an item of one of its lists."""

    element: str
    list: str | None = None
    index: int | None = None
    """The item's place in the repository's list now, from 0; None for an item to add."""


@dataclass(frozen=True)
class Change:
    """One value to set (`field`), or an item to add (`value`) or delete (None)."""

    target: Target
    field: str | None
    value: Any
    place: tuple[int, int]
    """The sheet's row and column that ask for it."""
    sheet: Sheet | None = dataclasses.field(default=None, compare=False)
    """The sheet of that cell, in a matrix read from several; None: the one sheet read."""


@dataclass(frozen=True)
class Conflict:
    """A value the sheet and the repository both changed since the export, differently."""

    change: Change
    """What the sheet asks: made with `--prefer sheet`."""
    what: str
    """What it is, as the user reads it: `1.1.1's Final`."""
    repository: str
    sheet: str
    base: str
    said: str = ""
    """For a whole item, what each side did to it, in words (then the values are its state)."""


@dataclass
class Merge:
    """What the sheet asks of the repository."""

    mode: Mode
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    deletes_not_made: int = 0
    """Rows marked delete that a two-way merge does not delete."""

    def asked(self, *, with_conflicts: bool) -> list[Change]:
        """The changes to make, with the conflicts' sheet sides for `--prefer sheet`, in row order.

        Row order is the order items are added in: an item the sheet brings back
        (changed there, deleted here since) lands among the new rows where its
        row stands, not after them.
        """
        asked = [*self.changes, *(c.change for c in self.conflicts if with_conflicts)]
        return sorted(asked, key=lambda change: change.place)

    def decide(self, change: Change, what: str, values: tuple[Any, Any, Any]) -> None:
        """A change the sheet made, given the (base, sheet, repository) values of what it changes.

        Applied when the repository still has the base's value, nothing when it
        already has the sheet's, a conflict otherwise.
        """
        base, sheet, now = values
        if now == base:
            self.changes.append(change)
        elif now != sheet:
            self.conflicts.append(Conflict(change, what, shown(now), shown(sheet), shown(base)))


def shown(value: object) -> str:
    """A value of a cell as the user reads it in a message: quoted, or `empty`."""
    if value is None or value in ("", []):
        return "empty"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Rating):
        return value.label
    if isinstance(value, list):
        return repr(", ".join(str(part) for part in value))
    return repr(str(value))
