"""The fields of one evidence item, from the cells of its row: every column given its home.

Owner, service, date and notes go on the item; a link that is a web address
becomes `url:`, as does a hyperlink on the link's text or on the evidence
itself; every other place the row names (a shared drive, a `file:` link, a
relative link, a second web address) goes into the item's notes as
`Location: …`, so that nothing the row says is dropped. A hyperlink cse cannot
keep (to a place inside the workbook, or on a cell of another column) is
named in a warning.

An on-site item (Tell Me / See On Site) on a row takes the person and place
columns; the service, notes and inferred columns are the evidence item's when
the row has one too, else the on-site item's. An on-site item has no owner, date
or link: on a row with no evidence item, those cells are named in a warning.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cse_cli.core.evidence import EvidenceItem, OnSiteItem, inferable
from cse_cli.core.text import did_you_mean, quoted, short
from cse_cli.matrix import dates, values
from cse_cli.matrix.values import Unreadable

if TYPE_CHECKING:
    from cse_cli.matrix.cells import Cell, Sheet
    from cse_cli.matrix.header import Header

ITEM_FIELDS = ("owner", "service", "date", "url", "notes", "inferred")
"""An item's keys a row gives, in the order of an element file."""
ON_SITE_FIELDS = ("person", "place", "service", "notes", "inferred")
"""An on-site item's keys a row gives, in the order of an element file."""
_INFERABLE = inferable(EvidenceItem)
_ON_SITE_INFERABLE = inferable(OnSiteItem)
"""What an item's Inferred cell may name, as `cse export` writes it: 'service, date'."""
_LINKED = ("link", "evidence")
"""The columns whose hyperlinks are the item's link."""


