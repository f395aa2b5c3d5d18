"""A `ref:` item only cites: what it cites is written where that id is defined.

An evidence item with `ref:` may carry its own `notes:` (and `inferred:`), nothing
else of an item: its title, service, date, path, url and owner are the cited item's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import EvidenceItem
    from cse_cli.rules.context import ElementContext, Located

OF_THE_CITED = ("id", "title", "service", "date", "path", "url", "owner")
"""The keys of an item that a `ref:` item takes from the item it cites."""


def check(doc: Located, index: int, item: EvidenceItem, context: ElementContext) -> None:  # noqa: ARG001
    """The first of those keys a `ref:` item gives is an error at that key."""
    if item.ref is None:
        return
    extra = [key for key in OF_THE_CITED if getattr(item, key) is not None]
    if extra:
        doc.error(
            doc.position(("evidence", index, extra[0]), of_key=True),
            f"a ref: item only cites {quoted(item.ref)}; its {extra[0]} belongs "
            "where that id is defined",
        )


RULE = Rule("ref-items", "a `ref:` item that gives more than its own notes", check)
