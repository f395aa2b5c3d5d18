"""`cse report --review STAGE --format docx`: a surveillance report as a Word document.

It is built from the same view as the Markdown and HTML forms and holds the
same content in the same order: the review's facts, the documents requested
with receipt, the development points open at the review (who wrote each, and
the organisation's response and the assessor's update labelled apart), the
on-site plan, what changed per criterion, the scoring changes since the first
assessment, the scoring table and the verdict. Its frame is the full report's
(Word's heading styles, a table of contents field, repeating table header
rows, A4 in en-GB, document properties), and the same view always gives the
same bytes. Like the full report's cells, each list shows at most
`docx_document.LISTED` entries and then counts the rest (documents requested,
development points, sessions of the plan, and each session's people and
issues), so that a review file listing thousands stays a document in seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import Pt

from cse_cli.render import docx_document as frame
from cse_cli.render import docx_parts as parts
from cse_cli.render.docx_parts import add_text as add
from cse_cli.render.visit_docx import TITLE as PLAN_TITLE
from cse_cli.render.visit_docx import add_plan

if TYPE_CHECKING:
    from docx.document import Document

    from cse_cli.views.points import PointView
    from cse_cli.views.review_report import ReviewReport

SECTIONS = (
    "Documents requested",
    "Development points",
    "On-site plan",
    "What has changed",
    "Scoring changes",
    "Scoring",
)
DOCUMENT_COLUMNS = (("Item", 7.0), ("Evidence", 7.0), ("Assessor to confirm receipt", 4.0))
PLAN_COLUMNS = (
    ("Date/Time", 4.0), ("Key people to be seen", 7.0), ("Key issues to be explored", 7.0),
)  # fmt: skip
CHANGE_COLUMNS = (("Element", 3.0), ("At the first assessment", 7.5), ("Now", 7.5))
# The scoring table's fifth column is named by the review (compliance plus, or non-compliances).
SCORING_COLUMNS = (
    ("Criterion", 4.0), ("Number of elements", 2.4), ("Maximum number of partial compliances", 3.1),
    ("Actual number of partial compliances", 3.1),
)  # fmt: skip


def to_docx(view: ReviewReport) -> bytes:
    """The surveillance report as a .docx: the same evidence gives the same bytes."""
    document = frame.new_document(
        title=f"{view.title}: {view.organisation}",
        subject=f"Customer Service Excellence surveillance report: {view.title}",
        keywords="Customer Service Excellence; surveillance; evidence",
        comments=view.reference,
        footer=f"{view.organisation}: {view.title}.",
    )
    _front(document, view)
    _documents(document, view)
    _points(document, view)
    _plan(document, view)
    if view.visit is not None:
        add_plan(document, view.visit)
    _changes(document, view)
    _scoring_changes(document, view)
    _scoring(document, view)
    frame.colophon(
        document,
        f"Produced by cse report --review {view.stage.value} from the evidence repository. "
        "The verdict is indicative: the certification body decides.",
    )
    return parts.fixed_bytes(document)


def _front(document: Document, view: ReviewReport) -> None:
    """Title, the review's facts, the assessor's summary and the contents field."""
    add(document.add_paragraph(), "Customer Service Excellence · surveillance report", bold=True)
    add(document.add_heading(level=0), f"{view.title}: {view.organisation}")
    facts = [("Assessment reference", view.reference)] if view.reference else []
    facts.append(("Assessment", view.assessment_type))
    facts.extend(view.facts)
    parts.facts(document, facts, "The review")
    if view.summary:
        parts.paragraph(document, view.summary).paragraph_format.space_before = Pt(12)
    sections = list(SECTIONS)
    if view.visit is not None:
        sections.insert(sections.index("On-site plan") + 1, PLAN_TITLE)
    frame.contents(document, [(section, 1) for section in sections])


def _documents(document: Document, view: ReviewReport) -> None:
    """The documents the certification body requests, what each points at, and receipt."""
    parts.heading(document, SECTIONS[0], 1)
    table = parts.table(
        document, DOCUMENT_COLUMNS, "The documents the certification body requests, and receipt"
    )
    for row in view.documents[: frame.LISTED]:
        cells = parts.new_row(table)
        parts.bold(cells[0], row.title)
        if row.url:
            parts.hyperlink(cells[1].paragraphs[0], row.evidence, row.url)
        else:
            add(cells[1].paragraphs[0], row.evidence)
        add(cells[2].paragraphs[0], row.received)
    frame.more(document, len(view.documents), "documents requested")


def _points(document: Document, view: ReviewReport) -> None:
    """The development points open at the review, each saying who wrote it."""
    parts.heading(document, SECTIONS[1], 1)
    parts.paragraph(document, view.progress_question)
    if not view.points:
        parts.paragraph(document, "No development points are open at this review.")
    for point in view.points[: frame.LISTED]:
        paragraph = parts.bullet(document)
        add(paragraph, point.element, bold=True)
        add(paragraph, f" ({_about(point)}): {point.point}")
        for note in point.reviews:
            if note.stage != view.stage.value:
                continue
            for label, words in (
                ("The organisation’s response:", note.response),  # noqa: RUF001 - as printed
                ("The assessor’s update:", note.update),  # noqa: RUF001
            ):
                if words:
                    paragraph.add_run().add_break()
                    add(paragraph, label).italic = True
                    add(paragraph, f" {words}")
    frame.more(document, len(view.points), "development points")


def _about(point: PointView) -> str:
    """A point's status, who wrote it, and when it was raised and addressed."""
    about = [point.status, point.source]
    if point.raised:
        about.append(f"raised {point.raised}")
    if point.addressed:
        about.append(f"addressed {point.addressed}")
    return "; ".join(about)


