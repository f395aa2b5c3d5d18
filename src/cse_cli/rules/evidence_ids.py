"""Duplicate evidence ids are errors.

An item's `id:` is what other elements cite with `ref:`, so it names one item
in the whole repository: an id defined again, in the same file or another read
after the first, is an error that says where the first is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.rules.context import Place
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import EvidenceItem
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, index: int, item: EvidenceItem, context: ElementContext) -> None:
    """An id defined before is an error at it; a new one is defined here."""
    if item.ref is not None or item.id is None:
        return
    line, column = doc.position(("evidence", index, "id"))
    first = context.first_definition(item.id)
    if first is not None:
        doc.error(
            (line, column),
            f"evidence id {quoted(item.id)} is already defined at {first.file}:{first.line}",
        )
    else:
        context.defined[item.id] = Place(doc.file, line, column)


RULE = Rule("evidence-ids", "duplicate evidence ids", check)
