"""The view of `cse export --layout self-assessment`: the certification body's workbook, filled in.

A sheet per criterion, with a title block, and a block per element: the
element's row (its id and the standard's wording), a GUIDANCE row, the header
row (`Ref | Show Me (Hard Evidence) | Ref | Tell Me (See On Site) | Self Ass |
Assessor | Assessor Comments`), then the element's evidence items (Show Me) and
on-site items (Tell Me) side by side, each with its id as its Ref, and the
self-assessment and the desk-top rating, in the workbook's words, on the first
row. A `ref:` item shows the id it cites and that item's title, so `cse import`
reads it back as the same `ref:`. What the layout has no column for (an item's
service, date, link, owner, person and place, notes; the other stages' ratings)
is not in it: `cse export --format xlsx` keeps everything. The Assessor Comments
column is the assessor's, left empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest
from typing import TYPE_CHECKING

from cse_cli.core.ratings import Rating

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile, Evidence
    from cse_cli.core.standard import Standard

HEADER = (
    "Ref", "Show Me (Hard Evidence)", "Ref", "Tell Me (See On Site)", "Self Ass", "Assessor",
    "Assessor Comments",
)  # fmt: skip
GUIDANCE = (
    "GUIDANCE: under Show Me, the documents that demonstrate this element; under Tell Me "
    "(See On Site), the people, places and activities the assessor can hear or see on the "
    "visit; each with a Ref, which names the same item wherever it is used again. Rate the "
    "element under Self Ass: Compliant, Partial, Non Compliance or Compliance Plus."
)
WORDS = {
    Rating.COMPLIANCE_PLUS: "Compliance Plus",
    Rating.FULL: "Compliant",
    Rating.PARTIAL: "Partial",
    Rating.NON_COMPLIANCE: "Non Compliance",
}
"""The ratings as a self-assessment workbook words them."""

Row = tuple["str | None", ...]


@dataclass(frozen=True)
class Block:
    """One element's block: its row's text, and its evidence rows (a cell per header column)."""

    id: str
    element: str
    rows: tuple[Row, ...]
    wording: str = ""
    """The standard's wording of the element."""


@dataclass(frozen=True)
class CriterionSheet:
    """One criterion's sheet: its name, its title and its elements' blocks."""

    name: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class SelfAssessmentView:
    """The workbook: whose it is, and a sheet per criterion."""

    organisation: str
    sheets: tuple[CriterionSheet, ...]


def build_self_assessment(standard: Standard, evidence: Evidence) -> SelfAssessmentView:
    """The workbook of the repository's evidence, in the standard's order."""
    from cse_cli.core.evidence import ElementFile

    sheets = []
    for criterion in standard.criteria:
        blocks = []
        for element in criterion.elements:
            written = evidence.elements.get(element.id) or ElementFile(element=element.id)
            row = f"Element {element.id} {element.text}"
            blocks.append(Block(element.id, row, _rows(written, evidence), element.text))
        title = f"Criterion {criterion.number}: {criterion.title}"
        sheets.append(CriterionSheet(f"Criterion {criterion.number}", title, tuple(blocks)))
    return SelfAssessmentView(evidence.config.organisation, tuple(sheets))


def _rows(element: ElementFile, evidence: Evidence) -> tuple[Row, ...]:
    """The element's items side by side, its ratings on the first row."""
    shown = [
        (item.ref or item.id, (evidence.defined.get(item.ref, item) if item.ref else item).title)
        for item in element.evidence
    ]
    seen = [
        (site.ref or site.id,
         (evidence.defined_on_site.get(site.ref, site) if site.ref else site).title)
        for site in element.on_site
    ]  # fmt: skip
    ratings = (_word(element.self_assessment), _word(element.desk_top), None)
    pairs = list(zip_longest(shown, seen, fillvalue=(None, None)))
    if not pairs and ratings != (None, None, None):
        pairs = [((None, None), (None, None))]
    return tuple(
        (*left, *right, *(ratings if index == 0 else (None, None, None)))
        for index, (left, right) in enumerate(pairs)
    )


def _word(rating: Rating | None) -> str | None:
    return WORDS[rating] if rating is not None else None
