"""Each evidence or on-site item has a title and an id of its own, or is a `ref:` that cites one.

An element file lists its desk-top evidence under `evidence:` and what the
assessor will hear or see at the visit under `on_site:`; both are lists of items.

- ref-items: an item with `ref:` may carry its own `notes:` (and `inferred:`),
  nothing else of an item: its title, service, date, path, url and owner (an
  on-site item's title, person, place and service) are the cited item's.
- item-title: an item needs a title (or a `ref:` to an item's id).
- evidence-ids: an item's `id:` is what other elements cite with `ref:`, so it
  names one item in the whole repository, evidence and on-site items alike: an
  id defined again, in the same file or another read after the first, in either
  list, is an error that says where the first is. (A `ref:` item's `id:` defines
  nothing: it is refused as a key of the cited item.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.rules.context import EVIDENCE, ON_SITE, Place
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from cse_cli.core.evidence import ElementFile, EvidenceItem, OnSiteItem
    from cse_cli.rules.context import ElementContext, Located

OF_THE_CITED = {
    EVIDENCE: ("id", "title", "service", "date", "path", "url", "owner"),
    ON_SITE: ("id", "title", "person", "place", "service"),
}
"""The keys of an item of each list that a `ref:` item takes from the item it cites."""
_UNTITLED = {
    EVIDENCE: "an evidence item needs a title (or a ref: to an item's id)",
    ON_SITE: "an on-site item needs a title (or a ref: to an on-site item's id)",
}


def each_item(element: ElementFile) -> Iterator[tuple[str, int, EvidenceItem | OnSiteItem]]:
    """Every item of an element file: its list (`evidence` or `on_site`), place in it, and it."""
    for index, item in enumerate(element.evidence):
        yield EVIDENCE, index, item
    for index, site in enumerate(element.on_site):
        yield ON_SITE, index, site


def only_cites(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """In each `ref:` item, the first of the cited item's keys it gives is an error at that key."""
    for kind, index, item in each_item(element):
        if item.ref is None:
            continue
        extra = [key for key in OF_THE_CITED[kind] if getattr(item, key) is not None]
        if extra:
            doc.error(
                doc.position((kind, index, extra[0]), of_key=True),
                f"a ref: item only cites {quoted(item.ref)}; its {extra[0]} belongs "
                "where that id is defined",
            )
    return True


def titled(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """Each item with neither `title:` nor `ref:` is an error at the item."""
    for kind, index, item in each_item(element):
        if item.ref is None and item.title is None:
            doc.error(doc.position((kind, index)), _UNTITLED[kind])
    return True


def unique_ids(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """Each id defined before is an error at it; each new one is defined here, in order."""
    for kind, index, item in each_item(element):
        if item.ref is not None or item.id is None:
            continue
        line, column = doc.position((kind, index, "id"))
        first = context.first_definition(item.id)
        if first is None:
            context.defined[item.id] = Place(doc.file, line, column, kind)
        elif kind == EVIDENCE:
            doc.error(
                (line, column),
                f"evidence id {quoted(item.id)} is already defined at {first.file}:{first.line}",
            )
        else:
            doc.error(
                (line, column),
                f"on-site id {quoted(item.id)} is already defined at {first.file}:{first.line}: "
                "evidence and on-site items share one space of ids",
            )
    return True


REF_ITEMS = Rule("ref-items", "a `ref:` item that gives more than its own notes", only_cites)
ITEM_TITLE = Rule("item-title", "an evidence item with neither a title nor a `ref:`", titled)
EVIDENCE_IDS = Rule("evidence-ids", "duplicate evidence ids", unique_ids)
