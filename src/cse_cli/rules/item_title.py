"""An evidence item needs a title (or a `ref:` to an item's id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import EvidenceItem
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, index: int, item: EvidenceItem, context: ElementContext) -> None:  # noqa: ARG001
    """An item with neither `title:` nor `ref:` is an error at the item."""
    if item.ref is None and item.title is None:
        doc.error(
            doc.position(("evidence", index)),
            "an evidence item needs a title (or a ref: to an item's id)",
        )


RULE = Rule("item-title", "an evidence item with neither a title nor a `ref:`", check)
