"""The view of `cse export`: the evidence matrix, one row per item, and a summary.

Every value a cell shows is decided here, in a fixed order, so that the same
evidence always gives the same rows; `cse_cli.render.export_xlsx` and
`export_csv` only lay them out. The columns are those `cse import` reads back:
importing an export gives an equivalent repository. An on-site item (`on_site:`)
has a row of its own after the element's evidence items: its id, title, person
and place in the on-site columns, its service, notes and inferred keys in the
columns the evidence items use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from cse_cli.core.row_key import RowKey
from cse_cli.core.stages import RECORDED

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.evidence import ElementFile, Evidence, EvidenceItem, OnSiteItem
    from cse_cli.core.ratings import Rating
    from cse_cli.core.scoring import Verdict
    from cse_cli.core.stages import Stage
    from cse_cli.core.standard import Standard

CellValue = Union[str, int, float, "dt.date", None]

_STAGE_HEADERS = {
    "self": "Self-assessment",
    "desk-top": "Desk-top",
    "final": "Final",
    "surveillance-1": "Surveillance 1",
    "surveillance-2": "Surveillance 2",
}


def headers(stage: Stage) -> tuple[str, ...]:
    """The matrix's column headers, as `cse import` recognises them."""
    return (
        "Element", "Wording", f"Rating at {stage.value}",
        *(_STAGE_HEADERS[s.value] for s in RECORDED),
        "Evidence ID", "Evidence", "Owner", "Service", "Date", "Link", "Notes", "Inferred",
        *ON_SITE_HEADERS, DELETE, KEY,
    )  # fmt: skip


ON_SITE_HEADERS = ("On-site ID", "On site", "Person", "Place")
"""The columns of an on-site item's own: its id (or the id it cites), title, person, place."""
DELETE = "Delete"
"""The column where a row is marked `delete` for `cse import --update` (empty when exported)."""
KEY = "cse key"
"""The hidden column of each row's key (cse_cli.core.row_key), which `cse import --update` reads."""


SUMMARY_HEADERS = (
    "Criterion", "Title", "Elements", "Compliance plus", "Full", "Partial", "Maximum partials",
    "Non-compliance", "Unrated", "Compliant share", "Verdict", "Why not",
)  # fmt: skip


@dataclass(frozen=True)
class ExportView:
    """The matrix's rows and the summary's, as cells."""

    organisation: str
    stage: Stage
    stage_words: str
    """The stage as a report names it: 'the desk-top review'."""
    headers: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    summary: tuple[tuple[CellValue, ...], ...]
    verdict: str
    base: tuple[str, ...] = ()
    """What the matrix was exported from, as the lines `cse import --update` reads back
    (cse_cli.matrix.update.base); a workbook keeps them in a hidden sheet, CSV above the header."""


def build_export(standard: Standard, evidence: Evidence, verdict: Verdict) -> ExportView:
    """One row per evidence item (and one for an element with none), in the standard's order."""
    from cse_cli.core.evidence import ElementFile
    from cse_cli.core.scoring import verdict_sentence

    rows: list[tuple[CellValue, ...]] = []
    for criterion in standard.criteria:
        for standard_element in criterion.elements:
            element = evidence.elements.get(standard_element.id) or ElementFile(
                element=standard_element.id
            )
            rows.extend(_element_rows(standard_element.text, element, evidence, verdict.stage))
    summary = tuple(
        (
            c.number, c.title, c.elements, c.compliance_plus, c.full, c.partial, c.max_partials,
            c.non_compliance, c.unrated, round(c.compliant_share, 3),
            "Met" if c.met else "Not met", "; ".join(c.reasons) or None,
        )
        for c in verdict.criteria
    )  # fmt: skip
    return ExportView(
        organisation=evidence.config.organisation,
        stage=verdict.stage,
        stage_words=standard.words(verdict.stage.value),
        headers=headers(verdict.stage),
        rows=tuple(rows),
        summary=summary,
        verdict=verdict_sentence(verdict),
    )


def _element_rows(
    wording: str, element: ElementFile, evidence: Evidence, stage: Stage
) -> list[tuple[CellValue, ...]]:
    ratings = (
        _rating(element.rating(stage)),
        *(_rating(element.recorded(s)) for s in RECORDED),
    )
    lead = (element.element, wording, *ratings)
    rows: list[tuple[CellValue, ...]] = []
    none = (None,) * len(ON_SITE_HEADERS)
    if (not element.evidence and not element.on_site) or element.owner or element.notes:
        rows.append((*lead, None, None, element.owner, None, None, None, element.notes, None,
                     *none, None, str(RowKey(element.element))))  # its own row  # fmt: skip
    defined = evidence.defined
    for position, item in enumerate(element.evidence, start=1):
        shown: EvidenceItem = defined.get(item.ref, item) if item.ref is not None else item
        notes = item.notes if item.ref is not None else shown.notes
        rows.append(
            (
                *lead,
                item.ref or shown.id,
                shown.title,
                shown.owner,
                shown.service,
                shown.date,
                shown.url or shown.path,
                notes,
                ", ".join(shown.inferred) or None,
                *none,
                None,
                str(_key(element.element, "evidence", position, item.id)),
            )
        )
    return rows + _on_site_rows(lead, element, evidence)


def _on_site_rows(
    lead: tuple[CellValue, ...], element: ElementFile, evidence: Evidence
) -> list[tuple[CellValue, ...]]:
    """A row per on-site item: a `ref:` item shows what it cites, with its own notes."""
    defined = evidence.defined_on_site
    rows: list[tuple[CellValue, ...]] = []
    for position, item in enumerate(element.on_site, start=1):
        shown: OnSiteItem = defined.get(item.ref, item) if item.ref is not None else item
        notes = item.notes if item.ref is not None else shown.notes
        inferred = ", ".join(shown.inferred) or None
        rows.append((*lead, None, None, None, shown.service, None, None, notes, inferred,
                     item.ref or shown.id, shown.title, shown.person, shown.place,
                     None, str(_key(element.element, "on_site", position, item.id))))  # fmt: skip
    return rows


def _key(element: str, listed: str, position: int, item_id: str | None) -> RowKey:
    """The row key of an item of list `listed`: by the id it defines, else by its place."""
    if item_id is not None and not item_id.startswith("#"):  # `#2` is a place
        return RowKey(element, listed, id=item_id)
    return RowKey(element, listed, position=position)


def _rating(rating: Rating | None) -> str | None:
    return rating.label if rating is not None else None
