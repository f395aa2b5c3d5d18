"""`cse report --format docx`: the report as a Word document people can work in.

It is built from the same view as the HTML report and holds the same content:
the summary table, per criterion and sub-criterion the analysis table (the
on-site evidence beside the desk-top evidence), the compliance plus
justifications and the development points, then the on-site evidence by person
and place. Headings use
Word's own heading styles (the navigation pane and the table of contents
field follow them), table header rows repeat on every page, the analysis is
on landscape pages, the language is en-GB, and every rating is written out in
words as well as shaded. The same view always gives the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_SECTION
from docx.shared import Pt

from cse_cli.render import docx_document as frame
from cse_cli.render import docx_parts as parts
from cse_cli.render.docx_parts import add_text as add
from cse_cli.render.visit_docx import TITLE as PLAN_TITLE
from cse_cli.render.visit_docx import add_plan, on_site_lines

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell

    from cse_cli.views.report import CriterionView, ElementView, RatingView, ReportView

KEY = (
    ("CP", "Compliance Plus"),
    ("F", "Full Compliance"),
    ("P", "Partial Compliance"),
    ("NC", "Non-compliance"),
    ("–", "Not rated"),  # noqa: RUF001 - an en dash, as printed
    ("VO", "Evidence verified on site"),
    ("DTR", "Desk-top review"),
)
# Light tints of the HTML report's colours, dark text on each: the words carry the rating.

SHADES = {
    "compliance-plus": "D6E2F3",
    "full": "D5EBDD",
    "partial": "FCEBB6",
    "non-compliance": "F4D3D0",
}
SUMMARY_COLUMNS = (
    ("Criterion", 4.6), ("Elements", 2.4), ("CP", 1.1), ("F", 1.1), ("P", 1.1),
    ("NC", 1.2), ("Unrated", 2.0), ("Partials allowed", 2.2), ("Compliant share", 2.6),
    ("Result", 2.0), ("Why not met", 6.2),
)  # fmt: skip
ANALYSIS_COLUMNS = (
    ("Element", 4.6), ("Desk-top evidence", 5.9), ("Key questions / person asked", 4.0),
    ("Visit evidence", 4.0), ("VO", 1.1), ("Self", 2.3), ("DTR", 2.3), ("Final", 2.3),
)  # fmt: skip


def to_docx(view: ReportView) -> bytes:
    """The report as a .docx: the same evidence gives the same bytes."""
    document = frame.new_document(
        title=f"Customer Service Excellence: {view.organisation}",
        subject=f"Assessment analysis at {view.stage_words}",
        keywords="Customer Service Excellence; assessment; evidence",
        comments=view.standard,
        footer=f"{view.organisation}: Customer Service Excellence.",
    )
    _front(document, view)
    # The summary and analysis tables need the width of a landscape page.
    parts.landscape(document.add_section(WD_SECTION.NEW_PAGE))
    _summary(document, view)
    for criterion in view.criteria:
        _criterion(document, view, criterion)
    if view.visit is not None:
        add_plan(document, view.visit)
    frame.colophon(
        document,
        "Produced by cse report from the evidence repository"
        + (f", generated {view.generated}" if view.generated else "")
        + ". The verdict is indicative: the certification body decides.",
    )
    return parts.fixed_bytes(document)


def _front(document: Document, view: ReportView) -> None:
    """Title, the assessment's facts, and the table of contents field."""
    add(document.add_paragraph(), "Customer Service Excellence · assessment analysis", bold=True)
    add(document.add_heading(level=0), view.organisation)
    facts = []
    if view.reference:
        facts.append(("Assessment reference", view.reference))
    if view.assessor:
        facts.append(("Assessor", view.assessor))
    facts.extend(view.cycle)
    facts.append(("Standard", view.standard))
    facts.append(("Ratings scored", f"{view.stage_words} (stage {view.stage})"))
    parts.facts(document, facts, "The assessment")
    frame.contents(
        document,
        [
            ("Summary", 1),
            *(
                entry
                for criterion in view.criteria
                for entry in (
                    (f"{criterion.result.number}. {criterion.result.title}", 1),
                    *((f"{sub.id} {sub.title}", 2) for sub in criterion.sub_criteria),
                )
            ),
            *([(PLAN_TITLE, 1)] if view.visit is not None else []),
        ],
    )