def _plan(document: Document, view: ReviewReport) -> None:
    """The on-site plan: when, whom to see, what to explore."""
    parts.heading(document, SECTIONS[2], 1)
    if not view.plan:
        parts.paragraph(document, "No on-site plan is recorded.")
        return
    table = parts.table(document, PLAN_COLUMNS, "Activities of the on-site plan")
    for session in view.plan[: frame.LISTED]:
        cells = parts.new_row(table)
        parts.bold(cells[0], session.when)
        for cell, listed, what in (
            (cells[1], session.people, "people"),
            (cells[2], session.issues, "issues"),
        ):
            parts.lines(cell, listed[: frame.LISTED], style=parts.BULLET)
            frame.more(cell, len(listed), what)
    frame.more(document, len(view.plan), "sessions of the plan")


def _changes(document: Document, view: ReviewReport) -> None:
    """What has changed since the first assessment, per criterion."""
    parts.heading(document, SECTIONS[3], 1)
    parts.paragraph(document, view.changes_question)
    for criterion, text in view.changes:
        paragraph = parts.bullet(document)
        add(paragraph, criterion, bold=True)
        add(paragraph, f": {text}")


def _scoring_changes(document: Document, view: ReviewReport) -> None:
    """The elements whose rating differs from the first assessment's: from, then to."""
    parts.heading(document, SECTIONS[4], 1)
    parts.paragraph(document, view.scoring_question)
    if not view.scoring_changes:
        parts.paragraph(
            document,
            "No element’s rating has changed since the first assessment.",  # noqa: RUF001
        )
        return
    table = parts.table(
        document, CHANGE_COLUMNS, "Elements whose rating changed since the first assessment"
    )
    for change in view.scoring_changes:
        cells = parts.new_row(table)
        parts.bold(cells[0], change.element)
        add(cells[1].paragraphs[0], change.before)
        add(cells[2].paragraphs[0], change.after)


def _scoring(document: Document, view: ReviewReport) -> None:
    """The scoring table of the assessor's record, then the verdict and any notes."""
    parts.heading(document, SECTIONS[5], 1)
    columns = (*SCORING_COLUMNS, (view.last_column, 3.4), ("Result", 2.0))
    table = parts.table(document, columns, "Partial compliances per criterion at this review")
    for row in view.scoring:
        cells = parts.new_row(table)
        parts.bold(cells[0], f"{row.number} {row.title}")
        numbers = (row.elements, row.max_partials, row.partials, row.last)
        for cell, number in zip(cells[1:5], numbers, strict=True):
            add(cell.paragraphs[0], str(number))
        parts.bold(cells[5], parts.met_words(row.met))
    verdict = document.add_paragraph()
    verdict.paragraph_format.space_before = Pt(8)
    add(verdict, view.verdict, bold=True)
    for note in view.notes:
        parts.paragraph(document, f"Note: {note}.")
