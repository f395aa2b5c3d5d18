"""An element file is one element of the standard's, given by one file, named for it.

- element-id: an element file's `element:` is one of the standard's 57 element
  ids; a file giving another (with a suggestion when one is close) counts as no element.
- element-twice: one file per element. Element files are read with those named
  after their element first, so the file named for an element keeps it and the
  other is reported (and counts as no element).
- file-name-match: `evidence/1.1.3.yaml` holds element 1.1.3; a file named
  otherwise still counts, with a warning that says the name it should have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def known(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """An id that is not the standard's is an error at `element:`; False: the file counts not."""
    element_id = element.element
    if element_id in context.known:
        return True
    doc.error(
        doc.position(("element",)),
        f"unknown element {quoted(element_id)}{did_you_mean(element_id, context.known)}",
    )
    return False


def once(doc: Located, element: ElementFile, context: ElementContext) -> bool:
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


def named(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """A name other than ELEMENT.yaml or ELEMENT.yml is a warning at `element:`."""
    element_id = element.element
    name = doc.file.rsplit("/", 1)[-1]
    if name.rsplit(".", 1)[0] != element_id:
        doc.warning(
            doc.position(("element",)),
            f"file name {name} does not match element {element_id}: name it {element_id}.yaml",
        )
    return True


ELEMENT_ID = Rule("element-id", "unknown element ids", known)
ELEMENT_TWICE = Rule("element-twice", "the same element in two files", once)
FILE_NAME_MATCH = Rule(
    "file-name-match", "A file whose name does not match its element is a warning", named
)
