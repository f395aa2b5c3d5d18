"""A certification body's self-assessment workbook, filled in by a fictional council.

One sheet per criterion, each with a title block and a block per element: the
element's row (in the three forms workbooks use), a GUIDANCE row, the header
row, and rows of Show Me documents and Tell Me (See On Site) items, each with a
Ref. Some Refs come back in later elements, with the same words or none; the
ratings are written in words, in several common spellings. Every element of the
standard has a block; the wording of the guidance and the evidence is made up
for this test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import self_assessment_workbook

from cse_cli.io.resources import load_standard

if TYPE_CHECKING:
    from pathlib import Path

    from tests.helpers import SelfAssessmentBlock

DOCUMENTS = (
    "Customer profile by ward, refreshed each spring",
    "Notes of the quarterly residents' forum",
    "Annual satisfaction survey and the actions it led to",
    "Service standards leaflet, large print edition",
    "Complaints handling procedure and the last year's log",
    "Induction workbook for new front-line staff",
    "Partnership agreement with the local advice charity",
    "Monthly performance dashboard shown to councillors",
)
ON_SITE = (
    "Receptionists describe how they greet visitors who need an interpreter",
    "The 'You said, we did' board in the main foyer",
    "A team leader walks through the morning huddle",
    "Members of the disability access group talk about the new ramp",
    "Advisers show the call-back diary",
)
SELF = ("Compliant", "Partial", "Fully compliant", "Compliance Plus", "partially compliant",
        "Non Compliance", "compliant", "Full Compliance")  # fmt: skip
ASSESSOR = ("Compliant", "Partial", None, "Compliant", "Partial Compliance", "Partial",
            "Compliance plus", "Full")  # fmt: skip
SHARED_DOCUMENT = ("SM-100", "Corporate customer service strategy 2025-2028")
SHARED_ON_SITE = ("TM-100", "The customer services manager explains the strategy's priorities")


def _element_row(number: int, element_id: str, wording: str) -> str | list[object]:
    """The element's row, in the three forms workbooks use."""
    if number % 3 == 0:
        return f"Element {element_id} {wording}"
    if number % 3 == 1:
        return f"{element_id} {wording}"
    return [element_id, wording]


def _rows(number: int, element_id: str) -> list[list[object]]:
    """An element's evidence rows: two documents, on-site items, its ratings on the first."""
    code = element_id.replace(".", "")
    first: list[object] = [f"SM-{code}A", DOCUMENTS[number % len(DOCUMENTS)]]
    first += [f"TM-{code}", ON_SITE[number % len(ON_SITE)]] if number % 2 == 0 else [None, None]
    first += [SELF[number % len(SELF)], ASSESSOR[number % len(ASSESSOR)]]
    first.append("Good range of evidence" if number % 4 == 0 else None)
    rows = [first, [f"SM-{code}B", DOCUMENTS[(number + 3) % len(DOCUMENTS)]]]
    if number % 5 == 0:  # the strategy, and the manager, come back in every fifth element
        rows.append([*SHARED_DOCUMENT, *SHARED_ON_SITE])
    if number % 5 == 1 and number > 1:  # a Ref alone cites what it named before
        rows.append([SHARED_DOCUMENT[0], None, SHARED_ON_SITE[0], None])
    if number % 7 == 3:  # the template's own numbering, left empty
        rows.append(["SM-spare", None, "TM-spare"])
    return rows


def make(folder: Path) -> Path:
    """Write self-assessment.xlsx into `folder` and return its path."""
    standard = load_standard()
    sheets = []
    number = 0
    for criterion in standard.criteria:
        blocks: list[SelfAssessmentBlock] = []
        for element in criterion.elements:
            row = _element_row(number, element.id, element.text)
            blocks.append((row, _rows(number, element.id)))
            number += 1
        title = f"Criterion {criterion.number}: {criterion.title}"
        sheets.append((f"Criterion {criterion.number}", title, blocks))
    return self_assessment_workbook(folder / "self-assessment.xlsx", sheets)
