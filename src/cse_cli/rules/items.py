"""Each evidence item has a title and an id of its own, or is a `ref:` that cites one.

- ref-items: an item with `ref:` may carry its own `notes:` (and `inferred:`),
  nothing else of an item: its title, service, date, path, url and owner are the
  cited item's.
- item-title: an item needs a title (or a `ref:` to an item's id).
- evidence-ids: an item's `id:` is what other elements cite with `ref:`, so it
  names one item in the whole repository: an id defined again, in the same file
  or another read after the first, is an error that says where the first is. (A
  `ref:` item's `id:` defines nothing: it is refused as a key of the cited item.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.rules.context import Place
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located

OF_THE_CITED = ("id", "title", "service", "date", "path", "url", "owner")
"""The keys of an item that a `ref:` item takes from the item it cites."""


def only_cites(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """In each `ref:` item, the first of the cited item's keys it gives is an error at that key."""
    for index, item in enumerate(element.evidence):
        if item.ref is None:
            continue
        extra = [key for key in OF_THE_CITED if getattr(item, key) is not None]
        if extra:
            doc.error(
                doc.position(("evidence", index, extra[0]), of_key=True),
                f"a ref: item only cites {quoted(item.ref)}; its {extra[0]} belongs "
                "where that id is defined",
            )
    return True


def titled(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """Each item with neither `title:` nor `ref:` is an error at the item."""
    for index, item in enumerate(element.evidence):
        if item.ref is None and item.title is None:
            doc.error(
                doc.position(("evidence", index)),
                "an evidence item needs a title (or a ref: to an item's id)",
            )
    return True


def unique_ids(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """Each id defined before is an error at it; each new one is defined here, in order."""
    for index, item in enumerate(element.evidence):
        if item.ref is not None or item.id is None:
            continue
        line, column = doc.position(("evidence", index, "id"))
        first = context.first_definition(item.id)
        if first is not None:
            doc.error(
                (line, column),
                f"evidence id {quoted(item.id)} is already defined at {first.file}:{first.line}",
            )
        else:
            context.defined[item.id] = Place(doc.file, line, column)
    return True


REF_ITEMS = Rule("ref-items", "a `ref:` item that gives more than its own notes", only_cites)
ITEM_TITLE = Rule("item-title", "an evidence item with neither a title nor a `ref:`", titled)
EVIDENCE_IDS = Rule("evidence-ids", "duplicate evidence ids", unique_ids)
