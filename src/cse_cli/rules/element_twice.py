"""One file per element: the same element in two files is an error.

Element files are read with those named after their element first, so the file
named for an element keeps it and the other is reported (and counts as no element).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """An element a file read before gives is an error at `element:`; False: it counts not."""
    element_id = element.element
    first = context.element_file(element_id)
    if first is None:
        return True
    doc.error(
        doc.position(("element",)),
        f"element {element_id} is already given in {first}: one file per element",
    )
    return False


RULE = Rule("element-twice", "the same element in two files", check)
