"""A file whose name does not match its element is a warning.

`evidence/1.1.3.yaml` holds element 1.1.3; a file named otherwise still counts,
with a warning that says the name it should have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """A name other than ELEMENT.yaml or ELEMENT.yml is a warning at `element:`."""
    element_id = element.element
    name = doc.file.rsplit("/", 1)[-1]
    if name.rsplit(".", 1)[0] != element_id:
        doc.warning(
            doc.position(("element",)),
            f"file name {name} does not match element {element_id}: name it {element_id}.yaml",
        )
    return True


RULE = Rule("file-name-match", "A file whose name does not match its element is a warning", check)
