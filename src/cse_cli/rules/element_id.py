"""Unknown element ids are errors.

An element file's `element:` is one of the standard's 57 element ids; a file
giving another id (with a suggestion when one is close) counts as no element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """An id that is not the standard's is an error at `element:`; False: the file counts not."""
    element_id = element.element
    if element_id in context.known:
        return True
    doc.error(
        doc.position(("element",)),
        f"unknown element {quoted(element_id)}{did_you_mean(element_id, context.known)}",
    )
    return False


RULE = Rule("element-id", "unknown element ids", check)