def _summary(document: Document, view: ReportView) -> None:
    """The verdict, the summary table and the key."""
    document.add_heading("Summary", level=1)
    verdict = document.add_paragraph()
    if view.met:
        add(verdict, "Indicative verdict: met.", bold=True)
        add(verdict, " Every criterion meets the standard’s rules.")  # noqa: RUF001
    else:
        add(verdict, "Indicative verdict: not met.", bold=True)
        add(verdict, f" {view.falls_short} of the standard’s rules.")  # noqa: RUF001
    add(verdict, " The certification body decides.")
    parts.paragraph(
        document,
        "A criterion is met when it has no non-compliance and no unrated element, no more "
        "partial compliances than its maximum, and at least "
        f"{view.min_share} of its elements at full compliance or compliance plus. Ratings "
        f"are those of {view.stage_words}.",
    )
    table = parts.table(document, SUMMARY_COLUMNS, f"Ratings per criterion at {view.stage_words}")
    for criterion in view.criteria:
        result = criterion.result
        cells = parts.new_row(table)
        parts.bold(cells[0], f"{result.number} {result.title}")
        numbers = (
            result.elements, result.compliance_plus, result.full, result.partial,
            result.non_compliance, result.unrated, result.max_partials,
        )  # fmt: skip
        for cell, number in zip(cells[1:8], numbers, strict=True):
            add(cell.paragraphs[0], str(number))
        add(cells[8].paragraphs[0], criterion.share)
        parts.bold(cells[9], parts.met_words(result.met))
        if result.met:
            add(cells[10].paragraphs[0], "—")
        else:
            why = [*result.reasons, f"To meet it, raise {criterion.to_raise} to full compliance."]
            parts.lines(cells[10], why)
    key = document.add_paragraph()
    key.paragraph_format.space_before = Pt(8)
    add(key, "Key:", bold=True)
    for index, (abbreviation, words) in enumerate(KEY):
        add(key, " · " if index else " ")
        add(key, abbreviation, bold=True)
        add(key, f" {words}")


def _criterion(document: Document, view: ReportView, criterion: CriterionView) -> None:
    """A criterion's heading and result, its analysis tables, justifications and points."""
    result = criterion.result
    heading = parts.heading(document, f"{result.number}. {result.title}", 1)
    heading.paragraph_format.page_break_before = True
    status = document.add_paragraph()
    if result.met:
        add(status, parts.met_words(result.met), bold=True)
        add(
            status,
            f" at {view.stage_words}: {criterion.share} compliant, {result.partial} of up to "
            f"{result.max_partials} partial compliances.",
        )
    else:
        add(status, parts.met_words(result.met), bold=True)
        add(
            status,
            f" at {view.stage_words}; to meet it, raise {criterion.to_raise} to full compliance.",
        )
        for reason in result.reasons:
            parts.bullet(document, reason)
    for sub in criterion.sub_criteria:
        parts.heading(document, f"{sub.id} {sub.title}", 2)
        table = parts.table(
            document,
            ANALYSIS_COLUMNS,
            f"{sub.id} {sub.title}: desk-top evidence, visit evidence and results per element",
        )
        for element in sub.elements:
            _element_row(table, element)
    if criterion.justifications:
        document.add_heading("Compliance plus", level=3)
        for element_id, why in criterion.justifications:
            paragraph = document.add_paragraph()
            add(paragraph, element_id, bold=True)
            add(paragraph, f": {why}")
    if criterion.development_points:
        document.add_heading("Development points", level=3)
        for point in criterion.development_points:
            paragraph = parts.bullet(document)
            add(paragraph, point.element, bold=True)
            raised = f", raised {point.raised}" if point.raised else ""
            add(paragraph, f" ({point.status}{raised}): {point.point}")
            if point.progress:
                paragraph.add_run().add_break()
                add(paragraph, f"Progress: {point.progress}")


def _element_row(table: Table, element: ElementView) -> None:
    """One element's row of the analysis table."""
    cells = parts.new_row(table)
    head = cells[0].paragraphs[0]
    add(head, element.id, bold=True)
    add(head, f" {element.text}")
    if element.owner:
        add(cells[0].add_paragraph(), f"Owner: {element.owner}").italic = True
    first = True
    for item in element.items[: frame.LISTED]:
        paragraph = cells[1].paragraphs[0] if first else cells[1].add_paragraph()
        parts.set_style(paragraph, parts.BULLET)
        first = False
        if item.url:
            parts.hyperlink(paragraph, item.title, item.url)
        else:
            add(paragraph, item.title)
        if item.details:
            add(paragraph, f" ({item.details})")
    frame.more(cells[1], len(element.items), "evidence items")
    on_site_lines(cells[1], element.on_site, first=first)
    if not element.items and not element.on_site:
        add(cells[1].paragraphs[0], "None listed")
    parts.lines(cells[2], element.key_questions[: frame.LISTED], style=parts.BULLET)
    frame.more(cells[2], len(element.key_questions), "key questions")
    add(cells[3].paragraphs[0], element.visit_evidence or "")
    if element.verified_on_site:
        parts.bold(cells[4], "VO")
    for cell, rating in zip(
        cells[5:], (element.self_assessment, element.desk_top, element.final), strict=True
    ):
        _rating(cell, rating)


def _rating(cell: _Cell, rating: RatingView) -> None:
    """A rating as its abbreviation and its words, on its shade."""
    paragraph = cell.paragraphs[0]
    add(paragraph, rating.abbreviation, bold=True)
    paragraph.add_run().add_break()
    add(paragraph, rating.label[:1].upper() + rating.label[1:], size=8)
    shade = SHADES.get(rating.css)
    if shade:
        parts.shade(cell, shade)
