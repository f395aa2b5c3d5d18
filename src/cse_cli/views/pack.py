"""The view model of `cse pack`: which documents go in, where, and the manifest of them.

Every document an evidence item names with `path:` goes in once, however many
elements cite it, under documents/ at its path in the repository; the pack's
report links to it there. The order is fixed: documents by path, the elements
citing each in the standard's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.io.tree import clean

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.stages import Stage
    from cse_cli.core.standard import Standard

DOCUMENTS = "documents"
"""The folder of the pack that holds the documents."""
REPORT = "report.html"
README = "README.html"
MANIFEST_CSV = "manifest.csv"
MANIFEST_JSON = "manifest.json"


@dataclass(frozen=True)
class Document:
    """A document to pack: its path in the repository and in the pack, and who cites it."""

    source: str
    """Its path in the repository, relative to the root, as `path:` names it (cleaned)."""
    path: str
    """Its path in the pack."""
    elements: tuple[str, ...]


@dataclass(frozen=True)
class Packed:
    """A document as it went into the pack."""

    document: Document
    size: int
    sha256: str


@dataclass(frozen=True)
class PackView:
    """What the README page and the manifests of a pack say."""

    organisation: str
    stage: Stage
    stage_words: str
    version: str
    documents: tuple[Packed, ...]
    total: int
    """The documents' bytes in all."""
    limit: int
    """The most the documents may total."""


def documents(standard: Standard, evidence: Evidence) -> tuple[Document, ...]:
    """Every document the evidence names with `path:`, once each, sorted by path."""
    cited: dict[str, list[str]] = {}
    for criterion in standard.criteria:
        for element in criterion.elements:
            found = evidence.elements.get(element.id)
            if found is None:
                continue
            for item in evidence.resolved_items(found):
                source = clean(item.path) if item.path is not None else None
                if source is None:
                    continue  # no path, or one the reader has already refused
                citing = cited.setdefault(source, [])
                if element.id not in citing:
                    citing.append(element.id)
    return tuple(
        Document(source, f"{DOCUMENTS}/{source}", tuple(citing))
        for source, citing in sorted(cited.items())
    )
