"""The key of a row of an exported matrix: which element, and which of its items, the row shows.

`cse export` writes it in the hidden `cse key` column of every row, and `cse
import --update` reads it back, so that a row is matched to what it was
exported from however the sheet was sorted, filtered or cut down. An element's
own row (its owner and notes) is keyed `1.1.3 element`; an item by the
element, its list and its id when it defines one, `1.1.3 evidence ES-24-7`,
else its place in the list, counted from 1, `1.1.3 evidence #2` (a `ref:`
item, or one with no id); an on-site item alike, `1.1.3 on_site TM-FRONT-DESK`.
Every key holds a word, so no spreadsheet takes one for a date or a number, as
Excel can take `1.1.3` when it opens a CSV file.
Ids hold no white space, so a key splits at its spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LISTS = ("evidence", "on_site")
"""The lists of an element file whose items are rows of the matrix."""

_KEY = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2}) (?:element|([a-z_]+) (?:#([1-9]\d{0,5})|(\S+)))$")


@dataclass(frozen=True, order=True)
class RowKey:
    """An element's own row (`list` None), or one item of one of its lists."""

    element: str
    list: str | None = None
    position: int | None = None
    """The item's place in its list, from 1, when it is keyed by place."""
    id: str | None = None
    """The id the item defines, when it is keyed by it."""

    def __str__(self) -> str:
        """The key as the `cse key` column holds it."""
        if self.list is None:
            return f"{self.element} element"
        return f"{self.element} {self.list} " + (
            self.id if self.id is not None else f"#{self.position}"
        )

    @classmethod
    def parse(cls, text: str) -> RowKey | None:
        """The key a cell holds, or None when it holds no key cse writes."""
        found = _KEY.match(text.strip())
        if found is None or (found[2] is not None and found[2] not in LISTS):
            return None
        if found[2] is None:
            return cls(found[1])
        if found[3] is not None:
            return cls(found[1], found[2], position=int(found[3]))
        return cls(found[1], found[2], id=found[4])