class ItemReader:
    """Reads items' fields from rows, collecting the services named on the way."""

    def __init__(self, sheet: Sheet, header: Header, services: list[str]) -> None:
        """A reader of `sheet`'s rows under `header`, adding services to `services`."""
        self.sheet = sheet
        self.header = header
        self.services = services
        self.deleted_rows: list[int] = []
        """The rows marked `delete` in a Delete column."""
        for colour in header.key.values():
            self.service(colour)

    def deleted(self, cell: Cell | None) -> bool:
        """Whether the row is marked `delete` (then it is not read), or wrongly (an error).

        Only `cse import --update` deletes what a row held, and only a row of the
        sheet `cse export` wrote; any other import leaves such a row out.
        """
        if cell is None:
            return False
        try:
            marked = values.marked_delete(cell.value)
        except Unreadable as exc:
            self.sheet.add(cell.row, cell.column, "error", str(exc))
            return True
        if marked:
            self.deleted_rows.append(cell.row)
        return marked

    def fields(self, got: dict[str, Cell | None]) -> dict[str, Any]:
        """The item's fields the row gives (not its title or id), in an element file's order."""
        item: dict[str, Any] = {
            name: values.text(cell.value)
            for name in ("owner", "service")
            if (cell := got.get(name)) is not None
        }
        if "service" in item:
            self.service(item["service"])
        elif (colour := self._colour(got)) is not None:
            item["service"] = colour
        if (cell := got.get("date")) is not None:
            try:
                item["date"] = dates.date(cell.value, date1904=self.sheet.date1904)
            except Unreadable as exc:
                self.sheet.add(cell.row, cell.column, "error", str(exc))
        notes = [values.text(cell.value)] if (cell := got.get("notes")) is not None else []
        url, locations = self._places(got)
        if url is not None:
            item["url"] = url
        notes += [f"Location: {place}" for place in locations]
        if notes:
            item["notes"] = "\n".join(notes)
        if (inferred := got.get("inferred")) is not None:
            item["inferred"] = self._inferred(inferred, _INFERABLE, "an evidence item")
        return {name: item[name] for name in ITEM_FIELDS if name in item}

    def on_site_fields(self, got: dict[str, Cell | None], *, alone: bool) -> dict[str, Any]:
        """An on-site item's fields the row gives (not its title or id).

        `alone`: the row holds no evidence item, so its service, notes and inferred
        cells are the on-site item's.
        """
        item: dict[str, Any] = {
            name: values.text(cell.value)
            for name in ("person", "place")
            if (cell := got.get(name)) is not None
        }
        if alone:
            if (cell := got.get("service")) is not None:
                item["service"] = values.text(cell.value)
                self.service(item["service"])
            elif (colour := self._colour(got)) is not None:
                item["service"] = colour
            if (cell := got.get("notes")) is not None:
                item["notes"] = values.text(cell.value)
            if (cell := got.get("inferred")) is not None:
                item["inferred"] = self._inferred(cell, _ON_SITE_INFERABLE, "an on-site item")
            for name in ("owner", "date", "link"):
                if (cell := got.get(name)) is not None:
                    self.sheet.add(cell.row, cell.column, "warning", f"this row holds on-site "
                                   f"evidence alone, which has no {name}: its {name} is not "
                                   "imported (give it to the evidence on its own row)")  # fmt: skip
        return {name: item[name] for name in ON_SITE_FIELDS if name in item}

    def _places(self, got: dict[str, Cell | None]) -> tuple[str | None, list[str]]:
        """The item's web address, and every other place the row points at, each once.

        The link cell's text is the label of its own hyperlink, unless it is a web
        address itself; the evidence's text is its title.
        """
        link, evidence = got.get("link"), got.get("evidence")
        text = values.text(link.value) if link is not None else ""
        places = [text] if values.is_url(text) or _external(link) is None else []
        places += [_external(link) or "", _external(evidence) or ""]
        places = list(dict.fromkeys(place for place in places if place))
        url = next((place for place in places if values.is_url(place)), None)
        return url, [place for place in places if place != url]

    def warn_of_links(self, cells: list[Cell]) -> None:
        """Name each hyperlink of the row that is not imported.

        A link to a place inside the workbook leads nowhere in the repository; a
        hyperlink on a cell of a column other than the link and the evidence is
        not the item's (a column cse has no place for is named once already).
        """
        linked = {self.header.columns.get(name) for name in _LINKED}
        placed = set(self.header.columns.values())
        for cell in cells:
            if not cell.link or cell.column not in placed:
                continue
            if cell.link[0] == "#" and cell.column in linked:
                self.sheet.add(cell.row, cell.column, "warning", f"the hyperlink to "
                               f"{quoted(short(cell.link[1:]))}, a place in this workbook, is "
                               "not imported: the repository holds no workbook")  # fmt: skip
            elif cell.column not in linked:
                self.sheet.add(cell.row, cell.column, "warning", f"the hyperlink to "
                               f"{quoted(short(cell.link.lstrip('#')))} is not imported: cse "
                               "keeps the links of the Link and Evidence columns")  # fmt: skip

    def _inferred(self, cell: Cell, inferable: list[str], what: str) -> list[str]:
        """The keys an Inferred cell names, each one a key of `what` ('service, date')."""
        keys = [key for key in re.split(r"[\s,;]+", values.text(cell.value).lower()) if key]
        for key in (key for key in keys if key not in inferable):
            known = ", ".join(inferable)
            self.sheet.add(cell.row, cell.column, "error", f"inferred {quoted(key)} is not a "
                           f"key of {what} ({known})"
                           f"{did_you_mean(key, inferable)}")  # fmt: skip
        return [key for key in keys if key in inferable]

    def _colour(self, got: dict[str, Cell | None]) -> str | None:
        """The service whose key colour fills the row's evidence cell (or another of its cells)."""
        key = self.header.key
        first = ("evidence", "evidence_id", "on_site", "on_site_id")
        for cell in (*(got.get(name) for name in first), *got.values()):
            if cell is not None and cell.fill in key:
                return key[cell.fill]
        return None

    def service(self, name: str) -> None:
        """Note a service the matrix names."""
        if name not in self.services:
            self.services.append(name)


def _external(cell: Cell | None) -> str | None:
    """Where the cell's hyperlink leads, when it leads out of the workbook."""
    if cell is None or not cell.link or cell.link.startswith("#"):
        return None
    return cell.link
