"""A document requested before a surveillance is listed once.

cse.yaml's `surveillance_documents:` replaces the standard's list of the
documents the certification body requests; each key names one document, and a
key given twice (which `gap --review` would ask for twice) is an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.rules.context import Located


def check(doc: Located, config: Config) -> None:
    """Each key given again is an error at it, naming the line of the first."""
    first: dict[str, int] = {}
    for index, document in enumerate(config.surveillance_documents or []):
        line, column = doc.position(("surveillance_documents", index, "key"))
        if document.key in first:
            doc.error(
                (line, column),
                f"surveillance_documents: {quoted(document.key)} is already given at line "
                f"{first[document.key]}: list each document once",
            )
        else:
            first[document.key] = line


SURVEILLANCE_DOCUMENTS = Rule(
    "surveillance-documents", "a key given twice in cse.yaml's `surveillance_documents`", check
)
